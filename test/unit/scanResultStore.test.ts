import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FolderScan } from '../../src/core/milestones/engine';
import { MAX_STORED_FOLDERS, scanResultStoreIn } from '../../src/core/milestones/scanResultStore';
import { makeTree, removeTree } from './helpers/scanFixtures';

function scanOf(folder: string): FolderScan {
  return {
    folder,
    milestones: [{ id: 'docker.file', present: true, checked: true, evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', folder, path: 'Dockerfile', line: 1, at: '2026-12-01T00:00:00.000Z', yours: true }] }],
    warnings: [],
    durationMs: 12,
    filesListed: 3,
    repository: true,
    learnerEmails: ['learner@example.com'],
    files: { files: ['Dockerfile', 'a.js', 'b.js'], source: 'git' },
  };
}

describe('scanResultStore: the last scan of each folder, under its fingerprint', () => {
  let directory: string;
  beforeEach(async () => {
    directory = path.join(await makeTree({}), 'scans');
  });
  afterEach(async () => {
    await removeTree(path.dirname(directory));
  });

  it('gives back what it kept under exactly the same folder and key, without the file list', () => {
    const store = scanResultStoreIn(directory, () => new Date('2026-12-02T10:00:00.000Z'));
    store.write('/work/api', 'key-1', scanOf('/work/api'));
    const { files, ...kept } = scanOf('/work/api');
    assert.equal(files?.files.length, 3);
    assert.deepEqual(store.read('/work/api', 'key-1'), { scan: kept, savedAt: '2026-12-02T10:00:00.000Z' });
    assert.equal(store.read('/work/api', 'key-2'), undefined);
    assert.equal(store.read('/work/other', 'key-1'), undefined);
  });

  it('keeps one scan per folder, readable by its owner only', async () => {
    const store = scanResultStoreIn(directory);
    store.write('/work/api', 'key-1', scanOf('/work/api'));
    store.write('/work/api', 'key-2', scanOf('/work/api'));
    assert.equal(store.read('/work/api', 'key-1'), undefined);
    assert.ok(store.read('/work/api', 'key-2'));
    const names = await fs.readdir(directory);
    assert.equal(names.length, 1);
    if (process.platform !== 'win32') {
      assert.equal((await fs.stat(path.join(directory, names[0] ?? ''))).mode & 0o777, 0o600);
    }
  });

  it('reads a damaged, foreign or older-format file as nothing kept', async () => {
    const store = scanResultStoreIn(directory);
    store.write('/work/api', 'key-1', scanOf('/work/api'));
    const [name = ''] = await fs.readdir(directory);
    const file = path.join(directory, name);
    const good = await fs.readFile(file, 'utf8');
    for (const damaged of [good.slice(0, good.length / 2), 'null', JSON.stringify({ ...JSON.parse(good), format: 0 }), JSON.stringify({ ...JSON.parse(good), folder: '/work/other' }), JSON.stringify({ ...JSON.parse(good), scan: { folder: '/work/api' } })]) {
      await fs.writeFile(file, damaged);
      assert.equal(store.read('/work/api', 'key-1'), undefined, damaged.slice(0, 60));
    }
  });

  it(`keeps at most ${MAX_STORED_FOLDERS} folders, dropping the least recently written`, async () => {
    const store = scanResultStoreIn(directory);
    for (let i = 0; i <= MAX_STORED_FOLDERS + 2; i++) {
      store.write(`/work/p${i}`, 'k', scanOf(`/work/p${i}`));
      // Distinct modification times, oldest first, on any file system.
      const names = await fs.readdir(directory);
      const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
      for (const name of names) {
        const stored = JSON.parse(await fs.readFile(path.join(directory, name), 'utf8')) as { folder: string };
        if (stored.folder === `/work/p${i}`) {
          await fs.utimes(path.join(directory, name), stamp, stamp);
        }
      }
    }
    assert.equal((await fs.readdir(directory)).length, MAX_STORED_FOLDERS);
    assert.equal(store.read('/work/p0', 'k'), undefined);
    assert.equal(store.read('/work/p2', 'k'), undefined);
    assert.ok(store.read('/work/p3', 'k'));
    assert.ok(store.read(`/work/p${MAX_STORED_FOLDERS + 2}`, 'k'));
  });

  it('never fails a scan when it cannot write', async () => {
    await fs.mkdir(path.dirname(directory), { recursive: true });
    // A file where the folder should be.
    await fs.writeFile(directory, 'not a folder');
    const store = scanResultStoreIn(directory);
    assert.doesNotThrow(() => {
      store.write('/work/api', 'key-1', scanOf('/work/api'));
    });
    assert.equal(store.read('/work/api', 'key-1'), undefined);
  });
});
