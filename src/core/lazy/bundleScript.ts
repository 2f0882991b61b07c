import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** Compiles a CommonJS bundle's text as Node would wrap it, with V8's compiled code when there is some. */
export function compileBundle(file: string, source: Buffer, cachedData?: Buffer): vm.Script {
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
}

/** Runs a compiled bundle as the module `file`; returns its exports. */
export function runBundle(script: vm.Script, file: string): unknown {
  const run = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} as unknown };
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}
