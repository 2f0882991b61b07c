import type { FileIndex } from '../scan/fileIndex';
import { depthOf } from '../scan/fileIndex';
import { timeToYield, yieldToEventLoop } from '../scan/yieldToEventLoop';
import type { EvidenceLocation, ScanContext } from './scanContext';
import { isFixturePath } from './scanContext';
import type { SourceLanguage } from './sourceLanguages';
import { isTestPath, LANGUAGE_EXTENSIONS, languageOf } from './sourceLanguages';
import { patternMatches } from '../scan/patternMatches';
import { PairMemo } from '../pairMemo';

/**
 * A code pattern that proves a milestone, e.g. a route registration. It is matched on the source with
 * comments blanked out, and only counts when the match starts in code (not inside a string literal):
 * write patterns that begin with a code token (`app.get(`, `@GetMapping`, `"Content-Type", …` starting
 * at the opening quote).
 */
export interface SourceSignal {
  readonly languages: readonly SourceLanguage[];
  /** Must have the `g` flag. */
  readonly pattern: RegExp;
  /** What was found, e.g. "route app.get('/users')"; " in path:line" is appended. */
  readonly describe: (match: RegExpExecArray) => string;
  /** Extra constraint on the file path. */
  readonly where?: (relativePath: string) => boolean;
  /**
   * A match is ignored when this matches the code from the match on (400 characters): used to skip the
   * sample code that project generators write (a learner did not write `/weatherforecast`).
   */
  readonly unless?: RegExp;
  /** Test files are skipped unless this is set (tests define throwaway routes and fakes). */
  readonly includeTests?: boolean;
}

export interface SourceFinding {
  readonly summary: string;
  readonly location: EvidenceLocation;
}

/** Source files read at most per detector. */
export const MAX_SOURCE_FILES_PER_DETECTOR = 400;
const READ_BATCH = 16;

/**
 * Finds the first source match of any signal. Files whose path matches `hint` are read first (where
 * such code usually lives), then the rest shallowest first, up to `MAX_SOURCE_FILES_PER_DETECTOR`.
 */
export async function findInSources(
  context: ScanContext,
  signals: readonly SourceSignal[],
  hint: RegExp | undefined,
): Promise<SourceFinding | undefined> {
  const files = await context.remembered.rememberForList(signals, hint, () => candidateFiles(context, signals, hint));
  for (let start = 0; start < files.length; start += READ_BATCH) {
    context.signal?.throwIfAborted();
    // A file's finding depends on its text and the signals only: unchanged files (on a re-check, nearly
    // all) answer at once, without a read; the others of a batch are read and matched together.
    const answers = files.slice(start, start + READ_BATCH).map((file) => context.remembered.answerForFile(file, signals, () => findingInFile(context, file, signals)));
    for (const answer of answers) {
      const finding = answer instanceof Promise ? await answer : answer.value;
      if (finding !== undefined) {
        return finding;
      }
    }
    if (timeToYield()) {
      await yieldToEventLoop();
    }
  }
  return undefined;
}

async function findingInFile(context: ScanContext, file: string, signals: readonly SourceSignal[]): Promise<SourceFinding | undefined> {
  const language = languageOf(file);
  const text = await context.readText(file);
  return text === undefined || language === undefined ? undefined : matchFile(context, file, language, text, signals);
}

async function matchFile(
  context: ScanContext,
  file: string,
  language: SourceLanguage,
  text: string,
  signals: readonly SourceSignal[],
): Promise<SourceFinding | undefined> {
  for (const signal of signals) {
    if (!appliesTo(signal, file, language)) {
      continue;
    }
    // Cheap pre-check on the raw text: blanking comments can only remove matches.
    signal.pattern.lastIndex = 0;
    if (!signal.pattern.test(text)) {
      continue;
    }
    const lexed = await context.lexed(file, language);
    if (lexed === undefined) {
      continue;
    }
    // Patterns may start with `^\s*`: judge the first non-blank character.
    for (const { match, start: at } of patternMatches(signal.pattern, lexed.code)) {
      if (lexed.isCode(at) && !(signal.unless?.test(lexed.code.slice(at, at + 400)) ?? false)) {
        const line = lexed.lineOf(at);
        return { summary: `${signal.describe(match)} in ${file}:${line}`, location: { path: file, line } };
      }
    }
  }
  return undefined;
}

function appliesTo(signal: SourceSignal, file: string, language: SourceLanguage, isTest: boolean = isTestPath(file)): boolean {
  return signal.languages.includes(language) && (signal.includeTests === true || !isTest) && (signal.where === undefined || signal.where(file));
}

interface SourceFile {
  readonly path: string;
  /** `path` in lower case, for the detectors' path hints. */
  readonly lower: string;
  readonly depth: number;
  readonly isTest: boolean;
}

/**
 * What a scan works out once per language about its source files (outside fixtures), so that each of
 * the many source detectors only walks as far as it reads: the files shallowest first, and per path hint
 * the files it matches.
 */
interface LanguageFiles {
  readonly files: readonly SourceFile[];
  readonly hinted: WeakMap<RegExp, { readonly files: readonly SourceFile[]; readonly paths: ReadonlySet<string> }>;
}

/** Per scan (per file index) and language. */
const sourceFilesByIndex = new PairMemo<FileIndex, SourceLanguage, Promise<LanguageFiles>>();

function sourceFilesOf(index: FileIndex, language: SourceLanguage): Promise<LanguageFiles> {
  return sourceFilesByIndex.get(index, language, () => classify(index, language));
}

async function classify(index: FileIndex, language: SourceLanguage): Promise<LanguageFiles> {
  const files: SourceFile[] = [];
  let checked = 0;
  for (const extension of LANGUAGE_EXTENSIONS[language]) {
    for (const path of index.withExtension(extension)) {
      if (++checked % 5000 === 0) {
        await yieldToEventLoop();
      }
      if (languageOf(path) === language && !isFixturePath(path)) {
        files.push({ path, lower: path.toLowerCase(), depth: depthOf(path), isTest: isTestPath(path) });
      }
    }
  }
  // Stable: within one depth, the order of the extensions and then of the paths is kept.
  files.sort((a, b) => a.depth - b.depth);
  return { files, hinted: new WeakMap() };
}

async function hintedFiles(languageFiles: LanguageFiles, hint: RegExp): Promise<{ readonly files: readonly SourceFile[]; readonly paths: ReadonlySet<string> }> {
  let hinted = languageFiles.hinted.get(hint);
  if (hinted === undefined) {
    const files: SourceFile[] = [];
    for (let i = 0; i < languageFiles.files.length; i++) {
      const file = languageFiles.files[i];
      if (file !== undefined && hint.test(file.lower)) {
        files.push(file);
      }
      if (i % 5000 === 4999) {
        await yieldToEventLoop();
      }
    }
    hinted = { files, paths: new Set(files.map((file) => file.path)) };
    languageFiles.hinted.set(hint, hinted);
  }
  return hinted;
}

/**
 * The files a detector reads: those whose path matches `hint` first, then the others, each group
 * shallowest first, at most `MAX_SOURCE_FILES_PER_DETECTOR`. Stops walking a language once it has as
 * many as can be read.
 */
async function candidateFiles(context: ScanContext, signals: readonly SourceSignal[], hint: RegExp | undefined): Promise<readonly string[]> {
  const languages = [...new Set(signals.flatMap((signal) => signal.languages))];
  const perLanguage = await Promise.all(languages.map((language) => sourceFilesOf(context.index, language)));
  const applies = (file: SourceFile, language: SourceLanguage): boolean => signals.some((signal) => appliesTo(signal, file.path, language, file.isTest));
  const hinted: SourceFile[] = [];
  const hintedPaths: (ReadonlySet<string> | undefined)[] = [];
  for (const [i, language] of languages.entries()) {
    const languageFiles = perLanguage[i];
    if (hint === undefined || languageFiles === undefined) {
      continue;
    }
    const found = await hintedFiles(languageFiles, hint);
    hintedPaths[i] = found.paths;
    hinted.push(...found.files.filter((file) => applies(file, language)));
  }
  const othersWanted = MAX_SOURCE_FILES_PER_DETECTOR - hinted.length;
  const others: SourceFile[] = [];
  for (const [i, language] of languages.entries()) {
    const files = perLanguage[i]?.files ?? [];
    const skip = hintedPaths[i];
    let taken = 0;
    for (let at = 0; at < files.length && taken < othersWanted; at++) {
      const file = files[at];
      if (file !== undefined && skip?.has(file.path) !== true && applies(file, language)) {
        others.push(file);
        taken++;
      }
      if (at % 5000 === 4999) {
        await yieldToEventLoop();
      }
    }
  }
  return [...shallowestFirst(hinted), ...shallowestFirst(others)].slice(0, MAX_SOURCE_FILES_PER_DETECTOR).map((file) => file.path);
}

/** Stable: files of one depth keep their language order, then their order within the language. */
function shallowestFirst(files: SourceFile[]): SourceFile[] {
  return files.sort((a, b) => a.depth - b.depth);
}
