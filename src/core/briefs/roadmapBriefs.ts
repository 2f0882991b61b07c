import { isProjectBrief } from '../roadmap/model';
import type { ProjectBrief, Roadmap, Stage } from '../roadmap/model';
import { parseBriefCheck } from './briefChecks';

export interface StageBrief {
  readonly brief: ProjectBrief;
  readonly stage: Stage;
}

/** Every project brief of the roadmap, in roadmap order; plain ideas (no checklist) are left out. */
export function roadmapBriefs(roadmap: Roadmap): StageBrief[] {
  return roadmap.stages.flatMap((stage) => stage.projectIdeas.filter(isProjectBrief).map((brief) => ({ brief, stage })));
}

export function findBrief(roadmap: Roadmap, id: string): StageBrief | undefined {
  return roadmapBriefs(roadmap).find((entry) => entry.brief.id === id);
}

/** The milestones a brief's checks name: a re-check of other milestones cannot change its checklist. */
export function briefMilestones(brief: ProjectBrief): Set<string> {
  const ids = new Set<string>();
  for (const check of brief.criteria.flatMap((criterion) => criterion.checks)) {
    const parsed = parseBriefCheck(check);
    if (parsed.kind === 'milestone') {
      ids.add(parsed.id);
    }
  }
  return ids;
}

/** The skills whose self-checks a brief's checks name: passing one of them changes its checklist. */
export function briefQuizSkills(brief: ProjectBrief): Set<string> {
  const ids = new Set<string>();
  for (const check of brief.criteria.flatMap((criterion) => criterion.checks)) {
    const parsed = parseBriefCheck(check);
    if (parsed.kind === 'quiz') {
      ids.add(parsed.skillId);
    }
  }
  return ids;
}
