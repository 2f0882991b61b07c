import type { GitOutcome, GitRunner } from '../scan/gitRunner';

/** Commits read at most from HEAD: enough to prove history and find a merge, bounded on huge repositories. */
export const HEAD_LOG_LIMIT = 2000;

/** One commit of HEAD's history, with what every git detector needs from it. */
export interface LoggedCommit {
  readonly hash: string;
  readonly shortHash: string;
  readonly parents: number;
  /** Lower-cased author email. */
  readonly email: string;
  readonly subject: string;
  /** At most BODY_CHARS characters: a revert's "This reverts commit" line is near the start. */
  readonly body: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const BODY_CHARS = 2000;

export const HEAD_LOG_ARGS: readonly string[] = ['log', `--max-count=${HEAD_LOG_LIMIT}`, '--no-show-signature', '--no-color', '--format=%H%x1f%P%x1f%ae%x1f%h%x1f%s%x1f%b%x1e', 'HEAD', '--'];

const logOfRunner = new WeakMap<GitRunner, Promise<GitOutcome>>();

/**
 * HEAD's history, read once per runner (one scan) for the git facts, the history detectors and the commit
 * descriptions alike: one `git log` where there used to be four.
 */
export function readHeadLog(git: GitRunner): Promise<GitOutcome> {
  let pending = logOfRunner.get(git);
  if (pending === undefined) {
    pending = git.run(HEAD_LOG_ARGS);
    logOfRunner.set(git, pending);
  }
  return pending;
}

export function parseHeadLog(stdout: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of stdout.split(RECORD)) {
    const [hash = '', parents = '', email = '', shortHash = '', subject = '', ...body] = record.replace(/^\n+/, '').split(FIELD);
    if (/^[0-9a-f]{40,64}$/.test(hash)) {
      commits.push({
        hash,
        shortHash,
        parents: parents.trim() === '' ? 0 : parents.trim().split(/\s+/).length,
        email: email.trim().toLowerCase(),
        subject,
        body: body.join(FIELD).slice(0, BODY_CHARS),
      });
    }
  }
  return commits;
}
