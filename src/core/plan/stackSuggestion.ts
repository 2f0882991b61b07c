import { languageOf } from '../milestones/sourceLanguages';
import type { SourceLanguage } from '../milestones/sourceLanguages';
import type { Stack } from '../roadmap/model';
import { isIgnoredPath } from '../scan/ignoredPaths';

/**
 * Suggesting a stack from the open workspace. The input is a count of files per source language
 * (the detectors' languages: `{ js: 40, python: 3 }`), which `countLanguages` builds from a list of
 * workspace-relative paths. It is only a suggestion: the learner confirms or picks another stack.
 */
export type LanguageCounts = Readonly<Partial<Record<SourceLanguage, number>>>;

export const STACK_OF_LANGUAGE: Readonly<Record<SourceLanguage, Stack>> = {
  js: 'node',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'java',
  csharp: 'csharp',
  php: 'php',
  ruby: 'ruby',
  rust: 'rust',
};

/**
 * Project manifests name a stack more surely than a count of files (a Django project may hold more
 * JavaScript than Python): each counts as this many source files.
 */
export const MANIFEST_WEIGHT = 10;

const MANIFESTS: ReadonlyMap<string, SourceLanguage> = new Map([
  ['package.json', 'js'],
  ['pyproject.toml', 'python'],
  ['requirements.txt', 'python'],
  ['setup.py', 'python'],
  ['Pipfile', 'python'],
  ['go.mod', 'go'],
  ['pom.xml', 'java'],
  ['build.gradle', 'java'],
  ['build.gradle.kts', 'kotlin'],
  ['composer.json', 'php'],
  ['Gemfile', 'ruby'],
  ['Cargo.toml', 'rust'],
]);

/** At least this many files (a manifest counts as MANIFEST_WEIGHT) before anything is suggested. */
export const MIN_SUGGESTION_FILES = 3;

function manifestLanguage(relativePath: string): SourceLanguage | undefined {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return MANIFESTS.get(name) ?? (name.endsWith('.csproj') || name.endsWith('.sln') ? 'csharp' : undefined);
}

/** Files per language among workspace-relative paths (forward slashes), dependencies and build output left out. */
export function countLanguages(relativePaths: readonly string[]): LanguageCounts {
  const counts: Partial<Record<SourceLanguage, number>> = {};
  for (const relativePath of relativePaths) {
    if (isIgnoredPath(relativePath)) {
      continue;
    }
    const manifest = manifestLanguage(relativePath);
    const language = manifest ?? languageOf(relativePath);
    if (language !== undefined) {
      counts[language] = (counts[language] ?? 0) + (manifest === undefined ? 1 : MANIFEST_WEIGHT);
    }
  }
  return counts;
}

/**
 * The stack most of the workspace is written for: the one with the most files, when it has at least half of
 * all of them and at least MIN_SUGGESTION_FILES. Undefined for an empty or evenly mixed workspace (the
 * learner then picks without a suggestion).
 */
export function suggestStack(counts: LanguageCounts): Stack | undefined {
  const perStack = new Map<Stack, number>();
  let total = 0;
  for (const [language, count] of Object.entries(counts)) {
    // Counts come from callers at run time: a key that is not a known language is ignored.
    const stack = Object.hasOwn(STACK_OF_LANGUAGE, language) ? STACK_OF_LANGUAGE[language as SourceLanguage] : undefined;
    if (stack === undefined || typeof count !== 'number' || !(count > 0)) {
      continue;
    }
    perStack.set(stack, (perStack.get(stack) ?? 0) + count);
    total += count;
  }
  const ranked = [...perStack].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best === undefined || best[1] < MIN_SUGGESTION_FILES || best[1] * 2 < total || second?.[1] === best[1]) {
    return undefined;
  }
  return best[0];
}
