import { formatNumber } from '../text/numbers';

import { activityHeatmap } from '../plan/activity';
import { dayOfIso } from '../plan/days';
import type { Plan } from '../plan/pace';
import type { LearningPath } from '../plan/path';
import { planSentences } from '../plan/planText';
import type { DueReview } from '../plan/review';
import type { NextSkill } from '../plan/whatNext';
import { STATE_LABELS } from '../progress/model';
import type { ProgressMap, SkillState } from '../progress/model';
import { retiredSkills } from '../progress/retired';
import { progressOf } from '../progress/rules';
import { percent, roadmapCounts, stageCounts, stageState } from '../progress/stats';
import { currentSkillId } from '../roadmap/formerIds';
import type { Roadmap } from '../roadmap/model';
import { plural } from '../text/plural';
import { STACK_LABELS } from './choosePath';

/**
 * The dashboard as the details page draws it: progress per stage (the tree's rule), the plan for the
 * learner's path, a year of activity, what to do next, reviews due and retired progress. Every text is
 * plain text: the page puts it in with textContent, so a hostile title stays a title.
 */

/** How many "what next" suggestions the dashboard lists. */
export const DASHBOARD_NEXT_LIMIT = 5;

/** Days with activity spelled out in the heatmap's text alternative, latest first. */
export const ACTIVE_DAYS_LISTED = 30;

export interface DashboardStageView {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  /** From stageState, over the whole stage as the tree counts it: the page and the tree never disagree. */
  readonly state: SkillState;
  readonly stateLabel: string;
  readonly firstSkillId: string | undefined;
  /** Hours left on the learner's path in this stage; absent when none of its skills is on the path. */
  readonly hoursLeft?: number;
  /** "12 h left · 1.2 weeks", "nothing left on your path", "not on your path". */
  readonly planLabel: string;
}

export interface DashboardPlanView {
  /** "Python · core path · 10 h/week". */
  readonly pathLabel: string;
  readonly hoursLeft: number;
  /** "320 h left". */
  readonly hoursLeftLabel: string;
  /** "At 10 h a week: 32 weeks, done by 2027-03-01", or that nothing is left. */
  readonly stated: string;
  /** The finish at the measured pace, or why there is no date at it. */
  readonly measured: string;
  readonly measuredOk: boolean;
  /** The plan in sentences, the same as the CLI and the status bar tooltip. */
  readonly sentences: readonly string[];
}

export interface HeatmapCellView {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly count: number;
  /** 0 (none) to 4 (busiest). */
  readonly level: number;
  /** A day after today in the current week: drawn empty, not as "no activity". */
  readonly future: boolean;
  /** "3 actions on 2026-11-02"; empty for a future day. */
  readonly label: string;
}

export interface DashboardActivityView {
  /** 52 weeks, oldest first, each Monday to Sunday. */
  readonly weeks: readonly (readonly HeatmapCellView[])[];
  /** Month names over the week columns where a month begins. */
  readonly months: readonly { readonly week: number; readonly label: string }[];
  readonly streak: number;
  /** "Current streak: 3 days", "No current streak: do something today to start one." */
  readonly streakLabel: string;
  /** The heatmap in a sentence (its accessible name). */
  readonly summary: string;
  /** The heatmap's text alternative: the days with activity, latest first, with a count each. */
  readonly activeDaysText: string;
}

export interface DashboardNextView {
  readonly id: string;
  readonly title: string;
  readonly state: SkillState;
  readonly stageTitle: string;
  /** "in progress", "2 of 3 milestones found in your workspace", "next on your path". */
  readonly reason: string;
}

export interface DashboardReviewsView {
  readonly count: number;
  /** Longest overdue first; `due` reads "due today" or "3 days overdue". */
  readonly items: readonly { readonly id: string; readonly title: string; readonly state: SkillState; readonly due: string }[];
}

export interface RetiredSkillView {
  readonly id: string;
  readonly state: SkillState;
  readonly stateLabel: string;
  /** `YYYY-MM-DD` of its last change of state, or "unknown". */
  readonly when: string;
}

export interface DashboardView {
  readonly kind: 'dashboard';
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  /** "12 of 165 skills done (7%)". */
  readonly overallLabel: string;
  readonly stages: readonly DashboardStageView[];
  readonly plan: DashboardPlanView;
  readonly activity: DashboardActivityView;
  readonly next: readonly DashboardNextView[];
  /** Why the list is empty, when it is. */
  readonly nextEmpty: string;
  /** Absent when reviews are off. */
  readonly reviews?: DashboardReviewsView;
  /** Records whose skill this roadmap does not have; empty hides the section. */
  readonly retired: readonly RetiredSkillView[];
}

export interface DashboardInput {
  readonly roadmap: Roadmap;
  readonly progress: ProgressMap;
  readonly path: LearningPath;
  /** The plan for `path` (pace.ts planPath). */
  readonly plan: Plan;
  /** "What next", best first (whatNext.ts); the first DASHBOARD_NEXT_LIMIT are shown. */
  readonly next: readonly NextSkill[];
  /** Reviews due (review.ts dueReviews); undefined when reviews are off. */
  readonly due: readonly DueReview[] | undefined;
  readonly today: Date;
  /** Minutes east of UTC: the learner's days (days.ts). */
  readonly utcOffsetMinutes: number;
  /** Roadmaps whose skills are not retired although `roadmap` lacks them (the shipped one, under a custom one). */
  readonly alsoKnown?: readonly Roadmap[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const hours = (count: number): string => `${formatNumber(count)} h`;

/** "Python · core path · 10 h/week". */
export function pathLabel(path: LearningPath, hoursPerWeek: number): string {
  const stack = path.stack === undefined ? 'No stack chosen' : STACK_LABELS[path.stack];
  const scope = path.scope === 'core' ? 'core path' : path.stack === undefined ? 'whole roadmap' : 'all skills';
  return `${stack} · ${scope} · ${hours(hoursPerWeek)}/week`;
}

function planView(plan: Plan, path: LearningPath): DashboardPlanView {
  const nothingLeft = plan.hoursLeft === 0;
  const measured = plan.measured;
  return {
    pathLabel: pathLabel(path, plan.hoursPerWeek),
    hoursLeft: plan.hoursLeft,
    hoursLeftLabel: `${hours(plan.hoursLeft)} left`,
    stated: nothingLeft
      ? 'Everything on your path is done or skipped: choose a wider path to keep going.'
      : `At ${hours(plan.hoursPerWeek)} a week: ${plural(plan.weeksLeft, 'week')}, done by ${plan.finishDate}.`,
    measured: nothingLeft
      ? 'Nothing left to measure against.'
      : measured.ok
        ? `At your measured pace (${hours(measured.hoursPerWeek)} a week): ${plural(measured.weeksLeft, 'week')}, done by ${measured.finishDate}.`
        : `No date at your own pace yet: ${measured.reason}. Finish a skill and it will show.`,
    measuredOk: !nothingLeft && measured.ok,
    sentences: planSentences(plan, path),
  };
}

function stageViews(roadmap: Roadmap, progress: ProgressMap, plan: Plan): DashboardStageView[] {
  const planned = new Map(plan.stages.map((stage) => [stage.stageId, stage]));
  return roadmap.stages.map((stage) => {
    const counts = stageCounts(stage, progress);
    const state = stageState(counts);
    const onPath = planned.get(stage.id);
    const planLabel =
      onPath === undefined ? 'not on your path' : onPath.hoursLeft === 0 ? 'nothing left on your path' : `${hours(onPath.hoursLeft)} left · ${plural(onPath.weeksLeft, 'week')}`;
    return {
      id: stage.id,
      title: stage.title,
      order: stage.order,
      done: counts.done,
      total: counts.total,
      percent: percent(counts),
      state,
      stateLabel: STATE_LABELS[state],
      firstSkillId: stage.skills[0]?.id,
      ...(onPath === undefined ? {} : { hoursLeft: onPath.hoursLeft }),
      planLabel,
    };
  });
}

/**
 * Progress that counts once: a record kept under a former id is also read under its skill's current id
 * (formerIds.ts), so the former copy is left out; records of retired skills stay (their activity happened).
 */
function progressCountedOnce(roadmap: Roadmap, progress: ProgressMap): ProgressMap {
  return Object.fromEntries(Object.entries(progress).filter(([id]) => roadmap.skillById.has(id) || currentSkillId(roadmap, id) === undefined));
}

function monthLabels(weeks: readonly (readonly { readonly day: string }[])[]): { week: number; label: string }[] {
  const labels: { week: number; label: string }[] = [];
  weeks.forEach((week, index) => {
    const first = week.find((cell) => cell.day.endsWith('-01'));
    if (first !== undefined) {
      labels.push({ week: index, label: MONTHS[Number(first.day.slice(5, 7)) - 1] ?? '' });
    }
  });
  return labels;
}

function activityView(roadmap: Roadmap, progress: ProgressMap, today: Date, utcOffsetMinutes: number): DashboardActivityView {
  const heatmap = activityHeatmap(progressCountedOnce(roadmap, progress), today, utcOffsetMinutes);
  const weeks = heatmap.weeks.map((week) => week.map((cell) => ({ ...cell, label: cell.future ? '' : `${plural(cell.count, 'action')} on ${cell.day}` })));
  const active = weeks
    .flat()
    .filter((cell) => cell.count > 0)
    .reverse();
  const listed = active.slice(0, ACTIVE_DAYS_LISTED).map((cell) => `${cell.day}: ${plural(cell.count, 'action')}`);
  const more = active.length > listed.length ? `; and ${plural(active.length - listed.length, 'earlier day')}` : '';
  return {
    weeks,
    months: monthLabels(weeks),
    streak: heatmap.streak,
    streakLabel: heatmap.streak === 0 ? 'No current streak: do something today to start one.' : `Current streak: ${plural(heatmap.streak, 'day')}.`,
    summary: heatmap.summary,
    activeDaysText: listed.length === 0 ? 'No days with activity yet.' : `Days with activity, latest first: ${listed.join('; ')}${more}.`,
  };
}

function dueLabel(review: DueReview): string {
  return review.daysOverdue === 0 ? 'due today' : `${plural(review.daysOverdue, 'day')} overdue`;
}

export function buildDashboardView(input: DashboardInput): DashboardView {
  const { roadmap, progress, path, plan } = input;
  const overall = roadmapCounts(roadmap, progress);
  const next = input.next.slice(0, DASHBOARD_NEXT_LIMIT).map(({ skill, reason }) => ({
    id: skill.id,
    title: skill.title,
    state: progressOf(progress, skill.id).state,
    stageTitle: roadmap.stageById.get(skill.stageId)?.title ?? skill.stageId,
    reason,
  }));
  const reviews =
    input.due === undefined
      ? undefined
      : {
          count: input.due.length,
          items: input.due.map((review) => ({
            id: review.skillId,
            title: roadmap.skillById.get(review.skillId)?.title ?? review.skillId,
            state: progressOf(progress, review.skillId).state,
            due: dueLabel(review),
          })),
        };
  const retired = retiredSkills(roadmap, progress, input.alsoKnown).map((id) => {
    const record = progressOf(progress, id);
    return { id, state: record.state, stateLabel: STATE_LABELS[record.state], when: dayOfIso(record.at, input.utcOffsetMinutes) ?? 'unknown' };
  });
  return {
    kind: 'dashboard',
    done: overall.done,
    total: overall.total,
    percent: percent(overall),
    overallLabel: `${overall.done} of ${plural(overall.total, 'skill')} done (${percent(overall)}%)`,
    stages: stageViews(roadmap, progress, plan),
    plan: planView(plan, path),
    activity: activityView(roadmap, progress, input.today, input.utcOffsetMinutes),
    next,
    nextEmpty:
      plan.hoursLeft === 0
        ? 'Everything on your path is done or skipped. Choose a wider path to keep going.'
        : 'Nothing on your path is ready: every open skill waits for a prerequisite. Open one from the Roadmap view, or choose a wider path.',
    ...(reviews === undefined ? {} : { reviews }),
    retired,
  };
}
