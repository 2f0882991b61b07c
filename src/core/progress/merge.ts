import type { Evidence, ProgressMap, SkillProgress } from './model';
import { defineRecord, ownRecord } from './ownMap';
import { MAX_EVIDENCE_PER_SKILL, sameEvidence } from './rules';

/**
 * Merging two copies of progress, record by record: for an import, and for two windows or two machines
 * writing the same synced key. Total: it never throws, whatever the (already validated) records hold.
 */

/** The time of a record; a missing or unreadable time is older than any real one. */
export function timeOf(at: string): number {
  const time = at === '' ? Number.NaN : Date.parse(at);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The newer of two records, with the evidence of both (the winner's first). `preferred` wins ties,
 * including two records without a time: a record of unknown age never replaces one we have.
 */
export function mergeRecord(preferred: SkillProgress, other: SkillProgress): SkillProgress {
  const winner = timeOf(other.at) > timeOf(preferred.at) ? other : preferred;
  const loser = winner === preferred ? other : preferred;
  const evidence = unionEvidence(winner.evidence, loser.evidence);
  return evidence.length === winner.evidence.length ? winner : { ...winner, evidence };
}

/** `first`, then the items of `second` it lacks, up to the cap. */
export function unionEvidence(first: readonly Evidence[], second: readonly Evidence[]): readonly Evidence[] {
  const result = [...first];
  for (const item of second) {
    if (!result.some((known) => sameEvidence(known, item))) {
      result.push(item);
    }
  }
  return result.length > MAX_EVIDENCE_PER_SKILL ? result.slice(0, MAX_EVIDENCE_PER_SKILL) : result;
}

/**
 * Combines this window's progress with what is stored (written by another window, or synced from another
 * machine). Skills this window changed and has not written yet keep this window's record (with the
 * evidence of both); every other skill takes the newer record, the stored one on a tie.
 */
export function combineWithStored(local: ProgressMap, stored: ProgressMap, changedHere: ReadonlySet<string>): ProgressMap {
  const result: Record<string, SkillProgress> = {};
  for (const [id, storedRecord] of Object.entries(stored)) {
    const localRecord = ownRecord(local, id);
    if (localRecord === undefined) {
      defineRecord(result, id, storedRecord);
    } else if (changedHere.has(id)) {
      const evidence = unionEvidence(localRecord.evidence, storedRecord.evidence);
      defineRecord(result, id, evidence.length === localRecord.evidence.length ? localRecord : { ...localRecord, evidence });
    } else {
      defineRecord(result, id, mergeRecord(storedRecord, localRecord));
    }
  }
  for (const [id, localRecord] of Object.entries(local)) {
    if (!Object.hasOwn(stored, id)) {
      defineRecord(result, id, localRecord);
    }
  }
  return result;
}

/** A key for comparing records regardless of the order of their fields. */
export function recordKey(record: SkillProgress | undefined): string {
  return record === undefined ? '' : JSON.stringify(record, (_key, value: unknown) => (isPlainObject(value) ? sortedCopy(value) : value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedCopy(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(copy, key, { value: value[key], enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The ids whose record differs between two maps (added, removed or changed). */
export function changedSkillIds(before: ProgressMap, after: ProgressMap): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => {
    const a = ownRecord(before, id);
    const b = ownRecord(after, id);
    // The plain JSON comparison is the fast path; the sorted one tells apart only field order.
    return a !== b && JSON.stringify(a) !== JSON.stringify(b) && recordKey(a) !== recordKey(b);
  });
}
