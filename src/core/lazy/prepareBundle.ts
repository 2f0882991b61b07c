import * as path from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { bundleFile, isBundleLoaded, offerPreparedBundle } from './requireBundle';
import type { LazyBundleName, PreparedBundle } from './requireBundle';

/** Beside this module: dist/compileWorker.js when bundled, the compiled entry in tests. */
export const COMPILE_WORKER_FILE = path.join(__dirname, 'compileWorker.js');

/** A worker that has not answered by then is stopped: the bundle then loads as usual. */
const PREPARE_TIMEOUT_MS = 10_000;

/**
 * Compiles a lazily loaded bundle on a worker thread, so that its first load on this thread runs its code
 * without compiling it first: for dist/detection.js in an extension host, reading and compiling were
 * 35–40 ms of one 62–68 ms block (contentTools.js: compile 26–30 ms, 11–13 ms from the worker's code, plain
 * Node). Resolves once the worker is gone, whether or not it succeeded (the bundle then loads as usual,
 * compiled here), and never in the turn of the compile. Does nothing for a bundle already loaded.
 */
export function prepareBundle(name: LazyBundleName, workerFile: string = COMPILE_WORKER_FILE): Promise<void> {
  if (isBundleLoaded(name)) {
    return Promise.resolve();
  }
  let prepared = preparing.get(name);
  if (prepared === undefined) {
    prepared = compileInWorker(name, workerFile).finally(() => preparing.delete(name));
    preparing.set(name, prepared);
  }
  return prepared;
}

/** Preparations under way: a second caller waits for the same worker. */
const preparing = new Map<LazyBundleName, Promise<void>>();

function compileInWorker(name: LazyBundleName, workerFile: string): Promise<void> {
  // Required here, not at the top: activation does not pay for loading worker_threads (about 3 ms).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
  return new Promise((resolve) => {
    let worker: WorkerThreads.Worker;
    try {
      worker = new Worker(workerFile, { workerData: bundleFile(name) });
    } catch {
      resolve();
      return;
    }
    const timer = setTimeout(() => void worker.terminate(), PREPARE_TIMEOUT_MS);
    worker.once('message', (message: unknown) => {
      if (isPreparedBundle(message)) {
        offerPreparedBundle(name, message);
      }
    });
    // A failure ends the worker: the exit below resolves.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      clearTimeout(timer);
      // Not in this turn: the compile ran when the worker's message came (20-25 ms in a loaded host), and an
      // exit that came meanwhile is handled in the same turn, so the caller's load (the bundle's top-level
      // code, about 20 ms) made one stretch with it (43 ms in a host profile). Two hops of setImmediate put
      // a poll of the event loop between them: the host's other events first.
      setImmediate(() => setImmediate(resolve));
    });
  });
}

function isPreparedBundle(message: unknown): message is PreparedBundle {
  return typeof message === 'object' && message !== null && 'source' in message && message.source instanceof Uint8Array && 'cachedData' in message && message.cachedData instanceof Uint8Array;
}
