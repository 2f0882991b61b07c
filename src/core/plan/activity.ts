import type { ProgressMap } from '../progress/model';
import { addDays, dayOf, dayOfIso, daysBetween, weekdayOf } from './days';

/**
 * The learner's activity by day, from the times progress keeps: changes of state, evidence seen and
 * reviews taken. Several of them at the same moment on one skill (a detector marking a skill done with its
 * evidence) are one action.
 */

export const HEATMAP_WEEKS = 52;

export interface ActivityDay {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly count: number;
  /** 0 (none) to 4 (busiest), relative to the busiest day shown: the shade of the cell. */
  readonly level: number;
  /** Days after today in the last week: drawn empty, not "no activity". */
  readonly future: boolean;
}

export interface ActivityHeatmap {
  /** HEATMAP_WEEKS weeks, oldest first, each Monday to Sunday; the last holds today. */
  readonly weeks: readonly (readonly ActivityDay[])[];
  /** Actions in the weeks shown. */
  readonly total: number;
  readonly activeDays: number;
  readonly busiest?: { readonly day: string; readonly count: number };
  /** Consecutive days with activity, ending today, or yesterday when nothing was done yet today. */
  readonly streak: number;
  /** The heatmap in words, for screen readers. */
  readonly summary: string;
}

/** Actions per day, over all the history progress keeps. */
export function activityByDay(progress: ProgressMap, utcOffsetMinutes = 0): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const record of Object.values(progress)) {
    const moments = new Set<string>();
    if (record.state !== 'notStarted') {
      moments.add(record.at);
    }
    for (const item of record.evidence) {
      moments.add(item.at);
    }
    for (const review of record.reviews ?? []) {
      moments.add(review.at);
    }
    for (const at of moments) {
      const day = dayOfIso(at, utcOffsetMinutes);
      if (day !== undefined) {
        counts.set(day, (counts.get(day) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Days in a row with activity, ending today, or ending yesterday when today has none yet. */
export function currentStreak(byDay: ReadonlyMap<string, number>, today: string): number {
  let day = (byDay.get(today) ?? 0) > 0 ? today : addDays(today, -1);
  let streak = 0;
  while ((byDay.get(day) ?? 0) > 0) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

/** Shade 1 to 4 in quarters of the busiest day; 0 for none. */
function levelOf(count: number, max: number): number {
  return count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count * 4) / max));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function activityHeatmap(progress: ProgressMap, today: Date, utcOffsetMinutes = 0): ActivityHeatmap {
  const byDay = activityByDay(progress, utcOffsetMinutes);
  const day = dayOf(today, utcOffsetMinutes);
  const lastMonday = addDays(day, -weekdayOf(day));
  const first = addDays(lastMonday, -7 * (HEATMAP_WEEKS - 1));
  const shown: { day: string; count: number; future: boolean }[] = [];
  for (let offset = 0; offset < HEATMAP_WEEKS * 7; offset++) {
    const current = addDays(first, offset);
    const future = daysBetween(day, current) > 0;
    shown.push({ day: current, count: future ? 0 : (byDay.get(current) ?? 0), future });
  }
  let busiest: { day: string; count: number } | undefined;
  for (const cell of shown) {
    if (cell.count > (busiest?.count ?? 0)) {
      busiest = { day: cell.day, count: cell.count };
    }
  }
  const max = busiest?.count ?? 0;
  const cells: ActivityDay[] = shown.map((cell) => ({ ...cell, level: levelOf(cell.count, max) }));
  const weeks = Array.from({ length: HEATMAP_WEEKS }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const activeDays = cells.filter((cell) => cell.count > 0).length;
  const streak = currentStreak(byDay, day);
  return { weeks, total, activeDays, ...(busiest ? { busiest } : {}), streak, summary: activitySummary(total, activeDays, busiest, streak) };
}

/** "12 actions on 5 days in the last 52 weeks; busiest day 2024-05-03 (4 actions). Current streak: 2 days." */
export function activitySummary(total: number, activeDays: number, busiest: { readonly day: string; readonly count: number } | undefined, streak: number): string {
  if (total === 0) {
    return `No activity in the last ${HEATMAP_WEEKS} weeks.`;
  }
  const busy = busiest === undefined ? '' : `; busiest day ${busiest.day} (${plural(busiest.count, 'action')})`;
  const run = streak === 0 ? 'No current streak.' : `Current streak: ${plural(streak, 'day')}.`;
  return `${plural(total, 'action')} on ${plural(activeDays, 'day')} in the last ${HEATMAP_WEEKS} weeks${busy}. ${run}`;
}
