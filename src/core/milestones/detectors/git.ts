import type { Evidence } from '../../progress/model';
import type { MilestoneId } from '../catalog';
import type { Detector, DetectOutcome } from '../detector';
import { checked, notChecked } from '../detector';
import type { CommitAuthor, GitFacts } from '../gitFacts';
import { describeCommit, HISTORY_LIMIT } from '../gitFacts';
import type { ScanContext } from '../scanContext';
import { signalDetector } from '../signals';

/** Commits needed for `git.history`. */
export const MIN_COMMITS = 5;

/** From files alone: a `.git` folder, or a `.git` file (`gitdir: …`) of a worktree or submodule. */
const gitRepo: Detector = {
  id: 'git.repo',
  watch: [],
  async detect(context) {
    const repository = await context.repository();
    if (repository === undefined) {
      return checked([]);
    }
    const summary = repository.kind === 'directory' ? '.git directory' : `.git file pointing to ${repository.gitdir ?? '?'} (worktree or submodule)`;
    return checked([{ ...context.evidence('git.repo', summary, { path: '.git' }), ...(await repositoryYours(context)) }]);
  },
};

/**
 * A repository is the learner's when it holds a commit of theirs, or no commit yet (one they just created).
 * Unset when authorship is not asked for; null when it cannot be told.
 */
async function repositoryYours(context: ScanContext): Promise<{ yours?: boolean | null }> {
  const learner = context.learner;
  if (learner === undefined) {
    return {};
  }
  if (learner.size === 0 || context.git.unavailableReason !== undefined) {
    return { yours: null };
  }
  const result = await context.git.facts();
  if (!result.ok) {
    return { yours: null };
  }
  return { yours: result.facts.commitCount === 0 || result.facts.commits.some((commit) => learner.has(commit.email)) };
}

const gitIgnore = signalDetector({
  id: 'git.ignore',
  files: [{ rule: { names: ['.gitignore'], globs: ['**/.gitignore'] } }],
});

/** Runs `decide` on git facts, or reports why git could not be asked. */
function gitFactsDetector(id: MilestoneId, decide: (context: ScanContext, facts: GitFacts) => Evidence[] | Promise<Evidence[]>): Detector {
  return {
    id,
    watch: [],
    async detect(context): Promise<DetectOutcome> {
      const reason = context.git.unavailableReason;
      if (reason !== undefined) {
        return notChecked(reason);
      }
      if ((await context.repository()) === undefined) {
        return checked([]);
      }
      const result = await context.git.facts();
      if (!result.ok) {
        if (result.missing) {
          return notChecked('git is not installed or not on PATH');
        }
        context.warn(`git could not read the repository: ${result.message}`);
        return notChecked(`git could not read the repository: ${result.message}`);
      }
      return checked(await decide(context, result.facts));
    },
  };
}

/**
 * Whose history it is: `yours` is true when at least `MIN_COMMITS` commits carry one of the learner's
 * emails, false when they do not, null when the learner's identity is unknown (no email configured).
 */
const gitHistory = gitFactsDetector('git.history', async (context, facts) => {
  if (facts.commitCount < MIN_COMMITS || facts.latest === undefined) {
    return [];
  }
  const count = facts.commitCount >= HISTORY_LIMIT ? `${HISTORY_LIMIT}+` : String(facts.commitCount);
  const where = facts.branch === undefined ? '' : ` on ${facts.branch}`;
  const learner = context.learner;
  if (learner === undefined || learner.size === 0) {
    return [{ ...context.evidence('git.history', `${count} commits${where} (latest ${facts.latest.shortHash} ${facts.latest.subject})`, { commit: facts.latest.hash }), yours: null }];
  }
  const own = facts.commits.filter((commit) => learner.has(commit.email));
  // In the learner's own repository the latest commit is usually theirs: already described.
  const latestOwn = own[0] === undefined ? undefined : own[0].hash === facts.latest.hash ? facts.latest : await describeCommit(context.git, own[0].hash);
  if (own.length >= MIN_COMMITS && latestOwn !== undefined) {
    const summary = `${own.length} of your commits${where} (latest ${latestOwn.shortHash} ${latestOwn.subject})`;
    return [{ ...context.evidence('git.history', summary, { commit: latestOwn.hash }), yours: true }];
  }
  const summary = `${count} commits${where}, ${own.length === 0 ? 'none' : String(own.length)} by you (${MIN_COMMITS} of your own are needed)`;
  return [{ ...context.evidence('git.history', summary, { commit: facts.latest.hash }), yours: false }];
});

/**
 * Branching is the learner's when they made a merge, or authored the tip of a branch other than the trunk
 * (work on a branch of their own); other people's branches and merges still make the milestone present.
 */
const gitBranching = gitFactsDetector('git.branching', async (context, facts) => {
  const learner = context.learner;
  const known = learner !== undefined && learner.size > 0;
  const evidence: Evidence[] = [];
  if (facts.branches.length > 1) {
    const ownBranch = known ? facts.tips.find((tip) => tip.name !== facts.trunk && learner.has(tip.email)) : undefined;
    const shown = facts.branches.slice(0, 5).join(', ');
    const more = facts.branches.length > 5 ? `, and ${facts.branches.length - 5} more` : '';
    const whose = ownBranch === undefined ? '' : ` (${ownBranch.name} has your commit)`;
    evidence.push({ ...context.evidence('git.branching', `${facts.branches.length} branches: ${shown}${more}${whose}`), yours: known ? ownBranch !== undefined : null });
  }
  const ownMerge = known ? facts.commits.find((commit) => commit.parents > 1 && learner.has(commit.email)) : undefined;
  const merge = ownMerge === undefined || ownMerge.hash === facts.merge?.hash ? facts.merge : await describeCommit(context.git, ownMerge.hash);
  if (merge !== undefined) {
    const by = ownMerge === undefined ? '' : ' (your merge)';
    evidence.push({ ...context.evidence('git.branching', `commit ${merge.shortHash} ${merge.subject}${by}`, { commit: merge.hash }), yours: known ? ownMerge !== undefined : null });
  }
  // The learner's own proof first: it is the one that credits the milestone.
  return evidence.sort((a, b) => Number(b.yours === true) - Number(a.yours === true));
});

/** Pushed work, not just `git remote add`: yours when a remote-tracking ref contains one of the learner's commits. */
const gitRemote = gitFactsDetector('git.remote', (context, facts) => {
  const note = pushedNote(context, facts.pushed);
  // Said of a folder's remote, so that "why is hosting not done?" has its answer next to the proof.
  return facts.remotes.map((remote) => ({ ...context.evidence('git.remote', `remote ${remote.name} ${remote.url}${inParentheses([...(remote.server ? [] : ['a folder on this machine']), ...note.detail])}`), yours: note.yours }));
});

/**
 * Published work: as git.remote, for the remotes on a server only. A bare repository in a folder is where
 * people practise push and pull, and pushing there publishes nothing.
 */
const gitHosted = gitFactsDetector('git.hosted', (context, facts) => {
  const note = pushedNote(context, facts.pushedToServers);
  return facts.remotes.filter((remote) => remote.server).map((remote) => ({ ...context.evidence('git.hosted', `remote ${remote.name} ${remote.url}${inParentheses(note.detail)}`), yours: note.yours }));
});

/** How many of the learner's commits `pushed` holds, said for a learner, and whether that makes it theirs. */
function pushedNote(context: ScanContext, pushed: readonly CommitAuthor[]): { detail: readonly string[]; yours: boolean | null } {
  const learner = context.learner;
  if (learner === undefined || learner.size === 0) {
    return { detail: [], yours: null };
  }
  const own = pushed.filter((commit) => learner.has(commit.email)).length;
  const detail = own > 0 ? `${own >= HISTORY_LIMIT ? `${HISTORY_LIMIT}+` : String(own)} of your commits pushed` : pushed.length > 0 ? 'none of your commits pushed yet' : 'nothing fetched or pushed yet';
  return { detail: [detail], yours: own > 0 };
}

/** ` (a; b)`, or nothing when there is nothing to say. */
function inParentheses(said: readonly string[]): string {
  return said.length === 0 ? '' : ` (${said.join('; ')})`;
}

export const GIT_DETECTORS: readonly Detector[] = [gitRepo, gitHistory, gitBranching, gitRemote, gitHosted, gitIgnore];
