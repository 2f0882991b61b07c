import type { FolderScan } from '../milestones/engine';
import type { Evidence } from '../progress/model';
import type { Roadmap, Skill } from '../roadmap/model';
import type { CreditPolicy } from './credit';
import { creditedMilestones, judgeSkill, ProjectMemo } from './projectRules';
import { projectOfScan, skillsShownBy } from './scanVerdicts';

/** A skill the learner's own work proves, with the repository and the evidence that prove it. */
export interface CreditedSkill {
  readonly skill: Skill;
  readonly folder: string;
  readonly evidence: readonly Evidence[];
}

/** What one scanned repository credits to the learner. */
export interface RepositoryCredit {
  readonly folder: string;
  /** Skills proved by work the credit policy accepts, in roadmap order. */
  readonly skills: readonly CreditedSkill[];
  /** Milestones present and credited, in catalog order. */
  readonly milestones: readonly string[];
  /** Skills the repository shows only through someone else's work (not credited), in roadmap order. */
  readonly notYours: readonly Skill[];
}

/** The skills and milestones one scanned folder credits to the learner (rules met inside this folder alone). */
export function creditRepository(roadmap: Roadmap, scan: FolderScan, policy: CreditPolicy): RepositoryCredit {
  const project = projectOfScan(scan);
  const shown = skillsShownBy(roadmap, scan, policy);
  const skills: CreditedSkill[] = [];
  const memo = new ProjectMemo();
  for (const { skill, yours } of shown) {
    if (yours && skill.detect !== undefined) {
      skills.push({ skill, folder: scan.folder, evidence: judgeSkill(skill.detect, [project], policy, false, memo).evidence });
    }
  }
  const credited = creditedMilestones(project, policy);
  return {
    folder: scan.folder,
    skills,
    milestones: scan.milestones.map((m) => m.id).filter((id) => credited.has(id)),
    notYours: shown.filter((entry) => !entry.yours).map((entry) => entry.skill),
  };
}

/** Every skill credited by some repository, once (proved by the first repository given), in roadmap order. */
export function creditedUnion(roadmap: Roadmap, credits: readonly RepositoryCredit[]): CreditedSkill[] {
  const byId = new Map<string, CreditedSkill>();
  for (const credit of credits) {
    for (const entry of credit.skills) {
      if (!byId.has(entry.skill.id)) {
        byId.set(entry.skill.id, entry);
      }
    }
  }
  return roadmap.skills.flatMap((skill) => {
    const entry = byId.get(skill.id);
    return entry === undefined ? [] : [entry];
  });
}
