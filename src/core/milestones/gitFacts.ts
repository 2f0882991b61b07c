import { configuredRemotes, gitConfigOf } from '../scan/gitConfig';
import { HEAD_LOG_LIMIT, parseHeadLog, readHeadLog } from './headLog';
import type { LoggedCommit } from './headLog';
import type { GitRunner } from '../scan/gitRunner';
import { isServerAddress } from './remoteAddress';

export interface CommitInfo {
  readonly hash: string;
  readonly shortHash: string;
  readonly subject: string;
}

/** One commit of the walked history: enough to count the learner's own commits and find merges. */
export interface CommitAuthor {
  readonly hash: string;
  readonly parents: number;
  /** Lower-cased author email. */
  readonly email: string;
}

/** A branch tip (local `refs/heads/x` or remote-tracking `refs/remotes/origin/x`) and who authored it. */
export interface BranchTip {
  /** Name without `refs/heads/` or `refs/remotes/<remote>/`. */
  readonly name: string;
  readonly remote: boolean;
  /** Lower-cased author email of the tip commit. */
  readonly email: string;
}

/** What the git detectors need, read with a handful of bounded git commands. */
export interface GitFacts {
  /** Commits reachable from HEAD, counted up to `HISTORY_LIMIT`. */
  readonly commitCount: number;
  /** The walked commits, newest first (at most `HISTORY_LIMIT`). */
  readonly commits: readonly CommitAuthor[];
  readonly latest?: CommitInfo;
  /** Current branch, undefined on a detached HEAD. */
  readonly branch?: string;
  /** Distinct branch names over local and remote-tracking branches (`main` and `origin/main` are one). */
  readonly branches: readonly string[];
  readonly tips: readonly BranchTip[];
  /** The trunk's name (what `origin/HEAD` points at, else `main` or `master` when present). */
  readonly trunk?: string;
  /** The most recent merge commit among the last `HISTORY_LIMIT` commits. */
  readonly merge?: CommitInfo;
  readonly remotes: readonly Remote[];
  /** Author emails of commits reachable from remote-tracking refs (pushed work), newest first, bounded. */
  readonly pushed: readonly CommitAuthor[];
  /** The same, of the remotes on a server only (published work): a folder on this machine publishes nothing. */
  readonly pushedToServers: readonly CommitAuthor[];
}

export interface Remote {
  readonly name: string;
  /** Without credentials. */
  readonly url: string;
  /** The URL names a server, not a folder on this machine (remoteAddress.ts). */
  readonly server: boolean;
}

export type GitFactsResult = { readonly ok: true; readonly facts: GitFacts } | { readonly ok: false; readonly missing: boolean; readonly message: string };

/** Commits walked at most: enough to prove history and find a merge, bounded on huge repositories. */
export const HISTORY_LIMIT = HEAD_LOG_LIMIT;

const LOG_FORMAT = '--format=%H%x09%P%x09%ae';

/** The commits reachable from the given remote-tracking refs (what was pushed there). */
const pushedLogArgs = (remoteRefs: readonly string[]): readonly string[] => ['log', `--max-count=${HISTORY_LIMIT}`, '--no-show-signature', LOG_FORMAT, ...remoteRefs, '--'];

/** The commits on remote branches (what was pushed), asked for only when there are remote refs. */
export const PUSHED_LOG_ARGS: readonly string[] = pushedLogArgs(['--remotes']);

/**
 * The branch and remote tips with their authors. %(HEAD) marks the checked-out branch and %(symref) says
 * where origin/HEAD points: the branch and the trunk come with the tips, with no `symbolic-ref` of their own.
 */
export const BRANCH_TIPS_ARGS: readonly string[] = ['for-each-ref', '--format=%(refname)%09%(authoremail)%09%(HEAD)%09%(symref)', 'refs/heads', 'refs/remotes'];

export async function readGitFacts(git: GitRunner): Promise<GitFactsResult> {
  const [log, refs, remotes] = await Promise.all([
    readHeadLog(git),
    git.run(BRANCH_TIPS_ARGS),
    gitConfigOf(git),
  ]);
  for (const outcome of [log, refs]) {
    if (!outcome.ok && outcome.kind === 'missing') {
      return { ok: false, missing: true, message: outcome.message };
    }
  }
  if (!refs.ok) {
    return { ok: false, missing: false, message: refs.message };
  }
  // An empty repository has no HEAD commit: log fails, and there is no history yet.
  const logged = log.ok ? parseHeadLog(log.stdout) : [];
  const commits = logged.map(({ hash, parents, email }) => ({ hash, parents, email }));
  const tips = parseTips(refs.stdout);
  const mergeCommit = logged.find((commit) => commit.parents > 1);
  const hasRemoteRefs = tips.some((tip) => tip.remote);
  const latest = logged[0] === undefined ? undefined : commitInfo(logged[0]);
  const merge = mergeCommit === undefined ? undefined : commitInfo(mergeCommit);
  const pushedLog = hasRemoteRefs ? await git.run(PUSHED_LOG_ARGS) : undefined;
  const configured: Remote[] = 'ok' in remotes ? [] : configuredRemotes(remotes).map((remote) => ({ name: remote.name, url: redactCredentials(remote.url), server: isServerAddress(remote.url) }));
  const pushed = pushedLog?.ok === true ? parseLog(pushedLog.stdout) : [];
  const servers = configured.filter((remote) => remote.server);
  // Usually every remote is a server, or none is: the one log answers both; a mix asks once more.
  const pushedToServers = servers.length === 0 || pushed.length === 0 ? [] : servers.length === configured.length ? pushed : await pushedTo(git, servers);
  const { branch, originHead } = headsOf(refs.stdout);
  const branches = branchNames(tips);
  const trunk = trunkName(originHead, branches);
  return {
    ok: true,
    facts: {
      commitCount: commits.length,
      commits,
      ...(latest === undefined ? {} : { latest }),
      ...(branch === '' ? {} : { branch }),
      branches,
      tips,
      ...(trunk === undefined ? {} : { trunk }),
      ...(merge === undefined ? {} : { merge }),
      remotes: configured,
      pushed,
      pushedToServers,
    },
  };
}

/**
 * The same for some remotes only (`--remotes=<name>` means `refs/remotes/<name>/*`; a remote's name cannot
 * hold a glob character, as refs cannot). Asked only when a folder and a server are both remotes.
 */
async function pushedTo(git: GitRunner, remotes: readonly Remote[]): Promise<CommitAuthor[]> {
  const outcome = await git.run(pushedLogArgs(remotes.map((remote) => `--remotes=${remote.name}`)));
  return outcome.ok ? parseLog(outcome.stdout) : [];
}

function commitInfo(commit: LoggedCommit): CommitInfo {
  return { hash: commit.hash, shortHash: commit.shortHash, subject: commit.subject };
}

/** Describes one commit (for evidence a learner reads). */
export async function describeCommit(git: GitRunner, revision: string): Promise<CommitInfo | undefined> {
  const outcome = await git.run(['log', '-1', '--no-show-signature', '--format=%H%x09%h%x09%s', revision, '--']);
  if (!outcome.ok) {
    return undefined;
  }
  const [hash, shortHash, ...subject] = outcome.stdout.trim().split('\t');
  return hash === undefined || shortHash === undefined ? undefined : { hash, shortHash, subject: subject.join('\t') };
}

function parseLog(stdout: string): CommitAuthor[] {
  const commits: CommitAuthor[] = [];
  for (const line of stdout.split('\n')) {
    const [hash = '', parents = '', email = ''] = line.split('\t');
    if (/^[0-9a-f]{40,64}$/.test(hash)) {
      commits.push({ hash, parents: parents.trim() === '' ? 0 : parents.trim().split(/\s+/).length, email: email.trim().toLowerCase() });
    }
  }
  return commits;
}

/** The checked-out branch ('' when HEAD is detached) and origin/HEAD's target as `origin/x` ('' when unset). */
function headsOf(stdout: string): { branch: string; originHead: string } {
  let branch = '';
  let originHead = '';
  for (const line of stdout.split('\n')) {
    const [ref = '', , current = '', target = ''] = line.trim().split('\t');
    if (current === '*' && ref.startsWith('refs/heads/')) {
      branch = ref.slice('refs/heads/'.length);
    }
    if (ref === 'refs/remotes/origin/HEAD' && target.startsWith('refs/remotes/')) {
      originHead = target.slice('refs/remotes/'.length);
    }
  }
  return { branch, originHead };
}

function parseTips(stdout: string): BranchTip[] {
  const tips: BranchTip[] = [];
  for (const line of stdout.split('\n')) {
    const [ref = '', mail = ''] = line.trim().split('\t');
    const email = mail.replace(/^<|>$/g, '').trim().toLowerCase();
    if (ref.startsWith('refs/heads/')) {
      tips.push({ name: ref.slice('refs/heads/'.length), remote: false, email });
    } else if (ref.startsWith('refs/remotes/')) {
      const rest = ref.slice('refs/remotes/'.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? '' : rest.slice(slash + 1);
      // refs/remotes/origin/HEAD only points at another remote branch.
      if (name !== '' && name !== 'HEAD') {
        tips.push({ name, remote: true, email });
      }
    }
  }
  return tips;
}

function trunkName(originHead: string, branches: readonly string[]): string | undefined {
  const slash = originHead.indexOf('/');
  if (slash > 0) {
    return originHead.slice(slash + 1);
  }
  return ['main', 'master', 'trunk'].find((name) => branches.includes(name));
}

function branchNames(tips: readonly BranchTip[]): string[] {
  return [...new Set(tips.map((tip) => tip.name))].sort();
}

/** `https://user:token@host/x.git` → `https://host/x.git`: evidence is shown and stored, secrets must not be. */
export function redactCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
