// Builds three bundles: the extension (Node, cjs), the CLI (Node, cjs, with a shebang) and the webview
// script (browser, iife). Type checking is separate (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['media/src/webview.ts'], outfile: 'dist/media/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

/** Codicons ship as a font + stylesheet; the webview loads them from dist/media through webview.cspSource. */
async function copyCodicons() {
  const dir = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  await mkdir('dist/media/codicons', { recursive: true });
  await copyFile(path.join(dir, 'codicon.css'), 'dist/media/codicons/codicon.css');
  await copyFile(path.join(dir, 'codicon.ttf'), 'dist/media/codicons/codicon.ttf');
}

async function report() {
  for (const build of builds) {
    const { size } = await stat(build.outfile);
    console.log(`${build.outfile.padEnd(26)} ${(size / 1024).toFixed(1).padStart(8)} KiB`);
  }
}

await copyCodicons();
if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await report();
}
