import * as path from 'node:path';
import type { Evidence } from '../progress/model';
import { evaluateRule, ruleMilestones } from '../progress/detection';
import type { RuleStatus } from '../progress/detection';
import type { DetectRule } from '../roadmap/model';
import { creditNeedsAll } from '../milestones/catalog';
import type { CreditPolicy } from './credit';
import { isCredited } from './credit';
import { QUIZ_PASSED } from '../quiz/passRecord';
import { PairMemo } from '../pairMemo';

/** What is known about one milestone in one project (workspace folder). */
export interface MilestoneFact {
  readonly present: boolean;
  readonly evidence: readonly Evidence[];
  /** False when it could not be checked (e.g. git in an untrusted workspace). */
  readonly checked: boolean;
  readonly reason?: string;
}

/** One project: a workspace folder (or, for terminal practice outside every folder, the empty path). */
export interface ProjectFacts {
  readonly folder: string;
  /** The folder is under git, so its evidence has an author that can be asked about. */
  readonly repository: boolean;
  readonly milestones: ReadonlyMap<string, MilestoneFact>;
}

/** How a skill's rule fares in the learner's projects. */
export interface SkillVerdict {
  /** The rule is met, inside one project, by evidence the credit policy accepts. */
  readonly complete: boolean;
  /** The project that proves it (complete), or that comes closest. */
  readonly project: string | undefined;
  /** The rule's status in that project, counting credited evidence only. */
  readonly status: RuleStatus;
  /** Credited evidence for the rule's milestones in that project. */
  readonly evidence: readonly Evidence[];
  /** Projects where the milestones are present but not credited (someone else's work), by folder. */
  readonly seenNotCredited: readonly string[];
  /** The rule would be met if evidence from several projects were combined (it never is). */
  readonly onlyAcrossProjects: boolean;
}

/**
 * Whether a present milestone counts under the policy: one credited piece of evidence is enough, except for
 * milestones made of several pieces together (`creditNeedsAll`), where every piece shown must be credited.
 */
export function isMilestoneCredited(id: string, fact: MilestoneFact, policy: CreditPolicy, repository: boolean): boolean {
  const credited = (e: Evidence): boolean => isCredited(e, policy, repository);
  return fact.present && fact.evidence.length > 0 && (creditNeedsAll(id) ? fact.evidence.every(credited) : fact.evidence.some(credited));
}

/** The milestones of a project that count under the policy. */
export function creditedMilestones(project: ProjectFacts, policy: CreditPolicy): Set<string> {
  const ids = new Set<string>();
  for (const [id, fact] of project.milestones) {
    if (isMilestoneCredited(id, fact, policy, project.repository)) {
      ids.add(id);
    }
  }
  return ids;
}

function presentMilestones(project: ProjectFacts): Set<string> {
  return new Set([...project.milestones].filter(([, fact]) => fact.present).map(([id]) => id));
}

/**
 * What `judgeSkill` works out per project (its credited and present milestones), kept for one pass over
 * many skills: judging 168 skills asked the same of every project 336 times (about 25 ms of a CLI scan).
 * Make one per pass; a project's milestones must not change while it is in use.
 */
export class ProjectMemo {
  private readonly known = new PairMemo<ProjectFacts, CreditPolicy, { readonly credited: ReadonlySet<string>; readonly present: ReadonlySet<string> }>();

  of(project: ProjectFacts, policy: CreditPolicy): { readonly credited: ReadonlySet<string>; readonly present: ReadonlySet<string> } {
    return this.known.get(project, policy, () => ({ credited: creditedMilestones(project, policy), present: presentMilestones(project) }));
  }
}

/**
 * A rule is judged per project: evidence from several folders never combines into one proof.
 * `ownQuizPassed`: the skill's own self-check passed, so `quiz.passed` counts as present in every project
 * (it belongs to the skill, not to a folder).
 */
export function judgeSkill(rule: DetectRule, projects: readonly ProjectFacts[], policy: CreditPolicy, ownQuizPassed = false, memo: ProjectMemo = new ProjectMemo()): SkillVerdict {
  const wanted = ruleMilestones(rule);
  const own: readonly string[] = ownQuizPassed ? [QUIZ_PASSED] : [];
  let best: { project: ProjectFacts; status: RuleStatus; score: number } | undefined;
  const seenNotCredited: string[] = [];
  const unionCredited = new Set<string>();
  for (const project of projects) {
    const known = memo.of(project, policy);
    const credited = own.length === 0 ? known.credited : new Set([...known.credited, ...own]);
    for (const id of credited) {
      unionCredited.add(id);
    }
    const status = evaluateRule(rule, credited);
    const score = status.presentAll.length + Math.min(1, status.presentAny.length) + (status.complete ? 1000 : 0);
    if (best === undefined || score > best.score) {
      best = { project, status, score };
    }
    if (wanted.some((id) => known.present.has(id) && !credited.has(id))) {
      seenNotCredited.push(project.folder);
    }
  }
  const status = best?.status ?? evaluateRule(rule, new Set(own));
  const complete = status.complete;
  const evidence = best === undefined ? [] : creditedEvidence(best.project, wanted, policy);
  return {
    complete,
    // Named only when its own evidence counts: a passed self-check alone is in no project.
    project: best !== undefined && evidence.length > 0 ? best.project.folder : undefined,
    status,
    evidence,
    seenNotCredited,
    onlyAcrossProjects: !complete && evaluateRule(rule, unionCredited).complete,
  };
}

function creditedEvidence(project: ProjectFacts, wanted: readonly string[], policy: CreditPolicy): Evidence[] {
  const evidence: Evidence[] = [];
  for (const id of wanted) {
    const fact = project.milestones.get(id);
    if (fact?.present) {
      evidence.push(...fact.evidence.filter((e) => isCredited(e, policy, project.repository)).slice(0, 2));
    }
  }
  return evidence;
}

/** The folder's name for messages ("api"), or "the terminal" for practice outside every folder. */
export function projectName(folder: string): string {
  return folder === '' ? 'the terminal' : path.basename(folder);
}
