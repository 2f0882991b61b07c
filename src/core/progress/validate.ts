import { formatNumber } from '../text/numbers';

import { SKILL_STATES } from './model';
import type { Evidence, ReviewResult, SkillProgress, SkillState } from './model';

/**
 * Runtime checks for progress read from storage or from a file: neither can be trusted to have our shape.
 * Records are checked strictly (known fields only, bounded sizes, honest times) and copied field by field,
 * so nothing unknown, huge or deeply nested ever reaches synced state or a later save.
 */

/** Bounds on what one learner's progress may hold; anything beyond is reported and skipped. */
export const PROGRESS_LIMITS = {
  skills: 2_000,
  skillIdChars: 200,
  noteChars: 10_000,
  summaryChars: 500,
  /** Any other text field (folder, path, command...). */
  textChars: 2_000,
  evidencePerSkill: 50,
  /** Spaced reviews kept per skill; more than a learner could take in years (review.ts keeps fewer). */
  reviewsPerSkill: 100,
  /** How far in the future a time may be (clocks differ between machines); later times would win every merge. */
  futureMarginMs: 24 * 60 * 60 * 1000,
} as const;

type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSkillState(value: unknown): value is SkillState {
  return typeof value === 'string' && (SKILL_STATES as readonly string[]).includes(value);
}

/** A short, safe description of any value for a message: never recurses, never prints more than a few words. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return Array.isArray(value) ? 'a list' : isRecord(value) ? 'an object' : typeof value;
}

/** A problem with one field, or undefined when it is fine. */
type FieldCheck = (value: unknown, now: Date) => string | undefined;

interface FieldRule {
  readonly required: boolean;
  readonly check: FieldCheck;
}

const text =
  (max: number): FieldCheck =>
  (value) =>
    typeof value !== 'string' ? `is not text (found ${describeValue(value)})` : value.length > max ? `is longer than ${formatNumber(max)} characters` : undefined;

const integer: FieldCheck = (value) => (Number.isSafeInteger(value) ? undefined : `is not a whole number (found ${describeValue(value)})`);

const fraction: FieldCheck = (value) => (typeof value === 'number' && value >= 0 && value <= 1 ? undefined : `is not a number from 0 to 1 (found ${describeValue(value)})`);

const booleanOrNull: FieldCheck = (value) => (value === null || typeof value === 'boolean' ? undefined : `is not true, false or null (found ${describeValue(value)})`);

const oneOf =
  (allowed: readonly string[]): FieldCheck =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? undefined : `is not one of ${allowed.join(', ')} (found ${describeValue(value)})`;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The date part names a real day: Date.parse accepts 2024-02-30 and reads it as March 1st. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return date.getUTCMonth() === (month ?? 1) - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 time no later than now plus a margin, or '' for "unknown". */
const time: FieldCheck = (value, now) => {
  if (value === '') {
    return undefined;
  }
  if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value)) || !isCalendarDate(value)) {
    return `is not an ISO 8601 time (found ${describeValue(value)})`;
  }
  return Date.parse(value) > now.getTime() + PROGRESS_LIMITS.futureMarginMs ? `is in the future (${value})` : undefined;
};

const required = (check: FieldCheck): FieldRule => ({ required: true, check });
const optional = (check: FieldCheck): FieldRule => ({ required: false, check });
const optionalText = optional(text(PROGRESS_LIMITS.textChars));

/** Every field a piece of evidence may carry, with its check: the one place to declare a new field. */
const EVIDENCE_FIELDS: ReadonlyMap<string, FieldRule> = new Map([
  ['milestone', required(text(PROGRESS_LIMITS.skillIdChars))],
  ['summary', required(text(PROGRESS_LIMITS.summaryChars))],
  ['at', required(time)],
  ['folder', optionalText],
  ['path', optionalText],
  ['commit', optionalText],
  ['command', optionalText],
  ['project', optionalText],
  ['kind', optionalText],
  ['line', optional(integer)],
  ['exitCode', optional(integer)],
  ['yours', optional(booleanOrNull)],
  ['score', optional(fraction)],
]);

/** Every field of a skill's record except its evidence list, which is checked item by item. */
const RECORD_FIELDS: ReadonlyMap<string, FieldRule> = new Map([
  ['state', required(oneOf(SKILL_STATES))],
  ['setBy', required(oneOf(['learner', 'detector']))],
  ['at', required(time)],
  ['note', optional(text(PROGRESS_LIMITS.noteChars))],
]);

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** Checks an object against its field rules and copies the known fields; `extra` names fields checked by the caller. */
function readFields(value: unknown, rules: ReadonlyMap<string, FieldRule>, extra: readonly string[], now: Date): Checked<UnknownRecord> {
  if (!isRecord(value)) {
    return { ok: false, problem: `is not an object (found ${describeValue(value)})` };
  }
  for (const key of Object.keys(value)) {
    if (!rules.has(key) && !extra.includes(key)) {
      return { ok: false, problem: `has an unknown field ${describeValue(key)}` };
    }
  }
  const copy: UnknownRecord = {};
  for (const [key, rule] of rules) {
    const field = Object.hasOwn(value, key) ? value[key] : undefined;
    if (field === undefined) {
      if (rule.required) {
        return { ok: false, problem: `has no "${key}"` };
      }
      continue;
    }
    const problem = rule.check(field, now);
    if (problem !== undefined) {
      return { ok: false, problem: `has ${/^[aeiou]/i.test(key) ? 'an' : 'a'} "${key}" that ${problem}` };
    }
    copy[key] = field;
  }
  return { ok: true, value: copy };
}

export function readEvidence(value: unknown, now: Date): Checked<Evidence> {
  const read = readFields(value, EVIDENCE_FIELDS, [], now);
  return read.ok ? { ok: true, value: read.value as unknown as Evidence } : read;
}

const REVIEW_FIELDS: ReadonlyMap<string, FieldRule> = new Map([
  ['at', required(time)],
  ['passed', required((value) => (typeof value === 'boolean' ? undefined : `is not true or false (found ${describeValue(value)})`))],
]);

/** Reads a record's optional `reviews` list: undefined when absent, fresh copies, or the first problem. */
function readReviews(list: unknown, now: Date): Checked<readonly ReviewResult[] | undefined> {
  if (list === undefined) {
    return { ok: true, value: undefined };
  }
  if (!Array.isArray(list)) {
    return { ok: false, problem: `has a "reviews" that is not a list (found ${describeValue(list)})` };
  }
  if (list.length > PROGRESS_LIMITS.reviewsPerSkill) {
    return { ok: false, problem: `has more than ${PROGRESS_LIMITS.reviewsPerSkill} reviews (${list.length})` };
  }
  const reviews: ReviewResult[] = [];
  for (const [index, item] of list.entries()) {
    const checked = readFields(item, REVIEW_FIELDS, [], now);
    if (!checked.ok) {
      return { ok: false, problem: `has an invalid review (item ${index + 1} ${checked.problem})` };
    }
    reviews.push(checked.value as unknown as ReviewResult);
  }
  return { ok: true, value: reviews };
}

/** Reads one skill's record: a fresh copy holding known fields only, or the first problem found. */
export function readSkillProgress(value: unknown, now: Date): Checked<SkillProgress> {
  const read = readFields(value, RECORD_FIELDS, ['evidence', 'reviews'], now);
  if (!read.ok) {
    return read;
  }
  const list = isRecord(value) ? value.evidence : undefined;
  if (!Array.isArray(list)) {
    return { ok: false, problem: `has an "evidence" that is not a list (found ${describeValue(list)})` };
  }
  if (list.length > PROGRESS_LIMITS.evidencePerSkill) {
    return { ok: false, problem: `has more than ${PROGRESS_LIMITS.evidencePerSkill} pieces of evidence (${list.length})` };
  }
  const evidence: Evidence[] = [];
  for (const [index, item] of list.entries()) {
    const checked = readEvidence(item, now);
    if (!checked.ok) {
      return { ok: false, problem: `has invalid evidence (item ${index + 1} ${checked.problem})` };
    }
    evidence.push(checked.value);
  }
  const reviews = readReviews(isRecord(value) && Object.hasOwn(value, 'reviews') ? value.reviews : undefined, now);
  if (!reviews.ok) {
    return reviews;
  }
  return { ok: true, value: { ...read.value, evidence, ...(reviews.value === undefined ? {} : { reviews: reviews.value }) } as unknown as SkillProgress };
}

/** Why a skill id cannot be used, or undefined when it can. */
export function skillIdProblem(id: string): string | undefined {
  if (id === '') {
    return 'has an empty id';
  }
  return id.length > PROGRESS_LIMITS.skillIdChars ? `has an id longer than ${PROGRESS_LIMITS.skillIdChars} characters` : undefined;
}
