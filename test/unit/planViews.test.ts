// What the extension's plan views decide: the path from the settings, the tree's "my path only" filter and
// its notes, the Choose Your Path choices, a submitted self-check as a review or a pass, and the store
// recording a review without counting it twice.
import * as assert from 'node:assert/strict';
import { nothingNextMessage } from '../../src/core/plan/nextPicks';
import { DEFAULT_HOURS_PER_WEEK, hoursFromSetting, pathFromSettings } from '../../src/core/plan/planSettings';
import { dueReviews, reviewSchedule } from '../../src/core/plan/review';
import { isReviewDue, quizRecording, reviewResultMessage } from '../../src/core/plan/reviewSubmission';
import { noReviewDueText, reviewsDueText } from '../../src/core/plan/reviewText';
import type { Evidence, ProgressMap, SkillProgress } from '../../src/core/progress/model';
import { ProgressStore } from '../../src/core/progress/progressStore';
import { QUIZ_PASSED } from '../../src/core/quiz/passRecord';
import { scopeChoiceList, stackChoiceList } from '../../src/core/view/pathChoices';
import { isShown, skillsInScope, treeFilterNotes, visibleSkills } from '../../src/core/view/treeFilter';
import { MemoryKeyValueStore } from './helpers/memoryKeyValueStore';
import { modelRoadmap } from './helpers/roadmapFixtures';

const roadmap = modelRoadmap([
  { id: 'basics', skills: [{ id: 'git', estimatedHours: 4 }, { id: 'regex', level: 'optional', estimatedHours: 2 }] },
  {
    id: 'frameworks',
    skills: [
      { id: 'express', stacks: ['node'], estimatedHours: 10 },
      { id: 'django', stacks: ['python'], estimatedHours: 12 },
      { id: 'fastapi', stacks: ['python'], level: 'optional', estimatedHours: 8 },
    ],
  },
]);

const done = (at = '2024-06-01T10:00:00.000Z'): SkillProgress => ({ state: 'done', setBy: 'learner', at, evidence: [] });
const skills = (ids: readonly string[]) => ids.map((id) => roadmap.skillById.get(id) ?? assert.fail(id));
const idsOf = (list: readonly { readonly id: string }[]): string[] => list.map((skill) => skill.id);

function quizPass(at: string): Evidence {
  return { milestone: QUIZ_PASSED, summary: 'self-check passed (5/5)', kind: 'quiz', score: 1, at, yours: true };
}

describe('plan views: path and pace from the settings', () => {
  it('reads the stack and scope, and falls back to no stack and the core path for anything unknown', () => {
    assert.deepEqual(pathFromSettings('python', 'all'), { stack: 'python', scope: 'all' });
    assert.deepEqual(pathFromSettings('', 'core'), { scope: 'core' });
    assert.deepEqual(pathFromSettings('cobol', 'most'), { scope: 'core' });
    assert.deepEqual(pathFromSettings(undefined, undefined), { scope: 'core' });
  });

  it('keeps hours a week within 1 to 80, and reads anything else as the default', () => {
    assert.equal(hoursFromSetting(10), 10);
    assert.equal(hoursFromSetting(0), 1);
    assert.equal(hoursFromSetting(-5), 1);
    assert.equal(hoursFromSetting(200), 80);
    assert.equal(hoursFromSetting(Number.NaN), DEFAULT_HOURS_PER_WEEK);
    assert.equal(hoursFromSetting('10'), DEFAULT_HOURS_PER_WEEK);
  });
});

describe('plan views: the tree filter', () => {
  const python = { stack: 'python' as const, scope: 'core' as const };
  const stage = roadmap.stageById.get('frameworks') ?? assert.fail('frameworks');

  it('keeps every skill without a path, and only the path\'s skills with one', () => {
    assert.deepEqual(idsOf(skillsInScope(stage.skills, { hideFinished: false })), ['express', 'django', 'fastapi']);
    assert.deepEqual(idsOf(skillsInScope(stage.skills, { hideFinished: false, path: python })), ['django']);
  });

  it('hides finished skills on top of the path filter', () => {
    const progress: ProgressMap = { git: done() };
    const basics = roadmap.stageById.get('basics') ?? assert.fail('basics');
    assert.deepEqual(idsOf(visibleSkills(basics.skills, progress, { hideFinished: true })), ['regex']);
    assert.deepEqual(idsOf(visibleSkills(basics.skills, progress, { hideFinished: true, path: python })), []);
    assert.deepEqual(idsOf(visibleSkills(basics.skills, progress, { hideFinished: false, path: python })), ['git']);
    assert.equal(isShown(skills(['express'])[0] ?? assert.fail(), progress, { hideFinished: false, path: python }), false);
    assert.equal(isShown(skills(['django'])[0] ?? assert.fail(), progress, { hideFinished: false, path: python }), true);
  });

  it('says nothing while no filter is on, and passes the detection message through', () => {
    assert.deepEqual(treeFilterNotes(roadmap, {}, { hideFinished: false }), {});
    assert.deepEqual(treeFilterNotes(roadmap, {}, { hideFinished: false }, 'Automatic checks are off.'), { message: 'Automatic checks are off.' });
  });

  it('names the path and how many skills it shows beside the title, and says what the counts count and how to undo it', () => {
    const notes = treeFilterNotes(roadmap, { git: done() }, { hideFinished: false, path: python });
    assert.equal(notes.description, 'core path for Python: 2 of 5 skills');
    assert.equal(notes.message, 'Showing your path only: the core path for Python, 2 of 5 skills; stage counts count those. Use the filled map button to show the whole roadmap.');
  });

  it('counts the finished skills hidden on the path only, when both filters are on', () => {
    const notes = treeFilterNotes(roadmap, { git: done(), regex: done() }, { hideFinished: true, path: python }, 'Automatic checks are off.');
    assert.equal(notes.description, 'core path for Python: 2 of 5 skills · 1 done or skipped skill hidden');
    assert.match(notes.message ?? '', /^Showing your path only: .* Showing open skills only \(1 done or skipped skill hidden\): .* Automatic checks are off\.$/);
  });
});

describe('plan views: Choose Your Path', () => {
  it('puts the suggested stack first and says why; marks the current one; ends with no particular stack', () => {
    const choices = stackChoiceList('node', 'python');
    assert.deepEqual(choices[0], { stack: 'python', label: 'Python', description: 'suggested: most of your files are Python' });
    assert.equal(choices.find((choice) => choice.stack === 'node')?.description, 'your stack now');
    assert.deepEqual(choices.at(-1), { stack: '', label: 'No particular stack', description: 'skills for every stack only' });
    assert.equal(choices.length, 9);
    assert.equal(new Set(choices.map((choice) => choice.stack)).size, 9, 'each stack once');
  });

  it('keeps roadmap order without a suggestion, and notes both reasons on one stack', () => {
    assert.equal(stackChoiceList('', undefined)[0]?.stack, 'node');
    assert.equal(stackChoiceList('', undefined).at(-1)?.description, 'your stack now');
    assert.equal(stackChoiceList('python', 'python')[0]?.description, 'suggested: most of your files are Python · your stack now');
  });

  it('sizes the core path and everything for the stack at the chosen pace, finished skills left out', () => {
    const [core, all] = scopeChoiceList(roadmap, { git: done() }, 'python', 4);
    assert.ok(core && all);
    assert.equal(core.scope, 'core');
    assert.equal(core.label, 'Core path: what every backend developer needs, plus the core of Python');
    assert.equal(core.detail, '2 skills, 12 hours left: about 3 weeks at 4 hours a week');
    assert.equal(all.scope, 'all');
    assert.equal(all.detail, '4 skills, 22 hours left: about 6 weeks at 4 hours a week');
    assert.equal(scopeChoiceList(roadmap, {}, undefined, 10)[1]?.label, 'The whole roadmap, optional skills too');
  });
});

describe('plan views: what next and reviews in words', () => {
  it('says why nothing is next: all finished, or waiting for prerequisites', () => {
    assert.match(nothingNextMessage({ stack: 'python', scope: 'core' }, 0), /^Every skill on the core path for Python is done or skipped\./);
    assert.match(nothingNextMessage({ scope: 'all' }, 3), /^No open skill on the whole roadmap has all its prerequisites finished\./);
  });

  it('counts reviews due and says how to take one, or when the next is', () => {
    assert.equal(reviewsDueText(0), undefined);
    assert.equal(reviewsDueText(1), '1 self-check due for review: run "Backend Roadmap: Start Review" to take the next one.');
    assert.match(reviewsDueText(3) ?? '', /^3 self-checks due/);
    assert.match(noReviewDueText(undefined), /^No self-check to review yet: pass a skill's self-check/);
    assert.equal(noReviewDueText('2024-06-04'), 'No self-check is due for review. The next one is due on 2024-06-04.');
  });
});

describe('plan views: a submitted self-check as a review or a pass', () => {
  const passedOn = (at: string): ProgressMap => ({ http: { state: 'done', setBy: 'detector', at, evidence: [quizPass(at)] } });
  const progress = passedOn('2024-06-01T10:00:00.000Z');
  const beforeDue = new Date('2024-06-03T12:00:00.000Z');
  const due = new Date('2024-06-04T08:00:00.000Z');

  it('is a review while one is due (reviews on), else a pass is a pass and a fail is nothing', () => {
    assert.equal(isReviewDue(progress, 'http', beforeDue), false);
    assert.equal(isReviewDue(progress, 'http', due), true);
    assert.equal(isReviewDue({}, 'http', due), false, 'never passed: no review');
    assert.deepEqual(quizRecording(progress, 'http', true, due, 0, true), { kind: 'review', passed: true });
    assert.deepEqual(quizRecording(progress, 'http', false, due, 0, true), { kind: 'review', passed: false });
    assert.deepEqual(quizRecording(progress, 'http', true, beforeDue, 0, true), { kind: 'pass' });
    assert.deepEqual(quizRecording(progress, 'http', false, beforeDue, 0, true), { kind: 'nothing' });
    assert.deepEqual(quizRecording(progress, 'http', true, due, 0, false), { kind: 'pass' }, 'reviews off: a pass as usual');
  });

  it('reads "due" in the learner\'s day: late evening west of UTC is still the day before', () => {
    // 2024-06-04 01:00 UTC is 2024-06-03 21:00 at UTC-4: not due yet there.
    assert.equal(isReviewDue(progress, 'http', new Date('2024-06-04T01:00:00.000Z'), -240), false);
    assert.equal(isReviewDue(progress, 'http', new Date('2024-06-04T01:00:00.000Z'), 0), true);
  });

  it('records a review once through the store, the state unchanged, and moves the next review on', async () => {
    const storage = new MemoryKeyValueStore();
    const store = new ProgressStore(storage, { now: () => due, onChange: () => undefined, onNotice: () => undefined });
    await store.replaceAll(progress);
    await store.recordReview('http', true);
    await store.flush();
    const record = store.get('http');
    assert.equal(record.state, 'done');
    assert.equal(record.at, '2024-06-01T10:00:00.000Z', 'a review is not a change of state');
    assert.deepEqual(record.reviews, [{ at: due.toISOString(), passed: true }]);
    assert.equal(record.evidence.length, 1, 'not also recorded as a new pass');
    assert.deepEqual(dueReviews(store.all, due), []);
    assert.equal(reviewSchedule('http', record)?.dueDay, '2024-06-11', 'the next step: 7 days after the review');
    assert.equal(reviewResultMessage(store.all, 'http', { passed: true, correctCount: 4, total: 5 }), 'Review passed: 4 of 5 right. The next review is due on 2024-06-11 (in 7 days).');
  });

  it('brings a failed review back after 3 days', async () => {
    const storage = new MemoryKeyValueStore();
    const store = new ProgressStore(storage, { now: () => due, onChange: () => undefined, onNotice: () => undefined });
    await store.replaceAll(progress);
    await store.recordReview('http', false);
    assert.equal(
      reviewResultMessage(store.all, 'http', { passed: false, correctCount: 2, total: 5 }),
      'Review not passed: 2 of 5 right. Read the explanations below; the review comes back sooner on 2024-06-07 (in 3 days).',
    );
  });
});
