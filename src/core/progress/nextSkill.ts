import type { Roadmap, Skill } from '../roadmap/model';
import type { ProgressMap } from './model';
import { isFinished, progressOf } from './rules';

/**
 * The first unfinished skill, in roadmap order, whose prerequisites are all finished. A skipped
 * prerequisite counts as finished: the learner said they do not need it.
 */
export function suggestNextSkill(roadmap: Roadmap, progress: ProgressMap): Skill | undefined {
  return roadmap.skills.find(
    (skill) =>
      !isFinished(progressOf(progress, skill.id).state) &&
      skill.prerequisites.every((id) => isFinished(progressOf(progress, id).state)),
  );
}

/** The skill after `skill` in roadmap order, for "next" links. */
export function followingSkill(roadmap: Roadmap, skill: Skill): Skill | undefined {
  const index = roadmap.skills.findIndex((s) => s.id === skill.id);
  return index >= 0 ? roadmap.skills[index + 1] : undefined;
}

/** Prerequisites of `skill` that are not finished yet. */
export function openPrerequisites(roadmap: Roadmap, progress: ProgressMap, skill: Skill): readonly Skill[] {
  return skill.prerequisites
    .map((id) => roadmap.skillById.get(id))
    .filter((s): s is Skill => s !== undefined && !isFinished(progressOf(progress, s.id).state));
}
