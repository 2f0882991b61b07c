import type { GitOutcome, GitRunner } from '../scan/gitRunner';
import { parseHeadLog, readHeadLog } from './headLog';
import type { ScanContext } from './scanContext';

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
export async function readGitHistory(git: GitRunner, headLog: Promise<GitOutcome> = readHeadLog(git)): Promise<GitHistoryResult> {
  const [log, tags] = await Promise.all([
    headLog,
    git.run([
      'for-each-ref',
      '--merged=HEAD',
      '--sort=-creatordate',
      `--count=${HISTORY_TAGS}`,
      `--format=%(refname:strip=2)%1f%(objectname)%1f%(*objectname)%1f%(taggeremail)%1f%(authoremail)`,
      'refs/tags',
    ]),
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
    pending = readGitHistory({ run: (args) => context.git.run(args) }, context.git.headLog());
    historyByContext.set(context, pending);
  }
  return pending;
}
