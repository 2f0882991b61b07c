import { compareTimes } from '../progress/merge';
import type { ProgressMap, ReviewResult, SkillProgress } from '../progress/model';
import { MAX_REVIEWS_PER_SKILL, NOT_STARTED } from '../progress/rules';
import { isQuizPassEvidence } from '../quiz/passRecord';
import { addDays, dayOf, dayOfIso, daysBetween } from './days';

/**
 * Spaced review of passed self-checks. A pass is due for review after 3 days; each review passed moves the
 * next one a step further (7, 21, then every 60 days); a review failed starts again at 3 days. Passing the
 * self-check outside a review counts as a review passed. Record a review with `recordReview` only, not
 * also as a new pass, or it would count twice.
 */
export const REVIEW_INTERVAL_DAYS: readonly number[] = [3, 7, 21, 60];

export interface ReviewSchedule {
  readonly skillId: string;
  /** Index into REVIEW_INTERVAL_DAYS. */
  readonly step: number;
  readonly intervalDays: number;
  /** The day of the pass or review the interval counts from. */
  readonly lastDay: string;
  /** `YYYY-MM-DD`. */
  readonly dueDay: string;
}

export interface DueReview extends ReviewSchedule {
  /** 0 when due today. */
  readonly daysOverdue: number;
}

const LAST_STEP = REVIEW_INTERVAL_DAYS.length - 1;

function intervalAt(step: number): number {
  return REVIEW_INTERVAL_DAYS[Math.min(Math.max(step, 0), LAST_STEP)] ?? 3;
}

/** Where a skill's reviews stand, or undefined when its self-check was never passed (nor reviewed). */
export function reviewSchedule(skillId: string, record: SkillProgress, utcOffsetMinutes = 0): ReviewSchedule | undefined {
  const passes: ReviewResult[] = record.evidence.filter(isQuizPassEvidence).map((item) => ({ at: item.at, passed: true }));
  const events = [...passes, ...(record.reviews ?? [])].filter((event) => dayOfIso(event.at) !== undefined).sort((a, b) => compareTimes(a.at, b.at));
  let step = -1;
  let last: ReviewResult | undefined;
  for (const event of events) {
    if (last?.at === event.at && last.passed === event.passed) {
      continue;
    }
    step = event.passed ? Math.min(step + 1, LAST_STEP) : 0;
    last = event;
  }
  const lastDay = last === undefined ? undefined : dayOfIso(last.at, utcOffsetMinutes);
  if (lastDay === undefined) {
    return undefined;
  }
  const intervalDays = intervalAt(step);
  return { skillId, step, intervalDays, lastDay, dueDay: addDays(lastDay, intervalDays) };
}

/** Every skill's schedule, for skills `reviewable` accepts (e.g. those still in the roadmap). */
export function reviewSchedules(progress: ProgressMap, utcOffsetMinutes = 0, reviewable: (skillId: string) => boolean = () => true): readonly ReviewSchedule[] {
  return Object.entries(progress).flatMap(([skillId, record]) => {
    const schedule = reviewable(skillId) ? reviewSchedule(skillId, record, utcOffsetMinutes) : undefined;
    return schedule === undefined ? [] : [schedule];
  });
}

/** The reviews due today or earlier, the longest overdue first (then by skill id, so the order is stable). */
export function dueReviews(progress: ProgressMap, today: Date, utcOffsetMinutes = 0, reviewable?: (skillId: string) => boolean): readonly DueReview[] {
  const day = dayOf(today, utcOffsetMinutes);
  return reviewSchedules(progress, utcOffsetMinutes, reviewable)
    .map((schedule) => ({ ...schedule, daysOverdue: daysBetween(schedule.dueDay, day) }))
    .filter((review) => review.daysOverdue >= 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
}

/** The review to take next: the longest overdue one, or else the soonest coming one; undefined when none is scheduled. */
export function nextReview(progress: ProgressMap, today: Date, utcOffsetMinutes = 0, reviewable?: (skillId: string) => boolean): ReviewSchedule | undefined {
  const [due] = dueReviews(progress, today, utcOffsetMinutes, reviewable);
  if (due !== undefined) {
    return due;
  }
  const coming = [...reviewSchedules(progress, utcOffsetMinutes, reviewable)].sort((a, b) => daysBetween(b.dueDay, a.dueDay) || (a.skillId < b.skillId ? -1 : 1));
  return coming[0];
}

/** Records the result of a review; the state and its time stay as they are (a review is not a change of state). */
export function recordReview(progress: ProgressMap, skillId: string, passed: boolean, now: Date): ProgressMap {
  const previous = Object.hasOwn(progress, skillId) ? progress[skillId] : undefined;
  const record = previous ?? NOT_STARTED;
  const reviews = [...(record.reviews ?? []), { at: now.toISOString(), passed }].slice(-MAX_REVIEWS_PER_SKILL);
  return { ...progress, [skillId]: { ...record, reviews } };
}
