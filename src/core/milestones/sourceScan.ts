import { oneAtATime, timeToYield, yieldToEventLoop, yieldWhenDue } from '../scan/yieldToEventLoop';
import type { EvidenceLocation, ScanContext } from './scanContext';
import type { SourceLanguage } from './sourceLanguages';
import { isTestPath, languageOf } from './sourceLanguages';
import type { LanguageFiles } from './sourceFiles';
import { hintedPositions, sourceFilesOf } from './sourceFiles';
import { patternMatches } from '../scan/patternMatches';

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
    // Read together, matched one at a time: a text read already comes back at once, and the files of a
    // batch were all matched in one turn (stretches of 20-36 ms of a code-server host's thread).
    const inTurn = oneAtATime();
    const answers = files.slice(start, start + READ_BATCH).map((file) => context.remembered.answerForFile(file, signals, () => findingInFile(context, file, signals, inTurn)));
    for (const answer of answers) {
      const finding = answer instanceof Promise ? await answer : answer.value;
      if (finding !== undefined) {
        return finding;
      }
    }
    await yieldWhenDue();
  }
  return undefined;
}

async function findingInFile(context: ScanContext, file: string, signals: readonly SourceSignal[], inTurn: ReturnType<typeof oneAtATime>): Promise<SourceFinding | undefined> {
  const language = languageOf(file);
  const text = await context.readText(file);
  return text === undefined || language === undefined ? undefined : inTurn(() => matchFile(context, file, language, text, signals));
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

/** A file a detector may read: a position in its language's files. */
interface Candidate {
  readonly files: LanguageFiles;
  readonly at: number;
}

/**
 * The files a detector reads: those whose path matches `hint` first, then the others, each group
 * shallowest first, at most `MAX_SOURCE_FILES_PER_DETECTOR`. Stops walking a language once it has as
 * many as can be read.
 */
async function candidateFiles(context: ScanContext, signals: readonly SourceSignal[], hint: RegExp | undefined): Promise<readonly string[]> {
  const languages = [...new Set(signals.flatMap((signal) => signal.languages))];
  const perLanguage = await Promise.all(languages.map((language) => sourceFilesOf(context.index, language)));
  const applies = (files: LanguageFiles, at: number, language: SourceLanguage): boolean => {
    const path = files.paths[at] ?? '';
    const isTest = files.tests[at] === 1;
    for (const signal of signals) {
      if (appliesTo(signal, path, language, isTest)) {
        return true;
      }
    }
    return false;
  };
  const hinted: Candidate[] = [];
  const hintedAt: (Uint32Array | undefined)[] = [];
  for (const [i, language] of languages.entries()) {
    const files = perLanguage[i];
    if (hint === undefined || files === undefined) {
      continue;
    }
    const positions = await hintedPositions(files, hint);
    hintedAt[i] = positions;
    // A language's files are shallowest first, so its first `MAX_SOURCE_FILES_PER_DETECTOR` hinted ones
    // come before the rest of its hinted ones in `shallowestFirst` (a stable sort): the rest can never be
    // read. A hint that matches most paths (/module/ in "src/module-9/…") no longer tests every one.
    let taken = 0;
    for (let next = 0; next < positions.length && taken < MAX_SOURCE_FILES_PER_DETECTOR; next++) {
      const at = positions[next] ?? 0;
      if (applies(files, at, language)) {
        hinted.push({ files, at });
        taken++;
      }
    }
  }
  const othersWanted = MAX_SOURCE_FILES_PER_DETECTOR - hinted.length;
  const others: Candidate[] = [];
  for (const [i, language] of languages.entries()) {
    const files = perLanguage[i];
    if (files === undefined) {
      continue;
    }
    // Hinted positions are ascending, as is the walk: one pointer skips them.
    const skip = hintedAt[i];
    let skipAt = 0;
    let taken = 0;
    for (let at = 0; at < files.paths.length && taken < othersWanted; at++) {
      if (skip?.[skipAt] === at) {
        skipAt++;
      } else if (applies(files, at, language)) {
        others.push({ files, at });
        taken++;
      }
      if (at % 4096 === 4095 && timeToYield()) {
        await yieldToEventLoop();
      }
    }
  }
  return [...shallowestFirst(hinted), ...shallowestFirst(others)].slice(0, MAX_SOURCE_FILES_PER_DETECTOR).map(({ files, at }) => files.paths[at] ?? '');
}

/** Stable: files of one depth keep their language order, then their order within the language. */
function shallowestFirst(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => (a.files.depths[a.at] ?? 0) - (b.files.depths[b.at] ?? 0));
}
