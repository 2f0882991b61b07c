import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GitOutcome, GitRunner } from '../scan/gitRunner';
import { parseHeadLog, readHeadLog } from './headLog';
import type { ScanContext } from './scanContext';
import { errorCode } from '../errorCode';

/** One commit of the walked history: enough to recognise merges of pull requests and reverts. */
export interface HistoryCommit {
  readonly hash: string;
  /** Lower-cased author email: whose revert, whose merge of a pull request. */
  readonly email: string;
  readonly subject: string;
  readonly body: string;
}

/** A tag and the commit it points to (annotated tags peeled). */
export interface HistoryTag {
  readonly name: string;
  readonly commit: string;
  /** Lower-cased email of who made the tag (the tagger of an annotated tag, else the tagged commit's author). */
  readonly email: string;
}

export interface GitHistory {
  /** Newest first, at most `HEAD_LOG_LIMIT` (headLog.ts, shared with the other git facts). Empty in a repository without commits. */
  readonly commits: readonly HistoryCommit[];
  /** Tags whose commit is reachable from HEAD, newest first, at most `HISTORY_TAGS`. */
  readonly tags: readonly HistoryTag[];
}

export type GitHistoryResult = { readonly ok: true; readonly history: GitHistory } | { readonly ok: false; readonly missing: boolean; readonly message: string };

/** Tags read at most. */
export const HISTORY_TAGS = 500;

const FIELD = '\x1f';

/**
 * Reads commit subjects and bodies and the tags reachable from HEAD, with two bounded commands.
 * A repository without commits has neither (the log fails on the missing HEAD): that is not an error.
 */
export async function readGitHistory(git: GitRunner, headLog: Promise<GitOutcome> = readHeadLog(git), tagsMayExist: Promise<boolean> = Promise.resolve(true)): Promise<GitHistoryResult> {
  const [log, tags] = await Promise.all([
    headLog,
    tagsMayExist.then((may) => (may ? listTags(git) : NO_TAGS)),
  ]);
  for (const outcome of [log, tags]) {
    if (!outcome.ok && outcome.kind === 'missing') {
      return { ok: false, missing: true, message: outcome.message };
    }
  }
  if (!log.ok && !tags.ok) {
    // Without HEAD both fail; anything else is a real failure worth reporting.
    return /HEAD|does not have any commits|unknown revision|malformed object name/i.test(log.message + tags.message)
      ? { ok: true, history: { commits: [], tags: [] } }
      : { ok: false, missing: false, message: log.message };
  }
  return {
    ok: true,
    history: {
      commits: log.ok ? parseHeadLog(log.stdout).map(({ hash, email, subject, body }) => ({ hash, email, subject, body })) : [],
      tags: tags.ok ? parseTags(tags.stdout) : [],
    },
  };
}

function listTags(git: GitRunner): Promise<GitOutcome> {
  return git.run([
    'for-each-ref',
    '--merged=HEAD',
    '--sort=-creatordate',
    `--count=${HISTORY_TAGS}`,
    `--format=%(refname:strip=2)%1f%(objectname)%1f%(*objectname)%1f%(taggeremail)%1f%(authoremail)`,
    'refs/tags',
  ]);
}

const NO_TAGS: GitOutcome = { ok: true, stdout: '' };

/**
 * False only when the folder's own `.git` folder shows no tag at all: no file under `refs/tags`, no tag in
 * `packed-refs`, and refs kept as files (not in a reftable). Spares a git process (5–20 ms here) in most
 * learners' repositories; anything unexpected answers true and git is asked.
 */
export async function tagsMayExist(folder: string): Promise<boolean> {
  const dotGit = path.join(folder, '.git');
  try {
    if (!(await fs.stat(dotGit)).isDirectory() || (await missingOr(fs.stat(path.join(dotGit, 'reftable')), undefined)) !== undefined) {
      return true;
    }
    if ((await missingOr(fs.readdir(path.join(dotGit, 'refs', 'tags')), [])).length > 0) {
      return true;
    }
    return (await missingOr(fs.readFile(path.join(dotGit, 'packed-refs'), 'utf8'), '')).includes(' refs/tags/');
  } catch {
    return true;
  }
}

/** The read's result, or `fallback` when the file is not there; other failures are thrown. */
async function missingOr<T, F>(read: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await read;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return fallback;
    }
    throw error;
  }
}

export function parseTags(stdout: string): HistoryTag[] {
  const tags: HistoryTag[] = [];
  for (const line of stdout.split('\n')) {
    const [name, object, peeled, tagger, author] = line.split(FIELD);
    const commit = peeled !== undefined && peeled.trim() !== '' ? peeled.trim() : object?.trim();
    // An annotated tag has a tagger; a lightweight one is the tagged commit's (for-each-ref gives its author).
    const email = (tagger !== undefined && tagger.trim() !== '' ? tagger : (author ?? '')).trim().replace(/^<|>$/g, '').toLowerCase();
    if (name !== undefined && name !== '' && commit !== undefined && commit !== '') {
      tags.push({ name, commit, email });
    }
  }
  return tags;
}

/** One read per scan, shared by the detectors that need it. */
const historyByContext = new WeakMap<ScanContext, Promise<GitHistoryResult>>();

/**
 * The history of the scanned folder, read through the scan's own git runner (hardened, time-bounded,
 * shared concurrency). Only call when `context.git.unavailableReason` is undefined (git may run).
 */
export function gitHistoryOf(context: ScanContext): Promise<GitHistoryResult> {
  let pending = historyByContext.get(context);
  if (pending === undefined) {
    pending = readGitHistory({ run: (args) => context.git.run(args) }, context.git.headLog(), tagsMayExist(context.folder));
    historyByContext.set(context, pending);
  }
  return pending;
}
