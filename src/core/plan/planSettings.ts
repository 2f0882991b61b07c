import { HOURS_PER_WEEK_MAX, HOURS_PER_WEEK_MIN } from '../view/choosePath';
import { isPathScope, isStack } from './path';
import type { LearningPath } from './path';

/**
 * The learner's path and pace as the settings hold them. Settings can be edited by hand (settings.json,
 * Settings Sync from another version), so anything unreadable falls back to what a new learner gets.
 */

/** Hours a week when the setting is unreadable: package.json's default. */
export const DEFAULT_HOURS_PER_WEEK = 6;

/** `plan.stack` ('' for none) and `plan.path` ('core' | 'all') as a path; an unknown stack reads as none, an unknown scope as core. */
export function pathFromSettings(stack: unknown, scope: unknown): LearningPath {
  return { ...(isStack(stack) ? { stack } : {}), scope: isPathScope(scope) ? scope : 'core' };
}

/** `plan.hoursPerWeek` within the bounds the plan accepts (above 0), so a hand-edited 0 never breaks the plan. */
export function hoursFromSetting(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return DEFAULT_HOURS_PER_WEEK;
  }
  return Math.min(Math.max(value, HOURS_PER_WEEK_MIN), HOURS_PER_WEEK_MAX);
}
