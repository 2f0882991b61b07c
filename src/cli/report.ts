import { MILESTONES, milestoneTitle } from '../core/milestones/catalog';
import type { FolderScan, MilestoneResult } from '../core/milestones/engine';
import type { Roadmap, Skill } from '../core/roadmap/model';

/** The JSON document printed by `scan --json`. */
export interface JsonReport {
  readonly folder: string;
  readonly milestones: readonly {
    readonly id: string;
    readonly title: string;
    readonly present: boolean;
    readonly checked: boolean;
    readonly reason?: string;
    readonly evidence: MilestoneResult['evidence'];
  }[];
  readonly skills: readonly { readonly id: string; readonly title: string; readonly stage: string }[];
  readonly warnings: readonly string[];
  readonly filesListed: number;
  readonly durationMs: number;
}

/** Every catalog milestone exactly once, in catalog order. */
export function jsonReport(scan: FolderScan, skills: readonly Skill[]): JsonReport {
  const byId = new Map(scan.milestones.map((result) => [result.id, result]));
  return {
    folder: scan.folder,
    milestones: MILESTONES.map(({ id, title }) => {
      const result = byId.get(id);
      return {
        id,
        title,
        present: result?.present ?? false,
        checked: result?.checked ?? false,
        ...(result?.reason === undefined ? {} : { reason: result.reason }),
        evidence: result?.evidence ?? [],
      };
    }),
    skills: skills.map((skill) => ({ id: skill.id, title: skill.title, stage: skill.stageId })),
    warnings: scan.warnings,
    filesListed: scan.filesListed,
    durationMs: scan.durationMs,
  };
}

/** The readable report: what is present with its evidence, the skills it proves by stage, then what is not. */
export function textReport(scan: FolderScan, roadmap: Roadmap, skills: readonly Skill[]): string {
  const lines: string[] = [];
  const present = scan.milestones.filter((result) => result.present);
  const absent = scan.milestones.filter((result) => result.checked && !result.present);
  const unchecked = scan.milestones.filter((result) => !result.checked);

  lines.push(`Backend Roadmap scan of ${scan.folder}`);
  lines.push(`${scan.filesListed} files listed in ${scan.durationMs} ms`);
  lines.push('');
  lines.push(`Present (${present.length} of ${MILESTONES.length}):`);
  if (present.length === 0) {
    lines.push('  (none yet)');
  }
  for (const result of present) {
    lines.push(`  [x] ${result.id}: ${milestoneTitle(result.id)}`);
    for (const evidence of result.evidence) {
      lines.push(`        ${evidence.summary}`);
    }
  }

  lines.push('');
  lines.push(`Skills this proves (${skills.length}):`);
  if (skills.length === 0) {
    lines.push('  (none yet)');
  }
  const proved = new Set(skills.map((skill) => skill.id));
  for (const stage of roadmap.stages) {
    const stageSkills = stage.skills.filter((skill) => proved.has(skill.id));
    if (stageSkills.length > 0) {
      lines.push(`  ${stage.title}`);
      for (const skill of stageSkills) {
        lines.push(`    - ${skill.title} (${skill.id})`);
      }
    }
  }

  lines.push('');
  lines.push(`Not present (${absent.length}):`);
  for (const result of absent) {
    lines.push(`  [ ] ${result.id}: ${milestoneTitle(result.id)}`);
  }
  if (unchecked.length > 0) {
    lines.push('');
    lines.push(`Not checked (${unchecked.length}):`);
    for (const result of unchecked) {
      lines.push(`  [?] ${result.id}: ${result.reason ?? 'not checked'}`);
    }
  }
  if (scan.warnings.length > 0) {
    lines.push('');
    lines.push('Warnings:');
    for (const warning of scan.warnings) {
      lines.push(`  ! ${warning}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
