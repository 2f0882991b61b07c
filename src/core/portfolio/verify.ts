/**
 * Re-checks a proof file's claims in a reviewer's own clone, each at its commit: the commit is there, the
 * file is in it, its author is the identity the claim names (by email hash), and a scan of that commit's
 * files finds the milestone in that very file. A claim changed in any of these fails.
 */
import { normalizeEmail } from '../detection/identity';
import { isMilestoneId, milestoneKind } from '../milestones/catalog';
import type { FolderScan, ScanOptions } from '../milestones/engine';
import type { Roadmap } from '../roadmap/model';
import type { GitRunner } from '../scan/gitRunner';
import type { ProofClaim, ReadClaim } from './proof';
import { emailSha256 } from './proof';
import { readCommitAuthor } from './repositories';
import type { TreeListing } from './treeAtCommit';
import { listTreeAtCommit, withTreeAtCommit } from './treeAtCommit';
import { errorMessage } from '../errorMessage';

/** What verification needs from the detection bundle (src/core/lazy/detection.ts): passed in, so tests and the CLI choose. */
export interface VerifyTools {
  createGitRunner(folder: string, signal?: AbortSignal): GitRunner;
  scanFolder(folder: string, options: ScanOptions): Promise<FolderScan>;
}

export interface ClaimVerdict {
  /** 1-based position in the proof file. */
  readonly index: number;
  readonly claim?: ProofClaim;
  readonly verified: boolean;
  /** Why it failed: every check that did not pass. */
  readonly reasons: readonly string[];
}

export interface VerifyReport {
  readonly verified: number;
  readonly failed: number;
  readonly claims: readonly ClaimVerdict[];
}

/** The verdicts, or why nothing could be checked (the folder is not a git repository: a usage problem, not a failed claim). */
export type VerifyOutcome = { readonly ok: true; readonly report: VerifyReport } | { readonly ok: false; readonly reason: string };

export interface VerifyOptions {
  readonly signal?: AbortSignal;
  /** When given, a claim must name one of its skills and a milestone that skill's rule names. */
  readonly roadmap?: Roadmap;
}

export async function verifyProof(claims: readonly ReadClaim[], repoDir: string, tools: VerifyTools, options: VerifyOptions = {}): Promise<VerifyOutcome> {
  const signal = options.signal;
  const git = tools.createGitRunner(repoDir, signal);
  const top = await git.run(['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    return { ok: false, reason: `${repoDir} is not a git repository (${top.message}): clone the repository the proof names and pass the clone with --repo` };
  }
  const topGit = tools.createGitRunner(top.stdout.trim(), signal);
  const byCommit = new Map<string, { claim: ProofClaim; index: number }[]>();
  const verdicts: ClaimVerdict[] = [];
  claims.forEach((read, position) => {
    if (!read.ok) {
      verdicts.push({ index: position + 1, verified: false, reasons: [`the claim is malformed: ${read.problem}`] });
      return;
    }
    const group = byCommit.get(read.claim.commit) ?? [];
    group.push({ claim: read.claim, index: position + 1 });
    byCommit.set(read.claim.commit, group);
  });
  for (const [commit, group] of byCommit) {
    signal?.throwIfAborted();
    verdicts.push(...(await verifyCommit(topGit, top.stdout.trim(), commit, group, tools, signal)));
  }
  const roadmap = options.roadmap;
  const checked = roadmap === undefined ? verdicts : verdicts.map((verdict) => withSkillCheck(verdict, roadmap));
  checked.sort((a, b) => a.index - b.index);
  const verified = checked.filter((verdict) => verdict.verified).length;
  return { ok: true, report: { verified, failed: checked.length - verified, claims: checked } };
}

/** A claim's milestone must be one its skill's rule names: the same file cannot prove an unrelated skill. */
function withSkillCheck(verdict: ClaimVerdict, roadmap: Roadmap): ClaimVerdict {
  const claim = verdict.claim;
  if (claim === undefined) {
    return verdict;
  }
  const skill = roadmap.skillById.get(claim.skill);
  const reason =
    skill === undefined
      ? `"${claim.skill}" is not a skill of this roadmap`
      : skill.detect === undefined || ![...skill.detect.all, ...skill.detect.any].includes(claim.milestone)
        ? `skill ${claim.skill} is not proved by milestone ${claim.milestone}`
        : undefined;
  return reason === undefined ? verdict : { ...verdict, verified: false, reasons: [...verdict.reasons, reason] };
}

async function verifyCommit(
  git: GitRunner,
  top: string,
  commit: string,
  group: readonly { claim: ProofClaim; index: number }[],
  tools: VerifyTools,
  signal: AbortSignal | undefined,
): Promise<ClaimVerdict[]> {
  const author = await readCommitAuthor(git, commit);
  if (author?.commit !== commit) {
    return group.map(({ claim, index }) => ({ index, claim, verified: false, reasons: [`commit ${commit.slice(0, 12)} is not in the repository at ${top} (fetch it, or the claim was changed)`] }));
  }
  const listing = await listTreeAtCommit(git, commit);
  const reasons = new Map<number, string[]>(group.map(({ index }) => [index, []]));
  const fail = (index: number, reason: string): void => {
    reasons.get(index)?.push(reason);
  };
  for (const { claim, index } of group) {
    if (!isMilestoneId(claim.milestone)) {
      fail(index, `"${claim.milestone}" is not a milestone this version of backend-roadmap knows`);
    } else if (milestoneKind(claim.milestone) !== 'files') {
      fail(index, `milestone ${claim.milestone} is not shown by files, so it cannot be re-checked at a commit`);
    }
    if (listing.ok && !listing.files.has(claim.path)) {
      fail(index, `${claim.path} is not in commit ${commit.slice(0, 12)}`);
    }
    if (emailSha256(author.email) !== claim.authorEmailSha256 && !(await lineAuthorMatches(git, commit, claim))) {
      fail(index, `commit ${commit.slice(0, 12)} was authored by someone else than the claim names (the email hashes differ)`);
    }
  }
  // The scan runs once per commit, for the milestones of the claims still standing.
  const standing = group.filter(({ index }) => (reasons.get(index) ?? []).length === 0);
  if (!listing.ok) {
    standing.forEach(({ index }) => fail(index, listing.reason));
  } else if (standing.length > 0) {
    await checkMilestones(git, commit, listing, standing, tools, signal, fail);
  }
  return group.map(({ claim, index }) => {
    const why = reasons.get(index) ?? [];
    return { index, claim, verified: why.length === 0, reasons: why };
  });
}

async function checkMilestones(
  git: GitRunner,
  commit: string,
  listing: Extract<TreeListing, { ok: true }>,
  standing: readonly { claim: ProofClaim; index: number }[],
  tools: VerifyTools,
  signal: AbortSignal | undefined,
  fail: (index: number, reason: string) => void,
): Promise<void> {
  let scan: FolderScan;
  try {
    scan = await withTreeAtCommit(git, commit, (folder) =>
      // No git at all: the extracted files are plain files, and whose they are was settled above.
      tools.scanFolder(folder, { allowGit: false, only: new Set(standing.map(({ claim }) => claim.milestone)), ...(signal === undefined ? {} : { signal }) }),
    );
  } catch (error) {
    signal?.throwIfAborted();
    const message = errorMessage(error);
    standing.forEach(({ index }) => fail(index, `the files of commit ${commit.slice(0, 12)} could not be checked: ${message}`));
    return;
  }
  for (const { claim, index } of standing) {
    const result = scan.milestones.find((milestone) => milestone.id === claim.milestone);
    if (result?.checked !== true) {
      fail(index, `milestone ${claim.milestone} could not be checked at commit ${commit.slice(0, 12)}${result?.reason === undefined ? '' : ` (${result.reason})`}`);
    } else if (!result.present) {
      fail(index, `milestone ${claim.milestone} is not present at commit ${commit.slice(0, 12)} (${listing.files.size} files checked)`);
    } else if (!result.evidence.some((evidence) => evidence.path === claim.path)) {
      fail(index, `milestone ${claim.milestone} is present at commit ${commit.slice(0, 12)}, but not in ${claim.path}`);
    }
  }
}

/** When the claim names a line: whether the author of that line at the commit (blame) is the claimed identity. */
async function lineAuthorMatches(git: GitRunner, commit: string, claim: ProofClaim): Promise<boolean> {
  if (claim.line === undefined) {
    return false;
  }
  const outcome = await git.run(['blame', '--porcelain', '-L', `${claim.line},${claim.line}`, commit, '--', claim.path]);
  const mail = outcome.ok ? /^author-mail (.*)$/m.exec(outcome.stdout)?.[1] : undefined;
  return mail !== undefined && emailSha256(normalizeEmail(mail)) === claim.authorEmailSha256;
}
