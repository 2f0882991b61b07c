import { STACK_LABELS, STACKS } from '../roadmap/model';
import type { Stack } from '../roadmap/model';

/** The names a learner recognises, for the stack picker and messages. */
/** Re-exported: the names live beside STACKS (src/core/roadmap/model.ts). */
export { STACK_LABELS } from '../roadmap/model';

export function stackChoices(): readonly { readonly stack: Stack; readonly label: string }[] {
  return STACKS.map((stack) => ({ stack, label: STACK_LABELS[stack] }));
}

export const HOURS_PER_WEEK_MIN = 1;
export const HOURS_PER_WEEK_MAX = 80;

/** Hours a week as typed in the input box: a whole or half number within bounds, or what to type instead. */
export function parseHoursPerWeek(text: string): { readonly ok: true; readonly hours: number } | { readonly ok: false; readonly problem: string } {
  const trimmed = text.trim();
  const hours = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(hours)) {
    return { ok: false, problem: `Type a number of hours, from ${HOURS_PER_WEEK_MIN} to ${HOURS_PER_WEEK_MAX}.` };
  }
  if (hours < HOURS_PER_WEEK_MIN || hours > HOURS_PER_WEEK_MAX) {
    return { ok: false, problem: `Type between ${HOURS_PER_WEEK_MIN} and ${HOURS_PER_WEEK_MAX} hours a week.` };
  }
  return { ok: true, hours: Math.round(hours * 2) / 2 };
}
