import type { Evidence } from '../../progress/model';
import type { MilestoneId } from '../catalog';
import type { Detector, DetectOutcome } from '../detector';
import { checked, notChecked } from '../detector';
import type { GitFacts } from '../gitFacts';
import { HISTORY_LIMIT } from '../gitFacts';
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
    return checked([context.evidence('git.repo', summary, { path: '.git' })]);
  },
};

const gitIgnore = signalDetector({
  id: 'git.ignore',
  files: [{ rule: { names: ['.gitignore'], globs: ['**/.gitignore'] } }],
});

/** Runs `decide` on git facts, or reports why git could not be asked. */
function gitFactsDetector(id: MilestoneId, decide: (context: ScanContext, facts: GitFacts) => Evidence[]): Detector {
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
      return checked(decide(context, result.facts));
    },
  };
}

const gitHistory = gitFactsDetector('git.history', (context, facts) => {
  if (facts.commitCount < MIN_COMMITS || facts.latest === undefined) {
    return [];
  }
  const count = facts.commitCount >= HISTORY_LIMIT ? `${HISTORY_LIMIT}+` : String(facts.commitCount);
  const where = facts.branch === undefined ? '' : ` on ${facts.branch}`;
  const summary = `${count} commits${where} (latest ${facts.latest.shortHash} ${facts.latest.subject})`;
  return [context.evidence('git.history', summary, { commit: facts.latest.hash })];
});

const gitBranching = gitFactsDetector('git.branching', (context, facts) => {
  const evidence: Evidence[] = [];
  if (facts.branches.length > 1) {
    const shown = facts.branches.slice(0, 5).join(', ');
    const more = facts.branches.length > 5 ? `, and ${facts.branches.length - 5} more` : '';
    evidence.push(context.evidence('git.branching', `${facts.branches.length} branches: ${shown}${more}`));
  }
  if (facts.merge !== undefined) {
    evidence.push(context.evidence('git.branching', `commit ${facts.merge.shortHash} ${facts.merge.subject}`, { commit: facts.merge.hash }));
  }
  return evidence;
});

const gitRemote = gitFactsDetector('git.remote', (context, facts) =>
  facts.remotes.map((remote) => context.evidence('git.remote', `remote ${remote.name} ${remote.url}`)),
);

export const GIT_DETECTORS: readonly Detector[] = [gitRepo, gitHistory, gitBranching, gitRemote, gitIgnore];
