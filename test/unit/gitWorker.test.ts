import * as assert from 'node:assert/strict';
import type * as childProcess from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { runGitProcess } from '../../src/core/scan/gitProcess';
import { createGitRunner, startGitFrom } from '../../src/core/scan/gitRunner';
import { gitWorkerLauncher } from '../../src/core/scan/gitWorkerClient';
import type { GitWorkerLauncher } from '../../src/core/scan/gitWorkerClient';
import { gitEnvironment } from '../../src/core/scan/gitSafety';
import { processGone } from './helpers/processes';
import { git, makeTree, removeTree } from './helpers/scanFixtures';

/** Counts the git processes this thread starts (a worker thread has its own `child_process`). */
function countSpawnsHere(): { readonly count: () => number; readonly restore: () => void } {
  // The module object the code calls `spawn` on (an `import *` here would be a read-only copy).
  const realChildProcess = createRequire(__filename)('node:child_process') as typeof childProcess;
  const original = realChildProcess.spawn;
  let spawned = 0;
  realChildProcess.spawn = ((...args: Parameters<typeof childProcess.spawn>) => {
    spawned++;
    return original(...args);
  }) as typeof childProcess.spawn;
  return {
    count: () => spawned,
    restore: () => {
      realChildProcess.spawn = original;
    },
  };
}

describe('git started from a worker thread (the extension host)', function () {
  this.timeout(30_000);
  let root: string;
  let launcher: GitWorkerLauncher | undefined;
  before(async () => {
    root = await fs.realpath(await makeTree({ 'a.txt': 'a\n', 'b.txt': 'b\n' }));
    await git(root, 'init', '-q');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'First');
  });
  afterEach(() => {
    launcher?.dispose();
    launcher = undefined;
    startGitFrom(runGitProcess);
  });
  after(async () => {
    await removeTree(root);
  });

  const fallbacks: string[] = [];
  function useWorker(file?: string, idleMs?: number): GitWorkerLauncher {
    fallbacks.length = 0;
    launcher = gitWorkerLauncher({ ...(file === undefined ? {} : { file }), ...(idleMs === undefined ? {} : { idleMs }), onFallback: (why) => fallbacks.push(why) });
    startGitFrom(launcher.launch);
    return launcher;
  }

  /** Git arguments for an alias that records its shell's pid and then sleeps 30 s. */
  function sleeper(pidFile: string): string[] {
    return ['-c', `alias.hang=!echo $$ > '${pidFile}'; exec sleep 30`, 'hang'];
  }

  it('answers as git run from this thread does, and this thread starts no process', async () => {
    const args = ['ls-files', '-z', '--cached'];
    const here = await createGitRunner(root).run(args);
    useWorker();
    const spawns = countSpawnsHere();
    try {
      const runner = createGitRunner(root);
      const [listed, log] = await Promise.all([runner.run(args), runner.run(['log', '--format=%s'])]);
      assert.deepEqual(listed, here);
      assert.deepEqual(log, { ok: true, stdout: 'First\n' });
      assert.equal(spawns.count(), 0);
      assert.deepEqual(fallbacks, []);
    } finally {
      spawns.restore();
    }
  });

  // Time limits and cancellation, in both threads: gitSafety.test.ts.
  it('reports failures as the runner does: not a repository, a folder that is gone', async () => {
    const outside = await fs.realpath(await makeTree({ 'x.txt': 'x\n' }));
    try {
      useWorker();
      const notRepository = await createGitRunner(outside, undefined).run(['rev-parse', '--git-dir']);
      // Not a repository unless the temporary folder sits inside one: then it is that repository's folder.
      if (!notRepository.ok) {
        assert.equal(notRepository.kind, 'notRepository');
      }
      const gone = await createGitRunner(path.join(root, 'no-such-folder')).run(['ls-files']);
      assert.equal(gone.ok, false);
      assert.match(gone.message, /no longer exists/);
    } finally {
      await removeTree(outside);
    }
  });

  it('ends the thread and what it started when disposed, failing the command still running', async function () {
    if (process.platform === 'win32') {
      // The stand-in for a command that hangs is a POSIX shell alias.
      this.skip();
    }
    const disposed = useWorker();
    const pidFile = path.join(root, 'pid-dispose');
    const pending = createGitRunner(root).run(sleeper(pidFile));
    while (!(await fs.stat(pidFile).then(() => true, () => false))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    disposed.dispose();
    const outcome = await pending;
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /shutting down/);
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    assert.ok(await processGone(pid, 3000), `the sleeping program ${pid} is still running`);
  });

  it('runs git in this thread when the worker cannot start', async () => {
    useWorker(path.join(root, 'no-such-worker.js'));
    const spawns = countSpawnsHere();
    try {
      const runner = createGitRunner(root);
      assert.deepEqual(await runner.run(['log', '--format=%s']), { ok: true, stdout: 'First\n' });
      assert.deepEqual(await runner.run(['log', '--format=%s']), { ok: true, stdout: 'First\n' });
      // The configuration and two commands: the first command once the worker's failure was seen, or at once.
      assert.ok(spawns.count() >= 2, `${spawns.count()} processes started here`);
      assert.equal(fallbacks.length, 1);
      assert.match(fallbacks[0] ?? '', /no-such-worker\.js/);
    } finally {
      spawns.restore();
    }
  });

  it('runs again here what a worker that died was running', async () => {
    const dying = path.join(root, 'dying-worker.js');
    await fs.writeFile(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const dyingLauncher = useWorker(dying);
    const spawns = countSpawnsHere();
    try {
      const outcome = await dyingLauncher.launch({ folder: root, args: ['log', '--format=%s'], env: gitEnvironment(process.env), subcommand: 'log', idleTimeoutMs: 10_000 }, undefined);
      assert.deepEqual(outcome, { ok: true, stdout: 'First\n' });
      assert.equal(spawns.count(), 1);
      assert.equal(dyingLauncher.hasThread(), false);
      assert.deepEqual(fallbacks, ['it ended with code 3']);
    } finally {
      spawns.restore();
    }
  });

  it('stops the idle thread and starts another for the next command', async () => {
    const idle = useWorker(undefined, 50);
    const runner = createGitRunner(root);
    assert.deepEqual(await runner.run(['log', '--format=%s']), { ok: true, stdout: 'First\n' });
    assert.equal(idle.hasThread(), true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(idle.hasThread(), false);
    const spawns = countSpawnsHere();
    try {
      assert.deepEqual(await runner.run(['log', '--format=%s']), { ok: true, stdout: 'First\n' });
      assert.equal(idle.hasThread(), true);
      assert.equal(spawns.count(), 0);
      assert.deepEqual(fallbacks, []);
    } finally {
      spawns.restore();
    }
  });
});
