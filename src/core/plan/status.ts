import type { ProgressMap, SkillState } from '../progress/model';
import { skillCounts, stageState } from '../progress/stats';
import type { ProgressCounts } from '../progress/stats';
import { retiredSkills } from '../progress/retired';
import type { Roadmap } from '../roadmap/model';
import { isOnPath } from './path';
import type { LearningPath } from './path';

export interface StageStatus {
  readonly stageId: string;
  readonly counts: ProgressCounts;
  /** From stageState: the one rule the tree and the dashboard use. */
  readonly state: SkillState;
}

export interface PathStatus {
  /** Counts over the skills on the path; `total` leaves skipped skills out, as the dashboard does. */
  readonly counts: ProgressCounts;
  /** Stages with skills on the path, in roadmap order. */
  readonly stages: readonly StageStatus[];
  /** Ids with progress whose skill the roadmap no longer has, neither as its id nor as a former id; sorted (retired.ts). */
  readonly retired: readonly string[];
}

export function pathStatus(roadmap: Roadmap, progress: ProgressMap, path: LearningPath, alsoKnown: readonly Roadmap[] = []): PathStatus {
  const stages: StageStatus[] = [];
  for (const stage of roadmap.stages) {
    const skills = stage.skills.filter((skill) => isOnPath(skill, path));
    if (skills.length > 0) {
      const counts = skillCounts(skills, progress);
      stages.push({ stageId: stage.id, counts, state: stageState(counts) });
    }
  }
  return {
    counts: skillCounts(roadmap.skills.filter((skill) => isOnPath(skill, path)), progress),
    stages,
    retired: retiredSkills(roadmap, progress, alsoKnown),
  };
}
