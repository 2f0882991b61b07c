import type { Stage } from './model';

/** The hours a stage asks for: the sum of its skills' estimates (the plan turns hours into weeks at the learner's pace). */
export function stageHours(stage: Pick<Stage, 'skills'>): number {
  return stage.skills.reduce((sum, skill) => sum + skill.estimatedHours, 0);
}
