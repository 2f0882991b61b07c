// The build options of one bundle of scripts/bundles.mjs, for tests that build it as the release build does.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';

// Compiled to <out>/test/unit/helpers/: four levels up is the repository root.
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

interface BundleConfig {
  readonly name: string;
  readonly options: Record<string, unknown>;
}

function isBundleList(value: unknown): value is readonly BundleConfig[] {
  return Array.isArray(value) && value.every((item: unknown) => typeof item === 'object' && item !== null && 'name' in item && typeof item.name === 'string' && 'options' in item && typeof item.options === 'object');
}

/** The options scripts/bundles.mjs gives the bundle `name`, with paths resolved from the repository root. */
export async function bundleOptions(name: string): Promise<esbuild.BuildOptions> {
  const config: unknown = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'bundles.mjs')).href);
  const bundles: unknown = typeof config === 'object' && config !== null && 'BUNDLES' in config ? config.BUNDLES : undefined;
  assert.ok(isBundleList(bundles), 'scripts/bundles.mjs exports no BUNDLES list');
  const bundle = bundles.find((b) => b.name === name);
  assert.ok(bundle, `no bundle "${name}" in scripts/bundles.mjs`);
  // The options come from a JavaScript file; esbuild checks them itself.
  return { ...bundle.options, absWorkingDir: REPO_ROOT };
}
