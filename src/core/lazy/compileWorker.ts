// Entry of dist/compileWorker.js: compiles one bundle on a worker thread and hands back its text with
// V8's compiled code, so that the extension host's own thread loads it without compiling (prepareBundle.ts).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { compileBundle } from './bundleScript';
import type { PreparedBundle } from './requireBundle';

const file: unknown = workerData;
if (typeof file !== 'string' || parentPort === null) {
  throw new Error('compileWorker.js runs as a worker thread, given the file to compile');
}
const source = readFileSync(file);
const prepared: PreparedBundle = { source, cachedData: compileBundle(file, source).createCachedData() };
parentPort.postMessage(prepared);
