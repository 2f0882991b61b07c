import { CONFIG_LIST_ARGS, configListOf, driverKeys } from './gitConfig';
import type { GitConfigList } from './gitConfig';
import { gitEnvironment, safeGitArgs, unsafeDriverKey } from './gitSafety';
import type { SafeGitArgs } from './gitSafety';
import { runGitProcess } from './gitProcess';
import type { GitFailureKind, GitProcessOutcome, GitProcessRequest } from './gitProcess';
import { yieldToEventLoop } from './yieldToEventLoop';

export type { GitFailureKind } from './gitProcess';

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

type Failure = Extract<GitOutcome, { ok: false }>;

/** Runs one git process: in this thread unless `startGitFrom` has named another launcher. */
export type GitLauncher = (request: GitProcessRequest, signal: AbortSignal | undefined) => Promise<GitProcessOutcome>;

let launchGit: GitLauncher = runGitProcess;

/**
 * Starts every git process of this program through `launcher` from now on. The extension host passes
 * one that forks from a worker thread (see gitWorkerClient.ts); the CLI keeps the default.
 */
export function startGitFrom(launcher: GitLauncher): void {
  launchGit = launcher;
}

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
      const outcome = await launchGit({ folder, args, env: environment, subcommand: safe.subcommand, idleTimeoutMs }, signal);
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


function strip(outcome: Failure & { readonly stuck?: boolean }): Failure {
  return { ok: false, kind: outcome.kind, message: outcome.message };
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
