import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'backend-roadmap';

/**
 * The folder of this package's package.json. The CLI runs bundled from dist/cli.js and, in tests,
 * compiled from out/src/cli/: walk up instead of assuming one layout.
 */
export function findPackageRoot(start: string = __dirname): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      break;
    }
    dir = parent;
  }
  return undefined;
}

export function packageVersion(): string {
  const root = findPackageRoot();
  if (root === undefined) {
    return 'unknown';
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The roadmap content shipped with the package: roadmap/ beside dist/ (or beside package.json). */
export function defaultRoadmapDir(): string {
  const beside = path.join(__dirname, '..', 'roadmap');
  if (existsSync(path.join(beside, 'stages'))) {
    return beside;
  }
  const root = findPackageRoot();
  return root === undefined ? beside : path.join(root, 'roadmap');
}

function readPackageName(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    const name = typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
