import type { Roadmap, Skill, Stage } from '../roadmap/model';
import type { ProgressMap, SkillState } from './model';
import { progressOf } from './rules';

export interface ProgressCounts {
  readonly done: number;
  readonly skipped: number;
  readonly inProgress: number;
  /** Skills that count towards completion: every skill except the skipped ones. */
  readonly total: number;
  readonly all: number;
}

function count(states: readonly SkillState[]): ProgressCounts {
  const done = states.filter((s) => s === 'done').length;
  const skipped = states.filter((s) => s === 'skipped').length;
  const inProgress = states.filter((s) => s === 'inProgress').length;
  return { done, skipped, inProgress, total: states.length - skipped, all: states.length };
}

/** Counts for any set of skills, e.g. the skills of a stage on the learner's path. */
export function skillCounts(skills: readonly Skill[], progress: ProgressMap): ProgressCounts {
  return count(skills.map((skill) => progressOf(progress, skill.id).state));
}

export function stageCounts(stage: Stage, progress: ProgressMap): ProgressCounts {
  return count(stage.skills.map((skill) => progressOf(progress, skill.id).state));
}

export function roadmapCounts(roadmap: Roadmap, progress: ProgressMap): ProgressCounts {
  return count(roadmap.skills.map((skill) => progressOf(progress, skill.id).state));
}

/**
 * A stage's state, the one rule for the tree and the dashboard: done when every skill that counts is
 * done; skipped when the learner skipped every skill (finished, but nothing proved); in progress once
 * any skill is started or done; otherwise not started (also an empty stage).
 */
export function stageState(counts: ProgressCounts): SkillState {
  if (counts.all > 0 && counts.skipped === counts.all) {
    return 'skipped';
  }
  if (counts.total > 0 && counts.done === counts.total) {
    return 'done';
  }
  return counts.done > 0 || counts.inProgress > 0 ? 'inProgress' : 'notStarted';
}

/**
 * Whole percent done of what counts (skipped skills do not count), rounded to the nearest (3 of 7 is 43%),
 * but never 100% before everything is done nor 0% once something is.
 */
export function percent(counts: ProgressCounts): number {
  if (counts.total === 0) {
    return counts.all > 0 ? 100 : 0;
  }
  const nearest = Math.round((counts.done * 100) / counts.total);
  return counts.done === counts.total ? 100 : Math.min(99, Math.max(counts.done > 0 ? 1 : 0, nearest));
}

/** True when the learner has not touched anything yet: the view then shows its welcome content. */
export function nothingStarted(roadmap: Roadmap, progress: ProgressMap): boolean {
  return roadmap.skills.every((skill) => progressOf(progress, skill.id).state === 'notStarted');
}
