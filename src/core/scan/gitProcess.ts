import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Why a git command gave no output: git is absent, the folder is not a repository, or it failed otherwise. */
export type GitFailureKind = 'missing' | 'notRepository' | 'failed';

/** One git process to run: everything it needs is plain data, so a worker thread can run it too. */
export interface GitProcessRequest {
  readonly folder: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** For messages: the git subcommand. */
  readonly subcommand: string;
  /** A command that prints nothing for this long is killed with every process it started. */
  readonly idleTimeoutMs: number;
}

/** `stuck`: git stopped answering or left a program behind; nothing more should start in that folder. */
export type GitProcessOutcome =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly kind: GitFailureKind; readonly message: string; readonly stuck: boolean };

/** More output than this is refused rather than held in memory (a file list of millions of paths). */
const MAX_OUTPUT_BYTES = 128 * 1024 * 1024;
/** After git exits, how long a program it left behind may hold its output open before we stop reading. */
const CLOSE_GRACE_MS = 1000;
const WINDOWS = process.platform === 'win32';

/**
 * Starts git in its own process group (POSIX), so a time-out or cancel kills git and anything it
 * started; stops reading shortly after git exits even when a program it left behind holds the pipes.
 */
export function runGitProcess(request: GitProcessRequest, signal: AbortSignal | undefined): Promise<GitProcessOutcome> {
  const { folder, args, env, subcommand, idleTimeoutMs } = request;
  return new Promise<GitProcessOutcome>((resolve) => {
    const child = spawn('git', [...args], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: !WINDOWS, windowsHide: true });
    // Output is decoded chunk by chunk, so each 64 KB read buffer is freed at once. Kept until git exits,
    // the buffers of a 4 MB file list stayed in the C allocator's heap after the scan no longer needed
    // them, and so did a concatenated copy: about 10 MB of the CLI's peak memory on 100k files.
    const decoder = new StringDecoder('utf8');
    const stdout: string[] = [];
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
    const finish = (outcome: GitProcessOutcome): void => {
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
        stdout.push(decoder.end());
        finish({ ok: true, stdout: stdout.join('') });
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
        stdout.push(decoder.write(chunk));
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

function classifyExit(subcommand: string, exitCode: number | null, stderr: string): GitProcessOutcome {
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
