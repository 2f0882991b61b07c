// A lazily loaded bundle compiled on a worker thread (the extension host's detection engine): the thread
// that loads it then runs it without reading or compiling it, and gets one module, never two.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

// Compiled to <out>/test/unit/: the compiled lazy-loading modules are in <out>/src/core/lazy/.
const LAZY = path.resolve(__dirname, '../../src/core/lazy');

interface LoadReport {
  /** Each `vm.Script` made on the main thread: whether it was given compiled code, and whether V8 refused it. */
  readonly scripts: readonly { readonly file: string; readonly cached: boolean; readonly rejected: boolean | undefined }[];
  readonly sameModule: boolean;
  /** Whether a module loaded during the steps (`globalThis.early`), if any, is the one loaded after them. */
  readonly sameAsEarly: boolean;
  readonly scanFolder: string;
  readonly inRequireCache: boolean;
  /** Whether the main thread read the bundle's file itself. */
  readonly readHere: boolean;
  /** Whether loading the two modules loaded worker_threads (activation must not pay for it). */
  readonly workerThreadsAtStart: boolean;
  readonly workersStarted: number;
  /** Scripts of the bundle made before the first `requireBundle` after the steps: compiled when the worker's code arrived. */
  readonly compiledBeforeLoad: number;
  /** The turn of the event loop (setImmediate rounds from the start) the bundle's code was compiled in, and the one it was first run in. */
  readonly compiledInTurn: number | undefined;
  readonly loadedInTurn: number;
}

/** In a fresh node: records scripts and reads on the main thread, runs `steps` (a promise chain), loads `detection` twice, reports. */
async function loadInFreshNode(steps: string): Promise<LoadReport> {
  const script = `
    let turn = 0;
    let counting = true;
    const nextTurn = () => { turn++; if (counting) setImmediate(nextTurn); };
    setImmediate(nextTurn);
    const vm = require('node:vm');
    const scripts = [];
    const Original = vm.Script;
    vm.Script = class extends Original {
      constructor(code, options) {
        // A compile as slow as in a loaded extension host: the worker has ended before it is done.
        if (globalThis.slowCompile === true) { const until = Date.now() + 150; while (Date.now() < until); }
        super(code, options); scripts.push({ file: options.filename, cached: options.cachedData !== undefined, rejected: this.cachedDataRejected, turn }); }
    };
    const fs = require('node:fs');
    const reads = [];
    const readFileSync = fs.readFileSync;
    fs.readFileSync = function (file, ...rest) { reads.push(String(file)); return readFileSync.call(this, file, ...rest); };
    const { prepareBundle } = require(${JSON.stringify(path.join(LAZY, 'prepareBundle.js'))});
    const { requireBundle, bundleFile } = require(${JSON.stringify(path.join(LAZY, 'requireBundle.js'))});
    const workerThreadsAtStart = process.moduleLoadList.includes('NativeModule worker_threads');
    const threads = require('node:worker_threads');
    let workersStarted = 0;
    const Worker = threads.Worker;
    threads.Worker = class extends Worker {
      constructor(...args) { super(...args); workersStarted++; }
    };
    Promise.resolve().then(() => ${steps}).then(() => {
      const compiledBeforeLoad = scripts.filter((s) => s.file === bundleFile('detection')).length;
      const compiledInTurn = scripts.find((s) => s.file === bundleFile('detection'))?.turn;
      const loadedInTurn = turn;
      counting = false;
      const first = requireBundle('detection');
      const second = requireBundle('detection');
      const file = bundleFile('detection');
      console.log(JSON.stringify({ scripts: scripts.filter((s) => s.file === file).map(({ turn, ...script }) => script), compiledInTurn, loadedInTurn, sameModule: first === second, sameAsEarly: globalThis.early === undefined || globalThis.early === first, scanFolder: typeof first.scanFolder, inRequireCache: require.cache[file] !== undefined, readHere: reads.includes(file), workerThreadsAtStart, workersStarted, compiledBeforeLoad }));
    });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
  return JSON.parse(stdout) as LoadReport;
}

describe('bundles compiled on a worker thread before their first load', function () {
  this.timeout(30_000);

  it('loads the bundle from the compiled code the worker made, which V8 accepts, without reading or compiling it here', async () => {
    const report = await loadInFreshNode("prepareBundle('detection')");
    assert.deepEqual(report.scripts.map(({ cached, rejected }) => ({ cached, rejected })), [{ cached: true, rejected: false }]);
    assert.equal(report.compiledBeforeLoad, 1, 'taken in when the code from the worker arrived, a turn before the load runs it');
    assert.ok(report.compiledInTurn !== undefined && report.loadedInTurn > report.compiledInTurn, `compiled in turn ${String(report.compiledInTurn)}, run in turn ${report.loadedInTurn}`);
    assert.equal(report.readHere, false);
    assert.equal(report.inRequireCache, false);
    assert.equal(report.sameModule, true);
    assert.equal(report.sameAsEarly, true);
    assert.equal(report.scanFolder, 'function');
    assert.equal(report.workerThreadsAtStart, false);
    assert.equal(report.workersStarted, 1);
  });

  it('runs the bundle after a turn that lets other events in, also when the worker ended during the compile', async () => {
    // In a loaded host the worker's message (the compile, 20-25 ms) and its exit came in one turn, and the
    // bundle's first run (its top-level code, about 20 ms) followed in the same stretch: one 43 ms block.
    const report = await loadInFreshNode("(globalThis.slowCompile = true, prepareBundle('detection'))");
    assert.equal(report.compiledBeforeLoad, 1);
    assert.ok(report.compiledInTurn !== undefined && report.loadedInTurn >= report.compiledInTurn + 2, `compiled in turn ${String(report.compiledInTurn)}, run in turn ${report.loadedInTurn}`);
    assert.equal(report.sameModule, true);
  });

  it('starts one worker for callers that ask at the same time', async () => {
    const report = await loadInFreshNode("Promise.all([prepareBundle('detection'), prepareBundle('detection')])");
    assert.equal(report.workersStarted, 1);
    assert.deepEqual(report.scripts.map(({ cached, rejected }) => ({ cached, rejected })), [{ cached: true, rejected: false }]);
  });

  it('loads the bundle as usual when the worker cannot start', async () => {
    const report = await loadInFreshNode(`prepareBundle('detection', ${JSON.stringify(path.join(LAZY, 'no-such-worker.js'))})`);
    assert.deepEqual(report.scripts, []);
    assert.equal(report.inRequireCache, true);
    assert.equal(report.sameModule, true);
    assert.equal(report.scanFolder, 'function');
  });

  it('keeps the one module loaded while the worker was compiling, and loads none from the late compiled code', async () => {
    const report = await loadInFreshNode("(() => { const prepared = prepareBundle('detection'); globalThis.early = requireBundle('detection'); return prepared; })()");
    assert.deepEqual(report.scripts, []);
    assert.equal(report.inRequireCache, true);
    assert.equal(report.sameAsEarly, true);
    assert.equal(report.sameModule, true);
  });

  it('loads the bundle as usual when the code offered for it does not compile', async () => {
    const offer = `require(${JSON.stringify(path.join(LAZY, 'requireBundle.js'))}).offerPreparedBundle('detection', { source: Buffer.from('exports.x = ('), cachedData: Buffer.alloc(0) })`;
    const report = await loadInFreshNode(`(${offer}, undefined)`);
    assert.deepEqual(report.scripts, []);
    assert.equal(report.inRequireCache, true);
    assert.equal(report.sameModule, true);
    assert.equal(report.scanFolder, 'function');
  });

  it('starts no worker for a bundle already loaded', async () => {
    const report = await loadInFreshNode("(globalThis.early = requireBundle('detection'), prepareBundle('detection'))");
    assert.equal(report.workersStarted, 0);
    assert.equal(report.sameAsEarly, true);
    assert.equal(report.sameModule, true);
  });
});
