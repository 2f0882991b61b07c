// Progress rules: the learner sets states by hand, detectors only add evidence beside what the learner
// decided (never overruling them), evidence is deduplicated and capped; and the counts the UI shows.
import * as assert from 'node:assert/strict';
import type { Evidence, ProgressMap, SkillProgress } from '../../src/core/progress/model';
import { MAX_EVIDENCE_PER_SKILL, NOT_STARTED, applyCompletingEvidence, isFinished, progressOf, sameEvidence, setStateByLearner } from '../../src/core/progress/rules';
import { nothingStarted, percent, roadmapCounts, stageCounts, stageState } from '../../src/core/progress/stats';
import { modelRoadmap } from './helpers/roadmapFixtures';

const EARLIER = '2024-01-01T10:00:00.000Z';
const NOW = new Date('2024-06-01T12:00:00.000Z');

function evidence(milestone: string, summary: string, extra: Partial<Evidence> = {}): Evidence {
  return { milestone, summary, folder: '/work/app', at: EARLIER, ...extra };
}

function record(state: SkillProgress['state'], setBy: SkillProgress['setBy'], extra: Partial<SkillProgress> = {}): SkillProgress {
  return { state, setBy, at: EARLIER, evidence: [], ...extra };
}

const dockerfile = evidence('docker.file', 'Dockerfile', { path: 'Dockerfile', line: 1 });
const compose = evidence('docker.compose', 'compose.yaml', { path: 'compose.yaml' });
const repo = evidence('git.repo', 'git repository');

describe('progress rules', () => {
  describe('progressOf and isFinished', () => {
    it('gives "not started" for a skill with no record', () => {
      assert.deepEqual(progressOf({}, 'docker'), { state: 'notStarted', setBy: 'learner', at: '', evidence: [] });
      assert.equal(progressOf({}, 'docker'), NOT_STARTED);
    });

    it('counts done and skipped as finished, and nothing else', () => {
      assert.deepEqual(
        (['notStarted', 'inProgress', 'done', 'skipped'] as const).map(isFinished),
        [false, false, true, true],
      );
    });
  });

  describe('setStateByLearner', () => {
    it('creates a learner record stamped with the time', () => {
      const next = setStateByLearner({}, 'docker', 'inProgress', NOW);
      assert.deepEqual(next, { docker: { state: 'inProgress', setBy: 'learner', at: NOW.toISOString(), evidence: [] } });
      assert.equal(Object.hasOwn(next.docker, 'note'), false);
    });

    it('keeps the evidence and the note of the previous record, and takes the skill over from the detector', () => {
      const before: ProgressMap = { docker: record('done', 'detector', { evidence: [dockerfile], note: 'used at work' }) };
      const next = setStateByLearner(before, 'docker', 'skipped', NOW);
      assert.deepEqual(next.docker, { state: 'skipped', setBy: 'learner', at: NOW.toISOString(), evidence: [dockerfile], note: 'used at work' });
    });

    it('replaces the note when one is given, and removes it when the new note is empty', () => {
      const before: ProgressMap = { docker: record('inProgress', 'learner', { note: 'old' }) };
      assert.equal(setStateByLearner(before, 'docker', 'done', NOW, 'new').docker?.note, 'new');
      const cleared = setStateByLearner(before, 'docker', 'done', NOW, '').docker;
      assert.ok(cleared);
      assert.equal(Object.hasOwn(cleared, 'note'), false);
    });

    it('leaves other skills and the input untouched', () => {
      const other = record('done', 'learner');
      const before: ProgressMap = { git: other };
      const next = setStateByLearner(before, 'docker', 'done', NOW);
      assert.deepEqual(before, { git: other });
      assert.equal(next.git, other);
      assert.deepEqual(Object.keys(next).sort(), ['docker', 'git']);
    });
  });

  describe('applyCompletingEvidence', () => {
    it('marks a skill with no record done, by the detector', () => {
      const result = applyCompletingEvidence({}, 'docker', [dockerfile, compose], NOW);
      assert.equal(result.outcome, 'markedDone');
      assert.deepEqual(result.added, [dockerfile, compose]);
      assert.deepEqual(result.progress, { docker: { state: 'done', setBy: 'detector', at: NOW.toISOString(), evidence: [dockerfile, compose] } });
    });

    for (const state of ['done', 'skipped'] as const) {
      it(`records evidence beside a learner's "${state}" without changing the state or its time`, () => {
        const before: ProgressMap = { docker: record(state, 'learner', { evidence: [repo], note: 'mine' }) };
        const result = applyCompletingEvidence(before, 'docker', [dockerfile], NOW);
        assert.equal(result.outcome, 'evidenceAdded');
        assert.deepEqual(result.added, [dockerfile]);
        assert.deepEqual(result.progress.docker, { state, setBy: 'learner', at: EARLIER, evidence: [dockerfile, repo], note: 'mine' });
      });
    }

    for (const state of ['inProgress', 'notStarted'] as const) {
      it(`never overrules a learner's "${state}": the learner decides, the evidence is kept`, () => {
        const before: ProgressMap = { docker: record(state, 'learner') };
        const result = applyCompletingEvidence(before, 'docker', [dockerfile], NOW);
        assert.equal(result.outcome, 'learnerDecides');
        assert.deepEqual(result.added, [dockerfile]);
        assert.deepEqual(result.progress.docker, { state, setBy: 'learner', at: EARLIER, evidence: [dockerfile] });
      });
    }

    it('adds new evidence to a skill the detector already marked done', () => {
      const before: ProgressMap = { docker: record('done', 'detector', { evidence: [dockerfile] }) };
      const result = applyCompletingEvidence(before, 'docker', [dockerfile, compose], NOW);
      assert.equal(result.outcome, 'evidenceAdded');
      assert.deepEqual(result.added, [compose]);
      assert.deepEqual(result.progress.docker, { state: 'done', setBy: 'detector', at: EARLIER, evidence: [compose, dockerfile] });
    });

    it('changes nothing when the same evidence arrives again', () => {
      const first = applyCompletingEvidence({}, 'docker', [dockerfile, compose], NOW);
      const again = applyCompletingEvidence(first.progress, 'docker', [dockerfile, compose], new Date('2024-07-01T00:00:00.000Z'));
      assert.equal(again.outcome, 'unchanged');
      assert.deepEqual(again.added, []);
      assert.equal(again.progress, first.progress);
    });

    it('treats evidence seen again at a later time as the same fact', () => {
      const before: ProgressMap = { docker: record('inProgress', 'learner', { evidence: [dockerfile] }) };
      const result = applyCompletingEvidence(before, 'docker', [{ ...dockerfile, at: NOW.toISOString() }], NOW);
      assert.equal(result.outcome, 'unchanged');
      assert.equal(result.progress, before);
    });

    it(`keeps at most ${MAX_EVIDENCE_PER_SKILL} pieces of evidence, newest first`, () => {
      assert.equal(MAX_EVIDENCE_PER_SKILL, 12);
      const old = Array.from({ length: 10 }, (_, i) => evidence('git.history', `old commit ${i}`));
      const fresh = Array.from({ length: 5 }, (_, i) => evidence('git.history', `new commit ${i}`));
      const before: ProgressMap = { git: record('done', 'learner', { evidence: old }) };
      const result = applyCompletingEvidence(before, 'git', fresh, NOW);
      assert.equal(result.outcome, 'evidenceAdded');
      assert.deepEqual(result.progress.git?.evidence, [...fresh, ...old.slice(0, 7)]);
    });

    it(`caps evidence on a skill with no record at ${MAX_EVIDENCE_PER_SKILL}`, () => {
      const many = Array.from({ length: 15 }, (_, i) => evidence('git.history', `commit ${i}`));
      const result = applyCompletingEvidence({}, 'git', many, NOW);
      assert.equal(result.outcome, 'markedDone');
      assert.deepEqual(result.progress.git?.evidence, many.slice(0, 12));
    });

    // Evidence beyond the cap must not look new on every re-check (each scan would rewrite storage).
    it('changes nothing when more evidence than the cap arrives again', () => {
      const many = Array.from({ length: MAX_EVIDENCE_PER_SKILL + 1 }, (_, i) => evidence('git.history', `commit ${i}`));
      const first = applyCompletingEvidence({}, 'git', many, NOW);
      const again = applyCompletingEvidence(first.progress, 'git', many, NOW);
      assert.deepEqual([again.outcome, again.added.length], ['unchanged', 0]);
    });

    it('does not touch other skills', () => {
      const other = record('inProgress', 'learner');
      const result = applyCompletingEvidence({ git: other }, 'docker', [dockerfile], NOW);
      assert.equal(result.progress.git, other);
    });
  });

  describe('sameEvidence', () => {
    it('compares the fact and its place, not the time', () => {
      assert.equal(sameEvidence(dockerfile, { ...dockerfile, at: NOW.toISOString() }), true);
      assert.deepEqual(
        [{ folder: '/other' }, { path: 'other/Dockerfile' }, { line: 2 }, { commit: 'abc1234' }, { command: 'npm test' }, { summary: 'Dockerfile (2)' }, { milestone: 'docker.compose' }].map((change) =>
          sameEvidence(dockerfile, { ...dockerfile, ...change }),
        ),
        [false, false, false, false, false, false, false],
      );
    });
  });

  describe('stats', () => {
    const roadmap = modelRoadmap([
      { id: 'one', skills: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
      { id: 'two', skills: [{ id: 'd' }, { id: 'e' }] },
    ]);
    const progress: ProgressMap = {
      a: record('done', 'learner'),
      b: record('skipped', 'learner'),
      c: record('inProgress', 'learner'),
      d: record('done', 'detector'),
      ghost: record('done', 'learner'),
    };

    it('counts states over the whole roadmap, leaving skipped skills out of the total', () => {
      assert.deepEqual(roadmapCounts(roadmap, progress), { done: 2, skipped: 1, inProgress: 1, total: 4, all: 5 });
    });

    it('counts states per stage', () => {
      const [one, two] = roadmap.stages;
      assert.ok(one && two);
      assert.deepEqual(stageCounts(one, progress), { done: 1, skipped: 1, inProgress: 1, total: 2, all: 3 });
      assert.deepEqual(stageCounts(two, progress), { done: 1, skipped: 0, inProgress: 0, total: 2, all: 2 });
    });

    it('gives whole percents, rounded to the nearest, of what counts', () => {
      assert.equal(percent(roadmapCounts(roadmap, progress)), 50);
      assert.equal(percent({ done: 1, skipped: 0, inProgress: 0, total: 3, all: 3 }), 33);
      assert.equal(percent({ done: 2, skipped: 0, inProgress: 0, total: 3, all: 3 }), 67);
      assert.equal(percent({ done: 3, skipped: 0, inProgress: 0, total: 7, all: 7 }), 43);
      assert.equal(percent({ done: 3, skipped: 0, inProgress: 0, total: 3, all: 3 }), 100);
    });

    it('gives 100% when everything is skipped, and 0% when there is nothing', () => {
      assert.equal(percent({ done: 0, skipped: 2, inProgress: 0, total: 0, all: 2 }), 100);
      assert.equal(percent({ done: 0, skipped: 0, inProgress: 0, total: 0, all: 0 }), 0);
    });

    it('derives one stage state: skipped when all are skipped, done when all that count are done', () => {
      const counts = (done: number, skipped: number, inProgress: number, all: number) => ({ done, skipped, inProgress, total: all - skipped, all });
      assert.equal(stageState(counts(0, 2, 0, 2)), 'skipped');
      assert.equal(stageState(counts(2, 1, 0, 3)), 'done');
      assert.equal(stageState(counts(1, 0, 0, 3)), 'inProgress');
      assert.equal(stageState(counts(0, 1, 1, 3)), 'inProgress');
      assert.equal(stageState(counts(0, 1, 0, 3)), 'notStarted');
      assert.equal(stageState(counts(0, 0, 0, 0)), 'notStarted');
    });

    it('knows when nothing is started yet', () => {
      assert.equal(nothingStarted(roadmap, {}), true);
      assert.equal(nothingStarted(roadmap, { a: record('notStarted', 'learner'), ghost: record('done', 'learner') }), true);
      assert.equal(nothingStarted(roadmap, { e: record('inProgress', 'learner') }), false);
      assert.equal(nothingStarted(roadmap, { e: record('skipped', 'learner') }), false);
      assert.equal(nothingStarted(roadmap, progress), false);
    });
  });
});
