import type { LearningPath } from '../plan/path';
import { describePath, isOnPath } from '../plan/path';
import type { ProgressMap } from '../progress/model';
import { isFinished, progressOf } from '../progress/rules';
import { skillCounts } from '../progress/stats';
import type { Roadmap, Skill } from '../roadmap/model';
import { plural } from '../text/plural';
import { treeFilterDescription, treeViewMessage } from './labels';

/**
 * What the Roadmap view shows: every skill, or the learner's path only ("show my path only"), and either
 * way with or without the done and skipped ones ("hide finished"). Stage counts follow the path filter
 * (they count the skills of the stage on the path) but not "hide finished", whose hidden skills still count.
 */
export interface TreeFilter {
  readonly hideFinished: boolean;
  /** Set while the tree shows the path only. */
  readonly path?: LearningPath;
}

/** The skills of a stage the filter's path keeps, in order: what the stage's counts count. */
export function skillsInScope(skills: readonly Skill[], filter: TreeFilter): readonly Skill[] {
  const path = filter.path;
  return path === undefined ? skills : skills.filter((skill) => isOnPath(skill, path));
}

/** The skill rows shown under a stage. */
export function visibleSkills(skills: readonly Skill[], progress: ProgressMap, filter: TreeFilter): readonly Skill[] {
  const inScope = skillsInScope(skills, filter);
  return filter.hideFinished ? inScope.filter((skill) => !isFinished(progressOf(progress, skill.id).state)) : inScope;
}

/** Whether a skill has a row in the tree (revealing one that has none would fail). */
export function isShown(skill: Skill, progress: ProgressMap, filter: TreeFilter): boolean {
  return visibleSkills([skill], progress, filter).length === 1;
}

/** Beside the view's title while the path filter is on: "core path for python: 80 of 165 skills". */
export function pathFilterDescription(path: LearningPath, shown: number, total: number): string {
  return `${describePath(path).replace(/^the /, '')}: ${shown} of ${plural(total, 'skill')}`;
}

/** The first line above the tree while the path filter is on: what is shown, what the counts mean, how to undo it. */
export function pathFilterMessage(path: LearningPath, shown: number, total: number): string {
  return `Showing your path only: ${describePath(path)}, ${shown} of ${plural(total, 'skill')}; stage counts count those. Use the filled map button to show the whole roadmap.`;
}

/**
 * The view's description (beside its title) and message (above the tree) for the filter in force and
 * what detection says is off; undefined when there is nothing to say.
 */
export function treeFilterNotes(roadmap: Roadmap, progress: ProgressMap, filter: TreeFilter, detectionMessage?: string): { readonly description?: string; readonly message?: string } {
  const inScope = skillsInScope(roadmap.skills, filter);
  const counts = skillCounts(inScope, progress);
  const hidden = treeFilterDescription(filter.hideFinished, counts.done + counts.skipped);
  const path = filter.path;
  const pathNote = path === undefined ? undefined : pathFilterDescription(path, inScope.length, roadmap.skills.length);
  const notes = [pathNote, hidden].filter((note): note is string => note !== undefined);
  const lines = [path === undefined ? undefined : pathFilterMessage(path, inScope.length, roadmap.skills.length), treeViewMessage(hidden, detectionMessage)].filter(
    (line): line is string => line !== undefined,
  );
  return { ...(notes.length > 0 ? { description: notes.join(' · ') } : {}), ...(lines.length > 0 ? { message: lines.join(' ') } : {}) };
}
