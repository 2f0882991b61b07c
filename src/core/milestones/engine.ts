import * as path from 'node:path';
import type { Evidence } from '../progress/model';
import { baseName, FileIndex } from '../scan/fileIndex';
import { gitListFiles, listFiles } from '../scan/fileList';
import { folderProblem } from '../scan/folderCheck';
import type { FileListing, GitListing, ListingSource } from '../scan/fileList';
import { createGitRunner } from '../scan/gitRunner';
import type { GitRunner } from '../scan/gitRunner';
import { isGitPath, isIgnoredPath } from '../scan/ignoredPaths';
import { yieldWhenDue } from '../scan/yieldToEventLoop';
import type { MilestoneId } from './catalog';
import { milestonesOfKind } from './catalog';
import type { AuthorshipCache, AuthorshipOptions, WorkTree } from '../detection/authorship';
import { attributeFileEvidence, readWorkTree } from '../detection/authorship';
import { readLearnerEmails } from '../detection/identity';
import type { Detector, DetectOutcome } from './detector';
import { allDetectors, allDetectorsInSlices } from './detectors';
import type { GitStateCache } from '../detection/gitStateCache';
import type { GitConfigList } from '../scan/gitConfig';
import { readGitFacts } from './gitFacts';
import { findGitRepository, isInsideRepository } from './gitRepository';
import { pathWithNameMatchesRule } from './pathRule';
import type { PathRule } from './pathRule';
import { gitIndexBytes, LARGE_GIT_INDEX_BYTES } from '../scan/gitIndexSize';
import { CACHE_BUDGET_CHARS, createScanContext } from './scanContext';
import { TextCache } from './textCache';
import { errorMessage } from '../errorMessage';

export interface ScanOptions {
  /** False in untrusted workspaces (and with --no-git): then no git process runs at all. */
  readonly allowGit: boolean;
  /** Run the project's test command to decide `test.passing` (CLI --run-tests). */
  readonly runTests?: boolean;
  /** Check only these milestone ids (incremental re-checks); results are given for these only. */
  readonly only?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  /** The folder's files, already listed (an incremental re-check updated the previous list); skips listing. */
  readonly files?: { readonly files: readonly string[]; readonly source: ListingSource };
  /**
   * With `files`: every path created, changed or deleted since the scan that listed them. The texts that
   * scan read are reused except these; without it, every file is read again.
   */
  readonly changedPaths?: ReadonlySet<string>;
  /** Keeps the folder's git configuration and work tree between scans while they are unchanged. */
  readonly gitState?: GitStateCache;
  /** The folder's git configuration, already read for this scan (the CLI's fingerprint of the folder); not asked again. */
  readonly gitConfig?: GitConfigList;
  /**
   * From `indexBytes` of `.git/index` on (default LARGE_GIT_INDEX_BYTES), tracked and untracked files
   * are listed by two processes and the tracked ones are checked while git looks for the others, which
   * join at once if they come within `waitMs` of the tracked ones being indexed (default
   * UNTRACKED_GRACE_MS; 0: never), else after the checks.
   */
  readonly splitListing?: { readonly indexBytes?: number; readonly waitMs?: number };
  /**
   * Read the folder's files with the thread blocked meanwhile: 4 to 6 times faster than through the thread
   * pool (see readTextFileNow), for a process whose thread serves nothing else (the CLI). The extension
   * host leaves it off, so a slow or hung file system cannot freeze it.
   */
  readonly blockingFileReads?: boolean;
  /**
   * Check whose work each piece of evidence is (sets `yours`). Needs `allowGit`; without git every file
   * evidence gets `yours: null`. `onlyEmails` replaces the identities read from git config (CLI --author);
   * `extraEmails` adds to them (setting backendRoadmap.identity.emails).
   */
  readonly authorship?: {
    readonly extraEmails?: readonly string[];
    readonly onlyEmails?: readonly string[];
    readonly cache?: AuthorshipCache;
  };
}

export interface MilestoneResult {
  readonly id: MilestoneId;
  readonly present: boolean;
  readonly evidence: readonly Evidence[];
  /** False when the check was skipped, e.g. git in an untrusted workspace. */
  readonly checked: boolean;
  /** Why it was not checked. */
  readonly reason?: string;
}

export interface FolderScan {
  readonly folder: string;
  readonly milestones: readonly MilestoneResult[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
  readonly filesListed: number;
  /** The folder has a `.git` of its own or lies inside a work tree: its evidence has an author to ask about. */
  readonly repository: boolean;
  /** The learner's emails used for authorship (empty when unknown or not checked). */
  readonly learnerEmails: readonly string[];
  /** The file list the scan used (kept by callers for incremental re-checks); undefined when none was needed. */
  readonly files: { readonly files: readonly string[]; readonly source: ListingSource } | undefined;
}

const GIT_FACT_IDS: ReadonlySet<string> = milestonesOfKind('git');

/**
 * The index built from a file list, kept while the list is: a re-check after a saved file gets the same
 * list back (src/core/scan/fileListUpdate.ts), and with the index everything answered from paths alone
 * (the files each rule matches, the source files per language) instead of working it out for 100k paths again.
 */
const indexOfList = new WeakMap<readonly string[], Promise<FileIndex>>();

function indexFor(files: readonly string[]): Promise<FileIndex> {
  let index = indexOfList.get(files);
  if (index === undefined) {
    // Not cancelled with one scan's signal: another scan of the same list may be waiting for it.
    index = FileIndex.build(files);
    indexOfList.set(files, index);
  }
  return index;
}
/** Texts read for a file list, kept while the list is (see TextCache). */
const textsOfList = new WeakMap<readonly string[], TextCache>();

function textsFor(files: readonly string[], changedPaths: ReadonlySet<string> | undefined): TextCache {
  let texts = changedPaths === undefined ? undefined : textsOfList.get(files);
  if (texts === undefined) {
    texts = new TextCache(CACHE_BUDGET_CHARS);
    textsOfList.set(files, texts);
  } else {
    texts.forget(changedPaths ?? []);
  }
  return texts;
}

/** How long the checks wait for the untracked files once the tracked ones are indexed. */
const UNTRACKED_GRACE_MS = 50;

/** The promise's value if it settles within `ms`, else undefined (it keeps running). */
async function settledWithin<T>(pending: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The untracked files not already in the tracked index (with a warning when git could not list them). The
 * two lists are disjoint unless a file was added to the index between the two listings; the index's list
 * of a file's name is short, where a Set of every tracked path cost ~5 MB.
 */
function untrackedAdded(tracked: FileIndex, untracked: GitListing, warnings: string[]): string[] {
  if (untracked.files === undefined) {
    warnings.push('git could not list the untracked files (`git ls-files --others` failed), so only committed and staged files were checked');
    return [];
  }
  return untracked.files.filter((file) => !tracked.named(baseName(file).toLowerCase()).includes(file));
}

/**
 * The listing with the untracked files before the tracked ones (where one `git ls-files` lists them), and
 * its index; the tracked-only list and what was worked out for it (each rule's files) are not kept.
 */
function withUntracked<L extends { readonly files: readonly string[] }>(listing: L, index: FileIndex, added: readonly string[], options: { readonly reuseAnswers: boolean }): { listing: L; index: FileIndex } {
  // concat allocates the whole list once; a spread grows it step by step (100k paths: ~2 MB of garbage).
  const files = added.concat(listing.files);
  const extended = index.withFilesBefore(files, added, options);
  indexOfList.set(files, Promise.resolve(extended));
  indexOfList.delete(listing.files);
  return { listing: { ...listing, files }, index: extended };
}

/**
 * Tracked files from the index at once, untracked ones (a walk of every folder) from a second process
 * started at the same time. `tracked` is undefined when git listed none (a new repository, or a folder an
 * enclosing repository ignores): then the usual listing, with its crawl, decides.
 */
async function listTrackedFirst(git: GitRunner): Promise<{ tracked: FileListing | undefined; untracked: Promise<GitListing> }> {
  const untracked = gitListFiles(git, 'untracked');
  const tracked = await gitListFiles(git, 'tracked');
  if (tracked.files === undefined || tracked.files.length === 0) {
    return { tracked: undefined, untracked };
  }
  return { tracked: { files: tracked.files, source: 'git', truncated: false, warnings: [], gitMissing: false }, untracked };
}

const GIT_NOT_ALLOWED = 'git commands are not run in untrusted workspaces (or with --no-git)';
const GIT_MISSING = 'git is not installed or not on PATH';

/**
 * Scans one folder for every milestone (or those in `options.only`). Never throws for what it finds;
 * rejects when the folder is not a readable directory, and with the signal's reason when aborted.
 */
export async function scanFolder(folder: string, options: ScanOptions): Promise<FolderScan> {
  const started = performance.now();
  const signal = options.signal;
  signal?.throwIfAborted();
  const absolute = path.resolve(folder);
  const problem = await folderProblem(absolute);
  if (problem !== undefined) {
    throw new Error(problem.charAt(0).toUpperCase() + problem.slice(1));
  }
  const only = options.only;
  const all = await allDetectorsInSlices();
  const detectors = only === undefined ? all : all.filter((detector) => only.has(detector.id));
  const warnings: string[] = [];
  const ownRepository = await findGitRepository(absolute);
  const stamp = options.allowGit && options.gitState !== undefined && ownRepository?.kind === 'directory' ? await options.gitState.stamp(absolute) : undefined;
  const known = stamp === undefined ? undefined : options.gitState?.get(absolute, stamp);
  const configRead = known?.config ?? options.gitConfig;
  const git = options.allowGit ? createGitRunner(absolute, signal, configRead === undefined ? {} : { config: configRead }) : undefined;

  // Git facts and test runs need no file list; skip listing when only those are asked for.
  const needsFiles = detectors.some((detector) => detector.watch.length > 0 || detector.id === 'git.ignore');
  const listOptions = { ...(git === undefined ? {} : { git }), ...(signal === undefined ? {} : { signal }) };
  const toList = needsFiles && options.files === undefined;
  const splitList = toList && git !== undefined && ownRepository?.kind === 'directory' && (await gitIndexBytes(absolute)) >= (options.splitListing?.indexBytes ?? LARGE_GIT_INDEX_BYTES);
  // On a large repository the listing is asked for before anything else (git processes start one per turn,
  // in the order asked): the checks wait for the tracked files, the longest answer. On a small one it comes
  // after the git history, branches and the learner's emails, as before: there it takes no longer than they
  // do, and asking it first changed nothing measurable. Nothing is awaited until all are asked for.
  const splitPending = splitList ? listTrackedFirst(git) : undefined;
  const wantsFacts = detectors.some((detector) => GIT_FACT_IDS.has(detector.id));
  const gitFacts = git !== undefined && wantsFacts && ownRepository !== undefined ? readGitFacts(git) : undefined;
  const authorship = options.authorship;
  const learnerPending = git !== undefined && authorship !== undefined ? readLearnerEmails(git, authorship.extraEmails ?? [], authorship.onlyEmails) : undefined;
  const workTreePending = git !== undefined && authorship !== undefined ? (known !== undefined ? Promise.resolve(known.workTree) : readWorkTree(git)) : undefined;
  const listingPending = toList && !splitList ? listFiles(absolute, listOptions) : undefined;
  const split = await splitPending;
  let listing = !needsFiles
    ? undefined
    : options.files !== undefined
      ? { ...options.files, truncated: false, warnings: [], gitMissing: false }
      : (split?.tracked ?? (await (listingPending ?? listFiles(absolute, listOptions))));
  warnings.push(...(listing?.warnings ?? []));
  let index = listing === undefined ? await FileIndex.build([], signal) : await indexFor(listing.files);
  // Untracked files listed by the time the tracked ones are indexed (a walk of a few thousand folders)
  // join the list at once, and nothing runs twice; otherwise they join after the checks (below).
  let untrackedPending = split?.tracked === undefined ? undefined : split.untracked;
  if (untrackedPending !== undefined && listing !== undefined) {
    const waitMs = options.splitListing?.waitMs ?? UNTRACKED_GRACE_MS;
    const early = waitMs > 0 ? await settledWithin(untrackedPending, waitMs) : undefined;
    if (early !== undefined) {
      untrackedPending = undefined;
      const added = untrackedAdded(index, early, warnings);
      if (added.length > 0) {
        ({ listing, index } = withUntracked(listing, index, added, { reuseAnswers: false }));
      }
    }
  }
  const gitUnavailableReason = !options.allowGit ? GIT_NOT_ALLOWED : listing?.gitMissing === true ? GIT_MISSING : undefined;
  const learner = gitUnavailableReason === undefined ? await learnerPending : undefined;
  // A folder that an enclosing repository ignores (git listed nothing, the crawl listed it) is not that
  // repository's work: its history says nothing about whose these files are.
  const ignoredByEnclosing = ownRepository === undefined && listing?.source === 'crawl' && listing.files.length > 0;
  const workTree = gitUnavailableReason === undefined && !ignoredByEnclosing ? await workTreePending : undefined;
  if (stamp !== undefined && known === undefined && git?.config !== undefined && workTreePending !== undefined && gitUnavailableReason === undefined) {
    const config = await git.config();
    if (!('ok' in config)) {
      options.gitState?.set(absolute, stamp, { config, workTree: await workTreePending });
    }
  }
  const contextInit = {
    folder: absolute,
    signal,
    runTests: options.runTests ?? false,
    git,
    gitUnavailableReason,
    at: (options.now?.() ?? new Date()).toISOString(),
    warnings,
    blockingFileReads: options.blockingFileReads === true,
    ...(gitFacts === undefined ? {} : { gitFacts }),
    ...(learner === undefined ? {} : { learner }),
    repository: Promise.resolve(ownRepository),
  };
  const context = createScanContext({
    ...contextInit,
    index,
    ...(listing === undefined ? {} : { texts: textsFor(listing.files, options.files === undefined ? undefined : options.changedPaths) }),
  });

  const found: MilestoneResult[] = [];
  for (const detector of detectors) {
    // Checks whose answers are cached or quick resolve at once: one after another they ran without giving
    // the thread back (stretches of 24-42 ms in a code-server host's profile).
    await yieldWhenDue();
    signal?.throwIfAborted();
    found.push(toResult(detector.id, await runDetector(detector, context, warnings)));
  }
  if (untrackedPending !== undefined && listing !== undefined) {
    // The untracked files, listed meanwhile, join the list where one `git ls-files` puts them (before the
    // tracked ones), and only the checks they can change run again (as after a saved file); the texts read
    // stay, what was worked out from the shorter list does not.
    const added = untrackedAdded(index, await untrackedPending, warnings);
    if (added.length > 0) {
      const texts = textsOfList.get(listing.files) ?? new TextCache(CACHE_BUDGET_CHARS);
      texts.forget(added);
      texts.forgetListAnswers();
      const extended = withUntracked(listing, index, added, { reuseAnswers: true });
      textsOfList.set(extended.listing.files, texts);
      listing = extended.listing;
      index = extended.index;
      const affected = new Set(added.flatMap((file) => [...milestonesAffectedByPath(file)]));
      const again = createScanContext({ ...contextInit, index: extended.index, texts });
      for (const [i, detector] of detectors.entries()) {
        if (affected.has(detector.id)) {
          await yieldWhenDue();
          signal?.throwIfAborted();
          found[i] = toResult(detector.id, await runDetector(detector, again, warnings));
        }
      }
    }
  }
  // Without git to ask (untrusted, missing), a `.git` above the folder still says someone's history covers it.
  const repository = ownRepository !== undefined || workTree !== undefined || (authorship !== undefined && gitUnavailableReason !== undefined && (await isInsideRepository(absolute)));
  let milestones = found;
  if (authorship !== undefined) {
    if (git !== undefined && workTree !== undefined && learner !== undefined) {
      const statusStamp = stamp === undefined ? undefined : await options.gitState?.statusStamp(absolute, stamp);
      milestones = await attributeResults(absolute, found, workTree, {
        git,
        emails: learner,
        ...(authorship.cache === undefined ? {} : { cache: authorship.cache }),
        ...(signal === undefined ? {} : { signal }),
        ...(statusStamp === undefined ? {} : { statusStamp }),
        // A large index (the listing was split for it): HEAD's tree is asked before `git status` reads it all.
        ...(split?.tracked === undefined || listing?.source !== 'git' ? {} : { listedByGit: listedIn(index) }),
      });
    } else {
      // No git to ask (untrusted, missing, or not a repository): whose work it is cannot be told.
      milestones = found.map((result) => ({ ...result, evidence: result.evidence.map((e) => (e.yours === undefined ? { ...e, yours: null } : e)) }));
    }
    if (learner?.size === 0 && repository) {
      warnings.push('your git email is not set, so your own commits cannot be told from others\' (set `git config --global user.email`, or the setting backendRoadmap.identity.emails / CLI --author)');
    }
  }
  return {
    folder: absolute,
    milestones,
    warnings,
    durationMs: Math.round(performance.now() - started),
    filesListed: listing?.files.length ?? 0,
    repository,
    learnerEmails: [...(learner ?? [])],
    files: listing === undefined ? undefined : { files: listing.files, source: listing.source },
  };
}

/** Whether a path is in the index's list, looked up by its name (no Set of 100k paths for a few lookups). */
function listedIn(index: FileIndex): (relativePath: string) => boolean {
  return (relativePath) => index.named(baseName(relativePath).toLowerCase()).includes(relativePath);
}

/** Sets `yours` on the evidence of present milestones (file evidence asks git; the rest keep their own). */
async function attributeResults(folder: string, results: readonly MilestoneResult[], workTree: WorkTree, options: AuthorshipOptions): Promise<MilestoneResult[]> {
  const evidence = results.flatMap((result) => result.evidence);
  const attributed = await attributeFileEvidence(folder, evidence, workTree, options);
  const byOriginal = new Map(evidence.map((e, i) => [e, attributed[i] ?? e]));
  return results.map((result) => ({ ...result, evidence: result.evidence.map((e) => byOriginal.get(e) ?? e) }));
}

async function runDetector(detector: Detector, context: ReturnType<typeof createScanContext>, warnings: string[]): Promise<DetectOutcome> {
  try {
    return await detector.detect(context);
  } catch (error: unknown) {
    context.signal?.throwIfAborted();
    // One broken detector must not hide the others' results.
    const message = errorMessage(error);
    warnings.push(`${detector.id}: check failed (${message})`);
    return { kind: 'notChecked', reason: `check failed: ${message}` };
  }
}

function toResult(id: MilestoneId, outcome: DetectOutcome): MilestoneResult {
  if (outcome.kind === 'notChecked') {
    return { id, present: false, evidence: [], checked: false, reason: outcome.reason };
  }
  return { id, present: outcome.evidence.length > 0, evidence: outcome.evidence, checked: true };
}

/** What a change under `.git/` can affect: the git-kind milestones, and whether the folder is a repository. */
const GIT_IDS: ReadonlySet<MilestoneId> = new Set<MilestoneId>(['git.repo', ...milestonesOfKind('git')]);

/**
 * Milestones whose result a created, changed or deleted file can change (for file watchers).
 * `.git/…` paths affect the git milestones; files in ignored folders affect none.
 */
export function milestonesAffectedByPath(relativePath: string): ReadonlySet<MilestoneId> {
  const normalized = relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (isGitPath(normalized)) {
    return GIT_IDS;
  }
  if (normalized === '' || isIgnoredPath(normalized)) {
    return new Set();
  }
  const affected = new Set<MilestoneId>();
  const name = baseName(normalized).toLowerCase();
  for (const { rule, ids } of watchRulesOf(allDetectors())) {
    if (pathWithNameMatchesRule(rule, normalized, name)) {
      ids.forEach((id) => affected.add(id));
    }
  }
  return affected;
}

/**
 * Whether a changed path can change any milestone, for the file watchers (ChangedPathFilter): given once
 * every detector is built, a slice at a time, so that a change event never builds them in one stretch.
 */
export async function changedPathTest(): Promise<(relativePath: string) => boolean> {
  await allDetectorsInSlices();
  return (relativePath) => milestonesAffectedByPath(relativePath).size > 0;
}

/** A watch rule and the milestones whose detectors watch it. */
interface SharedWatchRule {
  readonly rule: PathRule;
  readonly ids: readonly MilestoneId[];
}

let watchRules: { readonly of: readonly Detector[]; readonly rules: readonly SharedWatchRule[] } | undefined;

/**
 * Each distinct watch rule once: detectors share rules (every reader of declared dependencies the manifest
 * rule, readers of one language's sources its rule), so a changed path tests about two thirds of the rules it did.
 * File events come in bursts (a checkout, a generator): each path costs this once in the watcher.
 */
function watchRulesOf(detectors: readonly Detector[]): readonly SharedWatchRule[] {
  if (watchRules?.of !== detectors) {
    const byRule = new Map<PathRule, MilestoneId[]>();
    for (const detector of detectors) {
      for (const rule of new Set(detector.watch)) {
        byRule.set(rule, [...(byRule.get(rule) ?? []), detector.id]);
      }
    }
    watchRules = { of: detectors, rules: [...byRule].map(([rule, ids]) => ({ rule, ids })) };
  }
  return watchRules.rules;
}
