import { milestoneKind } from '../milestones/catalog';
import { createRoadmap } from '../roadmap/model';
import type { DetectRule, Roadmap, Skill } from '../roadmap/model';

/**
 * In Restricted Mode (an untrusted workspace) no git process and no test command runs for any roadmap
 * (DetectionSettings.allowGit is false; Run My Tests refuses). On top of that, skills a custom roadmap
 * defines itself are proved by file milestones only: their rules are cut down here to `files` milestones,
 * so neither git facts nor recorded events (test runs, terminal practice) can complete them until the
 * workspace is trusted. Skills it reuses from the shipped roadmap keep their shipped rules.
 */
export function fileRulesOnly(roadmap: Roadmap, isShipped: (skillId: string) => boolean): Roadmap {
  return createRoadmap(roadmap.stages.map((stage) => ({ ...stage, skills: stage.skills.map((skill) => (isShipped(skill.id) ? skill : withFileRule(skill))) })));
}

function withFileRule(skill: Skill): Skill {
  const { detect, ...rest } = skill;
  const rule = detect === undefined ? undefined : fileRule(detect);
  return rule === undefined ? rest : { ...rest, detect: rule };
}

/**
 * The rule with only file milestones, or undefined when it cannot be met by them alone (it requires another
 * kind in `all`, or too few of its `any` are files).
 */
export function fileRule(rule: DetectRule): DetectRule | undefined {
  const isFiles = (id: string): boolean => milestoneKind(id) === 'files';
  if (!rule.all.every(isFiles)) {
    return undefined;
  }
  const any = rule.any.filter(isFiles);
  const needed = rule.any.length === 0 ? 0 : Math.min(rule.atLeast ?? 1, rule.any.length);
  if (any.length < needed || (rule.all.length === 0 && any.length === 0)) {
    return undefined;
  }
  return { all: rule.all, any, ...(rule.atLeast === undefined ? {} : { atLeast: rule.atLeast }) };
}
