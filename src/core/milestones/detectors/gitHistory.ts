import type { Evidence } from '../../progress/model';
import type { MilestoneId } from '../catalog';
import type { Detector, DetectOutcome } from '../detector';
import { checked, MAX_EVIDENCE, notChecked } from '../detector';
import type { GitHistory, HistoryCommit } from '../gitHistoryFacts';
import { gitHistoryOf } from '../gitHistoryFacts';
import type { ScanContext } from '../scanContext';
import { signalDetector } from '../signals';
import { uncommentedMatch } from './contentMatchers';
import { ownFile } from './common';

/**
 * What a hosting service writes when it merges a pull/merge request (a plain `git merge` writes
 * "Merge branch 'x'" or "Merge branch 'x' into y", never a quoted target nor a request number):
 * GitHub and Gitea "Merge pull request #N", GitLab "Merge branch 'x' into 'y'", Bitbucket
 * "Merged in x (pull request #N)", Azure DevOps "Merged PR N: …", and GitHub's squash merge "Title (#N)".
 */
const PULL_REQUEST_SUBJECTS: readonly RegExp[] = [
  /^Merge pull request #\d+ from \S+/,
  /^Merge pull request '.+' \(#\d+\) from /,
  /^Merge branch '[^']+' into '[^']+'$/,
  /^Merged in \S+ \(pull request #\d+\)/,
  /^Merged PR \d+: /,
  /\S \(#\d+\)$/,
];

/** `git revert` writes both a `Revert "…"` subject and this body line; either shows an undo made with git. */
const REVERT_BODY = /^This reverts commit [0-9a-f]{7,64}/m;

/** v1.2.3, 1.2.3, 1.2.3-rc.1, and the monorepo forms name@1.2.3 / name/v1.2.3 (changesets, release-please). */
const VERSION_TAG = /^(?:[\w.-]+@|[\w.-]+\/)?v?\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;

function short(hash: string): string {
  return hash.slice(0, 7);
}

/**
 * A detector of commit history: not checked when git may not run (untrusted workspace, git missing),
 * absent outside a repository. `fromFiles` (optional) runs first and needs no git: its proof stands
 * even when git cannot run.
 */
function historyDetector(
  id: MilestoneId,
  decide: (context: ScanContext, history: GitHistory) => Evidence[],
  fromFiles?: Detector,
): Detector {
  return {
    id,
    watch: fromFiles?.watch ?? [],
    async detect(context): Promise<DetectOutcome> {
      const evidence: Evidence[] = [];
      if (fromFiles !== undefined) {
        const outcome = await fromFiles.detect(context);
        if (outcome.kind === 'checked') {
          evidence.push(...outcome.evidence);
        }
      }
      if (evidence.length >= MAX_EVIDENCE) {
        return checked(evidence);
      }
      const reason = context.git.unavailableReason;
      if (reason !== undefined) {
        return evidence.length > 0 ? checked(evidence) : notChecked(reason);
      }
      if ((await context.repository()) === undefined) {
        return checked(evidence);
      }
      const result = await gitHistoryOf(context);
      if (!result.ok) {
        if (evidence.length > 0) {
          return checked(evidence);
        }
        const why = result.missing ? 'git is not installed or not on PATH' : `git could not read the repository: ${result.message}`;
        if (!result.missing) {
          context.warn(why);
        }
        return notChecked(why);
      }
      return checked([...evidence, ...decide(context, result.history)]);
    },
  };
}

/**
 * Whose commit or tag it is, when authorship is checked: true for one of the learner's emails, false for
 * another author, null when the learner's email is unknown. Unset when authorship is not asked for.
 */
function whose(context: ScanContext, email: string): { yours?: boolean | null } {
  const learner = context.learner;
  if (learner === undefined) {
    return {};
  }
  return { yours: learner.size === 0 ? null : learner.has(email) };
}

/** The learner's own first, before the evidence cap: they are what credits the milestone. */
function learnerFirst<T extends { readonly email: string }>(context: ScanContext, items: readonly T[]): T[] {
  const learner = context.learner;
  return learner === undefined ? [...items] : [...items].sort((a, b) => Number(learner.has(b.email)) - Number(learner.has(a.email)));
}

function commitEvidence(context: ScanContext, id: MilestoneId, commits: readonly HistoryCommit[], matches: (commit: HistoryCommit) => boolean): Evidence[] {
  return learnerFirst(context, commits.filter(matches))
    .slice(0, MAX_EVIDENCE)
    .map((commit) => ({ ...context.evidence(id, `commit ${short(commit.hash)} ${commit.subject}`, { commit: commit.hash }), ...whose(context, commit.email) }));
}

const pullRequests = historyDetector('git.pull-requests', (context, history) =>
  commitEvidence(context, 'git.pull-requests', history.commits, (commit) => PULL_REQUEST_SUBJECTS.some((pattern) => pattern.test(commit.subject))),
);

const undo = historyDetector('git.undo', (context, history) =>
  commitEvidence(context, 'git.undo', history.commits, (commit) => commit.subject.startsWith('Revert "') || REVERT_BODY.test(commit.body)),
);

const CHANGELOG_NAMES = ['changelog.md', 'changelog', 'changelog.txt', 'changelog.rst', 'changes.md', 'changes.rst', 'history.md', 'releases.md', 'news.md'];

/**
 * A released version as a Markdown heading ("## [1.2.0] - 2024-05-01", "# v1.0.0", "### 0.3.1 (2024-…)")
 * or an underlined reST title ("1.2.0 (2024-05-01)" over "-----"). "Unreleased" alone is no release.
 */
const VERSION_HEADING = /^#{1,4}[ \t]+\[?v?\d+\.\d+\.\d+\b|^v?\d+\.\d+\.\d+\b[^\n]*\n[-=~^]{3,}[ \t]*$/gm;

/** Release tools' own configuration files (semantic-release, release-please, changesets, goreleaser, release-it). */
const RELEASE_CONFIG_NAMES = [
  '.releaserc', '.releaserc.json', '.releaserc.yaml', '.releaserc.yml', '.releaserc.js', '.releaserc.cjs', '.releaserc.mjs',
  'release.config.js', 'release.config.cjs', 'release.config.mjs', 'release.config.ts',
  'release-please-config.json', '.release-please-manifest.json',
  '.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml',
  '.release-it.json', '.release-it.yaml', '.release-it.yml', '.release-it.js', '.release-it.cjs', '.release-it.ts',
];

const releaseFiles = signalDetector({
  id: 'release.versioning',
  files: [
    {
      rule: { names: CHANGELOG_NAMES, where: ownFile, globs: ['**/{CHANGELOG,CHANGELOG.md,CHANGELOG.txt,CHANGELOG.rst,CHANGES.md,CHANGES.rst,HISTORY.md,RELEASES.md,NEWS.md,changelog.md}'] },
      // HTML comments hide a template's example sections; only what is shown counts.
      content: uncommentedMatch(VERSION_HEADING, 'xml', (_m, path, line) => `versioned changelog ${path}:${line}`),
      maxReads: 10,
    },
    {
      rule: { names: RELEASE_CONFIG_NAMES, where: ownFile, globs: ['**/{.releaserc*,release.config.*,release-please-config.json,.release-please-manifest.json,.goreleaser.{yml,yaml},goreleaser.{yml,yaml},.release-it.*}'] },
      describe: (path) => `release tooling ${path}`,
    },
    {
      // changesets keeps its configuration in .changeset/config.json.
      rule: { names: ['config.json'], where: (path) => ownFile(path) && /(^|\/)\.changeset\/config\.json$/.test(path), globs: ['**/.changeset/config.json'] },
      describe: (path) => `changesets ${path}`,
    },
  ],
  dependencies: {
    npm: ['semantic-release', '@changesets/cli', 'release-it', 'release-please', 'standard-version', 'lerna-changelog'],
    pypi: ['python-semantic-release'],
  },
});

const versioning = historyDetector(
  'release.versioning',
  (context, history) =>
    learnerFirst(context, history.tags.filter((tag) => VERSION_TAG.test(tag.name)))
      .slice(0, MAX_EVIDENCE)
      .map((tag) => ({ ...context.evidence('release.versioning', `version tag ${tag.name} (commit ${short(tag.commit)})`, { commit: tag.commit }), ...whose(context, tag.email) })),
  releaseFiles,
);

export const GIT_HISTORY_DETECTORS: readonly Detector[] = [pullRequests, undo, versioning];
