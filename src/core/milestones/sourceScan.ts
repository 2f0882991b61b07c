import type { FileIndex } from '../scan/fileIndex';
import { depthOf } from '../scan/fileIndex';
import { yieldToEventLoop } from '../scan/yieldToEventLoop';
import type { EvidenceLocation, ScanContext } from './scanContext';
import { isFixturePath } from './scanContext';
import type { SourceLanguage } from './sourceLanguages';
import { isTestPath, LANGUAGE_EXTENSIONS, languageOf } from './sourceLanguages';

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
  const files = await candidateFiles(context, signals, hint);
  for (let start = 0; start < files.length; start += READ_BATCH) {
    context.signal?.throwIfAborted();
    const batch = files.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map((file) => context.readText(file)));
    for (const [i, file] of batch.entries()) {
      const text = texts[i];
      const language = languageOf(file);
      if (text === undefined || language === undefined) {
        continue;
      }
      const finding = await matchFile(context, file, language, text, signals);
      if (finding !== undefined) {
        return finding;
      }
    }
    await yieldToEventLoop();
  }
  return undefined;
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
    signal.pattern.lastIndex = 0;
    for (let match = signal.pattern.exec(lexed.code); match !== null; match = signal.pattern.exec(lexed.code)) {
      if (match[0] === '') {
        signal.pattern.lastIndex++;
        continue;
      }
      // Patterns may start with `^\s*`: judge the first non-blank character.
      const at = match.index + (match[0].length - match[0].trimStart().length);
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
  readonly isTest: boolean;
}

/** Per scan (per file index) and language: its source files outside fixtures, classified once. */
const sourceFilesByIndex = new WeakMap<FileIndex, Map<SourceLanguage, Promise<readonly SourceFile[]>>>();

function sourceFilesOf(index: FileIndex, language: SourceLanguage): Promise<readonly SourceFile[]> {
  let byLanguage = sourceFilesByIndex.get(index);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    sourceFilesByIndex.set(index, byLanguage);
  }
  let files = byLanguage.get(language);
  if (files === undefined) {
    files = classify(index, language);
    byLanguage.set(language, files);
  }
  return files;
}

async function classify(index: FileIndex, language: SourceLanguage): Promise<readonly SourceFile[]> {
  const files: SourceFile[] = [];
  let checked = 0;
  for (const extension of LANGUAGE_EXTENSIONS[language]) {
    for (const path of index.withExtension(extension)) {
      if (++checked % 5000 === 0) {
        await yieldToEventLoop();
      }
      if (languageOf(path) === language && !isFixturePath(path)) {
        files.push({ path, isTest: isTestPath(path) });
      }
    }
  }
  return files;
}

async function candidateFiles(context: ScanContext, signals: readonly SourceSignal[], hint: RegExp | undefined): Promise<readonly string[]> {
  const languages = new Set(signals.flatMap((signal) => signal.languages));
  const hinted: string[] = [];
  const others: string[] = [];
  let checked = 0;
  for (const language of languages) {
    for (const file of await sourceFilesOf(context.index, language)) {
      if (++checked % 5000 === 0) {
        await yieldToEventLoop();
      }
      if (signals.some((signal) => appliesTo(signal, file.path, language, file.isTest))) {
        (hint?.test(file.path.toLowerCase()) === true ? hinted : others).push(file.path);
      }
    }
  }
  return [...shallowestFirst(hinted), ...shallowestFirst(others)].slice(0, MAX_SOURCE_FILES_PER_DETECTOR);
}

function shallowestFirst(paths: readonly string[]): string[] {
  return paths
    .map((path) => ({ path, depth: depthOf(path) }))
    .sort((a, b) => a.depth - b.depth)
    .map((entry) => entry.path);
}
