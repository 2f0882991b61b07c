import type { Plan } from './pace';
import { MEASURED_WINDOW_DAYS } from './pace';
import { describePath } from './path';
import type { LearningPath } from './path';

function hours(count: number): string {
  return `${count} hour${count === 1 ? '' : 's'}`;
}

/**
 * The plan in sentences, for the CLI, the status bar tooltip and the dashboard: hours left, then the finish
 * at the stated pace, then at the measured pace or why there is no date at it.
 */
export function planSentences(plan: Plan, path: LearningPath): readonly string[] {
  const name = describePath(path);
  const lines = [`${name.charAt(0).toUpperCase()}${name.slice(1)}: ${hours(plan.hoursLeft)} left.`];
  if (plan.hoursLeft === 0) {
    lines.push('Everything on it is done or skipped.');
    return lines;
  }
  lines.push(`At ${hours(plan.hoursPerWeek)} a week: ${plan.weeksLeft} weeks, done by ${plan.finishDate}.`);
  lines.push(
    plan.measured.ok
      ? `At your measured pace (${hours(plan.measured.hoursPerWeek)} a week, from the skills you finished in the last ${MEASURED_WINDOW_DAYS} days): ${plan.measured.weeksLeft} weeks, done by ${plan.measured.finishDate}.`
      : `No date at your own pace yet: ${plan.measured.reason}. Finish a skill and it will show.`,
  );
  return lines;
}
