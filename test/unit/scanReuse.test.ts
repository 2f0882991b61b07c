import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { CliTuning } from '../../src/cli/memorySettings';
import { engineIdentity, keepable } from '../../src/cli/reusedScan';
import type { JsonReport } from '../../src/cli/report';
import { scanResultStoreIn } from '../../src/core/milestones/scanResultStore';
import { runCli, SHIPPING_STAGE } from './helpers/cli';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.com';

/** The report without what differs between two runs of the same scan: its time, and the times evidence was seen. */
function comparable(report: JsonReport): JsonReport {
  return { ...report, durationMs: 0, reusedFrom: undefined, milestones: report.milestones.map((m) => ({ ...m, evidence: m.evidence.map((e) => ({ ...e, at: '' })) })) };
}

describe('scan: a repository in which nothing changed is answered with its last scan', function () {
  this.timeout(60_000);
  isolateGitConfig();
  const scratch = scratchFolders(LEARNER);
  let roadmap: string;
  let tuning: CliTuning;
  before(async () => {
    roadmap = await scratch.tree({ 'stages/01-shipping.yaml': SHIPPING_STAGE });
  });
  beforeEach(async () => {
    // A minute later than now: the files just written count as settled (see folderFingerprint's `settled`).
    tuning = { scanStore: scanResultStoreIn(path.join(await scratch.tree(), 'scans')), now: () => Date.now() + 60_000 };
  });

  async function project(): Promise<string> {
    const root = await scratch.repository();
    await gitAs(LEARNER, root, 'config', 'user.email', LEARNER);
    await commitFilesAs(LEARNER, root, { 'package.json': '{"dependencies":{"express":"4"}}\n', 'Dockerfile': 'FROM node:20\n' }, 'Start');
    return root;
  }

  async function scanJson(root: string, extra: readonly string[] = [], with_: CliTuning = tuning): Promise<JsonReport> {
    const result = await runCli(['scan', root, '--json', '--roadmap', roadmap, ...extra], with_);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as JsonReport;
  }

  it('says so, in the text and the JSON, and shows exactly what a full scan shows', async () => {
    const root = await project();
    const first = await scanJson(root);
    assert.equal(first.reusedFrom, undefined);
    const second = await scanJson(root);
    assert.match(second.reusedFrom ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(comparable(second), comparable(await scanJson(root, [], {})));
    assert.equal(second.milestones.find((m) => m.id === 'docker.file')?.present, true);
    const text = await runCli(['scan', root, '--roadmap', roadmap], tuning);
    assert.match(text.stdout, /\n2 files listed; nothing it reads changed since the scan of \S+, so that scan's result is shown \(--no-cache scans again\)\n/);
  });

  it('scans in full after any change, and with --no-cache, --no-git, --run-tests or another --author', async () => {
    const root = await project();
    await scanJson(root);
    assert.notEqual((await scanJson(root)).reusedFrom, undefined);
    for (const flags of [['--no-cache'], ['--no-git'], ['--run-tests'], ['--author', 'other@example.com']]) {
      assert.equal((await scanJson(root, flags)).reusedFrom, undefined, flags.join(' '));
    }
    await writeTree(root, { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' });
    const changed = await scanJson(root);
    assert.equal(changed.reusedFrom, undefined);
    assert.equal(changed.milestones.find((m) => m.id === 'docker.compose')?.present, true);
  });

  it('never keeps a scan of files changed too recently for their stat to be trusted', async () => {
    const root = await project();
    const now: CliTuning = { ...tuning, now: Date.now };
    await scanJson(root, [], now);
    assert.equal((await scanJson(root, [], now)).reusedFrom, undefined);
  });

  it('never shows a kept result that differs from a full scan, through a learner’s changes', async () => {
    const root = await project();
    const steps: readonly (readonly [string, () => Promise<unknown>])[] = [
      ['nothing', () => Promise.resolve()],
      ['git status in the terminal', () => gitAs(LEARNER, root, 'status')],
      ['a compose file, uncommitted', () => writeTree(root, { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' })],
      ['committed by someone else', () => commitFilesAs('someone@example.com', root, {}, 'Compose')],
      ['the author set back to the learner', () => gitAs(LEARNER, root, 'commit', '-q', '--amend', '--reset-author', '--no-edit')],
      ['the learner’s email changed', () => gitAs(LEARNER, root, 'config', 'user.email', 'new@example.com')],
      ['the Dockerfile edited, same size', () => fs.writeFile(path.join(root, 'Dockerfile'), 'FROM node:22\n')],
      ['a branch', () => gitAs(LEARNER, root, 'checkout', '-q', '-b', 'feature/auth')],
      ['the Dockerfile deleted', () => fs.rm(path.join(root, 'Dockerfile'))],
    ];
    let reused = 0;
    for (const [name, step] of steps) {
      await step();
      const full = await scanJson(root, ['--no-cache']);
      // Twice: the first may keep the result, the second may be answered with it.
      for (let i = 0; i < 2; i++) {
        const shown = await scanJson(root);
        if (shown.reusedFrom !== undefined) {
          reused++;
        }
        assert.deepEqual(comparable(shown), comparable(full), `after ${name}`);
      }
    }
    assert.ok(reused >= steps.length, `kept results were shown ${reused} times`);
  });

  it('answers without loading the detection engine', async () => {
    const root = await project();
    const store = await scratch.tree();
    // Compiled to <out>/test/unit/: two levels up is the compiled tree.
    const out = path.resolve(__dirname, '../..');
    const script = `
      const { main } = require(${JSON.stringify(path.join(out, 'src/cli/main.js'))});
      const { scanResultStoreIn } = require(${JSON.stringify(path.join(out, 'src/core/milestones/scanResultStore.js'))});
      let stdout = '';
      const io = { stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => process.stderr.write(t) } };
      main(['scan', ${JSON.stringify(root)}, '--json', '--roadmap', ${JSON.stringify(roadmap)}], io, { scanStore: scanResultStoreIn(${JSON.stringify(store)}), now: () => Date.now() + 60000 })
        .then(() => console.log(JSON.stringify({ reusedFrom: JSON.parse(stdout).reusedFrom ?? null, modules: Object.keys(require.cache) })));`;
    const env = { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' };
    const inFreshNode = async (): Promise<{ reusedFrom: string | null; modules: string[] }> => JSON.parse((await promisify(execFile)(process.execPath, ['-e', script], { env })).stdout) as { reusedFrom: string | null; modules: string[] };
    const engine = (modules: readonly string[]): string[] => modules.filter((file) => /milestones[/\\]engine\.js$|lazy[/\\]detection\.js$/.test(file));
    const first = await inFreshNode();
    assert.equal(first.reusedFrom, null);
    assert.equal(engine(first.modules).length, 2, 'a full scan loads the engine');
    const second = await inFreshNode();
    assert.notEqual(second.reusedFrom, null);
    assert.deepEqual(engine(second.modules), []);
    assert.ok(second.modules.some((file) => /lazy[/\\]scanReuse\.js$/.test(file)));
  });

  it('tells engines apart by their bundle: a rebuilt engine scans again', async () => {
    const bundle = path.join(await scratch.tree({ 'detection.js': 'exports.a = 1;\n' }), 'detection.js');
    const built = engineIdentity(bundle);
    assert.equal(engineIdentity(bundle), built);
    await fs.utimes(bundle, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    assert.notEqual(engineIdentity(bundle), built);
    assert.match(engineIdentity(path.join(bundle, 'missing')), / missing$/);
  });

  it('keeps only a complete, quiet scan', () => {
    const scan = { folder: '/p', milestones: [], warnings: [], durationMs: 200, filesListed: 2, repository: true, learnerEmails: [], files: { files: ['a'], source: 'git' as const } };
    assert.equal(keepable(scan), true);
    assert.equal(keepable({ ...scan, warnings: ['git log failed'] }), false);
    assert.equal(keepable({ ...scan, durationMs: 15_000 }), false);
    assert.equal(keepable({ ...scan, files: { files: ['a'], source: 'crawl' } }), false);
  });
});
