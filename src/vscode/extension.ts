import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeCacheIn } from '../core/lazy/codeCache';
import type * as ExtensionMain from './extensionMain';
import { lazyApi, registerStandIns } from './standIns';
import { errorMessage } from '../core/errorMessage';

export type { BackendRoadmapApi } from './extensionMain';

/** Beside this module: dist/extensionMain.js when bundled, the compiled module when run by tsc's output. */
const MAIN_FILE = path.join(__dirname, 'extensionMain.js');

/**
 * When the compiled code is saved: by then the workbench, the status bar and the tree have run, and the
 * functions they compiled go into the cache with the rest; soon enough that a short session saves it too.
 */
export const SAVE_CODE_CACHE_AFTER_MS = 1000;

/**
 * Activation registers stand-ins for the commands and the panel (./standIns.ts) and returns: it loads
 * none of the extension (dist/extensionMain.js, 146 KB), whose loading and start took 14 ms of
 * activation in plain Node and 40–55 ms under this machine's load, while VS Code waits on activation
 * to start other extensions. The extension loads in the next turn of the event loop (the status bar,
 * the views, detection's schedule), or sooner when a command, a restored panel or the API needs it,
 * through V8's compiled code kept in the extension's global storage between sessions
 * (src/core/lazy/codeCache.ts: used only when made from exactly that file's text by this V8).
 */
export function activate(context: vscode.ExtensionContext): ExtensionMain.BackendRoadmapApi {
  const activatedAt = Date.now();
  const workbench = once(() => loadMain(context).start(context, activatedAt));
  registerStandIns(context, workbench);
  const timer = setTimeout(() => {
    try {
      workbench();
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Backend Roadmap could not start: {0}. Reload the window; if this happens again, reinstall the extension.', errorMessage(error)));
    }
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return lazyApi(workbench);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** Loads dist/extensionMain.js, through the code cache when the extension's storage is a local folder. */
function loadMain(context: vscode.ExtensionContext): typeof ExtensionMain {
  const folder = codeCacheFolder(context);
  if (folder === undefined) {
    // A computed path: esbuild leaves this require alone instead of bundling the module into this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(MAIN_FILE) as typeof ExtensionMain;
  }
  const cache = codeCacheIn(folder);
  const main = cache.load(MAIN_FILE) as typeof ExtensionMain;
  // Writes only when there was no usable cache (a first session, an update of the extension or of VS Code).
  const timer = setTimeout(() => cache.save(), SAVE_CODE_CACHE_AFTER_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return main;
}

/**
 * `make` runs on the first call only; later calls return its result, or throw its error again: a start
 * that failed halfway must not run twice (its views and listeners would be registered twice).
 */
function once<T>(make: () => T): () => T {
  let outcome: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown } | undefined;
  return () => {
    if (outcome === undefined) {
      try {
        outcome = { ok: true, value: make() };
      } catch (error) {
        outcome = { ok: false, error };
      }
    }
    if (!outcome.ok) {
      throw outcome.error;
    }
    return outcome.value;
  };
}

/** In the extension's global storage on this machine; none when that is not a local folder or `BACKEND_ROADMAP_NO_CODE_CACHE=1`. */
function codeCacheFolder(context: vscode.ExtensionContext): string | undefined {
  if (process.env.BACKEND_ROADMAP_NO_CODE_CACHE === '1' || context.globalStorageUri.scheme !== 'file') {
    return undefined;
  }
  return path.join(context.globalStorageUri.fsPath, 'code-cache');
}
