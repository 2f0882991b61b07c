import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runGitProcess } from './gitProcess';
import type { GitProcessOutcome, GitProcessRequest } from './gitProcess';
import type { GitLauncher } from './gitRunner';
import type { GitWorkerMessage, GitWorkerReply } from './gitWorkerProtocol';
import { errorMessage } from '../errorMessage';

/** Beside this module: dist/gitWorker.js when bundled, the compiled entry when run by tsc's output (tests). */
export const GIT_WORKER_FILE = path.join(__dirname, 'gitWorker.js');

/** Idle this long, the thread is stopped (it holds a few MB); the next git command starts it again. */
const IDLE_MS = 30_000;

export interface GitWorkerLauncher {
  readonly launch: GitLauncher;
  /** Whether the thread is up now (it is stopped after a while idle). */
  hasThread(): boolean;
  /** Ends the thread and the git processes it started; commands still running fail, later ones run in this thread. */
  dispose(): void;
}

interface Pending {
  readonly request: GitProcessRequest;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (outcome: GitProcessOutcome) => void;
  readonly onAbort: () => void;
}

/**
 * Starts git processes from a worker thread. `spawn` forks the whole process on the calling thread: in a
 * large extension host that took 35–73 ms per process, every one of them a stall of every extension. From
 * a worker the fork stalls only the worker. A thread that cannot start or dies hands its commands back to
 * this thread, and every later one runs here: git still runs, with the old stalls.
 */
export function gitWorkerLauncher(options: { readonly file?: string; readonly idleMs?: number; readonly onFallback?: (why: string) => void } = {}): GitWorkerLauncher {
  const { file = GIT_WORKER_FILE, idleMs = IDLE_MS, onFallback } = options;
  let worker: Worker | undefined;
  /** Set when a thread failed or the launcher was disposed: no thread is started again. */
  let inThread = false;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const pending = new Map<number, Pending>();

  const settle = (id: number, outcome: GitProcessOutcome): void => {
    const entry = pending.get(id);
    if (entry === undefined) {
      return;
    }
    pending.delete(id);
    entry.signal?.removeEventListener('abort', entry.onAbort);
    entry.resolve(outcome);
    if (pending.size === 0 && worker !== undefined) {
      // Idle, the thread must not keep a process alive, and it stops after a while.
      worker.unref();
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stopIdle, idleMs);
      idleTimer.unref();
    }
  };

  const stopIdle = (): void => {
    if (pending.size === 0 && worker !== undefined) {
      const idle = worker;
      worker = undefined;
      void idle.terminate();
    }
  };

  /** The thread failed: what it was running runs again here (git commands only read), and so does the rest. */
  const lost = (from: Worker, why: string): void => {
    if (worker !== from) {
      return;
    }
    worker = undefined;
    inThread = true;
    onFallback?.(why);
    for (const [id, entry] of pending) {
      void runGitProcess(entry.request, entry.signal).then((outcome) => {
        settle(id, outcome);
      });
    }
  };

  const threadFor = (): Worker | undefined => {
    if (worker === undefined && !inThread) {
      try {
        const started = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
        started.on('message', (reply: GitWorkerReply) => {
          settle(reply.id, reply.outcome);
        });
        started.on('error', (error: Error) => {
          lost(started, error.message);
        });
        started.on('exit', (code) => {
          lost(started, `it ended with code ${code}`);
        });
        worker = started;
      } catch (error) {
        inThread = true;
        onFallback?.(errorMessage(error));
      }
    }
    return worker;
  };

  return {
    launch(request, signal) {
      const thread = threadFor();
      if (thread === undefined) {
        return runGitProcess(request, signal);
      }
      clearTimeout(idleTimer);
      thread.ref();
      const id = nextId++;
      const post = (message: GitWorkerMessage): void => {
        thread.postMessage(message);
      };
      return new Promise<GitProcessOutcome>((resolve) => {
        const onAbort = (): void => {
          post({ type: 'abort', id });
        };
        pending.set(id, { request, signal, resolve, onAbort });
        post({ type: 'run', id, request });
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted === true) {
          onAbort();
        }
      });
    },
    hasThread() {
      return worker !== undefined;
    },
    dispose() {
      inThread = true;
      clearTimeout(idleTimer);
      const stopping = worker;
      worker = undefined;
      // Not `terminate()`: the thread first kills the git processes it started.
      stopping?.postMessage({ type: 'end' } satisfies GitWorkerMessage);
      for (const id of [...pending.keys()]) {
        settle(id, { ok: false, kind: 'failed', message: 'git was stopped: the extension is shutting down', stuck: true });
      }
    },
  };
}
