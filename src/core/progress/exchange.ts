import type { Evidence, ProgressMap, SkillProgress } from './model';
import { MAX_EVIDENCE_PER_SKILL, sameEvidence } from './rules';
import { PROGRESS_VERSION, readSnapshot } from './snapshot';
import { isRecord } from './validate';

/** The file a learner exports to move progress between machines or keep a backup. */
export const EXPORT_FORMAT = 'backend-roadmap-progress';

export interface ProgressExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  readonly skills: ProgressMap;
}

export function exportProgress(progress: ProgressMap, now: Date): string {
  const file: ProgressExport = { format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), skills: progress };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedImport = { readonly ok: true; readonly progress: ProgressMap } | { readonly ok: false; readonly reason: string };

/** Parses an exported file. Any problem refuses the whole file, so a bad file changes nothing. */
export function parseProgressExport(text: string, now: Date = new Date()): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(json) || json.format !== EXPORT_FORMAT) {
    return { ok: false, reason: `the file is not a Backend Roadmap progress export (it needs "format": "${EXPORT_FORMAT}")` };
  }
  const read = readSnapshot(json, now);
  return read.ok ? { ok: true, progress: read.progress } : { ok: false, reason: read.reason.replace('the saved progress', 'the file') };
}

export interface MergeSummary {
  readonly progress: ProgressMap;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Ids in the file that the current roadmap does not have: kept, in case a later roadmap brings them back. */
  readonly unknownSkills: readonly string[];
}

/**
 * Merges imported progress into the current one: per skill, the record changed most recently wins, and
 * the evidence of both is kept.
 */
export function mergeProgress(current: ProgressMap, imported: ProgressMap, knownSkill: (id: string) => boolean): MergeSummary {
  const merged: Record<string, SkillProgress> = { ...current };
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const unknownSkills: string[] = [];
  for (const [id, incoming] of Object.entries(imported)) {
    if (!knownSkill(id)) {
      unknownSkills.push(id);
    }
    const existing = current[id];
    if (!existing) {
      merged[id] = incoming;
      added++;
      continue;
    }
    const winner = Date.parse(incoming.at || '0') > Date.parse(existing.at || '0') ? incoming : existing;
    const evidence = unionEvidence(winner.evidence, winner === incoming ? existing.evidence : incoming.evidence);
    const result: SkillProgress = { ...winner, evidence };
    if (winner === existing && evidence.length === existing.evidence.length) {
      unchanged++;
    } else {
      merged[id] = result;
      updated++;
    }
  }
  return { progress: merged, added, updated, unchanged, unknownSkills };
}

function unionEvidence(first: readonly Evidence[], second: readonly Evidence[]): readonly Evidence[] {
  const result = [...first];
  for (const item of second) {
    if (!result.some((known) => sameEvidence(known, item))) {
      result.push(item);
    }
  }
  return result.slice(0, MAX_EVIDENCE_PER_SKILL);
}
