import type { ProgressMap } from '../progress/model';
import { isFinished, progressOf } from '../progress/rules';
import type { Roadmap, Skill } from '../roadmap/model';
import { addDays, dayOf, dayOfIso, daysBetween } from './days';
import { isOnPath } from './path';
import type { LearningPath } from './path';

/**
 * How long the rest of a path takes: at the pace the learner states (hours a week), and at the pace they
 * actually keep (hours of skills finished in the last four weeks). Hours come from the skills'
 * `estimatedHours`; a stage's weeks are derived from them, never stated separately.
 */

/** The window the measured pace looks back over. */
export const MEASURED_WINDOW_DAYS = 28;
const MEASURED_WINDOW_WEEKS = MEASURED_WINDOW_DAYS / 7;

export const NO_RECENT_FINISH = `no skill finished in the last ${MEASURED_WINDOW_DAYS} days`;

export interface StagePlan {
  readonly stageId: string;
  /** Hours of the stage's skills on the path, skipped ones left out. */
  readonly hours: number;
  readonly hoursLeft: number;
  /** `hours` at the stated pace: the stage's length, derived. */
  readonly weeks: number;
  readonly weeksLeft: number;
}

/** The finish at the measured pace, or why there is none. */
export type MeasuredPace =
  | { readonly ok: true; readonly hoursPerWeek: number; readonly weeksLeft: number; readonly finishDate: string }
  | { readonly ok: false; readonly reason: string };

export interface Plan {
  readonly hoursLeft: number;
  readonly hoursPerWeek: number;
  readonly weeksLeft: number;
  /** `YYYY-MM-DD`; today when nothing is left. */
  readonly finishDate: string;
  readonly measured: MeasuredPace;
  /** Stages that have skills on the path, in roadmap order. */
  readonly stages: readonly StagePlan[];
}

/** Hours rounded to a tenth: estimates are sums of small numbers, and float noise must not show. */
function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Hours still to put in on these skills. Done and skipped skills count nothing; a skill in progress counts
 * fully, because progress records no share of a skill done and an optimistic plan is worse than a cautious one.
 */
export function hoursLeft(skills: readonly Skill[], progress: ProgressMap): number {
  return tenths(skills.reduce((sum, skill) => (isFinished(progressOf(progress, skill.id).state) ? sum : sum + skill.estimatedHours), 0));
}

/** Hours of the skills that count (skipped ones do not). */
function hoursToLearn(skills: readonly Skill[], progress: ProgressMap): number {
  return tenths(skills.reduce((sum, skill) => (progressOf(progress, skill.id).state === 'skipped' ? sum : sum + skill.estimatedHours), 0));
}

export function weeksAt(hours: number, hoursPerWeek: number): number {
  return tenths(hours / hoursPerWeek);
}

/** The day the hours are done at the pace, counting from today; whole days, rounded up. */
export function finishDateAt(hours: number, hoursPerWeek: number, today: string): string {
  return addDays(today, Math.ceil((hours / hoursPerWeek) * 7));
}

/**
 * Hours of the roadmap's skills finished as done in the last MEASURED_WINDOW_DAYS days (today included), by
 * the time of their last change of state. Skills off the path count too: it is the learner's pace.
 */
export function recentlyFinishedHours(roadmap: Roadmap, progress: ProgressMap, today: string, utcOffsetMinutes = 0): number {
  let hours = 0;
  for (const skill of roadmap.skills) {
    const record = progressOf(progress, skill.id);
    const day = record.state === 'done' ? dayOfIso(record.at, utcOffsetMinutes) : undefined;
    const age = day === undefined ? -1 : daysBetween(day, today);
    if (age >= 0 && age < MEASURED_WINDOW_DAYS) {
      hours += skill.estimatedHours;
    }
  }
  return tenths(hours);
}

/** The pace kept over the last four weeks, and the finish date at it; never a date when nothing was finished. */
export function measuredPace(roadmap: Roadmap, progress: ProgressMap, left: number, today: string, utcOffsetMinutes = 0): MeasuredPace {
  const finished = recentlyFinishedHours(roadmap, progress, today, utcOffsetMinutes);
  if (finished <= 0) {
    return { ok: false, reason: NO_RECENT_FINISH };
  }
  const hoursPerWeek = finished / MEASURED_WINDOW_WEEKS;
  return { ok: true, hoursPerWeek: tenths(hoursPerWeek), weeksLeft: weeksAt(left, hoursPerWeek), finishDate: finishDateAt(left, hoursPerWeek, today) };
}

/**
 * The plan for a path at `hoursPerWeek` (more than 0), seen from `today`. `utcOffsetMinutes` places times
 * in the learner's days (see days.ts).
 */
export function planPath(roadmap: Roadmap, progress: ProgressMap, path: LearningPath, hoursPerWeek: number, today: Date, utcOffsetMinutes = 0): Plan {
  if (!(hoursPerWeek > 0) || !Number.isFinite(hoursPerWeek)) {
    throw new RangeError(`hours per week must be a number above 0 (got ${hoursPerWeek})`);
  }
  const day = dayOf(today, utcOffsetMinutes);
  const stages: StagePlan[] = [];
  for (const stage of roadmap.stages) {
    const skills = stage.skills.filter((skill) => isOnPath(skill, path));
    if (skills.length === 0) {
      continue;
    }
    const hours = hoursToLearn(skills, progress);
    const left = hoursLeft(skills, progress);
    stages.push({ stageId: stage.id, hours, hoursLeft: left, weeks: weeksAt(hours, hoursPerWeek), weeksLeft: weeksAt(left, hoursPerWeek) });
  }
  const left = tenths(stages.reduce((sum, stage) => sum + stage.hoursLeft, 0));
  return {
    hoursLeft: left,
    hoursPerWeek,
    weeksLeft: weeksAt(left, hoursPerWeek),
    finishDate: finishDateAt(left, hoursPerWeek, day),
    measured: measuredPace(roadmap, progress, left, day, utcOffsetMinutes),
    stages,
  };
}
