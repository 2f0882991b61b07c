import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Evidence } from '../progress/model';
import type { GitRunner } from '../scan/gitRunner';
import type { LearnerEmails } from './identity';
import { normalizeEmail } from './identity';

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
}

export interface AuthorshipOptions {
  readonly git: GitRunner;
  readonly emails: LearnerEmails;
  readonly cache?: AuthorshipCache;
  readonly signal?: AbortSignal;
  readonly limits?: Partial<typeof AUTHORSHIP_LIMITS>;
}

/** Whether the folder is inside a git work tree, and where (the folder's path from the top level). */
export interface WorkTree {
  readonly prefix: string;
  /** HEAD's commit, or undefined in a repository with no commit yet. */
  readonly head: string | undefined;
}

export async function readWorkTree(git: GitRunner): Promise<WorkTree | undefined> {
  const [prefix, head] = await Promise.all([git.run(['rev-parse', '--show-prefix']), git.run(['rev-parse', '-q', '--verify', 'HEAD^{commit}'])]);
  if (!prefix.ok) {
    return undefined;
  }
  return { prefix: prefix.stdout.trim(), head: head.ok ? head.stdout.trim() || undefined : undefined };
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
  const wanted = evidence.filter((e) => e.yours === undefined && e.path !== undefined && e.path !== '.git' && !e.path.startsWith('.git/'));
  if (wanted.length === 0) {
    return [...evidence];
  }
  const status = await workingTreeStatus(options.git, workTree, [...new Set(wanted.map((e) => e.path ?? ''))]);
  const deadline = Date.now() + limits.deadlineMs;
  let lookups = 0;
  const results = new Map<string, Attribution>();
  const keys = [...new Set(wanted.map(lookupKey))];

  const attributeOne = async (key: string): Promise<void> => {
    const [file = '', lineText = ''] = key.split('\0');
    const line = lineText === '' ? undefined : Number(lineText);
    const changed = status.get(file);
    if (changed === 'untracked' || (changed === 'changed' && line === undefined)) {
      results.set(key, { yours: true });
      return;
    }
    if (workTree.head === undefined) {
      // No commit yet: everything in the folder is the learner's uncommitted work.
      results.set(key, { yours: true });
      return;
    }
    const version = await fileVersion(folder, file);
    const cacheKey = `${workTree.head}\0${key}\0${version}`;
    const cached = options.cache?.get(cacheKey);
    if (cached !== undefined) {
      results.set(key, judge(cached, options.emails));
      return;
    }
    if (lookups >= limits.maxLookups || Date.now() > deadline) {
      results.set(key, { yours: null });
      return;
    }
    lookups++;
    options.signal?.throwIfAborted();
    const found = line === undefined ? await lastCommitOfFile(options.git, file) : await blameLine(options.git, file, line);
    if (found === 'uncommitted') {
      results.set(key, { yours: true });
    } else if (found === undefined) {
      results.set(key, { yours: null });
    } else {
      options.cache?.set(cacheKey, found);
      results.set(key, judge(found, options.emails));
    }
  };

  for (let start = 0; start < keys.length; start += limits.concurrency) {
    await Promise.all(keys.slice(start, start + limits.concurrency).map(attributeOne));
  }
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

/** Paths (relative to the folder) that are untracked, or tracked and changed in the index or working tree. */
async function workingTreeStatus(git: GitRunner, workTree: WorkTree, paths: readonly string[]): Promise<Map<string, 'untracked' | 'changed'>> {
  const status = new Map<string, 'untracked' | 'changed'>();
  const outcome = await git.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...paths.map((p) => `:(literal)${p}`)]);
  if (!outcome.ok) {
    return status;
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

/** The learner's when the author is one of their emails; null when their emails are unknown. */
function judge(change: LastChange, emails: LearnerEmails): Attribution {
  return { yours: emails.size === 0 ? null : emails.has(change.email), commit: change.commit };
}

/** The commit and author that last changed one line; 'uncommitted' for a line not committed yet. */
async function blameLine(git: GitRunner, file: string, line: number): Promise<LastChange | 'uncommitted' | undefined> {
  const outcome = await git.run(['blame', '--porcelain', '--no-textconv', '-L', `${line},${line}`, '--', file]);
  if (!outcome.ok) {
    return undefined;
  }
  const [header = ''] = outcome.stdout.split('\n');
  const commit = header.split(' ')[0] ?? '';
  if (UNCOMMITTED.test(commit)) {
    return 'uncommitted';
  }
  const mail = /^author-mail (.*)$/m.exec(outcome.stdout)?.[1];
  if (mail === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) {
    return undefined;
  }
  return { commit, email: normalizeEmail(mail) };
}

/** The commit and author that last changed a file. */
async function lastCommitOfFile(git: GitRunner, file: string): Promise<LastChange | undefined> {
  const outcome = await git.run(['log', '-1', '--no-show-signature', '--format=%H%x09%ae', 'HEAD', '--', `:(literal)${file}`]);
  if (!outcome.ok) {
    return undefined;
  }
  const [commit = '', mail = ''] = outcome.stdout.trim().split('\t');
  // Listed but in no commit (e.g. an ignored file found by a crawl): git cannot tell.
  return commit === '' ? undefined : { commit, email: normalizeEmail(mail) };
}
