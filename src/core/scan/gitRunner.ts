import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { CONFIG_LIST_ARGS, configListOf, driverKeys } from './gitConfig';
import type { GitConfigList } from './gitConfig';
import { gitEnvironment, safeGitArgs, unsafeDriverKey } from './gitSafety';
import type { SafeGitArgs } from './gitSafety';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Why a git command gave no output: git is absent, the folder is not a repository, or it failed otherwise. */
export type GitFailureKind = 'missing' | 'notRepository' | 'failed';

export type GitOutcome =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly kind: GitFailureKind; readonly message: string };

/**
 * Runs read-only git commands in one folder. Only created when git is allowed (trusted workspaces).
 * `args[0]` is the git subcommand; git never runs a program the repository names (see gitSafety.ts).
 * A non-zero exit is a failure.
 */
export interface GitRunner {
  run(args: readonly string[]): Promise<GitOutcome>;
  /**
   * The folder's whole configuration, read once per runner (see gitConfig.ts). Optional so that a
   * wrapper or test double can leave it out: `gitConfigOf` then reads it through `run`.
   */
  config?(): Promise<GitConfigList | Failure>;
}

export interface GitRunnerOptions {
  /** A command that prints nothing for this long is killed with every process it started. */
  readonly idleTimeoutMs?: number;
  /** The folder's configuration when it is already known (an unchanged repository: see GitStateCache). */
  readonly config?: GitConfigList;
}

/** A git command that produces no output for this long is killed. */
const IDLE_TIMEOUT_MS = 60_000;
/** Commands running at once per folder. */
const MAX_CONCURRENT = 4;
/** More output than this is refused rather than held in memory (a file list of millions of paths). */
const MAX_OUTPUT_BYTES = 128 * 1024 * 1024;
/** After git exits, how long a program it left behind may hold its output open before we stop reading. */
const CLOSE_GRACE_MS = 1000;
const WINDOWS = process.platform === 'win32';

type Failure = Extract<GitOutcome, { ok: false }>;

/** The turn of the event loop the last process was (or will be) started in, for all runners of this process. */
let lastSpawnTurn: Promise<void> = Promise.resolve();

/**
 * Resolves in a later turn of the event loop than any caller before: one git process is started per turn.
 * `spawn` forks this whole process on its thread, which in an extension host took 35–73 ms per git
 * process (a CPU profile of code-server's host), and four started in one turn held it for up to 272 ms.
 */
function nextSpawnTurn(): Promise<void> {
  lastSpawnTurn = lastSpawnTurn.then(yieldToEventLoop);
  return lastSpawnTurn;
}

export function createGitRunner(folder: string, signal?: AbortSignal, options: GitRunnerOptions = {}): GitRunner {
  const idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  /** Set once git is missing or stopped responding here: nothing more is started in this folder. */
  let latched: Failure | undefined;
  /** The configuration, read once: it names the drivers to switch off, the learner's emails, the remotes. */
  let configList: Promise<GitConfigList | Failure> | undefined;
  /** `-c key=` for every filter and diff driver the configuration names. */
  let driverOverrides: Promise<readonly string[] | Failure> | undefined;
  const slots = new Semaphore(MAX_CONCURRENT);
  /** Made once per runner: reading every variable of `process.env` costs about 0.6 ms per spawn. */
  let environment: NodeJS.ProcessEnv | undefined;

  const exec = async (safe: SafeGitArgs, overrides: readonly string[] = []): Promise<GitOutcome> => {
    await slots.acquire();
    try {
      await nextSpawnTurn();
      signal?.throwIfAborted();
      if (latched !== undefined) {
        return latched;
      }
      const args = [...safe.args.slice(0, safe.subcommandIndex), ...overrides, ...safe.args.slice(safe.subcommandIndex)];
      environment ??= gitEnvironment(process.env);
      const outcome = await spawnGit(folder, args, environment, safe.subcommand, idleTimeoutMs, signal);
      // A cancelled scan must reject, not look like a git failure.
      signal?.throwIfAborted();
      if (!outcome.ok && (outcome.kind === 'missing' || outcome.stuck)) {
        latched ??= outcome.stuck ? { ok: false, kind: 'failed', message: `${outcome.message}; no more git commands are run in ${folder}` } : strip(outcome);
      }
      return outcome.ok ? outcome : strip(outcome);
    } finally {
      slots.release();
    }
  };

  const config = (): Promise<GitConfigList | Failure> => {
    configList ??= options.config !== undefined ? Promise.resolve(options.config) : exec(safeGitArgs(CONFIG_LIST_ARGS)).then(configListOf);
    return configList;
  };

  return {
    async run(args) {
      signal?.throwIfAborted();
      const safe = safeGitArgs(args);
      if (!safe.needsDriverOverrides) {
        return exec(safe);
      }
      driverOverrides ??= config().then(driverOverridesOf);
      const overrides = await driverOverrides;
      return 'ok' in overrides ? overrides : exec(safe, overrides);
    },
    config,
  };
}

/**
 * Filter drivers (clean/smudge/process) run whenever git reads a working-tree file through its
 * attributes, whatever the command's flags: each one named in any configuration is set to empty,
 * which git treats as "no filter" (diff drivers too, for commands not given --no-textconv). A name
 * that `-c` cannot express refuses git for the folder.
 */
function driverOverridesOf(config: GitConfigList | Failure): readonly string[] | Failure {
  if ('ok' in config) {
    return config;
  }
  const keys = driverKeys(config);
  const unsafe = keys.find(unsafeDriverKey);
  if (unsafe !== undefined) {
    return { ok: false, kind: 'failed', message: `the repository configures a filter or diff driver git cannot be told to skip (${JSON.stringify(unsafe)}), so git was not run for this command` };
  }
  return keys.flatMap((key) => ['-c', `${key}=`]);
}


type SpawnOutcome = { readonly ok: true; readonly stdout: string } | (Failure & { readonly stuck: boolean });

function strip(outcome: Failure & { readonly stuck?: boolean }): Failure {
  return { ok: false, kind: outcome.kind, message: outcome.message };
}

/**
 * Starts git in its own process group (POSIX), so a time-out or cancel kills git and anything it
 * started; stops reading shortly after git exits even when a program it left behind holds the pipes.
 */
function spawnGit(folder: string, args: readonly string[], env: NodeJS.ProcessEnv, subcommand: string, idleTimeoutMs: number, signal: AbortSignal | undefined): Promise<SpawnOutcome> {
  return new Promise<SpawnOutcome>((resolve) => {
    const child = spawn('git', [...args], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: !WINDOWS, windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let stopped: 'idle' | 'output' | 'abort' | undefined;
    let exitCode: number | null = null;
    let settled = false;
    let spawnFailed = false;
    let idleTimer: NodeJS.Timeout | undefined;
    let graceTimer: NodeJS.Timeout | undefined;

    const kill = (): void => {
      if (child.pid === undefined) {
        return;
      }
      try {
        if (WINDOWS) {
          child.kill('SIGKILL');
        } else {
          process.kill(-child.pid, 'SIGKILL');
        }
      } catch {
        // Already gone.
      }
    };
    const stop = (why: 'idle' | 'output' | 'abort'): void => {
      stopped ??= why;
      kill();
    };
    const onAbort = (): void => {
      stop('abort');
    };
    const armIdle = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        stop('idle');
      }, idleTimeoutMs);
    };
    const finish = (outcome: SpawnOutcome): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(idleTimer);
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve(outcome);
    };
    const conclude = (leftBehind: boolean): void => {
      if (stopped === 'idle') {
        finish({ ok: false, kind: 'failed', message: `git ${subcommand} printed nothing for ${Math.round(idleTimeoutMs / 1000)} s and was stopped`, stuck: true });
      } else if (stopped === 'output') {
        finish({ ok: false, kind: 'failed', message: `git ${subcommand} printed more than ${MAX_OUTPUT_BYTES / (1024 * 1024)} MiB and was stopped`, stuck: false });
      } else if (leftBehind) {
        kill();
        finish({ ok: false, kind: 'failed', message: `git ${subcommand} left a program running that held its output open`, stuck: true });
      } else if (exitCode === 0) {
        finish({ ok: true, stdout: Buffer.concat(stdout).toString('utf8') });
      } else {
        finish(classifyExit(subcommand, exitCode, Buffer.concat(stderr).toString('utf8')));
      }
    };

    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted === true) {
      onAbort();
    }
    armIdle();
    child.stdout.on('data', (chunk: Buffer) => {
      armIdle();
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_OUTPUT_BYTES) {
        stop('output');
      } else {
        stdout.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      armIdle();
      // Only the start of stderr is needed to say what went wrong.
      if (stderrBytes < 64 * 1024) {
        stderr.push(chunk);
        stderrBytes += chunk.length;
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnFailed = true;
      if (error.code !== 'ENOENT') {
        finish({ ok: false, kind: 'failed', message: `git ${subcommand} could not start: ${error.message}`, stuck: false });
        return;
      }
      // ENOENT also means the folder is gone; only a folder that exists proves git is missing.
      void fs.stat(folder).then(
        () => {
          finish({ ok: false, kind: 'missing', message: 'git is not installed or not on PATH', stuck: false });
        },
        () => {
          finish({ ok: false, kind: 'failed', message: `the folder ${folder} no longer exists`, stuck: false });
        },
      );
    });
    child.on('exit', (code) => {
      if (spawnFailed) {
        return;
      }
      exitCode = code;
      graceTimer = setTimeout(() => {
        conclude(true);
      }, CLOSE_GRACE_MS);
    });
    child.on('close', (code) => {
      if (spawnFailed) {
        return;
      }
      exitCode ??= code;
      conclude(false);
    });
  });
}

function classifyExit(subcommand: string, exitCode: number | null, stderr: string): SpawnOutcome {
  if (/not a git repository/i.test(stderr)) {
    return { ok: false, kind: 'notRepository', message: firstLine(stderr), stuck: false };
  }
  const line = firstLine(stderr);
  return { ok: false, kind: 'failed', message: line === '' ? `git ${subcommand} exited with ${exitCode ?? 'a signal'}` : line, stuck: false };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return (line ?? '').trim();
}

/** At most `size` holders at once; the others wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.active--;
    } else {
      next();
    }
  }
}
