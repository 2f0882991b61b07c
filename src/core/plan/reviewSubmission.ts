import type { ProgressMap } from '../progress/model';
import { progressOf } from '../progress/rules';
import { plural } from '../text/plural';
import { dayOf, daysBetween } from './days';
import { reviewSchedule } from './review';

/**
 * What submitting a self-check records. While the skill's review is due, the submission is that review
 * (passed or failed), recorded with `recordReview` and not also as a new pass, which would count twice
 * (review.ts). Otherwise a pass is recorded as a pass (which counts as a review passed) and a fail as nothing.
 */
export type QuizRecording = { readonly kind: 'review'; readonly passed: boolean } | { readonly kind: 'pass' } | { readonly kind: 'nothing' };

/** Whether the skill's self-check is due for review on the learner's day of `now`. */
export function isReviewDue(progress: ProgressMap, skillId: string, now: Date, utcOffsetMinutes = 0): boolean {
  const schedule = reviewSchedule(skillId, progressOf(progress, skillId), utcOffsetMinutes);
  return schedule !== undefined && daysBetween(schedule.dueDay, dayOf(now, utcOffsetMinutes)) >= 0;
}

/** `reviewsEnabled` false: no submission is a review (the setting turns reviews off). */
export function quizRecording(progress: ProgressMap, skillId: string, passed: boolean, now: Date, utcOffsetMinutes: number, reviewsEnabled: boolean): QuizRecording {
  if (reviewsEnabled && isReviewDue(progress, skillId, now, utcOffsetMinutes)) {
    return { kind: 'review', passed };
  }
  return passed ? { kind: 'pass' } : { kind: 'nothing' };
}

/**
 * The self-check's result message after a review (already recorded in `progress`): the tally, the outcome
 * and when the next review is due.
 */
export function reviewResultMessage(progress: ProgressMap, skillId: string, grade: { readonly passed: boolean; readonly correctCount: number; readonly total: number }, utcOffsetMinutes = 0): string {
  const schedule = reviewSchedule(skillId, progressOf(progress, skillId), utcOffsetMinutes);
  const when = schedule === undefined ? '' : ` on ${schedule.dueDay} (in ${plural(schedule.intervalDays, 'day')})`;
  const tally = `${grade.correctCount} of ${grade.total} right`;
  return grade.passed
    ? `Review passed: ${tally}. The next review is due${when}.`
    : `Review not passed: ${tally}. Read the explanations below; the review comes back sooner${when}.`;
}
