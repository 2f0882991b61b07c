import * as path from 'node:path';
import { compileBundle, runBundle } from './bundleScript';
import type * as vm from 'node:vm';
import type { CodeCache } from './codeCache';

/** The parts of the program that load on first use, each its own file. */
export type LazyBundleName = 'contentTools' | 'detection' | 'scanReuse';

/** A bundle's text and V8's code compiled from exactly that text (on a worker thread: see prepareBundle.ts). */
export interface PreparedBundle {
  readonly source: Uint8Array;
  readonly cachedData: Uint8Array;
}

/**
 * The file of a lazily loaded part. Bundled, `<name>.js` is its own bundle beside the running one
 * (dist/); compiled by tsc (tests), it is the entry module beside this one. The path is computed at run
 * time so esbuild leaves the require below alone instead of inlining the module into the caller's bundle.
 */
export function bundleFile(name: LazyBundleName): string {
  return path.join(__dirname, `${name}.js`);
}

/** Loads a lazily loaded part of the program, once. */
export function requireBundle(name: LazyBundleName): unknown {
  const file = bundleFile(name);
  let exports = loadedHere.get(file);
  if (exports !== undefined) {
    return exports;
  }
  const prepared = preparedScripts.get(file);
  preparedScripts.delete(file);
  if (prepared !== undefined && !loadedByRequire(file)) {
    exports = runBundle(prepared, file);
  } else if (codeCache !== undefined && !loadedByRequire(file)) {
    exports = codeCache.load(file);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  }
  loadedHere.set(file, exports);
  return exports;
}

/** Whether `name` is loaded already (then preparing it is pointless). */
export function isBundleLoaded(name: LazyBundleName): boolean {
  const file = bundleFile(name);
  return loadedHere.has(file) || loadedByRequire(file);
}

/**
 * The next load of `name` runs this text's compiled code instead of reading and compiling the file. V8 takes
 * the code in now, in the turn of the event loop the worker's message arrives (about 21 ms for
 * detection.js in a loaded extension host), so the load itself only runs the bundle's top-level code: two
 * stretches of this thread instead of one of 36 ms.
 */
export function offerPreparedBundle(name: LazyBundleName, prepared: PreparedBundle): void {
  if (!isBundleLoaded(name)) {
    const file = bundleFile(name);
    try {
      preparedScripts.set(file, compileBundle(file, asBuffer(prepared.source), asBuffer(prepared.cachedData)));
    } catch {
      // Text that does not compile here is left to the usual load, which reports why where it is needed.
    }
  }
}

let codeCache: CodeCache | undefined;
/** Bundles loaded through a code cache or prepared code: `require` does not know them. */
const loadedHere = new Map<string, unknown>();
/** Bundles compiled from a worker's code (see offerPreparedBundle), not run yet. */
const preparedScripts = new Map<string, vm.Script>();

/** Loads bundles through a code cache from now on (the CLI, a short-lived process that pays for every compile). */
export function useCodeCache(cache: CodeCache): void {
  codeCache = cache;
}

function loadedByRequire(file: string): boolean {
  return require.cache[file] !== undefined;
}

/** A thread's message brings a Buffer back as a plain Uint8Array: the same bytes, without a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
