// The bundles esbuild makes, shared by esbuild.mjs and scripts/check-bundle-size.mjs. `budget` is the
// most a bundle may weigh minified (the release build), in bytes; `npm test` fails past it.
//
// Activation loads dist/extension.js alone (`activation: true`, within ACTIVATION_BUDGET): a loader that
// registers stand-ins for the commands and the panel and returns (src/vscode/extension.ts). Right after
// activation, in the next turn of the event loop (or at the first command), it loads dist/extensionMain.js,
// the extension itself (`afterActivation: true`), through V8's code cache when the extension's global
// storage holds one. The rest loads on first use (src/core/lazy/modules.ts):
// detection.js (engine, detectors, git runner) when the first scan or change event comes, 1.5 s after
// start-up at the earliest, and for the CLI's `scan`; contentTools.js (YAML parser, schema validator,
// Markdown parser) only for a roadmap given at run time (CLI --roadmap): the shipped one is compiled at
// build time into dist/roadmap.jsonl, dist/roadmap-texts.jsonl and dist/roadmap-html.jsonl by scripts/compile-roadmap.mjs;
// gitWorker.js is the extension host's thread that starts git processes (src/core/scan/gitWorkerClient.ts),
// compileWorker.js the thread that compiles detection.js before the host loads it (src/core/lazy/prepareBundle.ts);
// scanReuse.js the fingerprint with which the CLI's `scan` tells whether anything changed since its last scan.
// Budgets: ACTIVATION_BUDGET is the goal of issue 10; the others leave room for content and detectors to grow.

const node = { platform: 'node', format: 'cjs', target: 'node20' };

/**
 * `import * as vscode from 'vscode'` in each of ~35 files makes esbuild wrap the external CommonJS module
 * once per file (`__toESM`: a new object with a getter for each of the API's ~170 names), about 13 ms of
 * every activation. Every import of 'vscode' goes through one module of the bundle that re-exports the
 * API instead, so the names are copied once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';\n", loader: 'js' }));
  },
};

/** What activation loads, every bundle marked `activation` together: the goal of issue 10 (150 KB). */
export const ACTIVATION_BUDGET = 150_000;

export const BUNDLES = [
  { name: 'extension', budget: 10_000, activation: true, options: { ...node, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [vscodeOnce] } },
  { name: 'extensionMain', budget: 150_000, afterActivation: true, options: { ...node, entryPoints: ['src/vscode/extensionMain.ts'], outfile: 'dist/extensionMain.js', external: ['vscode'], plugins: [vscodeOnce] } },
  { name: 'detection', budget: 400_000, options: { ...node, entryPoints: ['src/core/lazy/detection.ts'], outfile: 'dist/detection.js' } },
  { name: 'scanReuse', budget: 20_000, options: { ...node, entryPoints: ['src/core/lazy/scanReuse.ts'], outfile: 'dist/scanReuse.js' } },
  { name: 'compileWorker', budget: 10_000, options: { ...node, entryPoints: ['src/core/lazy/compileWorker.ts'], outfile: 'dist/compileWorker.js' } },
  { name: 'gitWorker', budget: 10_000, options: { ...node, entryPoints: ['src/core/scan/gitWorker.ts'], outfile: 'dist/gitWorker.js' } },
  { name: 'contentTools', budget: 450_000, options: { ...node, entryPoints: ['src/core/lazy/contentTools.ts'], outfile: 'dist/contentTools.js' } },
  { name: 'cli', budget: 100_000, options: { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } } },
  { name: 'webview', budget: 60_000, options: { platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['media/src/webview.ts'], outfile: 'dist/media/webview.js' } },
];

/** The bundles activation loads (marked `activation`): their sizes together must stay within ACTIVATION_BUDGET. */
export const ACTIVATION_BUNDLES = BUNDLES.filter((bundle) => bundle.activation);

/** What the loader loads right after activation (the extension itself): the status bar and the views wait for it. */
export const AFTER_ACTIVATION_BUNDLES = BUNDLES.filter((bundle) => bundle.afterActivation);

/** esbuild options for one bundle. */
export function buildOptions(bundle, production) {
  return {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
    ...bundle.options,
  };
}
