import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Evidence } from '../progress/model';
import type { GitRunner } from '../scan/gitRunner';
import { gitConfigOf } from '../scan/gitConfig';
import { isGitPath } from '../scan/ignoredPaths';
import { compareWithHead } from './headComparison';
import type { LearnerEmails } from './identity';
import { normalizeEmail } from './identity';
import type { LineHistory, LineOrigin } from './lineHistory';
import { COMMIT_MARK, lastChanges, LINE_LOG_LIMIT, lineHistoryArgs, lineOrigins, parseLineHistory, parseRenames, renamesArgs } from './lineHistory';

/** What git says about one file or line: whose it is, and the commit that last changed it. */
interface Attribution {
  readonly yours: boolean | null;
  readonly commit?: string;
}

/**
 * What is cached: the commit and its author, not the verdict, so a change of the learner's emails (the
 * setting backendRoadmap.identity.emails) takes effect at the next check without asking git again.
 */
interface LastChange {
  readonly commit: string;
  readonly email: string;
}

/** Lookups per call and time per call: authorship must stay within a scan's time bounds. */
export const AUTHORSHIP_LIMITS = { maxLookups: 200, deadlineMs: 20_000, concurrency: 4 } as const;

const UNCOMMITTED = /^0{40}$/;

/**
 * Remembers attributions per file (and line) at a given HEAD and file version, so re-checks after a save
 * ask git again only about what changed. Bounded: cleared when it grows past `capacity`.
 */
export class AuthorshipCache {
  private readonly entries = new Map<string, LastChange>();
  /** Working-tree status per path, keyed by the repository's state and the file's version (see `statusStamp`). */
  readonly status = new Map<string, 'untracked' | 'changed' | 'clean'>();

  constructor(private readonly capacity = 5000) {}

  get(key: string): LastChange | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: LastChange): void {
    if (this.entries.size >= this.capacity) {
      this.entries.clear();
    }
    this.entries.set(key, value);
  }

  rememberStatus(key: string, value: 'untracked' | 'changed' | 'clean'): void {
    if (this.status.size >= this.capacity) {
      this.status.clear();
    }
    this.status.set(key, value);
  }
}

export interface AuthorshipOptions {
  readonly git: GitRunner;
  readonly emails: LearnerEmails;
  readonly cache?: AuthorshipCache;
  readonly signal?: AbortSignal;
  readonly limits?: Partial<typeof AUTHORSHIP_LIMITS>;
  /**
   * Stands for the repository's HEAD, index and ignore rules (GitStateCache and the index's size and
   * mtime): while it and a file's version are unchanged, so is the file's status, and `git status`
   * (hundreds of milliseconds on a large repository) is not asked again. Undefined: always asked.
   */
  readonly statusStamp?: string;
  /**
   * Set on a large repository whose files git listed: whether git listed a path (tracked, or untracked and
   * not ignored). The files are then compared with HEAD first (see headComparison.ts), and `git status`,
   * which reads the whole index (about 120 ms for 100k files), is asked only about those that differ. A
   * listed path HEAD does not have is uncommitted work, staged or not, as status would say.
   */
  readonly listedByGit?: (relativePath: string) => boolean;
}

/** Whether the folder is inside a git work tree, and where (the folder's path from the top level). */
export interface WorkTree {
  readonly prefix: string;
  /** HEAD's commit, or undefined in a repository with no commit yet. */
  readonly head: string | undefined;
}

/**
 * One process in the usual case: the prefix line, then HEAD's commit. Without a commit yet it fails, and only
 * then is the prefix asked for alone.
 */
export const WORK_TREE_ARGS: readonly string[] = ['rev-parse', '--show-prefix', '-q', '--verify', 'HEAD^{commit}'];

export async function readWorkTree(git: GitRunner): Promise<WorkTree | undefined> {
  const both = await git.run(WORK_TREE_ARGS);
  if (both.ok) {
    const [prefix = '', head = ''] = both.stdout.split('\n');
    return { prefix: prefix.trim(), head: head.trim() || undefined };
  }
  const prefix = await git.run(['rev-parse', '--show-prefix']);
  return prefix.ok ? { prefix: prefix.stdout.trim(), head: undefined } : undefined;
}

/**
 * Sets `yours` on file evidence (evidence with a path) that has none yet: true when the file is untracked
 * or changed in the working tree (for a line: when that line is not committed), or when the commit that
 * last changed the line (blame) or the file (log) was authored with one of the learner's emails; false
 * when another author's; null when git cannot tell or the lookup budget is spent. The commit found is
 * added to the evidence, so the learner sees which commit made it theirs.
 */
export async function attributeFileEvidence(folder: string, evidence: readonly Evidence[], workTree: WorkTree, options: AuthorshipOptions): Promise<Evidence[]> {
  const limits = { ...AUTHORSHIP_LIMITS, ...options.limits };
  const wanted = evidence.filter((e) => e.yours === undefined && e.path !== undefined && !isGitPath(e.path));
  if (wanted.length === 0) {
    return [...evidence];
  }
  const head = workTree.head;
  const results = new Map<string, Attribution>();
  const keys = [...new Set(wanted.map(lookupKey))];
  if (head === undefined) {
    // No commit yet: everything in the folder is the learner's uncommitted work.
    keys.forEach((key) => results.set(key, { yours: true }));
    return withAttributions(evidence, wanted, results);
  }
  const paths = [...new Set(wanted.map((e) => e.path ?? ''))];
  const versions = new Map(await Promise.all(paths.map(async (file) => [file, await fileVersion(folder, file)] as const)));
  // The working-tree status and the files' history are asked at once (each git process costs its start-up,
  // 5 to 20 ms here, and on a large repository hundreds of milliseconds of its own); blame, one process per
  // file, only for lines they leave open.
  const fromCache = statusFromCache(options, paths, versions);
  const statusPending = cachedStatus(folder, options, workTree, paths, versions, fromCache);
  // Uncommitted work is the learner's: an untracked file, a changed file as a whole, and (from blame) a line not committed.
  const uncommittedIn = (status: ReadonlyMap<string, 'untracked' | 'changed'> | undefined, file: string, line: number | undefined): boolean => status?.get(file) === 'untracked' || (status?.get(file) === 'changed' && line === undefined);
  // A re-check usually knows every status already: what it settles needs no history (an untracked file has none).
  const knownStatus = fromCache?.status;
  const lookups = keys.map((key) => {
    const [file = '', lineText = ''] = key.split('\0');
    return { key, file, line: lineText === '' ? undefined : Number(lineText) };
  });

  // What is settled without asking about history: what the cache remembers.
  const toLookUp: { key: string; file: string; line: number | undefined; cacheKey: string }[] = [];
  const remembered = new Map<string, LastChange>();
  for (const { key, file, line } of lookups) {
    if (uncommittedIn(knownStatus, file, line)) {
      continue;
    }
    const cacheKey = `${head}\0${key}\0${versions.get(file) ?? 'missing'}`;
    const cached = options.cache?.get(cacheKey);
    if (cached !== undefined) {
      remembered.set(key, cached);
    } else {
      toLookUp.push({ key, file, line, cacheKey });
    }
  }
  options.signal?.throwIfAborted();

  const deadline = Date.now() + limits.deadlineMs;
  const found = new Map<string, LastChange | 'uncommitted'>();
  const settle = (lookup: (typeof toLookUp)[number]): void => {
    const change = found.get(lookup.key);
    if (change === 'uncommitted') {
      results.set(lookup.key, { yours: true });
    } else if (change === undefined) {
      results.set(lookup.key, { yours: null });
    } else {
      options.cache?.set(lookup.cacheKey, change);
      results.set(lookup.key, judge(change, options.emails));
    }
  };
  const lookedUpFiles = [...new Set(toLookUp.map((lookup) => lookup.file))];
  const [status, history] = await Promise.all([statusPending, lookedUpFiles.length === 0 ? undefined : filesHistory(options.git, workTree, lookedUpFiles, toLookUp.some((lookup) => lookup.line !== undefined))]);
  options.signal?.throwIfAborted();
  for (const { key, file, line } of lookups) {
    const cached = remembered.get(key);
    if (uncommittedIn(status, file, line)) {
      results.set(key, { yours: true });
    } else if (cached !== undefined) {
      results.set(key, judge(cached, options.emails));
    }
  }
  const open = toLookUp.filter((lookup) => !results.has(lookup.key));
  const linesByFile = new Map<string, (typeof toLookUp)[number][]>();
  const leaveToBlame = (lookup: (typeof toLookUp)[number]): void => {
    linesByFile.set(lookup.file, [...(linesByFile.get(lookup.file) ?? []), lookup]);
  };
  const filesUnfound: string[] = [];
  const createdBy: { lookup: (typeof toLookUp)[number]; origin: LineOrigin }[] = [];
  // Committed and unchanged since: the history's patches say which commit added the line (lineHistory.ts),
  // unless the repository's settings make blame read it otherwise (asked only when there is such a line).
  const traced = open.filter((lookup) => lookup.line !== undefined && history?.last.has(lookup.file) === true && status.get(lookup.file) === undefined);
  const lines = traced.length > 0 && history?.lines !== undefined && (await historyReadsAsBlame(options.git, folder, workTree)) ? history.lines : undefined;
  const origins = lines === undefined ? [] : await lineOrigins(lines, traced.map((lookup) => ({ file: `${workTree.prefix}${lookup.file}`, line: lookup.line ?? 0 })));
  const originOf = new Map(origins.map((origin, at) => [traced[at], origin]));
  for (const lookup of open) {
    const last = history?.last.get(lookup.file);
    if (lookup.line === undefined) {
      if (last !== undefined) {
        found.set(lookup.key, last);
      } else if (history !== undefined) {
        filesUnfound.push(lookup.file);
      }
    } else if (originOf.has(lookup)) {
      const origin = originOf.get(lookup);
      if (origin === undefined) {
        leaveToBlame(lookup);
      } else if (origin.createdWithParent) {
        createdBy.push({ lookup, origin });
      } else {
        found.set(lookup.key, { commit: origin.commit, email: normalizeEmail(origin.email) });
      }
    } else {
      leaveToBlame(lookup);
    }
  }
  if (createdBy.length > 0) {
    // A line added by the commit that created its file: blame would follow a rename there. One process for all.
    const renames = await renamedIn(options.git, [...new Set(createdBy.map(({ origin }) => origin.commit))]);
    for (const { lookup, origin } of createdBy) {
      if (renames === undefined || renames.get(origin.commit)?.has(`${workTree.prefix}${lookup.file}`) !== false) {
        leaveToBlame(lookup);
      } else {
        found.set(lookup.key, { commit: origin.commit, email: normalizeEmail(origin.email) });
      }
    }
  }
  const tasks: (() => Promise<void>)[] = [];
  if (filesUnfound.length > 0) {
    // Older than the history read at once reached: one bounded lookup each (rare: unchanged for 2,000 commits).
    tasks.push(async () => {
      for (const file of filesUnfound) {
        const change = await lastCommitOfFile(options.git, file);
        if (change !== undefined) {
          found.set(`${file}\0`, change);
        }
      }
    });
  }
  for (const [file, lines] of linesByFile) {
    tasks.push(async () => {
      for (const [line, change] of await blameLines(options.git, file, lines.map((lookup) => lookup.line ?? 0))) {
        found.set(`${file}\0${String(line)}`, change);
      }
    });
  }
  // At most `concurrency` lookups at once, each started as soon as one finishes.
  let next = 0;
  let started = 0;
  const worker = async (): Promise<void> => {
    for (let task = tasks[next++]; task !== undefined; task = tasks[next++]) {
      options.signal?.throwIfAborted();
      if (started++ >= limits.maxLookups || Date.now() > deadline) {
        return;
      }
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, tasks.length) }, worker));
  options.signal?.throwIfAborted();
  open.forEach(settle);
  return withAttributions(evidence, wanted, results);
}

function withAttributions(evidence: readonly Evidence[], wanted: readonly Evidence[], results: ReadonlyMap<string, Attribution>): Evidence[] {
  return evidence.map((e) => {
    if (!wanted.includes(e)) {
      return e;
    }
    const found = results.get(lookupKey(e)) ?? { yours: null };
    return { ...e, yours: found.yours, ...(found.commit === undefined || e.commit !== undefined ? {} : { commit: found.commit }) };
  });
}

function lookupKey(evidence: Evidence): string {
  return `${evidence.path ?? ''}\0${evidence.line === undefined ? '' : String(evidence.line)}`;
}

/** Size and modification time: a file edited since the last lookup is looked up again. */
async function fileVersion(folder: string, file: string): Promise<string> {
  try {
    const stat = await fs.lstat(path.join(folder, file));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** `workingTreeStatus`, asking git only about paths whose status the cache (`fromCache`, read once by the caller) does not hold for this state. */
async function cachedStatus(
  folder: string,
  options: AuthorshipOptions,
  workTree: WorkTree,
  paths: readonly string[],
  versions: ReadonlyMap<string, string>,
  fromCache: ReturnType<typeof statusFromCache>,
): Promise<Map<string, 'untracked' | 'changed'>> {
  const cache = options.cache;
  const stamp = options.statusStamp;
  if (cache === undefined || stamp === undefined || fromCache === undefined) {
    return (await workingTreeStatus(folder, workTree, paths, options)) ?? new Map();
  }
  const keyOf = (file: string): string => statusKey(stamp, file, versions);
  // A copy: what git answers joins it, while the caller keeps reading what the cache knew.
  const status = new Map(fromCache.status);
  const unknown = fromCache.unknown;
  if (unknown.length > 0) {
    const asked = await workingTreeStatus(folder, workTree, unknown, options);
    for (const file of unknown) {
      const found = asked?.get(file);
      if (asked !== undefined) {
        // Only what git answered is remembered; a failed status is asked again next time.
        cache.rememberStatus(keyOf(file), found ?? 'clean');
      }
      if (found !== undefined) {
        status.set(file, found);
      }
    }
  }
  return status;
}

function statusKey(stamp: string, file: string, versions: ReadonlyMap<string, string>): string {
  return `${stamp}\0${file}\0${versions.get(file) ?? ''}`;
}

/** What the cache knows of the paths' status (without asking git), and the paths it does not know; undefined without a cache. */
function statusFromCache(options: AuthorshipOptions, paths: readonly string[], versions: ReadonlyMap<string, string>): { status: Map<string, 'untracked' | 'changed'>; unknown: string[] } | undefined {
  const cache = options.cache;
  const stamp = options.statusStamp;
  if (cache === undefined || stamp === undefined) {
    return undefined;
  }
  const status = new Map<string, 'untracked' | 'changed'>();
  const unknown: string[] = [];
  for (const file of paths) {
    const known = cache.status.get(statusKey(stamp, file, versions));
    if (known === undefined) {
      unknown.push(file);
    } else if (known !== 'clean') {
      status.set(file, known);
    }
  }
  return { status, unknown };
}

/** Paths (relative to the folder) that are untracked, or tracked and changed in the index or working tree; undefined when git failed. */
async function workingTreeStatus(folder: string, workTree: WorkTree, paths: readonly string[], options: Pick<AuthorshipOptions, 'git' | 'listedByGit'>): Promise<Map<string, 'untracked' | 'changed'> | undefined> {
  const status = new Map<string, 'untracked' | 'changed'>();
  let asked = paths;
  const listed = options.listedByGit;
  if (listed !== undefined && workTree.head !== undefined) {
    const compared = await compareWithHead(options.git, folder, workTree.head, paths);
    if (compared !== undefined) {
      const unsure: string[] = [];
      for (const file of compared.notInHead) {
        if (listed(file)) {
          // Not in HEAD but listed by git (so not ignored): untracked, or staged and not committed, alike the learner's.
          status.set(file, 'untracked');
        } else {
          unsure.push(file);
        }
      }
      asked = [...compared.unsettled, ...unsure];
    }
  }
  if (asked.length === 0) {
    return status;
  }
  const outcome = await options.git.run(workingTreeStatusArgs(asked));
  if (!outcome.ok) {
    return undefined;
  }
  for (const entry of outcome.stdout.split('\0')) {
    if (entry.length < 4) {
      continue;
    }
    const code = entry.slice(0, 2);
    const fromTop = entry.slice(3);
    // Porcelain paths are relative to the top level; evidence paths to the workspace folder.
    const relative = workTree.prefix !== '' && fromTop.startsWith(workTree.prefix) ? fromTop.slice(workTree.prefix.length) : fromTop;
    status.set(relative, code === '??' ? 'untracked' : 'changed');
  }
  return status;
}

/** The `git status` that says which of `paths` (relative to the folder) are untracked or changed. */
export function workingTreeStatusArgs(paths: readonly string[]): readonly string[] {
  return ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...paths.map((p) => `:(literal)${p}`)];
}

/** The learner's when the author is one of their emails; null when their emails are unknown. */
function judge(change: LastChange, emails: LearnerEmails): Attribution {
  return { yours: emails.size === 0 ? null : emails.has(change.email), commit: change.commit };
}

/**
 * The commit and author that last changed each line ('uncommitted' for a line not committed yet), from
 * one `git blame` with a range per line. Lines blame cannot answer are left out.
 */
async function blameLines(git: GitRunner, file: string, lines: readonly number[]): Promise<Map<number, LastChange | 'uncommitted'>> {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const outcome = await git.run(['blame', '--line-porcelain', '--no-textconv', ...unique.flatMap((line) => ['-L', `${line},${line}`]), '--', file]);
  const changes = new Map<number, LastChange | 'uncommitted'>();
  if (!outcome.ok) {
    return changes;
  }
  // --line-porcelain repeats the commit's headers for every line: "<commit> <from> <line> ...", then
  // "author-mail <...>", up to the line's content (a tab-led line).
  let commit = '';
  let line = 0;
  for (const text of outcome.stdout.split('\n')) {
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)/.exec(text);
    if (header?.[1] !== undefined && header[2] !== undefined) {
      commit = header[1];
      line = Number(header[2]);
      if (UNCOMMITTED.test(commit)) {
        changes.set(line, 'uncommitted');
      }
    } else if (text.startsWith('author-mail ') && commit !== '' && !UNCOMMITTED.test(commit)) {
      changes.set(line, { commit, email: normalizeEmail(text.slice('author-mail '.length)) });
    }
  }
  return changes;
}

/** Commits read at most when looking for the last change of several files at once. */
const FILE_LOG_LIMIT = LINE_LOG_LIMIT;

/**
 * The `git log` over several files at once that `filesHistory` reads: with each commit's patches when a
 * line is to be attributed (lineHistory.ts), the names only otherwise.
 */
export function filesHistoryArgs(files: readonly string[], withLines: boolean): readonly string[] {
  return withLines ? lineHistoryArgs(files) : ['log', `--max-count=${FILE_LOG_LIMIT}`, '--no-show-signature', `--format=${COMMIT_MARK}%H%x09%ae%x09%P`, '--name-only', '-z', 'HEAD', '--', ...files.map((file) => `:(literal)${file}`)];
}

/** What one `git log` over several files says about them. */
interface FilesHistory {
  /** The commit and author that last changed each file found within FILE_LOG_LIMIT commits. */
  readonly last: ReadonlyMap<string, LastChange>;
  /** The commits' patches, when lines were asked about: which commit added a line (see lineOrigin). */
  readonly lines?: LineHistory;
}

/**
 * The commit and author that last changed each file, from one `git log` over all of them (newest first: a
 * file's first appearance is its last change). Listed but in no commit (an ignored file a crawl found, or an
 * untracked one): left out.
 */
async function filesHistory(git: GitRunner, workTree: WorkTree, files: readonly string[], withLines: boolean): Promise<FilesHistory | undefined> {
  const outcome = await git.run(filesHistoryArgs(files, withLines));
  if (!outcome.ok) {
    // The patches can outgrow the output bound (128 MiB) where merges are many and large: the files' last
    // changes are still asked with names only, and the lines are left to blame.
    return withLines ? filesHistory(git, workTree, files, false) : undefined;
  }
  const last = new Map<string, LastChange>();
  const wanted = new Set(files);
  // Names are relative to the top level; evidence paths to the workspace folder.
  const inFolder = (name: string): string => (workTree.prefix !== '' && name.startsWith(workTree.prefix) ? name.slice(workTree.prefix.length) : name);
  const touched = (name: string, change: LastChange): void => {
    const relative = inFolder(name);
    if (wanted.has(relative) && !last.has(relative)) {
      last.set(relative, change);
    }
  };
  if (withLines) {
    const lines = await parseLineHistory(outcome.stdout);
    // The same last change as the names-only log below gives (see lastChanges).
    for (const [name, entry] of lastChanges(lines)) {
      touched(name, { commit: entry.commit, email: normalizeEmail(entry.email) });
    }
    return { last, lines };
  }
  let current: LastChange | undefined;
  for (const field of outcome.stdout.split('\0')) {
    const entry = field.replace(/^\n/, '');
    if (entry.startsWith(COMMIT_MARK)) {
      const [commit = '', mail = ''] = entry.slice(1).split('\t');
      current = { commit, email: normalizeEmail(mail) };
    } else if (current !== undefined) {
      touched(entry, current);
    }
  }
  return { last };
}

/** Settings under which the history's patches and blame could answer differently (see `historyReadsAsBlame`). */
const SETTINGS_BLAME_READS_OTHERWISE = new Set(['blame.ignorerevsfile', 'mailmap.file', 'mailmap.blob', 'log.diffmerges']);

/**
 * Whether blame reads the history as the patches show it. Not when the repository names revisions for blame
 * to skip (`blame.ignoreRevsFile`, for formatting commits: blame gives their lines to older commits), nor
 * with a mailmap (blame names authors through it, the log as they committed), nor when `log.diffMerges`
 * changes the diffs `-m` prints for a merge.
 */
async function historyReadsAsBlame(git: GitRunner, folder: string, workTree: WorkTree): Promise<boolean> {
  const config = await gitConfigOf(git);
  if ('ok' in config || config.some((entry) => SETTINGS_BLAME_READS_OTHERWISE.has(entry.key) && entry.value !== '')) {
    return false;
  }
  // The work tree's own `.mailmap`, at its top level.
  const topLevel = path.join(folder, ...workTree.prefix.split('/').filter((part) => part !== '').map(() => '..'));
  return !(await fs.lstat(path.join(topLevel, '.mailmap')).then(
    () => true,
    () => false,
  ));
}

/** Per commit, the paths it made by renaming a file (one process for all); undefined when git cannot say. */
async function renamedIn(git: GitRunner, commits: readonly string[]): Promise<Map<string, Set<string>> | undefined> {
  const outcome = await git.run(renamesArgs(commits));
  return outcome.ok ? parseRenames(outcome.stdout) : undefined;
}

/** The commit and author that last changed one file, from a bounded `git log -1`. */
async function lastCommitOfFile(git: GitRunner, file: string): Promise<LastChange | undefined> {
  const one = await git.run(['log', '-1', '--no-show-signature', '--format=%H%x09%ae', 'HEAD', '--', `:(literal)${file}`]);
  const [commit = '', mail = ''] = one.ok ? one.stdout.trim().split('\t') : [];
  return commit === '' ? undefined : { commit, email: normalizeEmail(mail) };
}
