import { isKnownSkillId } from '../roadmap/formerIds';
import type { Roadmap } from '../roadmap/model';
import { applyFormerIds } from './formerIds';
import type { ProgressMap } from './model';

/**
 * Progress for a skill the roadmap no longer has is retired, never deleted: it stays stored and exported,
 * is listed for the learner ("Retired skills"; `retired` in the CLI's JSON), and counts again as soon as
 * a roadmap has the id again (or lists it as a former id).
 */

/**
 * The ids of records that belong to no skill of `roadmap`, neither under their id nor as a former id; sorted.
 * `alsoKnown`: other roadmaps whose skills are not retired either (with a custom roadmap selected, the
 * shipped skills it leaves out are still current, only not in this roadmap).
 */
export function retiredSkills(roadmap: Roadmap, progress: ProgressMap, alsoKnown: readonly Roadmap[] = []): string[] {
  return Object.keys(progress)
    .filter((id) => !isKnownSkillId(roadmap, id) && !alsoKnown.some((other) => isKnownSkillId(other, id)))
    .sort();
}

export interface RoadmapProgress {
  /** Every record, with records under former ids also read under the current id (src/core/progress/formerIds.ts). */
  readonly progress: ProgressMap;
  /** The ids of records whose skill this roadmap does not have, sorted. */
  readonly retired: readonly string[];
}

/** Stored or imported progress as a roadmap reads it: the one call for views, commands and the CLI. */
export function progressForRoadmap(roadmap: Roadmap, progress: ProgressMap): RoadmapProgress {
  const mapped = applyFormerIds(roadmap, progress);
  return { progress: mapped, retired: retiredSkills(roadmap, mapped) };
}
