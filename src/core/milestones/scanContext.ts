import type { FileIndex } from '../scan/fileIndex';
import type { LearnerEmails } from '../detection/identity';
import type { GitOutcome, GitRunner } from '../scan/gitRunner';
import { isRegularFile, isRegularFileNow, MAX_FILE_BYTES, readTextFile, readTextFileNow } from '../scan/readText';
import type { LexedSource } from '../scan/sourceLexer';
import { TextCache } from './textCache';
import { lexSource } from '../scan/sourceLexer';
import { yieldWhenDue } from '../scan/yieldToEventLoop';
import type { Evidence } from '../progress/model';
import type { MilestoneId } from './catalog';
import type { GitFactsResult } from './gitFacts';
import { readGitFacts } from './gitFacts';
import { readHeadLog } from './headLog';
import type { GitRepository } from './gitRepository';
import { findGitRepository } from './gitRepository';
import { MANIFEST_EXTENSIONS, MANIFEST_NAMES, manifestKindOf } from './manifests/registry';
import type { DeclaredDependency } from './manifests/types';
import { normalizeName } from './manifests/types';
import type { PathRule } from './pathRule';
import { findFiles, walkFiles } from './pathRule';
import type { SourceLanguage } from './sourceLanguages';
import { syntaxOf } from './sourceLanguages';

/** Where in the folder a piece of evidence is. */
export interface EvidenceLocation {
  readonly path?: string;
  readonly line?: number;
  readonly commit?: string;
  readonly command?: string;
  readonly exitCode?: number;
}

/** Whether git may be asked, and if not, why. */
export interface GitAccess {
  /** Undefined when git commands may run; otherwise the reason they are not (shown to the learner). */
  readonly unavailableReason: string | undefined;
  /** Facts from git; only call when `unavailableReason` is undefined. */
  facts(): Promise<GitFactsResult>;
  /** HEAD's history (headLog.ts), read once per scan; only call when `unavailableReason` is undefined. */
  headLog(): Promise<GitOutcome>;
  /** Runs one read-only git command in the folder (for detectors with needs beyond `facts`); only when git is available. */
  run(args: readonly string[]): Promise<GitOutcome>;
}

/** Everything a detector may use. Reads and parsed manifests are shared between detectors of one scan. */
export interface ScanContext {
  readonly folder: string;
  readonly index: FileIndex;
  readonly signal: AbortSignal | undefined;
  readonly runTests: boolean;
  readonly git: GitAccess;
  /** The learner's emails when authorship is checked (trusted, git available); undefined otherwise. */
  readonly learner: LearnerEmails | undefined;
  find(rule: PathRule): Promise<readonly string[]>;
  /** The files `find` answers, in its order, worked out only as far as they are read (see `walkFiles`). */
  walk(rule: PathRule): AsyncIterable<string>;
  /** True when a listed file still exists as a regular file (git lists tracked files deleted from disk). */
  exists(relativePath: string): Promise<boolean>;
  readText(relativePath: string): Promise<string | undefined>;
  lexed(relativePath: string, language: SourceLanguage): Promise<LexedSource | undefined>;
  /**
   * What was worked out from files' texts and the file list, kept across re-checks of the same list:
   * only changed files are looked at again (see TextCache).
   */
  readonly remembered: Pick<TextCache, 'answerForFile' | 'rememberForList'>;
  dependencies(): Promise<readonly DeclaredDependency[]>;
  repository(): Promise<GitRepository | undefined>;
  evidence(milestone: MilestoneId, summary: string, location?: EvidenceLocation): Evidence;
  warn(message: string): void;
}

export interface ScanContextInit {
  readonly folder: string;
  readonly index: FileIndex;
  readonly signal: AbortSignal | undefined;
  readonly runTests: boolean;
  readonly git: GitRunner | undefined;
  readonly gitUnavailableReason: string | undefined;
  readonly at: string;
  readonly maxFileBytes?: number;
  /** Read files with the thread blocked meanwhile (see ScanOptions.blockingFileReads). */
  readonly blockingFileReads?: boolean;
  readonly warnings: string[];
  /** Git facts already being read (started alongside the file listing to overlap the two). */
  readonly gitFacts?: Promise<GitFactsResult>;
  readonly learner?: LearnerEmails;
  /** Whether the folder is a repository, when the engine already looked (it does, before listing). */
  readonly repository?: Promise<GitRepository | undefined>;
  /** Texts kept from earlier scans of the same file list (the engine forgets the changed paths first). */
  readonly texts?: TextCache;
}

/** Manifests read at most per scan (shallowest first). */
export const MAX_MANIFESTS = 300;
/** Text kept in memory across detectors; past this, files are read again when needed. */
export const CACHE_BUDGET_CHARS = 48 * 1024 * 1024;
/** Folders whose manifests and sources belong to test data, not to the project. */
const FIXTURE_PATH = /(^|\/)(fixtures?|__fixtures__|testdata|test-data)\//i;

export function isFixturePath(relativePath: string): boolean {
  return FIXTURE_PATH.test(relativePath);
}

export function createScanContext(init: ScanContextInit): ScanContext {
  const cache = init.texts ?? new TextCache(CACHE_BUDGET_CHARS);
  let dependencies: Promise<readonly DeclaredDependency[]> | undefined;
  let repository: Promise<GitRepository | undefined> | undefined = init.repository;
  let gitFacts: Promise<GitFactsResult> | undefined = init.gitFacts;
  const maxBytes = init.maxFileBytes ?? MAX_FILE_BYTES;
  // Files are read with the thread blocked (the CLI) or through the thread pool: see ScanOptions.blockingFileReads.
  const blocking = init.blockingFileReads === true;
  const readFile = (relativePath: string): Promise<string | undefined> => (blocking ? Promise.resolve(readTextFileNow(init.folder, relativePath, maxBytes)) : readTextFile(init.folder, relativePath, maxBytes));
  const isFile = (relativePath: string): Promise<boolean> => (blocking ? Promise.resolve(isRegularFileNow(init.folder, relativePath)) : isRegularFile(init.folder, relativePath));

  const readText = (relativePath: string): Promise<string | undefined> => {
    let pending = cache.texts.get(relativePath);
    if (pending === undefined) {
      pending = readFile(relativePath);
      cache.keepText(relativePath, pending);
    }
    return pending;
  };

  const context: ScanContext = {
    folder: init.folder,
    index: init.index,
    signal: init.signal,
    runTests: init.runTests,
    learner: init.learner,
    git: {
      unavailableReason: init.gitUnavailableReason,
      facts() {
        if (init.git === undefined) {
          return Promise.resolve({ ok: false, missing: false, message: init.gitUnavailableReason ?? 'git is not available' });
        }
        gitFacts ??= readGitFacts(init.git);
        return gitFacts;
      },
      headLog() {
        if (init.git === undefined) {
          return Promise.resolve({ ok: false, kind: 'failed', message: init.gitUnavailableReason ?? 'git is not available' });
        }
        return readHeadLog(init.git);
      },
      run(args) {
        if (init.git === undefined) {
          return Promise.resolve({ ok: false, kind: 'failed', message: init.gitUnavailableReason ?? 'git is not available' });
        }
        return init.git.run(args);
      },
    },
    remembered: cache,
    find: (rule) => findFiles(init.index, rule),
    walk: (rule) => walkFiles(init.index, rule),
    exists: isFile,
    readText,
    lexed(relativePath, language) {
      let pending = cache.lexed.get(relativePath);
      if (pending === undefined) {
        pending = readText(relativePath).then((text) => (text === undefined ? undefined : lexSource(text, syntaxOf(language))));
        cache.keepLexed(relativePath, pending);
      }
      return pending;
    },
    dependencies() {
      dependencies ??= readAllDependencies(init.index, readText, init.signal);
      return dependencies;
    },
    repository() {
      repository ??= findGitRepository(init.folder);
      return repository;
    },
    evidence(milestone, summary, location) {
      return { milestone, summary, folder: init.folder, ...location, at: init.at };
    },
    warn(message) {
      if (!init.warnings.includes(message)) {
        init.warnings.push(message);
      }
    },
  };
  return context;
}

/** Every manifest of the folder (outside ignored and fixture folders), shallowest first, capped. */
export function manifestPaths(index: FileIndex): readonly string[] {
  const found = new Set<string>();
  for (const name of MANIFEST_NAMES) {
    for (const file of index.named(name)) {
      found.add(file);
    }
  }
  for (const extension of MANIFEST_EXTENSIONS) {
    for (const file of index.withExtension(extension)) {
      if (manifestKindOf(file) !== undefined) {
        found.add(file);
      }
    }
  }
  return [...found]
    .filter((file) => !isFixturePath(file))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
    .slice(0, MAX_MANIFESTS);
}

async function readAllDependencies(
  index: FileIndex,
  readText: (relativePath: string) => Promise<string | undefined>,
  signal: AbortSignal | undefined,
): Promise<readonly DeclaredDependency[]> {
  const paths = manifestPaths(index);
  const all: DeclaredDependency[] = [];
  const BATCH = 16;
  for (let start = 0; start < paths.length; start += BATCH) {
    signal?.throwIfAborted();
    const batch = paths.slice(start, start + BATCH);
    const texts = await Promise.all(batch.map(readText));
    for (const [i, manifest] of batch.entries()) {
      const text = texts[i];
      const kind = manifestKindOf(manifest);
      if (text === undefined || kind === undefined) {
        continue;
      }
      for (const parsed of safeParse(kind.parse, text)) {
        all.push({
          ecosystem: kind.ecosystem,
          name: normalizeName(kind.ecosystem, parsed.name),
          displayName: parsed.name,
          manifest,
          section: parsed.section,
          ...(parsed.line === undefined ? {} : { line: parsed.line }),
        });
      }
    }
    await yieldWhenDue();
  }
  return all;
}

function safeParse<T>(parse: (text: string) => T[], text: string): T[] {
  try {
    return parse(text);
  } catch {
    // A malformed manifest proves nothing; it must not stop the scan.
    return [];
  }
}
