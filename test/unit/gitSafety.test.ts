import * as assert from 'node:assert/strict';
import type * as childProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanFolder } from '../../src/core/milestones/engine';
import { runGitProcess } from '../../src/core/scan/gitProcess';
import { createGitRunner, startGitFrom } from '../../src/core/scan/gitRunner';
import { gitWorkerLauncher } from '../../src/core/scan/gitWorkerClient';
import type { GitWorkerLauncher } from '../../src/core/scan/gitWorkerClient';
import { gitEnvironment, safeGitArgs } from '../../src/core/scan/gitSafety';
import { git, makeTree, removeTree, writeTree } from './helpers/scanFixtures';
import { runCli, SHIPPING_STAGE } from './helpers/cli';
import { countEventLoopTurns } from './helpers/eventLoopTurns';
import { processGone } from './helpers/processes';

/**
 * A repository that names, in its own .git/config, every program git could be made to run by a
 * read-only command; each program writes a marker file. Scanning it must leave no marker.
 */
interface HostileRepository {
  readonly root: string;
  readonly repo: string;
  readonly markers: string;
  /** Commit whose diff needs a blob that only a (blocked) lazy fetch could bring. */
  readonly lazyCommit: string;
}

const HOOKS = ['post-checkout', 'reference-transaction', 'post-index-change', 'pre-commit', 'post-commit', 'pre-auto-gc', 'post-rewrite', 'fsmonitor-watchman'];
const PROGRAMS = ['fsmonitor', 'gpg', 'gpg-ssh', 'gpg-x509', 'diff-external', 'diff-command', 'textconv', 'clean', 'smudge', 'process', 'pager', 'editor', 'askpass', 'credential', 'ssh', 'ext', 'alternate-refs'];
/** A directory and a commit subject that would clear the terminal and retitle it if printed raw. */
const HOSTILE_DIR = 'docker\u001b]0;pwned\u0007\u001b[2J';
const HOSTILE_SUBJECT = 'Add feature \u001b[2J\u001b[1;1Hall tests passed \u202eevil\u009b31m';

async function writeScript(file: string, body: string): Promise<void> {
  await fs.writeFile(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

async function hostileRepository(): Promise<HostileRepository> {
  const root = await fs.realpath(await makeTree({}));
  const bin = path.join(root, 'bin');
  const hooks = path.join(root, 'hooks');
  const markers = path.join(root, 'markers');
  const repo = path.join(root, 'repo');
  for (const dir of [bin, hooks, markers, repo]) {
    await fs.mkdir(dir, { recursive: true });
  }
  const marker = (name: string): string => `echo "$0 $*" >> '${markers}/${name}'`;
  for (const name of PROGRAMS) {
    await writeScript(path.join(bin, name), marker(name));
  }
  // If fsmonitor ever runs, it also blocks for 100 s: the scan's time shows it.
  await writeScript(path.join(bin, 'fsmonitor'), `${marker('fsmonitor')}\n[ -f '${root}/sleep' ] && sleep 100\nexit 0`);
  for (const hook of HOOKS) {
    await writeScript(path.join(hooks, hook), marker(`hook-${hook}`));
  }

  await fs.writeFile(path.join(repo, 'package.json'), '{"name":"hostile","scripts":{"test":"mocha"}}\n');
  await fs.writeFile(path.join(repo, 'a.txt'), 'first line\n');
  await fs.writeFile(path.join(repo, 'lazy.txt'), 'version 1\n');
  await fs.writeFile(path.join(repo, '.gitattributes'), '* diff=evil filter=evil\n');
  await fs.mkdir(path.join(repo, HOSTILE_DIR));
  await fs.writeFile(path.join(repo, HOSTILE_DIR, 'Dockerfile'), 'FROM node:20\n');
  await git(repo, 'init', '-q');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'First');
  for (let i = 2; i <= 5; i++) {
    await fs.writeFile(path.join(repo, 'lazy.txt'), `version ${i}\n`);
    await git(repo, 'commit', '-q', '-am', `Change ${i}`);
  }
  const lazyCommit = (await git(repo, 'rev-parse', 'HEAD')).trim();
  // The newest commit carries a (fake) signature, so log.showSignature would call gpg.program.
  const tree = (await git(repo, 'rev-parse', 'HEAD^{tree}')).trim();
  const signed = [
    `tree ${tree}`,
    `parent ${lazyCommit}`,
    'author Test Learner <learner@example.invalid> 1700000000 +0000',
    'committer Test Learner <learner@example.invalid> 1700000000 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEfakefakefake',
    ' -----END PGP SIGNATURE-----',
    '',
    HOSTILE_SUBJECT,
    '',
  ].join('\n');
  const signedFile = path.join(root, 'signed-commit');
  await fs.writeFile(signedFile, signed);
  const signedCommit = (await git(repo, 'hash-object', '-t', 'commit', '-w', signedFile)).trim();
  await git(repo, 'update-ref', 'refs/heads/main', signedCommit);
  // A partial clone whose missing blob would be fetched on demand through a command the repository names.
  const missingBlob = (await git(repo, 'rev-parse', `${lazyCommit}~1:lazy.txt`)).trim();
  await fs.rm(path.join(repo, '.git', 'objects', missingBlob.slice(0, 2), missingBlob.slice(2)));
  // Uncommitted and untracked work, so status and blame read working-tree files through the filter.
  await fs.appendFile(path.join(repo, 'a.txt'), 'second line\n');
  await fs.writeFile(path.join(repo, 'new.js'), 'module.exports = 1;\n');

  const config: [string, string][] = [
    ['core.repositoryformatversion', '1'],
    ['extensions.partialClone', 'origin'],
    ['remote.origin.promisor', 'true'],
    ['remote.origin.url', `ext::${bin}/ext`],
    ['remote.origin.uploadpack', `${bin}/ext`],
    ['protocol.ext.allow', 'always'],
    ['core.sshCommand', `${bin}/ssh`],
    ['core.fsmonitor', `${bin}/fsmonitor`],
    ['core.hooksPath', hooks],
    ['log.showSignature', 'true'],
    ['gpg.program', `${bin}/gpg`],
    ['gpg.ssh.program', `${bin}/gpg-ssh`],
    ['gpg.x509.program', `${bin}/gpg-x509`],
    ['diff.external', `${bin}/diff-external`],
    ['diff.evil.command', `${bin}/diff-command`],
    ['diff.evil.textconv', `${bin}/textconv`],
    ['filter.evil.clean', `${bin}/clean`],
    ['filter.evil.smudge', `${bin}/smudge`],
    ['filter.evil.process', `${bin}/process`],
    ['core.pager', `${bin}/pager`],
    ['core.editor', `${bin}/editor`],
    ['core.askPass', `${bin}/askpass`],
    ['credential.helper', `!${bin}/credential`],
    ['core.alternateRefsCommand', `${bin}/alternate-refs`],
  ];
  for (const [key, value] of config) {
    await git(repo, 'config', key, value);
  }
  return { root, repo, markers, lazyCommit };
}

async function markersWritten(hostile: HostileRepository): Promise<string[]> {
  return (await fs.readdir(hostile.markers)).sort();
}

/** Control characters a terminal acts on (line feed excepted), raw in printed text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('git never runs a program the scanned repository names', function () {
  this.timeout(60_000);
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
  const roots: string[] = [];
  before(function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    // The runner keeps these variables: the scans below see no machine-wide or user configuration.
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  after(async () => {
    process.env.GIT_CONFIG_GLOBAL = saved.global;
    process.env.GIT_CONFIG_NOSYSTEM = saved.nosystem;
    if (saved.global === undefined) {
      delete process.env.GIT_CONFIG_GLOBAL;
    }
    if (saved.nosystem === undefined) {
      delete process.env.GIT_CONFIG_NOSYSTEM;
    }
    for (const root of roots) {
      await removeTree(root);
    }
  });
  async function hostile(): Promise<HostileRepository> {
    const made = await hostileRepository();
    roots.push(made.root);
    return made;
  }

  it('has a fixture that does run its programs under plain git (so the next tests can fail)', async () => {
    const repo = await hostile();
    await git(repo.repo, 'ls-files');
    await git(repo.repo, 'log', '-1');
    await git(repo.repo, 'log', '-p', '-2', 'HEAD~1').catch(() => '');
    await git(repo.repo, 'blame', '--', 'a.txt').catch(() => '');
    await git(repo.repo, 'show', '--stat', repo.lazyCommit).catch(() => '');
    await git(repo.repo, 'update-ref', 'refs/heads/other', 'HEAD');
    const written = await markersWritten(repo);
    for (const name of ['fsmonitor', 'gpg', 'textconv', 'process', 'ext', 'hook-reference-transaction']) {
      assert.ok(written.includes(name), `plain git should have run ${name}; markers: ${written.join(', ')}`);
    }
  });

  it('scans the repository (listing, history, authorship) without running any of them, within its time bound', async () => {
    const repo = await hostile();
    await fs.writeFile(path.join(repo.root, 'sleep'), '');
    const started = Date.now();
    const scan = await scanFolder(repo.repo, { allowGit: true, authorship: { onlyEmails: ['learner@example.invalid'] } });
    const elapsed = Date.now() - started;
    assert.deepEqual(await markersWritten(repo), []);
    assert.ok(elapsed < 15_000, `the scan took ${elapsed} ms`);
    const results = new Map(scan.milestones.map((result) => [result.id, result]));
    // Git did run and answer: the files came from ls-files and the history was read.
    assert.equal(results.get('git.history')?.present, true, JSON.stringify(results.get('git.history')));
    assert.ok(scan.filesListed >= 4);
  });

  it('runs blame, status, show, log -p and diff in it without running any of them, and blame and status still answer', async () => {
    const repo = await hostile();
    const runner = createGitRunner(repo.repo);
    const blame = await runner.run(['blame', '--porcelain', '-L', '2,2', '--', 'a.txt']);
    assert.ok(blame.ok, JSON.stringify(blame));
    assert.match(blame.stdout, /^0{40} /);
    const status = await runner.run(['status', '--porcelain=v1', '-z', '--untracked-files=all']);
    assert.ok(status.ok, JSON.stringify(status));
    assert.match(status.stdout, /new\.js/);
    // These need the blob only a lazy fetch could bring: they fail, and fetch nothing.
    await runner.run(['show', '--stat', '--format=fuller', repo.lazyCommit, '--']);
    await runner.run(['log', '-p', '-3']);
    await runner.run(['log', '-1', '--format=%G? %GS', 'HEAD']);
    await runner.run(['diff']);
    await runner.run(['diff', 'HEAD']);
    assert.deepEqual(await markersWritten(repo), []);
  });

  it('prints no control character from the repository in the CLI text report, and keeps it exact in JSON', async () => {
    const repo = await hostile();
    const roadmap = path.join(repo.root, 'roadmap');
    await writeTree(roadmap, { 'stages/01-shipping.yaml': SHIPPING_STAGE });
    const run = async (...argv: string[]): Promise<string> => {
      const result = await runCli(['scan', repo.repo, '--roadmap', roadmap, '--author', 'learner@example.invalid', ...argv]);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    const text = await run();
    const json = await run('--json');
    assert.deepEqual(await markersWritten(repo), []);
    assert.doesNotMatch(text, RAW_CONTROL);
    assert.match(text, /Dockerfile/);
    assert.match(text, /all tests passed evil/);
    assert.doesNotMatch(json, RAW_CONTROL);
    const parsed = JSON.stringify(JSON.parse(json));
    assert.ok(parsed.includes(JSON.stringify(HOSTILE_DIR).slice(1, -1)), 'the JSON report keeps the path exact');
  });

  it('refuses git in a repository whose filter driver name -c cannot override', async () => {
    const repo = await hostile();
    await git(repo.repo, 'config', 'filter.a=b.clean', path.join(repo.root, 'bin', 'clean'));
    const runner = createGitRunner(repo.repo);
    const listed = await runner.run(['ls-files']);
    assert.equal(listed.ok, false);
    assert.match(listed.message, /cannot be told to skip/);
    // Reading configuration runs no driver, so it is still allowed.
    assert.equal((await runner.run(['config', '--get', 'core.repositoryformatversion'])).ok, true);
    assert.deepEqual(await markersWritten(repo), []);
  });
});

// Each run with git started from this thread (the CLI) and from a worker thread (the extension host).
for (const where of ['this thread', 'a worker thread'] as const) describe(`git runner time limits and cancellation, git started from ${where}`, function () {
  this.timeout(30_000);
  let root: string;
  let launcher: GitWorkerLauncher | undefined;
  before(async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    root = await fs.realpath(await makeTree({ 'a.txt': 'a\n' }));
    await git(root, 'init', '-q');
    if (where === 'a worker thread') {
      launcher = gitWorkerLauncher();
      startGitFrom(launcher.launch);
    }
  });
  after(async () => {
    launcher?.dispose();
    startGitFrom(runGitProcess);
    await removeTree(root);
  });

  /** Git arguments for an alias that records its shell's pid and then sleeps 30 s (stand-in for a hostile hook). */
  function sleeper(pidFile: string, shell = `echo $$ > '${pidFile}'; exec sleep 30`): string[] {
    return ['-c', `alias.hang=!${shell}`, 'hang'];
  }

  it('kills git and the program it started when nothing is printed for the idle time', async () => {
    const pidFile = path.join(root, 'pid-idle');
    const started = Date.now();
    const outcome = await createGitRunner(root, undefined, { idleTimeoutMs: 500 }).run(sleeper(pidFile));
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /printed nothing/);
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    assert.ok(await processGone(pid, 3000), `the sleeping program ${pid} is still running`);
  });

  it('stops waiting for a program that left the process group holding the output, and runs nothing more there', async () => {
    const pidFile = path.join(root, 'pid-escaped');
    const runner = createGitRunner(root, undefined, { idleTimeoutMs: 20_000 });
    const started = Date.now();
    const outcome = await runner.run(sleeper(pidFile, `setsid sh -c "echo \\$\\$ > '${pidFile}'; exec sleep 30" &`));
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    try {
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      assert.equal(outcome.ok, false);
      assert.match(outcome.message, /left a program running/);
      const next = await runner.run(['ls-files']);
      assert.equal(next.ok, false);
      assert.match(next.message, /no more git commands/);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });

  it('rejects a cancelled command at once and kills what it started', async () => {
    const pidFile = path.join(root, 'pid-abort');
    const controller = new AbortController();
    const runner = createGitRunner(root, controller.signal);
    const pending = runner.run(sleeper(pidFile));
    setTimeout(() => {
      controller.abort();
    }, 300);
    const started = Date.now();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.ok(Date.now() - started < 3000);
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    assert.ok(await processGone(pid, 3000), `the sleeping program ${pid} is still running`);
  });

  it('starts one git process per turn of the event loop, so that forking never holds the thread for several at once', async function () {
    if (where === 'a worker thread') {
      // This thread starts none (gitWorker.test.ts).
      this.skip();
    }
    // The module object the runner calls `spawn` on (an `import *` here would be a read-only copy).
    const realChildProcess = createRequire(__filename)('node:child_process') as typeof childProcess;
    const original = realChildProcess.spawn;
    const turns: number[] = [];
    const loop = countEventLoopTurns();
    try {
      realChildProcess.spawn = ((...args: Parameters<typeof childProcess.spawn>) => {
        turns.push(loop.now());
        return original(...args);
      }) as typeof childProcess.spawn;
      const runner = createGitRunner(root);
      const outcomes = await Promise.all([1, 2, 3, 4].map(() => runner.run(['rev-parse', '--git-dir'])));
      assert.ok(outcomes.every((outcome) => outcome.ok));
    } finally {
      realChildProcess.spawn = original;
      loop.stop();
    }
    // Four commands and the configuration read before the first one (it names drivers to switch off).
    assert.equal(turns.length, 5);
    assert.equal(new Set(turns).size, turns.length, `spawned in turns ${turns.join(', ')}`);
  });

  it('tells a folder that is gone from git that is missing', async () => {
    const outcome = await createGitRunner(path.join(root, 'no-such-folder')).run(['ls-files']);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.kind, 'failed');
    assert.match(outcome.message, /no longer exists/);
  });
});

describe('git safety arguments and environment', () => {
  it('puts the overrides before the subcommand and the diff flags right after it', () => {
    const safe = safeGitArgs(['blame', '--porcelain', '-L', '3,3', '--', 'a.js']);
    assert.equal(safe.args[0], '--no-pager');
    assert.equal(safe.args[safe.subcommandIndex], 'blame');
    assert.deepEqual(safe.args.slice(safe.subcommandIndex, safe.subcommandIndex + 3), ['blame', '--no-ext-diff', '--no-textconv']);
    assert.deepEqual(safe.args.slice(-5), ['--porcelain', '-L', '3,3', '--', 'a.js']);
    assert.ok(safe.args.includes('core.fsmonitor=false'));
    assert.ok(safe.args.includes('protocol.ext.allow=never'));
    assert.equal(safeGitArgs(['config', '--get', 'user.email']).needsDriverOverrides, false);
    assert.deepEqual(safeGitArgs(['status', '-z']).args.slice(-3), ['status', '--ignore-submodules=all', '-z']);
  });

  it('drops inherited GIT_* variables that redirect git or name programs, keeps where the learner config is', () => {
    const env = gitEnvironment({ PATH: '/bin', GIT_DIR: '/elsewhere', GIT_EXTERNAL_DIFF: 'x', git_ssh_command: 'x', GIT_CONFIG_PARAMETERS: "'core.pager'='x'", GIT_CONFIG_GLOBAL: '/home/me/.gitconfig' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.GIT_CONFIG_GLOBAL, '/home/me/.gitconfig');
    for (const name of ['GIT_DIR', 'GIT_EXTERNAL_DIFF', 'git_ssh_command', 'GIT_CONFIG_PARAMETERS']) {
      assert.equal(env[name], undefined, name);
    }
    assert.equal(env.GIT_TERMINAL_PROMPT, '0');
    assert.equal(env.GIT_OPTIONAL_LOCKS, '0');
  });
});
