import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * V8's compiled code for a bundle, kept between runs of the CLI (what `module.enableCompileCache` does
 * from Node 22 on): compiling dist/detection.js takes 30–40 ms of a scan that should cost about what
 * `git ls-files` does. The cache is keyed by a hash of the bundle's text and by V8's version (code compiled
 * from other text must never run), lives in the user's cache folder, and is only an optimisation: a
 * missing or rejected cache compiles as usual.
 */
export interface CodeCache {
  /** Loads `file` as CommonJS, with cached code when there is some. */
  load(file: string): unknown;
  /** Writes the code compiled so far for the bundles loaded (call when the command's work is done). */
  save(): void;
}

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export function codeCacheIn(folder: string): CodeCache {
  const loaded: { script: vm.Script; cacheFile: string; hadCache: boolean }[] = [];
  return {
    load(file) {
      const source = readFileSync(file, 'utf8');
      const fingerprint = createHash('sha256').update(source).update(process.versions.v8).digest('hex').slice(0, 32);
      const cacheFile = path.join(folder, `${path.basename(file)}-${fingerprint}.cache`);
      let cachedData: Buffer | undefined;
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
      const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
      const run = script.runInThisContext() as ModuleFunction;
      const module = { exports: {} as unknown };
      run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
      loaded.push({ script, cacheFile, hadCache: cachedData !== undefined && script.cachedDataRejected !== true });
      return module.exports;
    },
    save() {
      for (const { script, cacheFile, hadCache } of loaded) {
        if (hadCache) {
          continue;
        }
        try {
          mkdirSync(folder, { recursive: true });
          // Written aside and renamed: two CLIs at once never read half a file.
          const partial = `${cacheFile}.${process.pid}`;
          writeFileSync(partial, script.createCachedData());
          renameSync(partial, cacheFile);
        } catch {
          // A read-only home or a full disk: the CLI works the same without the cache.
        }
      }
    },
  };
}

/** `$XDG_CACHE_HOME/backend-roadmap` or `~/.cache/backend-roadmap`; `BACKEND_ROADMAP_NO_CODE_CACHE=1` turns it off. */
export function defaultCodeCacheFolder(): string | undefined {
  if (process.env.BACKEND_ROADMAP_NO_CODE_CACHE === '1') {
    return undefined;
  }
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(base, 'backend-roadmap', 'code');
}
