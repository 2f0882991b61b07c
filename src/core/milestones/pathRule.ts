import type { FileIndex } from '../scan/fileIndex';
import { baseName, byDepth } from '../scan/fileIndex';
import { yieldToEventLoop } from '../scan/yieldToEventLoop';

/**
 * Which files a detector looks at, described so that it can be answered fast from the file index
 * (by exact name or extension) and also for a single path (file watchers), plus the watcher globs.
 * A file matches when its lower-case name is in `names`, ends with one of `extensions`, or matches
 * `namePattern`, and then also satisfies `where` (on the full relative path) and `rootOnly`.
 */
export interface PathRule {
  readonly names?: readonly string[];
  readonly extensions?: readonly string[];
  readonly namePattern?: RegExp;
  readonly where?: (relativePath: string) => boolean;
  readonly rootOnly?: boolean;
  /** Globs (relative to the folder) covering every file this rule can match, for file watchers. */
  readonly globs: readonly string[];
}

export function pathMatchesRule(rule: PathRule, relativePath: string): boolean {
  if (rule.rootOnly === true && relativePath.includes('/')) {
    return false;
  }
  const name = baseName(relativePath).toLowerCase();
  const nameMatches =
    (rule.names?.includes(name) ?? false) ||
    (rule.extensions?.some((extension) => name.endsWith(extension)) ?? false) ||
    (rule.namePattern?.test(name) ?? false);
  return nameMatches && (rule.where === undefined || rule.where(relativePath));
}

/** Paths checked between two yields to the event loop. */
const CHECKS_PER_SLICE = 5000;

/** Files of the index matching the rule, shallowest first; yields regularly on large folders. */
export async function findFiles(index: FileIndex, rule: PathRule): Promise<readonly string[]> {
  const candidates = new Set<string>();
  for (const name of rule.names ?? []) {
    for (const file of index.named(name)) {
      candidates.add(file);
    }
  }
  for (const extension of rule.extensions ?? []) {
    const lastDot = extension.lastIndexOf('.');
    // The index keys files by their last extension (".kts"); longer ones (".gradle.kts") are filtered after.
    for (const file of index.withExtension(extension.slice(lastDot))) {
      candidates.add(file);
    }
  }
  if (rule.namePattern !== undefined) {
    for (const [name, files] of index.names()) {
      if (rule.namePattern.test(name)) {
        for (const file of files) {
          candidates.add(file);
        }
      }
    }
  }
  const matching: string[] = [];
  let checked = 0;
  for (const file of candidates) {
    if (pathMatchesRule(rule, file)) {
      matching.push(file);
    }
    if (++checked % CHECKS_PER_SLICE === 0) {
      await yieldToEventLoop();
    }
  }
  return byDepth(matching);
}
