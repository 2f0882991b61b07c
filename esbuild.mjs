// Builds the bundles listed in scripts/bundles.mjs (the extension, its lazily loaded parts, the CLI and
// the webview script), then compiles the shipped roadmap into dist/roadmap.json (scripts/compile-roadmap.mjs;
// broken content fails the build). Type checking is separate (`npm run typecheck`): esbuild only strips types.
// Each bundle's esbuild metafile goes to dist/meta/NAME.json (what went into it, byte by byte).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { watch as watchFiles } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BUNDLES, buildOptions } from './scripts/bundles.mjs';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Codicons ship as a font + stylesheet; the webview loads them from dist/media through webview.cspSource. */
async function copyCodicons() {
  const dir = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  await mkdir('dist/media/codicons', { recursive: true });
  await copyFile(path.join(dir, 'codicon.css'), 'dist/media/codicons/codicon.css');
  await copyFile(path.join(dir, 'codicon.ttf'), 'dist/media/codicons/codicon.ttf');
}

async function writeMetafile(name, metafile) {
  await mkdir('dist/meta', { recursive: true });
  await writeFile(`dist/meta/${name}.json`, JSON.stringify(metafile));
}

/** Runs in its own process so a rebuilt dist/contentTools.js is always the one used. */
function compileRoadmap() {
  return spawnSync(process.execPath, ['scripts/compile-roadmap.mjs'], { stdio: 'inherit' }).status === 0;
}

async function report() {
  for (const { options } of BUNDLES) {
    const { size } = await stat(options.outfile);
    console.log(`${options.outfile.padEnd(26)} ${(size / 1024).toFixed(1).padStart(8)} KiB`);
  }
}

await copyCodicons();
if (watch) {
  const contexts = await Promise.all(
    BUNDLES.map((bundle) =>
      esbuild.context({
        ...buildOptions(bundle, production),
        plugins: [
          {
            name: 'after-build',
            setup(build) {
              build.onEnd(async (result) => {
                if (result.metafile) await writeMetafile(bundle.name, result.metafile);
                if (bundle.name === 'contentTools' && result.errors.length === 0) compileRoadmap();
              });
            },
          },
        ],
      }),
    ),
  );
  await Promise.all(contexts.map((context) => context.watch()));
  let timer;
  watchFiles('roadmap', { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(compileRoadmap, 200);
  });
  console.log('esbuild: watching for changes (sources and roadmap/)');
} else {
  const results = await Promise.all(BUNDLES.map((bundle) => esbuild.build(buildOptions(bundle, production))));
  await Promise.all(results.map((result, i) => writeMetafile(BUNDLES[i].name, result.metafile)));
  await report();
  if (!compileRoadmap()) {
    process.exitCode = 1;
  }
}
