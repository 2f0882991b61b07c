import type { Evidence, ProgressMap, ReviewResult, SkillProgress } from './model';
import { defineRecord, ownRecord } from './ownMap';
import { MAX_EVIDENCE_PER_SKILL, MAX_REVIEWS_PER_SKILL, sameEvidence } from './rules';

/**
 * Merging two copies of progress, record by record: for an import, and for two windows or two machines
 * writing the same synced key. Total: it never throws, whatever the (already validated) records hold.
 */

/** The time of a record; a missing or unreadable time is older than any real one. */
export function timeOf(at: string): number {
  const time = at === '' ? Number.NaN : Date.parse(at);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** Orders two record times, unknown ones first (a plain subtraction of two unknowns is NaN). */
export function compareTimes(a: string, b: string): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/**
 * The newer of two records, with the evidence and the reviews of both (the winner's first). `preferred`
 * wins ties, including two records without a time: a record of unknown age never replaces one we have.
 */
export function mergeRecord(preferred: SkillProgress, other: SkillProgress): SkillProgress {
  const winner = timeOf(other.at) > timeOf(preferred.at) ? other : preferred;
  const loser = winner === preferred ? other : preferred;
  return withUnion(winner, loser);
}

/** `first` with the evidence and reviews of `second` it lacks; `first` itself when it lacks none. */
function withUnion(first: SkillProgress, second: SkillProgress): SkillProgress {
  const evidence = unionEvidence(first.evidence, second.evidence);
  const reviews = unionReviews(first.reviews, second.reviews);
  if (evidence.length === first.evidence.length && reviews === first.reviews) {
    return first;
  }
  return { ...first, evidence, ...(reviews === undefined ? {} : { reviews }) };
}

/**
 * The reviews of both lists, each once, oldest first, the newest MAX_REVIEWS_PER_SKILL kept; `first` itself
 * when `second` adds nothing (so an unchanged record stays the same object).
 */
export function unionReviews(first: readonly ReviewResult[] | undefined, second: readonly ReviewResult[] | undefined): readonly ReviewResult[] | undefined {
  const added = (second ?? []).filter((item) => !(first ?? []).some((known) => known.at === item.at && known.passed === item.passed));
  if (added.length === 0) {
    return first;
  }
  const all = [...(first ?? []), ...added].sort((a, b) => compareTimes(a.at, b.at));
  return all.length > MAX_REVIEWS_PER_SKILL ? all.slice(all.length - MAX_REVIEWS_PER_SKILL) : all;
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
      defineRecord(result, id, withUnion(localRecord, storedRecord));
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
