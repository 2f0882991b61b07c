import type { CommentSyntax } from '../scan/sourceLexer';

/** Languages whose source files the detectors read for patterns. */
export type SourceLanguage = 'js' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'php' | 'ruby' | 'rust';

export const LANGUAGE_EXTENSIONS: Readonly<Record<SourceLanguage, readonly string[]>> = {
  js: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  python: ['.py'],
  go: ['.go'],
  java: ['.java'],
  kotlin: ['.kt'],
  csharp: ['.cs'],
  php: ['.php'],
  ruby: ['.rb', '.ru'],
  rust: ['.rs'],
};

const SYNTAX: Readonly<Record<SourceLanguage, CommentSyntax>> = {
  js: 'js',
  python: 'python',
  go: 'c',
  java: 'c',
  kotlin: 'c',
  csharp: 'c',
  php: 'php',
  ruby: 'ruby',
  rust: 'c',
};

/** The longest extension of `LANGUAGE_EXTENSIONS` after its dot ("java"). */
const LONGEST_EXTENSION = 4;

/**
 * An extension after its dot, ignoring the case of ASCII letters, as a number: -1 when it cannot be one of
 * ours (too long, or not ASCII). A scan asks for the language of each of 100k paths many times over, and
 * the lower-cased slice it replaces was a string allocated per call.
 */
function extensionKey(text: string, from: number): number {
  if (text.length - from > LONGEST_EXTENSION) {
    return -1;
  }
  let key = 0;
  for (let at = from; at < text.length; at++) {
    let code = text.charCodeAt(at);
    if (code >= 128) {
      return -1;
    }
    if (code >= 65 && code <= 90) {
      code += 32;
    }
    key = key * 128 + code;
  }
  return key;
}

const BY_EXTENSION_KEY = new Map<number, SourceLanguage>(
  (Object.entries(LANGUAGE_EXTENSIONS) as [SourceLanguage, readonly string[]][]).flatMap(([language, extensions]) =>
    extensions.map((extension): [number, SourceLanguage] => [extensionKey(extension, 1), language]),
  ),
);

/** Declarations and minified scripts, never the learner's source, by the key of their last extension. */
const GENERATED_SUFFIX = new Map<number, string>([
  [extensionKey('ts', 0), '.d.ts'],
  ...['js', 'cjs', 'mjs'].map((extension): [number, string] => [extensionKey(extension, 0), `.min.${extension}`]),
]);

export function languageOf(relativePath: string): SourceLanguage | undefined {
  const dot = relativePath.lastIndexOf('.');
  if (dot < 0) {
    return undefined;
  }
  const key = extensionKey(relativePath, dot + 1);
  const generated = GENERATED_SUFFIX.get(key);
  // Exact, as the name is written: "types.d.ts" is a declaration, "TYPES.D.TS" is not.
  return generated !== undefined && relativePath.endsWith(generated) ? undefined : BY_EXTENSION_KEY.get(key);
}

export function syntaxOf(language: SourceLanguage): CommentSyntax {
  return SYNTAX[language];
}

/** Watcher glob for the source files of some languages. */
export function sourceGlob(languages: readonly SourceLanguage[]): string {
  const extensions = [...new Set(languages.flatMap((language) => LANGUAGE_EXTENSIONS[language]))].map((e) => e.slice(1));
  return extensions.length === 1 ? `**/*.${extensions[0] ?? ''}` : `**/*.{${extensions.join(',')}}`;
}

/**
 * Test code: evidence of tests, never evidence of features (tests define throwaway routes, mocks and
 * fake servers).
 */
export function isTestPath(relativePath: string): boolean {
  // Most paths hold none of the words a test path needs: no lookup in a table of 100k paths (about 300 ns
  // each in a scan, against 55 ns for this test).
  if (!MAY_BE_TEST.test(relativePath)) {
    return false;
  }
  let known = testPathCache.get(relativePath);
  if (known === undefined) {
    known = classifyTestPath(relativePath);
    // Bounded: cleared rather than grown past one large repository's paths.
    if (testPathCache.size >= TEST_PATH_CACHE_SIZE) {
      testPathCache.clear();
    }
    testPathCache.set(relativePath, known);
  }
  return known;
}

/**
 * Many detectors ask about the same paths in one scan (and in re-checks of the same list): each path is
 * classified once. Paths are the scan's own strings (kept by the file list anyway), so the cache adds only its entries.
 */
const testPathCache = new Map<string, boolean>();
const TEST_PATH_CACHE_SIZE = 120_000;

/**
 * Every path `classifyTestPath` calls test code holds one of these, in any case (`u`: the Kelvin sign,
 * which lower-cases to "k", folds to it here too).
 */
const MAY_BE_TEST = /test|spec|e2e|mock|fixture|it\./iu;

/** Whether a path is test code, worked out (`isTestPath` remembers it). */
export function classifyTestPath(relativePath: string): boolean {
  const lower = relativePath.toLowerCase();
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  const casedName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return (
    /(^|\/)(__tests__|__mocks__|tests?|spec|e2e|testing|fixtures?|src\/test)\//.test(lower) ||
    /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/.test(name) ||
    /^test_.*\.py$/.test(name) ||
    /_test\.(py|go|rb)$/.test(name) ||
    name.endsWith('_spec.rb') ||
    /[a-z0-9](Tests?|IT)\.(java|kt|cs|php)$/.test(casedName) ||
    name === 'conftest.py'
  );
}
