import * as path from 'node:path';
import type * as vscode from 'vscode';
import { codeCacheIn } from '../core/lazy/codeCache';
import type * as ExtensionMain from './extensionMain';

export type { BackendRoadmapApi } from './extensionMain';

/** Beside this module: dist/extensionMain.js when bundled, the compiled module when run by tsc's output. */
const MAIN_FILE = path.join(__dirname, 'extensionMain.js');

/**
 * When the compiled code is saved: by then activation, the status bar and the tree have run, and the
 * functions they compiled go into the cache with the rest; soon enough that a short session saves it too.
 */
export const SAVE_CODE_CACHE_AFTER_MS = 1000;

/**
 * Activation loads the extension (dist/extensionMain.js) through V8's compiled code, kept in the
 * extension's global storage between sessions (src/core/lazy/codeCache.ts: used only when made from
 * exactly that file's text by this V8). Without it, every window compiles the 146 KB again, and every
 * function activation runs, before returning: 23 ms of 31 in plain Node, against 18 with the cache.
 */
export function activate(context: vscode.ExtensionContext): ExtensionMain.BackendRoadmapApi {
  const folder = codeCacheFolder(context);
  if (folder === undefined) {
    // A computed path: esbuild leaves this require alone instead of bundling the module into this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(MAIN_FILE) as typeof ExtensionMain).activate(context);
  }
  const cache = codeCacheIn(folder);
  const api = (cache.load(MAIN_FILE) as typeof ExtensionMain).activate(context);
  // Writes only when there was no usable cache (a first session, an update of the extension or of VS Code).
  const timer = setTimeout(() => cache.save(), SAVE_CODE_CACHE_AFTER_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** In the extension's global storage on this machine; none when that is not a local folder or `BACKEND_ROADMAP_NO_CODE_CACHE=1`. */
function codeCacheFolder(context: vscode.ExtensionContext): string | undefined {
  if (process.env.BACKEND_ROADMAP_NO_CODE_CACHE === '1' || context.globalStorageUri.scheme !== 'file') {
    return undefined;
  }
  return path.join(context.globalStorageUri.fsPath, 'code-cache');
}
