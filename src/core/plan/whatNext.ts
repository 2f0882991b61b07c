import { evaluateRule } from '../progress/detection';
import type { ProgressMap } from '../progress/model';
import { isFinished, progressOf } from '../progress/rules';
import type { DetectRule, Roadmap, Skill } from '../roadmap/model';
import { skillsOnPath } from './path';
import type { LearningPath } from './path';

/** How much of a skill's `detect` rule the milestones already found meet: "2 of 3 milestones found". */
export interface RuleProgress {
  readonly found: number;
  readonly needed: number;
}

/** Why a skill is suggested, best first. */
export type NextReason = 'inProgress' | 'partlyProved' | 'pathOrder';

export interface NextSkill {
  readonly skill: Skill;
  readonly why: NextReason;
  /** What the learner reads: "in progress", "2 of 3 milestones found in your workspace", "next on your path". */
  readonly reason: string;
}

/**
 * How far a rule is met: every id of `all` is needed, plus `atLeast` (default 1) ids of `any`; found counts
 * the present ones, never more than needed.
 */
export function ruleProgress(rule: DetectRule, present: ReadonlySet<string>): RuleProgress {
  const status = evaluateRule(rule, present);
  const anyNeeded = rule.any.length === 0 ? 0 : Math.min(rule.atLeast ?? 1, rule.any.length);
  return { found: status.presentAll.length + Math.min(status.presentAny.length, anyNeeded), needed: rule.all.length + anyNeeded };
}

/** Rule progress of every skill with a rule, from the milestones found in the workspace. */
export function ruleProgressBySkill(roadmap: Roadmap, present: ReadonlySet<string>): ReadonlyMap<string, RuleProgress> {
  const result = new Map<string, RuleProgress>();
  for (const skill of roadmap.skills) {
    if (skill.detect !== undefined) {
      result.set(skill.id, ruleProgress(skill.detect, present));
    }
  }
  return result;
}

function isPartlyMet(progress: RuleProgress | undefined): progress is RuleProgress {
  return progress !== undefined && progress.found > 0 && progress.found < progress.needed;
}

function milestonesFound(progress: RuleProgress): string {
  return `${progress.found} of ${progress.needed} milestone${progress.needed === 1 ? '' : 's'} found in your workspace`;
}

/**
 * The open skills on the path whose prerequisites are all finished (a skipped prerequisite counts as
 * finished), best first: skills in progress, then skills whose rule the workspace already partly meets (the
 * larger share first), then the rest in path order. Ties keep path order.
 */
export function whatNext(roadmap: Roadmap, progress: ProgressMap, path: LearningPath, rules: ReadonlyMap<string, RuleProgress> = new Map()): readonly NextSkill[] {
  const ready = skillsOnPath(roadmap, path).filter(
    (skill) => !isFinished(progressOf(progress, skill.id).state) && skill.prerequisites.every((id) => isFinished(progressOf(progress, id).state)),
  );
  const inProgress: NextSkill[] = [];
  const partly: { next: NextSkill; share: number }[] = [];
  const rest: NextSkill[] = [];
  for (const skill of ready) {
    const rule = rules.get(skill.id);
    if (progressOf(progress, skill.id).state === 'inProgress') {
      inProgress.push({ skill, why: 'inProgress', reason: isPartlyMet(rule) ? `in progress; ${milestonesFound(rule)}` : 'in progress' });
    } else if (isPartlyMet(rule)) {
      partly.push({ next: { skill, why: 'partlyProved', reason: milestonesFound(rule) }, share: rule.found / rule.needed });
    } else {
      rest.push({ skill, why: 'pathOrder', reason: 'next on your path' });
    }
  }
  // Array.prototype.sort is stable: equal shares keep path order.
  partly.sort((a, b) => b.share - a.share);
  return [...inProgress, ...partly.map((item) => item.next), ...rest];
}
