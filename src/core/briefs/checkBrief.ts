import type { CreditPolicy } from '../detection/credit';
import { isCredited, notCreditedReason } from '../detection/credit';
import type { ProjectFacts } from '../detection/projectRules';
import { isMilestoneCredited } from '../detection/projectRules';
import type { Evidence, ProgressMap } from '../progress/model';
import { progressOf } from '../progress/rules';
import { isQuizPassEvidence } from '../quiz/passRecord';
import type { ProjectBrief } from '../roadmap/model';
import { parseBriefCheck } from './briefChecks';

/**
 * One check in one folder:
 * - `found`: present and credited under the policy (the learner's own work), or the self-check passed;
 * - `notYours`: present, but the evidence is not credited (someone else's work, or whose cannot be told);
 * - `notChecked`: it could not be checked (git in an untrusted workspace, git missing);
 * - `missing`: not there.
 */
export type CheckStatus = 'found' | 'notYours' | 'notChecked' | 'missing';

export interface BriefCheckResult {
  readonly check: string;
  readonly status: CheckStatus;
  /** `found`: the credited evidence (path, line, commit) or the passed self-check; `notYours`: what was seen. */
  readonly evidence: readonly Evidence[];
  /** Why it is not found, in words, when something more than "not there" can be said. */
  readonly reason?: string;
}

/** `checkYourself`: the criterion names nothing a detector can see; the learner judges it. */
export type CriterionStatus = 'found' | 'missing' | 'checkYourself';

export interface CriterionResult {
  readonly text: string;
  readonly status: CriterionStatus;
  readonly checks: readonly BriefCheckResult[];
}

export interface BriefStatus {
  readonly briefId: string;
  /** The workspace folder checked; undefined when there is none. */
  readonly folder: string | undefined;
  readonly criteria: readonly CriterionResult[];
  readonly checksFound: number;
  readonly checksTotal: number;
  /** Every check of the brief is found in this one folder (and it has at least one check). */
  readonly complete: boolean;
}

export interface BriefCheckOptions {
  readonly policy: CreditPolicy;
  /** The learner's progress: `quiz:SKILL_ID` is found when that skill's record holds a passed self-check. */
  readonly progress: ProgressMap;
}

/** Evidence shown per check: enough to open the place, few enough for a checklist. */
const EVIDENCE_PER_CHECK = 3;

/**
 * The brief's checklist in one workspace folder, from the detection core's facts for that folder (a folder of
 * DetectionCore's ledger, or `projectOfScan` of a CLI scan). Milestones count only when found in this folder
 * by work the credit policy accepts, as skill rules do (src/core/detection/projectRules.ts); self-checks count
 * wherever the folder is, since they belong to the learner.
 */
export function checkBrief(brief: ProjectBrief, project: ProjectFacts | undefined, options: BriefCheckOptions): BriefStatus {
  const criteria = brief.criteria.map((criterion): CriterionResult => {
    const checks = criterion.checks.map((check) => checkOne(check, project, options));
    const status = checks.length === 0 ? 'checkYourself' : checks.every((result) => result.status === 'found') ? 'found' : 'missing';
    return { text: criterion.text, status, checks };
  });
  const all = criteria.flatMap((criterion) => criterion.checks);
  const checksFound = all.filter((result) => result.status === 'found').length;
  return { briefId: brief.id, folder: project?.folder, criteria, checksFound, checksTotal: all.length, complete: briefComplete({ checksFound, checksTotal: all.length }) };
}

/** A brief is complete when every check is found in one folder; a brief without checks never completes by itself. */
export function briefComplete(status: Pick<BriefStatus, 'checksFound' | 'checksTotal'>): boolean {
  return status.checksTotal > 0 && status.checksFound === status.checksTotal;
}

function checkOne(check: string, project: ProjectFacts | undefined, options: BriefCheckOptions): BriefCheckResult {
  const parsed = parseBriefCheck(check);
  if (parsed.kind === 'quiz') {
    const passes = progressOf(options.progress, parsed.skillId).evidence.filter(isQuizPassEvidence);
    return passes.length > 0 ? { check, status: 'found', evidence: passes.slice(0, 1) } : { check, status: 'missing', evidence: [], reason: 'pass the skill\'s self-check in its details panel' };
  }
  const fact = project?.milestones.get(parsed.id);
  if (project === undefined || fact === undefined) {
    return { check, status: 'missing', evidence: [], ...(project === undefined ? { reason: 'open the project folder in the workspace' } : {}) };
  }
  if (isMilestoneCredited(parsed.id, fact, options.policy, project.repository)) {
    return { check, status: 'found', evidence: fact.evidence.filter((e) => isCredited(e, options.policy, project.repository)).slice(0, EVIDENCE_PER_CHECK) };
  }
  if (fact.present) {
    const example = fact.evidence.find((e) => !isCredited(e, options.policy, project.repository)) ?? fact.evidence[0];
    return { check, status: 'notYours', evidence: fact.evidence.slice(0, EVIDENCE_PER_CHECK), reason: example === undefined ? 'not credited' : notCreditedReason(example, options.policy) };
  }
  if (!fact.checked) {
    return { check, status: 'notChecked', evidence: [], reason: fact.reason ?? 'not checked yet' };
  }
  return { check, status: 'missing', evidence: [], ...(fact.reason === undefined ? {} : { reason: fact.reason }) };
}
