// The stored progress format: versioned, migrated from older versions; a value that is not progress is refused
// with a reason, and otherwise every readable record is kept and every bad one is reported with its problem.
import * as assert from 'node:assert/strict';
import type { ProgressMap } from '../../src/core/progress/model';
import { PROGRESS_VERSION, describeSkipped, readSnapshot, toSnapshot } from '../../src/core/progress/snapshot';
import type { SnapshotReadResult } from '../../src/core/progress/snapshot';

const NOW = new Date('2024-06-01T12:00:00.000Z');

const progress: ProgressMap = {
  'git-basics': {
    state: 'done',
    setBy: 'detector',
    at: '2024-05-01T09:30:00.000Z',
    evidence: [
      { milestone: 'git.repo', summary: 'git repository', folder: '/home/me/app', at: '2024-05-01T09:30:00.000Z' },
      { milestone: 'git.history', summary: 'commit 1a2b3c4 Add login', folder: '/home/me/app', commit: '1a2b3c4', at: '2024-05-01T09:30:00.000Z' },
    ],
  },
  docker: { state: 'inProgress', setBy: 'learner', at: '2024-05-02T10:00:00.000Z', note: 'multi-stage builds next', evidence: [] },
  'unit-testing': {
    state: 'skipped',
    setBy: 'learner',
    at: '',
    evidence: [{ milestone: 'test.passing', summary: 'npm test passed', folder: '/home/me/app', command: 'npm test', exitCode: 0, path: 'package.json', line: 7, at: '2024-05-03T08:00:00.000Z' }],
  },
};

const validRecord = { state: 'done', setBy: 'learner', at: '2024-05-01T09:30:00.000Z', evidence: [] };

function refusal(result: SnapshotReadResult): string {
  assert.equal(result.ok, false, 'expected the snapshot to be refused');
  assert.ok(!result.ok);
  assert.equal(Object.hasOwn(result, 'progress'), false, 'a refused snapshot must not carry any progress');
  return result.reason;
}

function withSkill(record: unknown): unknown {
  return { version: 2, skills: { 'git-basics': validRecord, 'docker-basics': record } };
}

/** Reads a snapshot holding one good record and `record`: the good one must be kept, and the problem of the bad one is returned. */
function skippedProblem(record: unknown): string {
  const result = readSnapshot(withSkill(record), NOW);
  assert.ok(result.ok, 'one bad record must not refuse the whole snapshot');
  assert.deepEqual(result.progress, { 'git-basics': validRecord }, 'the readable record is kept');
  assert.equal(result.skipped.length, 1);
  assert.equal(result.skipped[0]?.skillId, 'docker-basics');
  return result.skipped[0].problem;
}

describe('progress snapshot', () => {
  describe('reading what is there', () => {
    it('reads nothing stored yet as empty progress', () => {
      assert.deepEqual(readSnapshot(undefined, NOW), { ok: true, progress: {}, skipped: [] });
      assert.deepEqual(readSnapshot(null, NOW), { ok: true, progress: {}, skipped: [] });
    });

    it(`writes version ${PROGRESS_VERSION} with the progress as it is`, () => {
      assert.equal(PROGRESS_VERSION, 2);
      assert.deepEqual(toSnapshot(progress), { version: 2, skills: progress });
    });

    it('reads back exactly what it wrote, also after a JSON round trip through storage', () => {
      assert.deepEqual(readSnapshot(toSnapshot(progress), NOW), { ok: true, progress, skipped: [] });
      const stored: unknown = JSON.parse(JSON.stringify(toSnapshot(progress)));
      assert.deepEqual(readSnapshot(stored, NOW), { ok: true, progress, skipped: [] });
    });

    it('reads an empty version 2 snapshot', () => {
      assert.deepEqual(readSnapshot({ version: 2, skills: {} }, NOW), { ok: true, progress: {}, skipped: [] });
    });

    it('reads ids named like Object.prototype members as plain ids', () => {
      const stored: unknown = JSON.parse(`{"version":2,"skills":{"constructor":${JSON.stringify(validRecord)},"__proto__":${JSON.stringify(validRecord)},"toString":${JSON.stringify(validRecord)}}}`);
      const result = readSnapshot(stored, NOW);
      assert.ok(result.ok);
      assert.deepEqual(Object.keys(result.progress).sort(), ['__proto__', 'constructor', 'toString']);
      assert.equal(Object.getPrototypeOf(result.progress), Object.prototype, 'an id "__proto__" must not replace the prototype');
      assert.deepEqual(Object.getOwnPropertyDescriptor(result.progress, '__proto__')?.value, validRecord);
    });

    it('copies known fields only, so the records it returns are fresh objects', () => {
      const stored = { version: 2, skills: { a: { ...validRecord } } };
      const result = readSnapshot(stored, NOW);
      assert.ok(result.ok);
      assert.notEqual(result.progress.a, stored.skills.a);
    });
  });

  describe('migration from version 1', () => {
    it('turns v1 states into learner records without a time, and reports unknown states', () => {
      const result = readSnapshot({ version: 1, states: { a: 'done', b: 'bogus', c: 'skipped', d: 42 } }, NOW);
      assert.ok(result.ok);
      assert.deepEqual(result.progress, {
        a: { state: 'done', setBy: 'learner', at: '', evidence: [] },
        c: { state: 'skipped', setBy: 'learner', at: '', evidence: [] },
      });
      assert.equal(result.migratedFrom, 1);
      assert.deepEqual(result.skipped.map((item) => item.skillId), ['b', 'd']);
      assert.match(result.skipped[0]?.problem ?? '', /"state" that is not one of notStarted, inProgress, done, skipped \(found "bogus"\)/);
    });

    it('reads a v1 snapshot with no states as empty, still reporting the migration', () => {
      assert.deepEqual(readSnapshot({ version: 1 }, NOW), { ok: true, progress: {}, skipped: [], migratedFrom: 1 });
    });

    it('refuses a v1 snapshot whose states are not an object', () => {
      assert.equal(refusal(readSnapshot({ version: 1, states: ['done'] }, NOW)), 'the saved progress has no "states" object (found a list)');
    });

    it('gives migrated data that reads back as version 2', () => {
      const migrated = readSnapshot({ version: 1, states: { a: 'inProgress' } }, NOW);
      assert.ok(migrated.ok);
      assert.deepEqual(readSnapshot(toSnapshot(migrated.progress), NOW), { ok: true, progress: migrated.progress, skipped: [] });
    });
  });

  describe('refusing what is not progress', () => {
    it('refuses a newer version, saying it is newer', () => {
      const reason = refusal(readSnapshot({ version: 99, skills: {} }, NOW));
      assert.equal(reason, 'the saved progress is version 99, written by a newer Backend Roadmap (this one reads up to version 2); update the extension');
    });

    it('refuses a value that is not an object', () => {
      assert.equal(refusal(readSnapshot('done', NOW)), 'the saved progress is not an object (found "done")');
      assert.equal(refusal(readSnapshot([{ version: 2 }], NOW)), 'the saved progress is not an object (found a list)');
      assert.equal(refusal(readSnapshot(2, NOW)), 'the saved progress is not an object (found 2)');
    });

    it('refuses a missing or invalid version number, showing what was found', () => {
      assert.equal(refusal(readSnapshot({ skills: {} }, NOW)), 'the saved progress has no valid version number (found undefined)');
      assert.equal(refusal(readSnapshot({ version: '2', skills: {} }, NOW)), 'the saved progress has no valid version number (found "2")');
      assert.equal(refusal(readSnapshot({ version: 1.5, skills: {} }, NOW)), 'the saved progress has no valid version number (found 1.5)');
      assert.equal(refusal(readSnapshot({ version: 0, skills: {} }, NOW)), 'the saved progress has no valid version number (found 0)');
    });

    it('refuses skills that are not an object', () => {
      assert.equal(refusal(readSnapshot({ version: 2, skills: ['git-basics'] }, NOW)), 'the saved progress has no "skills" object (found a list)');
      assert.equal(refusal(readSnapshot({ version: 2 }, NOW)), 'the saved progress has no "skills" object (found undefined)');
      assert.equal(refusal(readSnapshot({ version: 2, skills: 'git-basics' }, NOW)), 'the saved progress has no "skills" object (found "git-basics")');
    });
  });

  describe('salvaging readable records and reporting bad ones', () => {
    it('skips a record that is not an object', () => {
      assert.equal(skippedProblem('done'), 'is not an object (found "done")');
    });

    it('skips a record with an unknown state or setter, naming what it found', () => {
      assert.equal(skippedProblem({ ...validRecord, state: 'flying' }), 'has a "state" that is not one of notStarted, inProgress, done, skipped (found "flying")');
      assert.equal(skippedProblem({ ...validRecord, setBy: 'robot' }), 'has a "setBy" that is not one of learner, detector (found "robot")');
    });

    it('skips a record with a bad time', () => {
      assert.equal(skippedProblem({ ...validRecord, at: 'yesterday' }), 'has an "at" that is not an ISO 8601 time (found "yesterday")');
      assert.equal(skippedProblem({ ...validRecord, at: 1717243200000 }), 'has an "at" that is not an ISO 8601 time (found 1717243200000)');
      assert.equal(skippedProblem({ ...validRecord, at: '2024-02-30T00:00:00Z' }).startsWith('has an "at" that is not an ISO 8601 time'), true);
    });

    it('skips a record dated more than a day in the future, which would win every later merge', () => {
      assert.equal(skippedProblem({ ...validRecord, at: '2024-06-03T12:00:00.000Z' }), 'has an "at" that is in the future (2024-06-03T12:00:00.000Z)');
      const tomorrow = readSnapshot(withSkill({ ...validRecord, at: '2024-06-02T11:00:00.000Z' }), NOW);
      assert.ok(tomorrow.ok);
      assert.deepEqual(tomorrow.skipped, [], 'a clock a few hours ahead is fine');
    });

    it('skips a note that is not text or is too long', () => {
      assert.equal(skippedProblem({ ...validRecord, note: 5 }), 'has a "note" that is not text (found 5)');
      assert.equal(skippedProblem({ ...validRecord, note: 'x'.repeat(10_001) }), 'has a "note" that is longer than 10,000 characters');
    });

    it('skips a record with an unknown field, however deeply it is nested, without walking into it', () => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 6_000; i++) {
        deep = { next: deep };
      }
      assert.equal(skippedProblem({ ...validRecord, extra: deep }), 'has an unknown field "extra"');
    });

    it('skips bad evidence: not a list, a missing field, a wrong optional field, a bad time, too many items', () => {
      const item = { milestone: 'docker.file', summary: 'Dockerfile', at: '2024-05-01T09:30:00.000Z' };
      assert.deepEqual(
        [
          { ...validRecord, evidence: 'Dockerfile' },
          { ...validRecord, evidence: [{ milestone: 'docker.file', at: '2024-05-01T09:30:00.000Z' }] },
          { ...validRecord, evidence: [{ ...item, line: '3' }] },
          { ...validRecord, evidence: [item, { ...item, exitCode: 0.5 }] },
          { ...validRecord, evidence: [{ ...item, at: 'soon' }] },
          { ...validRecord, evidence: [null] },
          { ...validRecord, evidence: [{ ...item, summary: 's'.repeat(501) }] },
          { ...validRecord, evidence: [{ ...item, unknown: 1 }] },
          { ...validRecord, evidence: Array.from({ length: 51 }, () => item) },
        ].map(skippedProblem),
        [
          'has an "evidence" that is not a list (found "Dockerfile")',
          'has invalid evidence (item 1 has no "summary")',
          'has invalid evidence (item 1 has a "line" that is not a whole number (found "3"))',
          'has invalid evidence (item 2 has an "exitCode" that is not a whole number (found 0.5))',
          'has invalid evidence (item 1 has an "at" that is not an ISO 8601 time (found "soon"))',
          'has invalid evidence (item 1 is not an object (found null))',
          'has invalid evidence (item 1 has a "summary" that is longer than 500 characters)',
          'has invalid evidence (item 1 has an unknown field "unknown")',
          'has more than 50 pieces of evidence (51)',
        ],
      );
    });

    it('accepts evidence with every optional field set correctly, including authorship and quiz scores', () => {
      const evidence = { milestone: 'docker.file', summary: 'Dockerfile', folder: '/app', path: 'Dockerfile', line: 1, commit: 'abc', command: 'docker build .', exitCode: 0, at: '', yours: null, project: 'api', kind: 'quiz', score: 0.75 };
      const result = readSnapshot(withSkill({ ...validRecord, evidence: [evidence, { ...evidence, yours: true }] }), NOW);
      assert.ok(result.ok);
      assert.deepEqual(result.skipped, []);
      assert.deepEqual(result.progress['docker-basics']?.evidence, [evidence, { ...evidence, yours: true }]);
      assert.match(skippedProblem({ ...validRecord, evidence: [{ ...evidence, score: 1.5 }] }), /"score" that is not a number from 0 to 1/);
      assert.match(skippedProblem({ ...validRecord, evidence: [{ ...evidence, yours: 'yes' }] }), /"yours" that is not true, false or null/);
    });

    it('keeps at most 2,000 skills and reports the rest', () => {
      const skills = Object.fromEntries(Array.from({ length: 2_003 }, (_, i) => [`s${i}`, validRecord]));
      const result = readSnapshot({ version: 2, skills }, NOW);
      assert.ok(result.ok);
      assert.equal(Object.keys(result.progress).length, 2_000);
      assert.deepEqual(result.skipped.map((item) => item.skillId), ['s2000', 's2001', 's2002']);
      assert.equal(result.skipped[0]?.problem, 'is beyond the limit of 2,000 skills');
    });

    it('skips empty and overlong ids, shortening them for messages', () => {
      const long = 'x'.repeat(201);
      const result = readSnapshot({ version: 2, skills: { '': validRecord, [long]: validRecord } }, NOW);
      assert.ok(result.ok);
      assert.deepEqual(result.progress, {});
      assert.deepEqual(result.skipped, [
        { skillId: '', problem: 'has an empty id' },
        { skillId: `${'x'.repeat(60)}…`, problem: 'has an id longer than 200 characters' },
      ]);
    });

    it('describes skipped records briefly: three by name, then a count', () => {
      const skipped = ['a', 'b', 'c', 'd', 'e'].map((skillId) => ({ skillId, problem: 'is not an object (found 1)' }));
      assert.equal(describeSkipped(skipped), '"a" is not an object (found 1); "b" is not an object (found 1); "c" is not an object (found 1); and 2 more');
    });
  });
});
