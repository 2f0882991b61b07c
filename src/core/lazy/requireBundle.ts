import * as path from 'node:path';
import type { CodeCache } from './codeCache';

/** The parts of the program that load on first use, each its own file. */
export type LazyBundleName = 'contentTools' | 'detection';

/**
 * Loads a lazily loaded part of the program. Bundled, `<name>.js` is its own bundle beside the running one
 * (dist/); compiled by tsc (tests), it is the entry module beside this one. The path is computed at run
 * time so esbuild leaves this require alone instead of inlining the module into the caller's bundle.
 */
export function requireBundle(name: LazyBundleName): unknown {
  const file = path.join(__dirname, `${name}.js`);
  if (codeCache !== undefined) {
    let exports = loadedWithCache.get(file);
    if (exports === undefined) {
      exports = codeCache.load(file);
      loadedWithCache.set(file, exports);
    }
    return exports;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}

let codeCache: CodeCache | undefined;
const loadedWithCache = new Map<string, unknown>();

/** Loads bundles through a code cache from now on (the CLI, a short-lived process that pays for every compile). */
export function useCodeCache(cache: CodeCache): void {
  codeCache = cache;
}
