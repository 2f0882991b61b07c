import { MILESTONES, milestoneTitle } from '../core/milestones/catalog';
import type { FolderScan, MilestoneResult } from '../core/milestones/engine';
import type { Roadmap } from '../core/roadmap/model';
import type { CreditPolicy } from '../core/detection/credit';
import { isCredited } from '../core/detection/credit';
import type { ShownSkill } from '../core/detection/scanVerdicts';
import { milestoneYours } from '../core/detection/scanVerdicts';
import { escapeJsonControls, sanitizeForTerminal } from '../core/text/sanitize';

/** The JSON document printed by `scan --json`. */
export interface JsonReport {
  readonly folder: string;
  readonly milestones: readonly {
    readonly id: string;
    readonly title: string;
    readonly present: boolean;
    readonly checked: boolean;
    readonly reason?: string;
    /** At least one evidence record is the learner's (null: cannot be told). */
    readonly yours: boolean | null;
    readonly evidence: MilestoneResult['evidence'];
  }[];
  /** Skills the folder shows; `yours`: proved by evidence the credit policy accepts. */
  readonly skills: readonly { readonly id: string; readonly title: string; readonly stage: string; readonly yours: boolean }[];
  readonly credit: CreditPolicy;
  /** The learner's emails used to tell their commits from others'. */
  readonly authors: readonly string[];
  readonly warnings: readonly string[];
  readonly filesListed: number;
  readonly durationMs: number;
  /** Set when nothing the last scan read had changed and its result is shown again: when that scan ran (ISO 8601). */
  readonly reusedFrom?: string;
}

/** Every catalog milestone exactly once, in catalog order. */
export function jsonReport(scan: FolderScan, skills: readonly ShownSkill[], credit: CreditPolicy, reusedFrom?: string): JsonReport {
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
        yours: result?.present === true ? milestoneYours(id, result.evidence) : false,
        evidence: (result?.evidence ?? []).map((e) => ({ ...e, yours: e.yours ?? null })),
      };
    }),
    skills: skills.map(({ skill, yours }) => ({ id: skill.id, title: skill.title, stage: skill.stageId, yours })),
    credit,
    authors: scan.learnerEmails,
    warnings: scan.warnings,
    filesListed: scan.filesListed,
    durationMs: scan.durationMs,
    ...(reusedFrom === undefined ? {} : { reusedFrom }),
  };
}

/**
 * The JSON report as printed: data stays exact (paths must match the files), and the controls that
 * JSON.stringify leaves raw are written as \uXXXX escapes so printing it to a terminal is harmless.
 */
export function jsonReportText(scan: FolderScan, skills: readonly ShownSkill[], credit: CreditPolicy, reusedFrom?: string): string {
  return `${escapeJsonControls(JSON.stringify(jsonReport(scan, skills, credit, reusedFrom), null, 2))}\n`;
}

/** The readable report: what is present with its evidence, the skills it proves by stage, then what is not. */
export function textReport(scan: FolderScan, roadmap: Roadmap, shown: readonly ShownSkill[], credit: CreditPolicy, reusedFrom?: string): string {
  const skills = shown.filter((s) => s.yours).map((s) => s.skill);
  const notYours = shown.filter((s) => !s.yours).map((s) => s.skill);
  const lines: string[] = [];
  const present = scan.milestones.filter((result) => result.present);
  const absent = scan.milestones.filter((result) => result.checked && !result.present);
  const unchecked = scan.milestones.filter((result) => !result.checked);

  lines.push(`Backend Roadmap scan of ${scan.folder}`);
  lines.push(
    reusedFrom === undefined
      ? `${scan.filesListed} files listed in ${scan.durationMs} ms`
      : `${scan.filesListed} files listed; nothing it reads changed since the scan of ${reusedFrom}, so that scan's result is shown (--no-cache scans again)`,
  );
  lines.push('');
  lines.push(`Present (${present.length} of ${MILESTONES.length}):`);
  if (present.length === 0) {
    lines.push('  (none yet)');
  }
  for (const result of present) {
    lines.push(`  [x] ${result.id}: ${milestoneTitle(result.id)}`);
    for (const evidence of result.evidence) {
      lines.push(`        ${evidence.summary}${evidenceMark(evidence, credit, scan.repository)}`);
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

  if (notYours.length > 0) {
    lines.push('');
    lines.push(`Shown by this folder but not proved by your own work (${notYours.length}, credit policy ${credit}):`);
    for (const skill of notYours) {
      lines.push(`    - ${skill.title} (${skill.id})`);
    }
    if (scan.learnerEmails.length === 0 && scan.repository) {
      lines.push('  Your commit email is unknown: pass --author EMAIL or set git config user.email.');
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
  // Paths, commit subjects, git's messages and roadmap titles come from files a stranger may have written.
  return `${lines.map((line) => sanitizeForTerminal(line)).join('\n')}\n`;
}

/** " (someone else's)" after evidence that does not count for the learner under the policy. */
function evidenceMark(evidence: MilestoneResult['evidence'][number], credit: CreditPolicy, repository: boolean): string {
  if (isCredited(evidence, credit, repository)) {
    return evidence.yours === true ? '  (yours)' : '';
  }
  return evidence.yours === false ? "  (someone else's work: not credited)" : '  (author unknown: not credited)';
}
