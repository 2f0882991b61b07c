// The CLI tunes V8 for its own process before a large scan (memorySettings.ts): the young generation keeps
// its first size, which a scan's long-lived data otherwise grows to 16 MiB semi-spaces. Only the CLI does it.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CLI_V8_FLAGS } from '../../src/cli/memorySettings';
import { LARGE_GIT_INDEX_BYTES } from '../../src/core/scan/gitIndexSize';

// Compiled to <out>/test/unit/: two levels up is the compiled tree, three up the repository.
const OUT_ROOT = path.resolve(__dirname, '../..');
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The size of new space after keeping 1.5 million small objects, in a fresh node, with or without the settings. */
async function newSpaceAfterKeeping(withSettings: boolean): Promise<number> {
  const settings = JSON.stringify(path.join(OUT_ROOT, 'src', 'cli', 'memorySettings.js'));
  const script = `
    const v8 = require('node:v8');
    if (${String(withSettings)}) require(${settings}).useCliMemorySettings();
    const kept = [];
    for (let i = 0; i < 1500000; i++) kept.push({ i });
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(JSON.stringify({ size: space.space_size, kept: kept.length }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
  const parsed: unknown = JSON.parse(stdout);
  assert.ok(typeof parsed === 'object' && parsed !== null && 'size' in parsed && typeof parsed.size === 'number');
  return parsed.size;
}

/** A script to load before the CLI's entry: it prints each flag the CLI sets to stderr, then sets it. */
async function writeFlagRecorder(folder: string): Promise<string> {
  const recorder = path.join(folder, 'recorder.cjs');
  await fs.writeFile(recorder, "const v8 = require('node:v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (flag) => { process.stderr.write(`flag ${flag}\\n`); set(flag); };");
  return recorder;
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('CLI memory settings', function () {
  this.timeout(30_000);

  it('keep V8 young generation at its first size while data piles up', async () => {
    const [tuned, plain] = await Promise.all([newSpaceAfterKeeping(true), newSpaceAfterKeeping(false)]);
    assert.ok(tuned <= 2 * 1024 * 1024, `new space grew to ${tuned} bytes with the settings`);
    // Without them this V8 grows it: the check above can fail.
    assert.ok(plain > 4 * 1024 * 1024, `new space stayed at ${plain} bytes without the settings`);
  });

  it('are set by the CLI entry before the scan of a large repository, and only then', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-flags-'));
    try {
      const recorder = await writeFlagRecorder(folder);
      // A git index the size of about 25,000 files' (--no-git: only its size is looked at).
      const large = path.join(folder, 'large');
      await fs.mkdir(path.join(large, '.git'), { recursive: true });
      await fs.writeFile(path.join(large, '.git', 'index'), Buffer.alloc(LARGE_GIT_INDEX_BYTES));
      const small = path.join(folder, 'small');
      await fs.mkdir(path.join(small, '.git'), { recursive: true });
      await fs.writeFile(path.join(small, '.git', 'index'), Buffer.alloc(LARGE_GIT_INDEX_BYTES - 1));
      const flagsSetScanning = async (repository: string): Promise<string[]> => {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--require', recorder, path.join(OUT_ROOT, 'src', 'cli', 'main.js'), 'scan', repository, '--no-git', '--json'], { cwd: REPO_ROOT });
        assert.ok(JSON.parse(stdout), 'the scan printed no report');
        // An unknown flag would add "Error: unrecognized flag" to stderr.
        return stderr.split('\n').filter((line) => line !== '');
      };
      assert.deepEqual(await flagsSetScanning(large), CLI_V8_FLAGS.map((flag) => `flag ${flag}`));
      assert.deepEqual(await flagsSetScanning(small), []);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('are set once by `scan --all`, before it looks for repositories, whatever their size', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-flags-all-'));
    try {
      const recorder = await writeFlagRecorder(folder);
      const repository = async (root: string, name: string, indexBytes: number): Promise<void> => {
        await fs.mkdir(path.join(root, name, '.git'), { recursive: true });
        await fs.writeFile(path.join(root, name, '.git', 'HEAD'), 'ref: refs/heads/main\n');
        await fs.writeFile(path.join(root, name, '.git', 'index'), Buffer.alloc(indexBytes));
      };
      const mixed = path.join(folder, 'mixed');
      await repository(mixed, 'a-small', LARGE_GIT_INDEX_BYTES - 1);
      await repository(mixed, 'b-large', LARGE_GIT_INDEX_BYTES);
      await repository(mixed, 'c-large', LARGE_GIT_INDEX_BYTES);
      const smallOnly = path.join(folder, 'small-only');
      await repository(smallOnly, 'a-small', LARGE_GIT_INDEX_BYTES - 1);
      const flagsSetScanningAll = async (root: string): Promise<string[]> => {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--require', recorder, path.join(OUT_ROOT, 'src', 'cli', 'main.js'), 'scan', '--all', root, '--no-git', '--json'], { cwd: REPO_ROOT });
        const report: unknown = JSON.parse(stdout);
        assert.ok(typeof report === 'object' && report !== null && 'repositories' in report && Array.isArray(report.repositories));
        assert.equal(report.repositories.length, root === mixed ? 3 : 1, 'repositories scanned');
        return stderr.split('\n').filter((line) => line !== '');
      };
      // Once, though two of its repositories are large.
      assert.deepEqual(await flagsSetScanningAll(mixed), CLI_V8_FLAGS.map((flag) => `flag ${flag}`));
      assert.deepEqual(await flagsSetScanningAll(smallOnly), CLI_V8_FLAGS.map((flag) => `flag ${flag}`));
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('are never set by code the extension host runs', async () => {
    const hostCode = [...(await sourceFiles(path.join(REPO_ROOT, 'src', 'core'))), ...(await sourceFiles(path.join(REPO_ROOT, 'src', 'vscode')))];
    assert.ok(hostCode.length > 50, 'no sources found');
    for (const file of hostCode) {
      assert.doesNotMatch(await fs.readFile(file, 'utf8'), /setFlagsFromString/, path.relative(REPO_ROOT, file));
    }
  });
});
