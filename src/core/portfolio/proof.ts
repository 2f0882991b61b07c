/**
 * The proof file: one claim per piece of the learner's evidence that a commit pins down, in a form anyone
 * can re-check in their own clone (verify.ts). It holds no local path and no email address, only a hash of it.
 */
import { normalizeEmail } from '../detection/identity';
import { nodeCrypto } from '../lazy/nodeCrypto';
import { milestoneKind } from '../milestones/catalog';
import type { ProgressMap } from '../progress/model';
import type { Roadmap } from '../roadmap/model';
import { pathFromTop } from './escape';
import { publicRemoteUrl } from './remoteLinks';
import type { FolderRepository, RepositoryResolver } from './repositories';
import { errorMessage } from '../errorMessage';

export const PROOF_FORMAT = 'backend-roadmap-proof';
export const PROOF_VERSION = 1;
/** Far more than any learner's evidence (a few hundred claims), small enough to re-check in minutes. */
export const MAX_PROOF_CLAIMS = 2000;
const MAX_PROOF_CHARS = 4 * 1024 * 1024;

export interface ProofClaim {
  readonly skill: string;
  readonly milestone: string;
  /** The remote URL of the repository, without credentials; null when it has no public remote. */
  readonly repository: string | null;
  /** The full commit id. */
  readonly commit: string;
  /** From the repository's top level, with forward slashes. */
  readonly path: string;
  readonly line?: number;
  /** sha256 (hex) of the commit author's email, lower-cased. */
  readonly authorEmailSha256: string;
}

export interface ProofFile {
  readonly format: typeof PROOF_FORMAT;
  readonly version: typeof PROOF_VERSION;
  readonly createdAt: string;
  readonly claims: readonly ProofClaim[];
}

export interface ProofBuild {
  readonly proof: ProofFile;
  /** Evidence of the learner's that could not become a claim: its folder is not on this machine or git could not tell its commit. */
  readonly notClaimed: number;
}

export function emailSha256(email: string): string {
  return nodeCrypto().createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex');
}

/**
 * Claims from the finished skills' evidence that is the learner's (`yours === true`), has a commit and a
 * path, and is a files milestone: one a scan of the commit's files can show again (git-history and
 * terminal milestones cannot be re-checked from a tree).
 */
export async function buildProof(roadmap: Roadmap, progress: ProgressMap, repositoryOf: RepositoryResolver, now: Date): Promise<ProofBuild> {
  const claims: ProofClaim[] = [];
  const seen = new Set<string>();
  let notClaimed = 0;
  for (const skill of roadmap.skills) {
    const record = Object.hasOwn(progress, skill.id) ? progress[skill.id] : undefined;
    if (record?.state !== 'done') {
      continue;
    }
    for (const evidence of record.evidence) {
      if (evidence.yours !== true || evidence.commit === undefined || evidence.path === undefined || evidence.folder === undefined || milestoneKind(evidence.milestone) !== 'files') {
        continue;
      }
      const claim = await claimFor(skill.id, evidence.milestone, evidence.commit, evidence.path, evidence.line, await repositoryOf(evidence.folder));
      if (claim === undefined) {
        notClaimed++;
        continue;
      }
      const key = JSON.stringify([claim.skill, claim.milestone, claim.commit, claim.path, claim.line]);
      if (!seen.has(key) && claims.length < MAX_PROOF_CLAIMS) {
        seen.add(key);
        claims.push(claim);
      }
    }
  }
  return { proof: { format: PROOF_FORMAT, version: PROOF_VERSION, createdAt: now.toISOString(), claims }, notClaimed };
}

async function claimFor(skill: string, milestone: string, commit: string, relative: string, line: number | undefined, repository: FolderRepository | undefined): Promise<ProofClaim | undefined> {
  const fromTop = repository === undefined ? undefined : pathFromTop(repository.prefix, relative);
  const author = fromTop === undefined ? undefined : await repository?.commitAuthor(commit);
  if (fromTop === undefined || author === undefined) {
    return undefined;
  }
  const remote = repository?.remoteUrl === undefined ? undefined : publicRemoteUrl(repository.remoteUrl);
  return {
    skill,
    milestone,
    repository: remote ?? null,
    commit: author.commit,
    path: fromTop,
    ...(line !== undefined && Number.isInteger(line) && line > 0 ? { line } : {}),
    authorEmailSha256: emailSha256(author.email),
  };
}

export function proofText(proof: ProofFile): string {
  return `${JSON.stringify(proof, null, 2)}\n`;
}

/** One claim of a proof file as read: the claim, or why it cannot be one. */
export type ReadClaim = { readonly ok: true; readonly claim: ProofClaim } | { readonly ok: false; readonly problem: string };

export type ParsedProof = { readonly ok: true; readonly createdAt: string; readonly claims: readonly ReadClaim[] } | { readonly ok: false; readonly reason: string };

/**
 * Reads a proof file. A file that is not a proof at all is refused with a reason; a claim that is malformed
 * is kept as a problem, so verification reports it failed instead of skipping it silently.
 */
export function parseProof(text: string): ParsedProof {
  if (text.length > MAX_PROOF_CHARS) {
    return { ok: false, reason: `the file is larger than ${MAX_PROOF_CHARS / 1024 / 1024} MB, far more than any proof file` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the file is not valid JSON (${errorMessage(error)})` };
  }
  if (!isObject(json) || json.format !== PROOF_FORMAT) {
    return { ok: false, reason: `the file is not a Backend Roadmap proof file (it needs "format": "${PROOF_FORMAT}"; export one with backend-roadmap portfolio --proof)` };
  }
  if (json.version !== PROOF_VERSION) {
    return { ok: false, reason: `the proof file has version ${json.version === undefined ? 'none' : JSON.stringify(json.version)}; this version of backend-roadmap reads version ${PROOF_VERSION}: update it` };
  }
  if (!Array.isArray(json.claims)) {
    return { ok: false, reason: 'the proof file has no "claims" list' };
  }
  if (json.claims.length > MAX_PROOF_CLAIMS) {
    return { ok: false, reason: `the proof file holds ${json.claims.length} claims, more than the ${MAX_PROOF_CLAIMS} allowed` };
  }
  const claims: unknown[] = json.claims;
  return { ok: true, createdAt: typeof json.createdAt === 'string' ? json.createdAt : '', claims: claims.map(readClaim) };
}

const FULL_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const SHA256 = /^[0-9a-f]{64}$/;

function readClaim(value: unknown): ReadClaim {
  if (!isObject(value)) {
    return { ok: false, problem: 'the claim is not an object' };
  }
  const { skill, milestone, repository, commit, path, line, authorEmailSha256 } = value;
  if (typeof skill !== 'string' || skill === '' || skill.length > 200) {
    return { ok: false, problem: '"skill" must be a skill id' };
  }
  if (typeof milestone !== 'string' || milestone === '' || milestone.length > 200) {
    return { ok: false, problem: '"milestone" must be a milestone id' };
  }
  if (repository !== null && repository !== undefined && (typeof repository !== 'string' || repository.length > 2000)) {
    return { ok: false, problem: '"repository" must be a URL or null' };
  }
  if (typeof commit !== 'string' || !FULL_COMMIT.test(commit)) {
    return { ok: false, problem: '"commit" must be a full commit id (40 or 64 lower-case hex digits)' };
  }
  if (typeof path !== 'string' || path.length > 4096 || pathFromTop('', path) !== path) {
    return { ok: false, problem: '"path" must be a path inside the repository, with forward slashes' };
  }
  if (line !== undefined && (typeof line !== 'number' || !Number.isInteger(line) || line < 1)) {
    return { ok: false, problem: '"line" must be a positive whole number' };
  }
  if (typeof authorEmailSha256 !== 'string' || !SHA256.test(authorEmailSha256)) {
    return { ok: false, problem: '"authorEmailSha256" must be 64 lower-case hex digits' };
  }
  return {
    ok: true,
    claim: { skill, milestone, repository: typeof repository === 'string' ? repository : null, commit, path, ...(line === undefined ? {} : { line }), authorEmailSha256 },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
