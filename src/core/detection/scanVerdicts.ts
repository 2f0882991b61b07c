import type { FolderScan } from '../milestones/engine';
import { creditNeedsAll } from '../milestones/catalog';
import type { Evidence } from '../progress/model';
import type { Roadmap, Skill } from '../roadmap/model';
import type { CreditPolicy } from './credit';
import type { ProjectFacts } from './projectRules';
import { judgeSkill, ProjectMemo } from './projectRules';

/**
 * A milestone is the learner's when at least one of its evidence records is (every one, for milestones made
 * of several pieces together: `creditNeedsAll`); null when none can be told.
 */
export function milestoneYours(id: string, evidence: readonly Evidence[]): boolean | null {
  if (creditNeedsAll(id) ? evidence.length > 0 && evidence.every((e) => e.yours === true) : evidence.some((e) => e.yours === true)) {
    return true;
  }
  const notYours = creditNeedsAll(id) ? evidence.some((e) => e.yours === false) : evidence.every((e) => e.yours === false);
  if (evidence.length > 0 && notYours) {
    return false;
  }
  return evidence.length === 0 ? false : null;
}

/** One scanned folder as a project for rule judgement. */
export function projectOfScan(scan: FolderScan): ProjectFacts {
  return { folder: scan.folder, repository: scan.repository, milestones: new Map(scan.milestones.map((m) => [m.id, m])) };
}

/** A skill the folder shows, and whether the learner's own (credited) work proves it. */
export interface ShownSkill {
  readonly skill: Skill;
  readonly yours: boolean;
}

/**
 * Skills whose rule the folder meets with what it shows, whoever wrote it (in roadmap order), each with
 * `yours`: whether the rule is also met by evidence the credit policy accepts.
 */
export function skillsShownBy(roadmap: Roadmap, scan: FolderScan, policy: CreditPolicy): ShownSkill[] {
  const project = [projectOfScan(scan)];
  const memo = new ProjectMemo();
  const shown: ShownSkill[] = [];
  for (const skill of roadmap.skills) {
    if (skill.detect === undefined || !judgeSkill(skill.detect, project, 'anyCode', false, memo).complete) {
      continue;
    }
    shown.push({ skill, yours: judgeSkill(skill.detect, project, policy, false, memo).complete });
  }
  return shown;
}
