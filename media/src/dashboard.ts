import type { DashboardActivityView, DashboardPlanView, DashboardReviewsView, DashboardStageView, DashboardView } from '../../src/core/view/dashboardView';
import { STATE_ICONS } from '../../src/core/view/stateIcons';
import { el, icon } from './dom';
import { vscode } from './vscodeApi';
import { button, progressBar, section, skillLink } from './widgets';

/**
 * The dashboard page. Every text from the host goes in as text (el() appends strings as text nodes), never
 * as HTML: skill titles and ids come from roadmaps and progress files the learner may not have written.
 */

const WEEKDAY_LABELS: readonly (readonly [number, string])[] = [
  [0, 'Mon'],
  [2, 'Wed'],
  [4, 'Fri'],
];

export function renderDashboard(view: DashboardView): HTMLElement {
  return el(
    'article',
    { 'aria-labelledby': 'dashboard-title', class: 'dashboard' },
    el('h1', { id: 'dashboard-title' }, 'Backend Roadmap'),
    el('p', { class: 'overall', id: 'overall' }, view.overallLabel),
    progressBar(view.percent, 'Overall progress'),
    planSection(view.plan),
    nextSection(view),
    view.reviews && reviewSection(view.reviews),
    activitySection(view.activity),
    stagesSection(view.stages),
    view.retired.length > 0 && retiredSection(view),
  );
}

function planSection(plan: DashboardPlanView): HTMLElement {
  const choose = button('Choose Your Path', 'settings-gear', () => vscode.postMessage({ type: 'choosePath' }), { id: 'choose-path', 'data-action': 'choosePath' });
  return section(
    'Your plan',
    'calendar',
    el('p', { class: 'path-row' }, el('span', { id: 'plan-path' }, plan.pathLabel), ' ', choose),
    el(
      'ul',
      { class: 'plan-lines', id: 'plan' },
      el('li', { id: 'plan-hours-left' }, icon('clock'), ' ', el('strong', {}, plan.hoursLeftLabel), ' on your path'),
      el('li', { id: 'plan-stated' }, icon('calendar'), ` ${plan.stated}`),
      el('li', { id: 'plan-measured', ...(plan.measuredOk ? {} : { class: 'muted' }) }, icon('pulse'), ` ${plan.measured}`),
    ),
  );
}

function nextSection(view: DashboardView): HTMLElement {
  const content =
    view.next.length === 0
      ? el('p', { class: 'empty', id: 'next-empty' }, view.nextEmpty)
      : el(
          'ol',
          { class: 'next-list', id: 'next-list' },
          ...view.next.map((next) => el('li', { 'data-skill-id': next.id }, skillLink(next), el('span', { class: 'muted' }, ` — ${next.reason} · ${next.stageTitle}`))),
        );
  return section('What next', 'compass', content);
}

function reviewSection(reviews: DashboardReviewsView): HTMLElement {
  if (reviews.count === 0) {
    return section('Review due', 'history', el('p', { class: 'empty', id: 'review-count' }, 'No review due. A self-check you pass comes back for review after 3 days, then 7, 21 and 60.'));
  }
  const start = button('Start Review', 'play', () => vscode.postMessage({ type: 'startReview' }), { id: 'start-review', class: 'primary', 'data-action': 'startReview' });
  const count = `${reviews.count} self-check${reviews.count === 1 ? '' : 's'} due for review`;
  return section(
    'Review due',
    'history',
    el('p', { class: 'path-row', id: 'review-count' }, el('strong', {}, count), ' ', start),
    el('ul', { class: 'review-list', id: 'review-list' }, ...reviews.items.map((item) => el('li', {}, skillLink(item), el('span', { class: 'muted' }, ` — ${item.due}`)))),
  );
}

function activitySection(activity: DashboardActivityView): HTMLElement {
  return section(
    'Activity',
    'pulse',
    el('p', { class: 'streak', id: 'activity-streak' }, icon('flame'), ` ${activity.streakLabel}`),
    heatmap(activity),
    el('p', { class: 'heatmap-legend', 'aria-hidden': 'true' }, 'Less ', ...[0, 1, 2, 3, 4].map((level) => el('span', { class: `heatmap-cell level-${level}` })), ' More'),
    el('p', { class: 'visually-hidden', id: 'activity-text' }, `${activity.summary} ${activity.activeDaysText}`),
  );
}

/** A grid of 52 week columns by 7 weekday rows; one picture for assistive technology, described in words beside it. */
function heatmap(activity: DashboardActivityView): HTMLElement {
  const grid = el('div', { class: 'heatmap', id: 'activity-heatmap', role: 'img', 'aria-label': activity.summary });
  const place = (element: HTMLElement, column: number, row: number): HTMLElement => {
    element.style.gridColumn = String(column);
    element.style.gridRow = String(row);
    return element;
  };
  // Column 1 and row 1 hold the weekday and month labels; week w is column w + 2, weekday d row d + 2.
  for (const month of activity.months) {
    grid.append(place(el('span', { class: 'heatmap-month' }, month.label), month.week + 2, 1));
  }
  for (const [weekday, label] of WEEKDAY_LABELS) {
    grid.append(place(el('span', { class: 'heatmap-weekday' }, label), 1, weekday + 2));
  }
  activity.weeks.forEach((week, column) => {
    week.forEach((cell, weekday) => {
      const attributes: Record<string, string> = cell.future ? { class: 'heatmap-cell future' } : { class: `heatmap-cell level-${cell.level}`, title: cell.label, 'data-day': cell.day };
      grid.append(place(el('span', attributes), column + 2, weekday + 2));
    });
  });
  return grid;
}

function stagesSection(stages: readonly DashboardStageView[]): HTMLElement {
  return section(
    'Stages',
    'list-ordered',
    el(
      'ol',
      { class: 'stages', id: 'stages' },
      ...stages.map((stage) => {
        const title = stage.firstSkillId ? skillLink({ id: stage.firstSkillId, title: stage.title, state: stage.state }) : el('span', {}, icon(STATE_ICONS[stage.state].codicon), ` ${stage.title}`);
        const counts = el('span', { class: 'muted' }, `${stage.done}/${stage.total} · ${stage.stateLabel} · ${stage.planLabel}`);
        return el('li', { 'data-stage': stage.id, class: `state-${stage.state}` }, el('div', { class: 'stage-row' }, title, counts), progressBar(stage.percent, `${stage.title} progress`));
      }),
    ),
  );
}

function retiredSection(view: DashboardView): HTMLElement {
  return section(
    'Retired skills',
    'archive',
    el(
      'p',
      { class: 'muted' },
      'The roadmap no longer has these skills. Your progress on them is kept (and exported with everything else), and it counts again if a roadmap brings the skill back.',
    ),
    el(
      'ul',
      { class: 'retired', id: 'retired' },
      ...view.retired.map((retired) => el('li', {}, el('code', {}, retired.id), el('span', { class: 'muted' }, ` · ${retired.stateLabel} · ${retired.when}`))),
    ),
  );
}
