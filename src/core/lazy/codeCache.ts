import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vm from 'node:vm';
import { compileBundle, runBundle } from './bundleScript';

/**
 * V8's compiled code for a bundle, kept between runs (what `module.enableCompileCache` does from Node 22
 * on): compiling dist/detection.js takes 30–40 ms of a CLI scan that should cost about what `git ls-files`
 * does. The cache is only an optimisation: a missing, stale or rejected cache compiles as usual. The
 * extension loads itself through one too (src/vscode/extension.ts): saved once activation has run, the
 * cache holds the functions it compiled, and loading plus activating take 23 ms instead of 28 (a cache
 * saved right after compiling, measured in an earlier round, saved nothing).
 *
 * Code compiled from other text must never run, and V8's own check compares only the text's length. So
 * each cache file holds the exact text it was compiled from, compared byte for byte (a `memcmp`, cheaper
 * than hashing, and no `node:crypto` to load: that alone takes about 6 ms). One file per bundle and V8
 * version, replaced when the bundle changes.
 */
export interface CodeCache {
  /** Loads `file` as CommonJS, with cached code when there is some. */
  load(file: string): unknown;
  /** Writes the code compiled so far for the bundles loaded without a usable cache (call when the work is done). */
  save(): void;
}

/** Bytes before the text in a cache file: the text's length. */
const HEADER_BYTES = 4;

export function codeCacheIn(folder: string): CodeCache {
  const loaded: { script: vm.Script; cacheFile: string; source: Buffer; hadCache: boolean }[] = [];
  return {
    load(file) {
      const source = readFileSync(file);
      const cacheFile = path.join(folder, `${path.basename(file)}-v8-${process.versions.v8}.cache`);
      const cachedData = cachedCodeFor(cacheFile, source);
      const script = compileBundle(file, source, cachedData);
      const exports = runBundle(script, file);
      loaded.push({ script, cacheFile, source, hadCache: cachedData !== undefined && script.cachedDataRejected !== true });
      return exports;
    },
    save() {
      for (const { script, cacheFile, source, hadCache } of loaded) {
        if (hadCache) {
          continue;
        }
        try {
          mkdirSync(folder, { recursive: true });
          const header = Buffer.alloc(HEADER_BYTES);
          header.writeUInt32LE(source.length);
          // Written aside and renamed: two processes at once never read half a file.
          const partial = `${cacheFile}.${process.pid}`;
          writeFileSync(partial, Buffer.concat([header, source, script.createCachedData()]));
          renameSync(partial, cacheFile);
        } catch {
          // A read-only home or a full disk: everything works the same without the cache.
        }
      }
    },
  };
}

/** The compiled code in `cacheFile` when it was compiled from exactly `source`; otherwise undefined. */
function cachedCodeFor(cacheFile: string, source: Buffer): Buffer | undefined {
  let stored: Buffer;
  try {
    stored = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (stored.length <= HEADER_BYTES || stored.readUInt32LE(0) !== source.length || stored.length <= HEADER_BYTES + source.length) {
    return undefined;
  }
  const text = stored.subarray(HEADER_BYTES, HEADER_BYTES + source.length);
  return text.equals(source) ? stored.subarray(HEADER_BYTES + source.length) : undefined;
}

/** `$XDG_CACHE_HOME/backend-roadmap` or `~/.cache/backend-roadmap`; `BACKEND_ROADMAP_NO_CODE_CACHE=1` turns it off. */
export function defaultCodeCacheFolder(): string | undefined {
  if (process.env.BACKEND_ROADMAP_NO_CODE_CACHE === '1') {
    return undefined;
  }
  return userCacheFolder('code');
}

/** `$XDG_CACHE_HOME/backend-roadmap/<name>` or `~/.cache/backend-roadmap/<name>`: where the CLI keeps what it may lose. */
export function userCacheFolder(name: string): string {
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'backend-roadmap', name);
}
