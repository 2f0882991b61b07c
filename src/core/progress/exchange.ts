import { formatNumber } from '../text/numbers';

import { agree, plural } from '../text/plural';
import { mergeRecord } from './merge';
import type { ProgressMap, SkillProgress } from './model';
import { defineRecord, ownRecord } from './ownMap';
import { PROGRESS_VERSION, describeSkipped, readSnapshot } from './snapshot';
import type { SkippedRecord } from './snapshot';
import { PROGRESS_LIMITS, describeValue, isRecord } from './validate';
import { readBackupList } from './storedState';
import type { ProgressBackup } from './storedState';
import { errorMessage } from '../errorMessage';

/** The file a learner exports to move progress between machines or keep a backup. */
export const EXPORT_FORMAT = 'backend-roadmap-progress';
/** The file of unreadable progress kept aside ("Export the Backup"): importable like an export. */
export const BACKUP_FORMAT = 'backend-roadmap-progress-backup';
/** Far beyond any real export (a few kilobytes per skill), small enough to parse without trouble. */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;

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

export function exportBackups(backups: readonly ProgressBackup[], now: Date): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, exportedAt: now.toISOString(), backups }, null, 2)}\n`;
}

/** An import: every readable record, and every record skipped with its problem. */
export type ParsedImport =
  | { readonly ok: true; readonly progress: ProgressMap; readonly skipped: readonly SkippedRecord[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses an exported file, or a backup file. A file that is not progress at all is refused with a reason;
 * otherwise every readable record is imported and every bad one is skipped and reported.
 */
export function parseProgressExport(text: string, now: Date = new Date()): ParsedImport {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, reason: `the file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB, far more than any progress export` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the file is not valid JSON (${errorMessage(error)})` };
  }
  if (isRecord(json) && json.format === BACKUP_FORMAT) {
    return parseBackups(readBackupList(json.backups), now);
  }
  if (isLegacyBackup(json)) {
    return parseBackups(readBackupList([json]), now);
  }
  if (!isRecord(json) || json.format !== EXPORT_FORMAT) {
    return { ok: false, reason: `the file is not a Backend Roadmap progress export (it needs "format": "${EXPORT_FORMAT}")` };
  }
  const read = readSnapshot(json, now);
  return read.ok ? { ok: true, progress: read.progress, skipped: read.skipped } : { ok: false, reason: read.reason.replace('the saved progress', 'the file') };
}

/** What "Export the Backup" wrote before backups became a list: `{ savedAt, reason, data }`. */
function isLegacyBackup(json: unknown): boolean {
  return isRecord(json) && json.format === undefined && typeof json.savedAt === 'string' && typeof json.reason === 'string' && Object.hasOwn(json, 'data');
}

/** Every readable record of every backup, the newest record winning when several hold the same skill. */
function parseBackups(backups: readonly ProgressBackup[], now: Date): ParsedImport {
  let progress: ProgressMap = {};
  const skipped: SkippedRecord[] = [];
  const refusals: string[] = [];
  for (const [index, backup] of backups.entries()) {
    const read = readSnapshot(backup.data, now);
    if (!read.ok) {
      refusals.push(`backup ${index + 1}: ${read.reason.replace('the saved progress', 'it')}`);
      continue;
    }
    skipped.push(...read.skipped);
    progress = mergeProgress(progress, read.progress, () => true).progress;
  }
  if (refusals.length === backups.length) {
    const why = refusals.length === 0 ? 'it holds no backup' : refusals.slice(0, 3).join('; ');
    return { ok: false, reason: `the backup file holds no readable progress (${why})` };
  }
  return { ok: true, progress, skipped };
}

export interface MergeSummary {
  readonly progress: ProgressMap;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Ids in the file that the current roadmap does not have: kept, in case a later roadmap brings them back. */
  readonly unknownSkills: readonly string[];
  /** Ids not added because progress already holds the most skills it may. */
  readonly notAdded: readonly string[];
}

/**
 * Merges imported progress into the current one: per skill, the record changed most recently wins (the
 * current one on a tie or when the imported one has no time), and the evidence of both is kept.
 */
export function mergeProgress(current: ProgressMap, imported: ProgressMap, knownSkill: (id: string) => boolean): MergeSummary {
  const merged: Record<string, SkillProgress> = { ...current };
  let size = Object.keys(merged).length;
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const unknownSkills: string[] = [];
  const notAdded: string[] = [];
  for (const [id, incoming] of Object.entries(imported)) {
    if (!knownSkill(id)) {
      unknownSkills.push(id);
    }
    const existing = ownRecord(current, id);
    if (!existing) {
      if (size >= PROGRESS_LIMITS.skills) {
        notAdded.push(id);
        continue;
      }
      defineRecord(merged, id, incoming);
      size++;
      added++;
      continue;
    }
    const result = mergeRecord(existing, incoming);
    if (result === existing) {
      unchanged++;
    } else {
      defineRecord(merged, id, result);
      updated++;
    }
  }
  return { progress: merged, added, updated, unchanged, unknownSkills, notAdded };
}

/** The sentence an import ends with when records were skipped or not added: what, why, and what to do. */
export function describeImportLosses(skipped: readonly SkippedRecord[], notAdded: readonly string[]): string {
  const parts: string[] = [];
  if (skipped.length > 0) {
    parts.push(`${plural(skipped.length, 'record')} could not be read and ${agree(skipped.length, 'was', 'were')} skipped: ${describeSkipped(skipped)}. Fix them in the file and import it again (records already imported are merged, not duplicated).`);
  }
  if (notAdded.length > 0) {
    parts.push(`${plural(notAdded.length, 'skill')} ${agree(notAdded.length, 'was', 'were')} not added because progress holds at most ${formatNumber(PROGRESS_LIMITS.skills)} skills (first: ${describeValue(notAdded[0])}).`);
  }
  return parts.join(' ');
}
