// Spaced review of passed self-checks (3, 7, 21, 60 days; a failed review starts again), and the reviews
// surviving validation, export, import, merging and changes of state.
import * as assert from 'node:assert/strict';
import { REVIEW_INTERVAL_DAYS, dueReviews, nextReview, recordReview, reviewSchedule } from '../../src/core/plan/review';
import { exportProgress, mergeProgress, parseProgressExport } from '../../src/core/progress/exchange';
import type { Evidence, ProgressMap, ReviewResult, SkillProgress } from '../../src/core/progress/model';
import { MAX_REVIEWS_PER_SKILL, setStateByLearner } from '../../src/core/progress/rules';
import { readSkillProgress } from '../../src/core/progress/validate';
import { QUIZ_PASSED } from '../../src/core/quiz/passRecord';

const NOW = new Date('2024-12-01T00:00:00.000Z');

function pass(at: string): Evidence {
  return { milestone: QUIZ_PASSED, summary: 'self-check passed (5/5)', kind: 'quiz', score: 1, at, yours: true };
}

function passed(at: string, reviews?: readonly ReviewResult[]): SkillProgress {
  return { state: 'done', setBy: 'detector', at, evidence: [pass(at)], ...(reviews ? { reviews } : {}) };
}

const day = (text: string): Date => new Date(`${text}T00:00:00.000Z`);
const review = (date: string, ok: boolean): ReviewResult => ({ at: `${date}T10:00:00.000Z`, passed: ok });

describe('plan: review schedule', () => {
  it('makes a pass due for review 3 days later', () => {
    const progress: ProgressMap = { http: passed('2024-06-01T10:00:00.000Z') };
    assert.deepEqual(reviewSchedule('http', progress.http ?? passed('')), { skillId: 'http', step: 0, intervalDays: 3, lastDay: '2024-06-01', dueDay: '2024-06-04' });
    assert.deepEqual(dueReviews(progress, day('2024-06-03')), []);
    assert.deepEqual(dueReviews(progress, day('2024-06-04')).map((due) => [due.skillId, due.daysOverdue]), [['http', 0]]);
    assert.deepEqual(dueReviews(progress, day('2024-06-10')).map((due) => due.daysOverdue), [6]);
  });

  it('moves each passed review one step up: 7, 21, then 60 days, and stays at 60', () => {
    assert.deepEqual(REVIEW_INTERVAL_DAYS, [3, 7, 21, 60]);
    const chain = [review('2024-06-04', true), review('2024-06-11', true), review('2024-07-02', true)];
    const expected = [
      [1, 7, '2024-06-11'],
      [2, 21, '2024-07-02'],
      [3, 60, '2024-08-31'],
    ];
    for (const [index, [step, interval, due]] of expected.entries()) {
      const schedule = reviewSchedule('http', passed('2024-06-01T10:00:00.000Z', chain.slice(0, index + 1)));
      assert.deepEqual(schedule && [schedule.step, schedule.intervalDays, schedule.dueDay], [step, interval, due]);
    }
    const more = reviewSchedule('http', passed('2024-06-01T10:00:00.000Z', [...chain, review('2024-08-31', true)]));
    assert.deepEqual(more && [more.step, more.intervalDays, more.dueDay], [3, 60, '2024-10-30']);
  });

  it('starts again at 3 days after a failed review', () => {
    const reviews = [review('2024-06-04', true), review('2024-06-11', true), review('2024-07-02', false)];
    const schedule = reviewSchedule('http', passed('2024-06-01T10:00:00.000Z', reviews));
    assert.deepEqual(schedule && [schedule.step, schedule.intervalDays, schedule.dueDay], [0, 3, '2024-07-05']);
    const recovered = reviewSchedule('http', passed('2024-06-01T10:00:00.000Z', [...reviews, review('2024-07-05', true)]));
    assert.deepEqual(recovered && [recovered.step, recovered.dueDay], [1, '2024-07-12']);
  });

  it('schedules nothing for a skill whose self-check was never passed', () => {
    const record: SkillProgress = { state: 'done', setBy: 'learner', at: '2024-06-01T10:00:00.000Z', evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', at: '2024-06-01T10:00:00.000Z' }] };
    assert.equal(reviewSchedule('docker', record), undefined);
    assert.equal(nextReview({ docker: record }, NOW), undefined);
  });

  it('orders due reviews longest overdue first, and nextReview falls back to the soonest coming one', () => {
    const progress: ProgressMap = { a: passed('2024-06-05T10:00:00.000Z'), b: passed('2024-06-01T10:00:00.000Z'), c: passed('2024-06-20T10:00:00.000Z') };
    assert.deepEqual(dueReviews(progress, day('2024-06-10')).map((due) => due.skillId), ['b', 'a']);
    assert.equal(nextReview(progress, day('2024-06-10'))?.skillId, 'b');
    assert.deepEqual(nextReview(progress, day('2024-06-02')) && [nextReview(progress, day('2024-06-02'))?.skillId, nextReview(progress, day('2024-06-02'))?.dueDay], ['b', '2024-06-04']);
    assert.deepEqual(dueReviews(progress, day('2024-06-10'), 0, (id) => id !== 'b').map((due) => due.skillId), ['a']);
  });

  it('records a review without changing the state or its time, keeping the newest ones', () => {
    const start: ProgressMap = { http: passed('2024-06-01T10:00:00.000Z') };
    const after = recordReview(start, 'http', true, new Date('2024-06-04T08:00:00.000Z'));
    const reviewed = after.http;
    assert.ok(reviewed);
    assert.deepEqual(reviewed.reviews, [{ at: '2024-06-04T08:00:00.000Z', passed: true }]);
    assert.equal(reviewed.state, 'done');
    assert.equal(reviewed.at, '2024-06-01T10:00:00.000Z');
    let many: ProgressMap = start;
    for (let i = 0; i < MAX_REVIEWS_PER_SKILL + 5; i++) {
      many = recordReview(many, 'http', i % 2 === 0, new Date(Date.UTC(2024, 6, 1 + i)));
    }
    const kept = many.http?.reviews ?? [];
    assert.equal(kept.length, MAX_REVIEWS_PER_SKILL);
    assert.equal(kept.at(-1)?.at, new Date(Date.UTC(2024, 6, MAX_REVIEWS_PER_SKILL + 5)).toISOString());
    assert.equal(kept[0]?.at, new Date(Date.UTC(2024, 6, 6)).toISOString(), 'the oldest five are dropped');
  });
});

describe('progress: reviews are kept', () => {
  const withReviews: SkillProgress = passed('2024-06-01T10:00:00.000Z', [review('2024-06-04', true), review('2024-06-11', false)]);

  it('survive validation, export and import exactly', () => {
    const read = readSkillProgress(JSON.parse(JSON.stringify(withReviews)), NOW);
    assert.ok(read.ok);
    assert.deepEqual(read.value, withReviews);
    const parsed = parseProgressExport(exportProgress({ http: read.value }, NOW), NOW);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.progress, { http: withReviews });
  });

  it('reads a record without reviews without adding the field', () => {
    const read = readSkillProgress({ state: 'done', setBy: 'learner', at: '2024-06-01T10:00:00.000Z', evidence: [] }, NOW);
    assert.ok(read.ok);
    assert.equal(Object.hasOwn(read.value, 'reviews'), false);
  });

  it('skips a record with a malformed review, saying which', () => {
    for (const [reviews, problem] of [
      ['often', /"reviews" that is not a list/],
      [[{ at: '2024-06-04T10:00:00.000Z', passed: 'yes' }], /invalid review \(item 1 has a "passed" that is not true or false/],
      [[{ at: '2024-06-04T10:00:00.000Z', passed: true, score: 1 }], /invalid review \(item 1 has an unknown field "score"/],
      [[{ at: '2030-01-01T00:00:00.000Z', passed: true }], /invalid review \(item 1 has an "at" that is in the future/],
    ] as const) {
      const read = readSkillProgress({ ...withReviews, reviews }, NOW);
      assert.equal(read.ok, false);
      assert.ok(!read.ok);
      assert.match(read.problem, problem);
    }
  });

  it('are merged from both sides on import, oldest first, and a record that gains none stays unchanged', () => {
    const other: SkillProgress = { ...withReviews, reviews: [review('2024-06-04', true), review('2024-07-01', true)] };
    const merged = mergeProgress({ http: withReviews }, { http: other }, () => true);
    assert.deepEqual(merged.progress.http?.reviews, [review('2024-06-04', true), review('2024-06-11', false), review('2024-07-01', true)]);
    assert.equal(merged.updated, 1);
    assert.equal(mergeProgress({ http: withReviews }, { http: withReviews }, () => true).unchanged, 1);
  });

  it('stay when the learner changes the state by hand', () => {
    const changed = setStateByLearner({ http: withReviews }, 'http', 'inProgress', NOW);
    assert.deepEqual(changed.http?.reviews, withReviews.reviews);
  });
});
