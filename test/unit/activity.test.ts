// The 52-week activity heatmap, the current streak and the heatmap's text alternative.
import * as assert from 'node:assert/strict';
import { HEATMAP_WEEKS, activityByDay, activityHeatmap, currentStreak } from '../../src/core/plan/activity';
import type { ProgressMap, SkillProgress } from '../../src/core/progress/model';

// A Wednesday.
const TODAY = new Date('2024-06-05T15:00:00.000Z');

function record(at: string, evidenceTimes: readonly string[] = [], state: SkillProgress['state'] = 'done'): SkillProgress {
  return { state, setBy: 'detector', at, evidence: evidenceTimes.map((time) => ({ milestone: 'm', summary: 's', at: time })) };
}

describe('plan: activity', () => {
  it('counts changes of state, evidence and reviews per day, one action per moment per skill', () => {
    const progress: ProgressMap = {
      // Marked done with its evidence at the same moment: one action.
      git: record('2024-06-05T10:00:00.000Z', ['2024-06-05T10:00:00.000Z', '2024-06-04T09:00:00.000Z']),
      http: { ...record('2024-06-04T11:00:00.000Z'), reviews: [{ at: '2024-06-03T08:00:00.000Z', passed: true }] },
      // Not started: its time is no action (there is none); unknown times are ignored.
      dns: record('', [], 'notStarted'),
      tls: record(''),
    };
    assert.deepEqual([...activityByDay(progress)].sort(), [
      ['2024-06-03', 1],
      ['2024-06-04', 2],
      ['2024-06-05', 1],
    ]);
  });

  it('lays out 52 Monday-to-Sunday weeks ending with the week of today, later days marked as future', () => {
    const heatmap = activityHeatmap({ git: record('2024-06-05T10:00:00.000Z') }, TODAY);
    assert.equal(heatmap.weeks.length, HEATMAP_WEEKS);
    assert.ok(heatmap.weeks.every((week) => week.length === 7));
    const last = heatmap.weeks.at(-1) ?? [];
    assert.deepEqual(
      last.map((cell) => [cell.day, cell.count, cell.future]),
      [
        ['2024-06-03', 0, false],
        ['2024-06-04', 0, false],
        ['2024-06-05', 1, false],
        ['2024-06-06', 0, true],
        ['2024-06-07', 0, true],
        ['2024-06-08', 0, true],
        ['2024-06-09', 0, true],
      ],
    );
    assert.equal(heatmap.weeks[0]?.[0]?.day, '2023-06-12');
  });

  it('shades days 0 to 4 against the busiest, and leaves out activity older than the heatmap', () => {
    const progress: ProgressMap = {
      a: record('2024-06-03T10:00:00.000Z', ['2024-06-03T11:00:00.000Z', '2024-06-03T12:00:00.000Z', '2024-06-03T13:00:00.000Z']),
      b: record('2024-06-04T10:00:00.000Z'),
      old: record('2022-01-01T10:00:00.000Z'),
    };
    const heatmap = activityHeatmap(progress, TODAY);
    const cells = heatmap.weeks.flat();
    assert.deepEqual(
      cells.filter((cell) => cell.count > 0).map((cell) => [cell.day, cell.count, cell.level]),
      [
        ['2024-06-03', 4, 4],
        ['2024-06-04', 1, 1],
      ],
    );
    assert.equal(heatmap.total, 5);
    assert.equal(heatmap.activeDays, 2);
    assert.deepEqual(heatmap.busiest, { day: '2024-06-03', count: 4 });
  });

  it('counts the streak up to today, or up to yesterday when today has nothing yet, and breaks it on a gap', () => {
    const days = (list: readonly string[]): Map<string, number> => new Map(list.map((day) => [day, 1]));
    assert.equal(currentStreak(days(['2024-06-03', '2024-06-04', '2024-06-05']), '2024-06-05'), 3);
    assert.equal(currentStreak(days(['2024-06-03', '2024-06-04']), '2024-06-05'), 2);
    assert.equal(currentStreak(days(['2024-06-01', '2024-06-03']), '2024-06-05'), 0);
    assert.equal(currentStreak(days(['2024-05-31', '2024-06-01']), '2024-06-01'), 2, 'across a month');
  });

  it('uses the learner\'s days: 23:30 UTC on Tuesday is Wednesday at UTC+2', () => {
    const progress: ProgressMap = { git: record('2024-06-04T23:30:00.000Z') };
    assert.equal(activityHeatmap(progress, TODAY, 0).weeks.at(-1)?.[1]?.count, 1);
    assert.equal(activityHeatmap(progress, TODAY, 120).weeks.at(-1)?.[2]?.count, 1);
  });

  it('describes the heatmap in words for screen readers', () => {
    const progress: ProgressMap = { a: record('2024-06-04T10:00:00.000Z', ['2024-06-04T11:00:00.000Z']), b: record('2024-06-05T10:00:00.000Z') };
    assert.equal(activityHeatmap(progress, TODAY).summary, '3 actions on 2 days in the last 52 weeks; busiest day 2024-06-04 (2 actions). Current streak: 2 days.');
    assert.equal(activityHeatmap({}, TODAY).summary, 'No activity in the last 52 weeks.');
    assert.equal(activityHeatmap({ a: record('2024-06-01T10:00:00.000Z') }, TODAY).summary, '1 action on 1 day in the last 52 weeks; busiest day 2024-06-01 (1 action). No current streak.');
  });
});
