import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { updateFileList } from '../../src/core/scan/fileListUpdate';
import { createGitRunner } from '../../src/core/scan/gitRunner';
import { git, makeTree, removeTree, writeTree } from './helpers/scanFixtures';

describe('file list updated from changed paths', function () {
  this.timeout(30_000);
  let root: string;
  afterEach(async () => {
    await removeTree(root);
  });

  it('gives the same list back for a saved file, so the scan reuses its index', async () => {
    root = await makeTree({ 'src/a.ts': '1', 'src/b.ts': '2' });
    const previous = { files: ['src/a.ts', 'src/b.ts'], source: 'crawl' as const };
    await fs.writeFile(path.join(root, 'src/a.ts'), 'saved');
    assert.equal(await updateFileList(root, previous, new Set(['src/a.ts']), undefined), previous.files);
  });

  it('adds new files and drops deleted ones, in a new list', async () => {
    root = await makeTree({ 'src/a.ts': '', 'src/b.ts': '' });
    const previous = { files: ['src/a.ts', 'src/b.ts'], source: 'crawl' as const };
    await fs.rm(path.join(root, 'src/b.ts'));
    await writeTree(root, { 'src/c.ts': '' });
    const updated = await updateFileList(root, previous, new Set(['src/b.ts', 'src/c.ts', 'node_modules/x/y.js']), undefined);
    assert.notEqual(updated, previous.files);
    assert.deepEqual([...(updated ?? [])].sort(), ['src/a.ts', 'src/c.ts']);
    assert.deepEqual(previous.files, ['src/a.ts', 'src/b.ts'], 'the previous list is left as it was');
  });

  it('drops every file of deleted folders, a few or many at once, and nothing that only starts alike', async () => {
    for (const count of [2, 12]) {
      const folders = Array.from({ length: count }, (_, i) => `gone${String(i)}`);
      const kept = ['src/a.ts', 'gone0.ts', 'gone1x/keep.ts'];
      root = await makeTree(Object.fromEntries([...kept, ...folders.flatMap((folder) => [`${folder}/a.ts`, `${folder}/deep/b.ts`])].map((file) => [file, ''])));
      const previous = { files: [...kept, ...folders.flatMap((folder) => [`${folder}/a.ts`, `${folder}/deep/b.ts`])], source: 'crawl' as const };
      for (const folder of folders) {
        await fs.rm(path.join(root, folder), { recursive: true });
      }
      const updated = await updateFileList(root, previous, new Set([...folders, 'gone0/deep']), undefined);
      assert.deepEqual([...(updated ?? [])].sort(), [...kept].sort(), `${String(count)} folders`);
      await removeTree(root);
    }
    root = await makeTree({});
  });

  it('asks git about new files of a git listing: an ignored one leaves the list as it was', async () => {
    root = await makeTree({ '.gitignore': '*.log\n', 'a.ts': '' });
    await git(root, 'init', '-q');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'init');
    const previous = { files: ['.gitignore', 'a.ts'], source: 'git' as const };
    await writeTree(root, { 'debug.log': '', 'b.ts': '' });
    assert.equal(await updateFileList(root, previous, new Set(['debug.log']), createGitRunner(root)), previous.files);
    assert.deepEqual([...((await updateFileList(root, previous, new Set(['debug.log', 'b.ts']), createGitRunner(root))) ?? [])].sort(), ['.gitignore', 'a.ts', 'b.ts']);
  });

  it('asks for a full listing when a folder appeared', async () => {
    root = await makeTree({ 'a.ts': '' });
    await writeTree(root, { 'feature/x.ts': '' });
    assert.equal(await updateFileList(root, { files: ['a.ts'], source: 'crawl' }, new Set(['feature']), undefined), undefined);
  });
});
