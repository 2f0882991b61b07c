// The dashboard's view model: stage states by the tree's rule, the plan, the heatmap and its text
// alternative, what next, reviews due, retired skills, and titles kept as plain text.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HEATMAP_WEEKS } from '../../src/core/plan/activity';
import { planPath } from '../../src/core/plan/pace';
import type { LearningPath } from '../../src/core/plan/path';
import { dueReviews } from '../../src/core/plan/review';
import { whatNext } from '../../src/core/plan/whatNext';
import type { NextSkill } from '../../src/core/plan/whatNext';
import type { ProgressMap, SkillProgress, SkillState } from '../../src/core/progress/model';
import { stageCounts, stageState } from '../../src/core/progress/stats';
import { createRoadmap } from '../../src/core/roadmap/model';
import type { Roadmap, Skill, Stage } from '../../src/core/roadmap/model';
import { DASHBOARD_NEXT_LIMIT, buildDashboardView, pathLabel } from '../../src/core/view/dashboardView';
import { isWebviewMessage } from '../../src/core/view/protocol';
import type { DashboardView } from '../../src/core/view/dashboardView';
import { modelSkill } from './helpers/roadmapFixtures';

// A Wednesday.
const TODAY = new Date('2024-06-05T15:00:00.000Z');
const ROOT = path.resolve(__dirname, '../../..');

function stage(id: string, order: number, skills: readonly Skill[], title = id): Stage {
  return { id, title, summary: `About ${id}.`, order, projectIdeas: [], skills, source: `${id}.yaml` };
}

function skill(stageId: string, id: string, extra: Partial<Skill> = {}): Skill {
  return { ...modelSkill(stageId, { id }), ...extra };
}

const roadmap: Roadmap = createRoadmap([
  stage('basics', 1, [skill('basics', 'git', { estimatedHours: 4 }), skill('basics', 'http', { estimatedHours: 6, prerequisites: ['git'] }), skill('basics', 'dns', { estimatedHours: 2 })]),
  stage('lang', 2, [skill('lang', 'django', { estimatedHours: 12, stacks: ['python'] }), skill('lang', 'express', { estimatedHours: 10, stacks: ['node'] })]),
  stage('extras', 3, [skill('extras', 'regex', { estimatedHours: 3, level: 'optional' }), skill('extras', 'awk', { estimatedHours: 2, level: 'optional' })]),
  stage('ops', 4, [skill('ops', 'containers', { estimatedHours: 5, formerIds: ['docker'] }), skill('ops', 'k8s', { estimatedHours: 8, prerequisites: ['containers'] })]),
]);

const PYTHON_CORE: LearningPath = { stack: 'python', scope: 'core' };

function record(state: SkillState, at: string, extra: Partial<SkillProgress> = {}): SkillProgress {
  return { state, setBy: 'learner', at, evidence: [], ...extra };
}

function view(progress: ProgressMap, options: { path?: LearningPath; hours?: number; next?: readonly NextSkill[]; reviews?: boolean; map?: Roadmap } = {}): DashboardView {
  const map = options.map ?? roadmap;
  const learningPath = options.path ?? PYTHON_CORE;
  return buildDashboardView({
    roadmap: map,
    progress,
    path: learningPath,
    plan: planPath(map, progress, learningPath, options.hours ?? 10, TODAY),
    next: options.next ?? whatNext(map, progress, learningPath),
    due: options.reviews === false ? undefined : dueReviews(progress, TODAY),
    today: TODAY,
    utcOffsetMinutes: 0,
  });
}

describe('dashboard view', () => {
  it('shows each stage with the tree\'s state: a stage whose skills are all skipped is skipped, not "not started"', () => {
    const progress: ProgressMap = {
      regex: record('skipped', '2024-06-01T10:00:00.000Z'),
      awk: record('skipped', '2024-06-01T10:00:00.000Z'),
      git: record('done', '2024-06-01T10:00:00.000Z'),
      django: record('done', '2024-06-02T10:00:00.000Z'),
      express: record('skipped', '2024-06-02T10:00:00.000Z'),
    };
    const stages = view(progress).stages;
    assert.deepEqual(
      stages.map((row) => [row.id, row.state, row.stateLabel, row.done, row.total, row.percent]),
      [
        ['basics', 'inProgress', 'In progress', 1, 3, 33],
        ['lang', 'done', 'Done', 1, 1, 100],
        ['extras', 'skipped', 'Skipped', 0, 0, 100],
        ['ops', 'notStarted', 'Not started', 0, 2, 0],
      ],
    );
    // The one rule: the same function the tree's stage rows use.
    for (const row of stages) {
      const counted = roadmap.stageById.get(row.id);
      assert.ok(counted);
      assert.equal(row.state, stageState(stageCounts(counted, progress)), row.id);
    }
  });

  it('gives the path, hours and weeks left and the finish at the stated pace, and says why there is no measured date', () => {
    const plan = view({}).plan;
    assert.equal(plan.pathLabel, 'Python · core path · 10 h/week');
    // Core path for Python: git 4 + http 6 + dns 2 + django 12 + containers 5 + k8s 8 = 37 hours.
    assert.equal(plan.hoursLeft, 37);
    assert.equal(plan.hoursLeftLabel, '37 h left');
    assert.equal(plan.stated, 'At 10 h a week: 3.7 weeks, done by 2024-07-01.');
    assert.equal(plan.measuredOk, false);
    assert.equal(plan.measured, 'No date at your own pace yet: no skill finished in the last 28 days. Finish a skill and it will show.');
    assert.equal(plan.sentences[0], 'The core path for Python: 37 hours left.');
  });

  it('dates the finish at the measured pace once a skill was finished in the last 28 days', () => {
    // django's 12 hours over 4 weeks: 3 hours a week; 25 hours left: 8.3 weeks.
    const plan = view({ django: record('done', '2024-05-20T10:00:00.000Z') }).plan;
    assert.equal(plan.measuredOk, true);
    assert.equal(plan.measured, 'At your measured pace (3 h a week): 8.3 weeks, done by 2024-08-03.');
  });

  it('says the path is finished instead of a date when nothing on it is left', () => {
    const all = Object.fromEntries(['git', 'http', 'dns', 'django', 'containers', 'k8s'].map((id) => [id, record('done', '2024-01-01T10:00:00.000Z')]));
    const dashboard = view(all);
    assert.equal(dashboard.plan.hoursLeft, 0);
    assert.match(dashboard.plan.stated, /^Everything on your path is done or skipped/);
    assert.deepEqual(dashboard.next, []);
    assert.match(dashboard.nextEmpty, /choose a wider path/i);
  });

  it('gives each stage its hours left on the path, or says it is not on the path', () => {
    const stages = view({ git: record('done', '2024-06-01T10:00:00.000Z') }).stages;
    assert.deepEqual(
      stages.map((row) => [row.id, row.hoursLeft, row.planLabel]),
      [
        ['basics', 8, '8 h left · 0.8 weeks'],
        ['lang', 12, '12 h left · 1.2 weeks'],
        ['extras', undefined, 'not on your path'],
        ['ops', 13, '13 h left · 1.3 weeks'],
      ],
    );
  });

  it('labels other paths', () => {
    assert.equal(pathLabel({ scope: 'all' }, 6), 'No stack chosen · whole roadmap · 6 h/week');
    assert.equal(pathLabel({ scope: 'core' }, 6), 'No stack chosen · core path · 6 h/week');
    assert.equal(pathLabel({ stack: 'node', scope: 'all' }, 12.5), 'Node.js / TypeScript · all skills · 12.5 h/week');
  });

  it('draws 52 weeks of activity with a label per day, month names, the streak and a text alternative', () => {
    const progress: ProgressMap = {
      git: record('done', '2024-06-04T10:00:00.000Z', { evidence: [{ milestone: 'git.repo', summary: 'a repo', at: '2024-06-03T09:00:00.000Z' }] }),
      http: record('inProgress', '2024-06-05T08:00:00.000Z'),
      dns: record('done', '2024-06-03T18:00:00.000Z'),
    };
    const activity = view(progress).activity;
    assert.equal(activity.weeks.length, HEATMAP_WEEKS);
    const cells = activity.weeks.flat();
    assert.equal(cells.length, HEATMAP_WEEKS * 7);
    assert.deepEqual(
      cells.filter((cell) => cell.count > 0).map((cell) => [cell.day, cell.count, cell.level, cell.label]),
      [
        ['2024-06-03', 2, 4, '2 actions on 2024-06-03'],
        ['2024-06-04', 1, 2, '1 action on 2024-06-04'],
        ['2024-06-05', 1, 2, '1 action on 2024-06-05'],
      ],
    );
    assert.equal(cells.find((cell) => cell.day === '2024-06-02')?.label, '0 actions on 2024-06-02');
    // Thursday to Sunday of this week are still to come: no label, drawn empty.
    assert.deepEqual(
      cells.filter((cell) => cell.future).map((cell) => [cell.day, cell.label]),
      [
        ['2024-06-06', ''],
        ['2024-06-07', ''],
        ['2024-06-08', ''],
        ['2024-06-09', ''],
      ],
    );
    assert.equal(activity.streak, 3);
    assert.equal(activity.streakLabel, 'Current streak: 3 days.');
    assert.equal(activity.summary, '4 actions on 3 days in the last 52 weeks; busiest day 2024-06-03 (2 actions). Current streak: 3 days.');
    assert.equal(activity.activeDaysText, 'Days with activity, latest first: 2024-06-05: 1 action; 2024-06-04: 1 action; 2024-06-03: 2 actions.');
    // The first week starts 2023-06-12; July 2023 begins in week 2, June 2024 (a Saturday) in the week before this one.
    assert.deepEqual(activity.months[0], { week: 2, label: 'Jul' });
    assert.deepEqual(activity.months.at(-1), { week: HEATMAP_WEEKS - 2, label: 'Jun' });
    assert.equal(activity.months.length, 12);
  });

  it('says there is no streak and no activity in words when nothing was done', () => {
    const activity = view({}).activity;
    assert.equal(activity.streakLabel, 'No current streak: do something today to start one.');
    assert.equal(activity.summary, 'No activity in the last 52 weeks.');
    assert.equal(activity.activeDaysText, 'No days with activity yet.');
  });

  it('counts a record kept under a former id once, not again under the skill that took it over', () => {
    const docker = record('done', '2024-06-04T10:00:00.000Z');
    // As the progress store reads it: the former record stays, and the current id reads the same record.
    const activity = view({ docker, containers: docker }).activity;
    assert.equal(activity.weeks.flat().reduce((sum, cell) => sum + cell.count, 0), 1);
    assert.deepEqual(view({ docker, containers: docker }).retired, []);
  });

  it('lists at most five skills to do next, each with its reason and stage', () => {
    const next = view({ git: record('done', '2024-06-01T10:00:00.000Z'), k8s: record('inProgress', '2024-06-01T10:00:00.000Z') }, { path: { stack: 'python', scope: 'all' } }).next;
    assert.deepEqual(
      next.map((item) => [item.id, item.reason, item.stageTitle, item.state]),
      [
        ['http', 'next on your path', 'basics', 'notStarted'],
        ['dns', 'next on your path', 'basics', 'notStarted'],
        ['django', 'next on your path', 'lang', 'notStarted'],
        ['regex', 'next on your path', 'extras', 'notStarted'],
        ['awk', 'next on your path', 'extras', 'notStarted'],
      ],
    );
    assert.equal(DASHBOARD_NEXT_LIMIT, 5);
    // k8s is in progress but waits for containers: not ready, so not suggested.
    assert.ok(!next.some((item) => item.id === 'k8s'));
  });

  it('lists reviews due, the longest overdue first, and leaves the section out when reviews are off', () => {
    const progress: ProgressMap = {
      git: record('done', '2024-05-01T10:00:00.000Z', { reviews: [{ at: '2024-06-02T10:00:00.000Z', passed: true }] }),
      dns: record('done', '2024-05-01T10:00:00.000Z', { reviews: [{ at: '2024-05-31T10:00:00.000Z', passed: true }] }),
      http: record('done', '2024-05-01T10:00:00.000Z', { reviews: [{ at: '2024-06-04T10:00:00.000Z', passed: true }] }),
    };
    const reviews = view(progress).reviews;
    assert.deepEqual(reviews, {
      count: 2,
      items: [
        { id: 'dns', title: 'Dns', state: 'done', due: '2 days overdue' },
        { id: 'git', title: 'Git', state: 'done', due: 'due today' },
      ],
    });
    assert.equal(view(progress, { reviews: false }).reviews, undefined);
    assert.deepEqual(view({}).reviews, { count: 0, items: [] });
  });

  it('lists retired skills with their state and day, and nothing when every record has a skill', () => {
    const progress: ProgressMap = {
      git: record('done', '2024-06-01T10:00:00.000Z'),
      'soap-apis': record('skipped', '2024-03-02T23:30:00.000Z'),
      'old-skill': record('done', ''),
    };
    assert.deepEqual(view(progress).retired, [
      { id: 'old-skill', state: 'done', stateLabel: 'Done', when: 'unknown' },
      { id: 'soap-apis', state: 'skipped', stateLabel: 'Skipped', when: '2024-03-02' },
    ]);
    assert.deepEqual(view({ git: record('done', '2024-06-01T10:00:00.000Z') }).retired, []);
  });

  it('keeps hostile skill and stage titles as plain text, for the page to put in with textContent', () => {
    const hostile = '<img src=x onerror="alert(1)">&amp; <b>bold</b>';
    const map = createRoadmap([stage('evil', 1, [skill('evil', 'xss', { title: hostile })], `${hostile} stage`)]);
    const progress: ProgressMap = { xss: record('inProgress', '2024-06-05T10:00:00.000Z', { reviews: [{ at: '2024-06-01T10:00:00.000Z', passed: true }] }) };
    const dashboard = view(progress, { map, path: { scope: 'all' } });
    const [first] = dashboard.next;
    assert.ok(first);
    assert.equal(first.title, hostile);
    assert.equal(first.stageTitle, `${hostile} stage`);
    assert.equal(dashboard.stages[0]?.title, `${hostile} stage`);
    assert.equal(dashboard.reviews?.items[0]?.title, hostile);
  });

  it('renders the page with text only: no innerHTML or Markdown in the dashboard page', () => {
    for (const file of ['media/src/dashboard.ts', 'media/src/widgets.ts']) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|markdownBlock|markdownInline/, file);
    }
  });

  it('lets the page ask for Choose Your Path and Start Review', () => {
    assert.equal(isWebviewMessage({ type: 'choosePath' }), true);
    assert.equal(isWebviewMessage({ type: 'startReview' }), true);
  });
});
