// Hours, weeks and finish dates of a path, at the stated pace and at the measured one, with a fixed clock.
import * as assert from 'node:assert/strict';
import { MEASURED_WINDOW_DAYS, NO_RECENT_FINISH, finishDateAt, hoursLeft, planPath, recentlyFinishedHours } from '../../src/core/plan/pace';
import { planSentences } from '../../src/core/plan/planText';
import type { ProgressMap, SkillProgress, SkillState } from '../../src/core/progress/model';
import { modelRoadmap } from './helpers/roadmapFixtures';

const TODAY = new Date('2024-06-01T00:00:00.000Z');

const roadmap = modelRoadmap([
  { id: 'basics', skills: [{ id: 'git', estimatedHours: 4 }, { id: 'http', estimatedHours: 6, prerequisites: ['git'] }, { id: 'regex', estimatedHours: 3, level: 'optional' }] },
  { id: 'lang', skills: [{ id: 'express', estimatedHours: 10, stacks: ['node'] }, { id: 'django', estimatedHours: 12, stacks: ['python'] }, { id: 'types', estimatedHours: 8 }] },
]);

function record(state: SkillState, at: string): SkillProgress {
  return { state, setBy: 'learner', at, evidence: [] };
}

const progress: ProgressMap = {
  git: record('done', '2024-05-20T18:00:00.000Z'),
  http: record('inProgress', '2024-05-25T09:00:00.000Z'),
  django: record('skipped', '2024-05-26T09:00:00.000Z'),
};

describe('plan: pace', () => {
  it('counts the hours of open skills on the path; in progress counts fully, done and skipped not at all', () => {
    assert.equal(hoursLeft(roadmap.skills, progress), 3 + 10 + 8 + 6);
  });

  it('gives hours, weeks and a finish date at the stated pace, per stage and overall', () => {
    const plan = planPath(roadmap, progress, { stack: 'python', scope: 'core' }, 7, TODAY);
    assert.equal(plan.hoursLeft, 14);
    assert.equal(plan.hoursPerWeek, 7);
    assert.equal(plan.weeksLeft, 2);
    assert.equal(plan.finishDate, '2024-06-15');
    assert.deepEqual(plan.stages, [
      { stageId: 'basics', hours: 10, hoursLeft: 6, weeks: 1.4, weeksLeft: 0.9 },
      // The skipped django counts nowhere: the stage is 8 hours, derived, not a stated number of weeks.
      { stageId: 'lang', hours: 8, hoursLeft: 8, weeks: 1.1, weeksLeft: 1.1 },
    ]);
  });

  it('measures the pace from skills done in the last 28 days, and dates the finish at it', () => {
    const plan = planPath(roadmap, progress, { stack: 'python', scope: 'core' }, 7, TODAY);
    // git's 4 hours over 4 weeks: 1 hour a week, 14 hours left: 14 weeks.
    assert.deepEqual(plan.measured, { ok: true, hoursPerWeek: 1, weeksLeft: 14, finishDate: '2024-09-07' });
  });

  it('has no measured date, and says why, when nothing was finished in the last 28 days', () => {
    const plan = planPath(roadmap, progress, { scope: 'all' }, 10, new Date('2024-07-01T00:00:00.000Z'));
    assert.deepEqual(plan.measured, { ok: false, reason: NO_RECENT_FINISH });
    assert.equal(NO_RECENT_FINISH, 'no skill finished in the last 28 days');
    assert.deepEqual(planPath(roadmap, {}, { scope: 'all' }, 10, TODAY).measured, { ok: false, reason: NO_RECENT_FINISH });
  });

  it('takes the 28 days up to today, by day: the 28th day back is out, later days and unknown times too', () => {
    const at = (day: string): ProgressMap => ({ git: record('done', `${day}T12:00:00.000Z`) });
    assert.equal(MEASURED_WINDOW_DAYS, 28);
    assert.equal(recentlyFinishedHours(roadmap, at('2024-05-05'), '2024-06-01'), 4);
    assert.equal(recentlyFinishedHours(roadmap, at('2024-05-04'), '2024-06-01'), 0);
    assert.equal(recentlyFinishedHours(roadmap, at('2024-06-01'), '2024-06-01'), 4);
    assert.equal(recentlyFinishedHours(roadmap, at('2024-06-02'), '2024-06-01'), 0);
    assert.equal(recentlyFinishedHours(roadmap, { git: record('done', '') }, '2024-06-01'), 0);
    assert.equal(recentlyFinishedHours(roadmap, { git: record('skipped', '2024-05-30T00:00:00.000Z') }, '2024-06-01'), 0);
    // Skills off the path count: the pace is the learner's.
    assert.equal(recentlyFinishedHours(roadmap, { express: record('done', '2024-05-30T00:00:00.000Z') }, '2024-06-01'), 10);
  });

  it('places times in the learner\'s days: 23:30 UTC is the next day at UTC+2', () => {
    const late: ProgressMap = { git: record('done', '2024-05-04T23:30:00.000Z') };
    assert.equal(recentlyFinishedHours(roadmap, late, '2024-06-01', 0), 0);
    assert.equal(recentlyFinishedHours(roadmap, late, '2024-06-01', 120), 4);
  });

  it('finishes today when nothing is left, rounds whole days up, and keeps hours free of float noise', () => {
    const allDone: ProgressMap = Object.fromEntries(roadmap.skills.map((skill) => [skill.id, record('done', '2024-01-01T00:00:00.000Z')]));
    const plan = planPath(roadmap, allDone, { scope: 'all' }, 10, TODAY);
    assert.equal(plan.hoursLeft, 0);
    assert.equal(plan.weeksLeft, 0);
    assert.equal(plan.finishDate, '2024-06-01');
    assert.equal(finishDateAt(1, 10, '2024-06-01'), '2024-06-02');
    const tiny = modelRoadmap([{ id: 's', skills: [{ id: 'a', estimatedHours: 0.1 }, { id: 'b', estimatedHours: 0.2 }] }]);
    assert.equal(planPath(tiny, {}, { scope: 'all' }, 10, TODAY).hoursLeft, 0.3);
  });

  it('refuses a pace that is not above 0', () => {
    assert.throws(() => planPath(roadmap, progress, { scope: 'all' }, 0, TODAY), RangeError);
    assert.throws(() => planPath(roadmap, progress, { scope: 'all' }, Number.NaN, TODAY), RangeError);
  });

  it('says the plan in sentences: never a date at the measured pace without a reason', () => {
    const python = { stack: 'python', scope: 'core' } as const;
    assert.deepEqual(planSentences(planPath(roadmap, progress, python, 7, TODAY), python), [
      'The core path for Python: 14 hours left.',
      'At 7 hours a week: 2 weeks, done by 2024-06-15.',
      'At your measured pace (1 hour a week, from the skills you finished in the last 28 days): 14 weeks, done by 2024-09-07.',
    ]);
    assert.deepEqual(planSentences(planPath(roadmap, {}, { scope: 'all' }, 10, TODAY), { scope: 'all' })[2], 'No date at your own pace yet: no skill finished in the last 28 days. Finish a skill and it will show.');
    const allDone: ProgressMap = Object.fromEntries(roadmap.skills.map((skill) => [skill.id, record('done', '2024-01-01T00:00:00.000Z')]));
    assert.deepEqual(planSentences(planPath(roadmap, allDone, { scope: 'all' }, 10, TODAY), { scope: 'all' }), ['The whole roadmap: 0 hours left.', 'Everything on it is done or skipped.']);
  });
});
