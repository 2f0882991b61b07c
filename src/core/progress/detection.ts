import type { DetectRule, Roadmap, Skill } from '../roadmap/model';

/** How far a skill's `detect` rule is met by the milestones present in the learner's workspaces. */
export interface RuleStatus {
  readonly complete: boolean;
  /** Ids from `all` that are present. */
  readonly presentAll: readonly string[];
  /** Ids from `all` that are missing. */
  readonly missingAll: readonly string[];
  /** Ids from `any` that are present (one is enough, or `atLeast`). */
  readonly presentAny: readonly string[];
  /** Every id of `any`, when none of them is present. */
  readonly missingAny: readonly string[];
}

export function evaluateRule(rule: DetectRule, present: ReadonlySet<string>): RuleStatus {
  const presentAll = rule.all.filter((id) => present.has(id));
  const missingAll = rule.all.filter((id) => !present.has(id));
  const presentAny = rule.any.filter((id) => present.has(id));
  const anySatisfied = rule.any.length === 0 || presentAny.length >= Math.min(rule.atLeast ?? 1, rule.any.length);
  return {
    complete: missingAll.length === 0 && anySatisfied,
    presentAll,
    missingAll,
    presentAny,
    missingAny: anySatisfied ? [] : [...rule.any],
  };
}

/** Every milestone id a rule mentions, `all` first. */
export function ruleMilestones(rule: DetectRule): readonly string[] {
  return [...rule.all, ...rule.any.filter((id) => !rule.all.includes(id))];
}

/** Skills whose `detect` rule is complete with the given milestones, in roadmap order. */
export function skillsProvedBy(roadmap: Roadmap, present: ReadonlySet<string>): readonly Skill[] {
  return roadmap.skills.filter((skill) => skill.detect !== undefined && evaluateRule(skill.detect, present).complete);
}

/** Skills whose rule mentions at least one of the given milestones: the ones to re-evaluate after a change. */
export function skillsUsingMilestones(roadmap: Roadmap, milestones: ReadonlySet<string>): readonly Skill[] {
  return roadmap.skills.filter((skill) => skill.detect !== undefined && ruleMilestones(skill.detect).some((id) => milestones.has(id)));
}
