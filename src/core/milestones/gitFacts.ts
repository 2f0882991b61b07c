import type { GitRunner } from '../scan/gitRunner';

export interface CommitInfo {
  readonly hash: string;
  readonly shortHash: string;
  readonly subject: string;
}

/** What the git detectors need, read with a handful of bounded git commands. */
export interface GitFacts {
  /** Commits reachable from HEAD, counted up to `HISTORY_LIMIT`. */
  readonly commitCount: number;
  readonly latest?: CommitInfo;
  /** Current branch, undefined on a detached HEAD. */
  readonly branch?: string;
  /** Distinct branch names over local and remote-tracking branches (`main` and `origin/main` are one). */
  readonly branches: readonly string[];
  /** The most recent merge commit among the last `HISTORY_LIMIT` commits. */
  readonly merge?: CommitInfo;
  readonly remotes: readonly { readonly name: string; readonly url: string }[];
}

export type GitFactsResult = { readonly ok: true; readonly facts: GitFacts } | { readonly ok: false; readonly missing: boolean; readonly message: string };

/** Commits walked at most: enough to prove history and find a merge, bounded on huge repositories. */
export const HISTORY_LIMIT = 2000;

export async function readGitFacts(git: GitRunner): Promise<GitFactsResult> {
  const [revList, refs, remotes, head] = await Promise.all([
    git.run(['rev-list', `--max-count=${HISTORY_LIMIT}`, '--parents', 'HEAD']),
    git.run(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes']),
    git.run(['config', '--get-regexp', '^remote\\..*\\.url$']),
    git.run(['symbolic-ref', '-q', '--short', 'HEAD']),
  ]);
  for (const outcome of [revList, refs]) {
    if (!outcome.ok && outcome.kind === 'missing') {
      return { ok: false, missing: true, message: outcome.message };
    }
  }
  if (!refs.ok) {
    return { ok: false, missing: false, message: refs.message };
  }
  // An empty repository has no HEAD commit: rev-list fails, and there is no history yet.
  const commits = revList.ok ? revList.stdout.split('\n').filter((line) => line.trim() !== '') : [];
  const mergeLine = commits.find((line) => line.trim().split(/\s+/).length > 2);
  const [latest, merge] = await Promise.all([
    commits.length > 0 ? describeCommit(git, 'HEAD') : undefined,
    mergeLine === undefined ? undefined : describeCommit(git, mergeLine.split(/\s+/)[0] ?? ''),
  ]);
  const branch = head.ok ? head.stdout.trim() : '';
  return {
    ok: true,
    facts: {
      commitCount: commits.length,
      ...(latest === undefined ? {} : { latest }),
      ...(branch === '' ? {} : { branch }),
      branches: branchNames(refs.stdout),
      ...(merge === undefined ? {} : { merge }),
      remotes: remotes.ok ? parseRemotes(remotes.stdout) : [],
    },
  };
}

async function describeCommit(git: GitRunner, revision: string): Promise<CommitInfo | undefined> {
  const outcome = await git.run(['log', '-1', '--format=%H%x09%h%x09%s', revision, '--']);
  if (!outcome.ok) {
    return undefined;
  }
  const [hash, shortHash, ...subject] = outcome.stdout.trim().split('\t');
  return hash === undefined || shortHash === undefined ? undefined : { hash, shortHash, subject: subject.join('\t') };
}

function branchNames(refs: string): string[] {
  const names = new Set<string>();
  for (const ref of refs.split('\n').map((line) => line.trim())) {
    if (ref.startsWith('refs/heads/')) {
      names.add(ref.slice('refs/heads/'.length));
    } else if (ref.startsWith('refs/remotes/')) {
      const rest = ref.slice('refs/remotes/'.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? '' : rest.slice(slash + 1);
      // refs/remotes/origin/HEAD only points at another remote branch.
      if (name !== '' && name !== 'HEAD') {
        names.add(name);
      }
    }
  }
  return [...names].sort();
}

function parseRemotes(config: string): { name: string; url: string }[] {
  const remotes: { name: string; url: string }[] = [];
  for (const line of config.split('\n')) {
    const match = /^remote\.(.+)\.url\s+(.+)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) {
      remotes.push({ name: match[1], url: redactCredentials(match[2]) });
    }
  }
  return remotes;
}

/** `https://user:token@host/x.git` → `https://host/x.git`: evidence is shown and stored, secrets must not be. */
export function redactCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
