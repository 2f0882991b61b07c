// Bundles modules of src/ for a bench script that drives them directly (not through the CLI), as a CommonJS
// file for Node 20.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes `outfile` from `contents`, TypeScript whose imports resolve from the repository's root. */
export async function bundleFromSource(contents, outfile, { minify = false } = {}) {
  const esbuild = await import('esbuild');
  await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify, outfile, logLevel: 'warning' });
  return outfile;
}
