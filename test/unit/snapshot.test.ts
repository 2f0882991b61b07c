// The stored progress format: versioned, migrated from older versions, and refused whole (with a reason that
// names the problem) when it cannot be read completely.
import * as assert from 'node:assert/strict';
import type { ProgressMap } from '../../src/core/progress/model';
import { PROGRESS_VERSION, readSnapshot, toSnapshot } from '../../src/core/progress/snapshot';
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

describe('progress snapshot', () => {
  describe('reading what is there', () => {
    it('reads nothing stored yet as empty progress', () => {
      assert.deepEqual(readSnapshot(undefined, NOW), { ok: true, progress: {} });
      assert.deepEqual(readSnapshot(null, NOW), { ok: true, progress: {} });
    });

    it(`writes version ${PROGRESS_VERSION} with the progress as it is`, () => {
      assert.equal(PROGRESS_VERSION, 2);
      assert.deepEqual(toSnapshot(progress), { version: 2, skills: progress });
    });

    it('reads back exactly what it wrote, also after a JSON round trip through storage', () => {
      assert.deepEqual(readSnapshot(toSnapshot(progress), NOW), { ok: true, progress });
      const stored: unknown = JSON.parse(JSON.stringify(toSnapshot(progress)));
      assert.deepEqual(readSnapshot(stored, NOW), { ok: true, progress });
    });

    it('reads an empty version 2 snapshot', () => {
      assert.deepEqual(readSnapshot({ version: 2, skills: {} }, NOW), { ok: true, progress: {} });
    });
  });

  describe('migration from version 1', () => {
    it('turns v1 states into learner records and drops unknown states', () => {
      const result = readSnapshot({ version: 1, states: { a: 'done', b: 'bogus', c: 'skipped', d: 42 } }, NOW);
      assert.deepEqual(result, {
        ok: true,
        progress: {
          a: { state: 'done', setBy: 'learner', at: NOW.toISOString(), evidence: [] },
          c: { state: 'skipped', setBy: 'learner', at: NOW.toISOString(), evidence: [] },
        },
        migratedFrom: 1,
      });
    });

    it('reads a v1 snapshot with no states as empty, still reporting the migration', () => {
      assert.deepEqual(readSnapshot({ version: 1 }, NOW), { ok: true, progress: {}, migratedFrom: 1 });
    });

    it('gives migrated data that reads back as version 2', () => {
      const migrated = readSnapshot({ version: 1, states: { a: 'inProgress' } }, NOW);
      assert.ok(migrated.ok);
      assert.deepEqual(readSnapshot(toSnapshot(migrated.progress), NOW), { ok: true, progress: migrated.progress });
    });
  });

  describe('refusing what it cannot read', () => {
    it('refuses a newer version, saying it is newer', () => {
      const reason = refusal(readSnapshot({ version: 99, skills: {} }, NOW));
      assert.equal(reason, 'the saved progress is version 99, written by a newer Backend Roadmap (this one reads up to version 2); update the extension');
      assert.match(reason, /newer/);
    });

    it('refuses a value that is not an object', () => {
      assert.equal(refusal(readSnapshot('done', NOW)), 'the saved progress is not an object');
      assert.equal(refusal(readSnapshot([{ version: 2 }], NOW)), 'the saved progress is not an object');
      assert.equal(refusal(readSnapshot(2, NOW)), 'the saved progress is not an object');
    });

    it('refuses a missing or invalid version number, showing what was found', () => {
      assert.equal(refusal(readSnapshot({ skills: {} }, NOW)), 'the saved progress has no valid version number (found undefined)');
      assert.equal(refusal(readSnapshot({ version: '2', skills: {} }, NOW)), 'the saved progress has no valid version number (found "2")');
      assert.equal(refusal(readSnapshot({ version: 1.5, skills: {} }, NOW)), 'the saved progress has no valid version number (found 1.5)');
      assert.equal(refusal(readSnapshot({ version: 0, skills: {} }, NOW)), 'the saved progress has no valid version number (found 0)');
    });

    it('refuses skills that are not an object', () => {
      assert.equal(refusal(readSnapshot({ version: 2, skills: ['git-basics'] }, NOW)), 'the saved progress has no "skills" object');
      assert.equal(refusal(readSnapshot({ version: 2 }, NOW)), 'the saved progress has no "skills" object');
      assert.equal(refusal(readSnapshot({ version: 2, skills: 'git-basics' }, NOW)), 'the saved progress has no "skills" object');
    });

    it('refuses a record that is not an object, naming the skill', () => {
      assert.equal(refusal(readSnapshot(withSkill('done'), NOW)), 'the progress of skill "docker-basics" is not an object');
    });

    it('refuses a record with an unknown state, naming the skill and the state', () => {
      assert.equal(refusal(readSnapshot(withSkill({ ...validRecord, state: 'flying' }), NOW)), 'the progress of skill "docker-basics" has an unknown state "flying"');
    });

    it('refuses a record with an unknown setter', () => {
      assert.equal(refusal(readSnapshot(withSkill({ ...validRecord, setBy: 'robot' }), NOW)), 'the progress of skill "docker-basics" has an unknown "setBy" "robot"');
    });

    it('refuses a record with a bad time', () => {
      assert.equal(refusal(readSnapshot(withSkill({ ...validRecord, at: 'yesterday' }), NOW)), 'the progress of skill "docker-basics" has an invalid time "at"');
      assert.equal(refusal(readSnapshot(withSkill({ ...validRecord, at: 1717243200000 }), NOW)), 'the progress of skill "docker-basics" has an invalid time "at"');
    });

    it('refuses a note that is not text', () => {
      assert.equal(refusal(readSnapshot(withSkill({ ...validRecord, note: 5 }), NOW)), 'the progress of skill "docker-basics" has a note that is not text');
    });

    it('refuses bad evidence: not a list, a missing field, a wrong optional field, a bad time', () => {
      const cases: unknown[] = [
        { ...validRecord, evidence: 'Dockerfile' },
        { ...validRecord, evidence: [{ milestone: 'docker.file', at: '2024-05-01T09:30:00.000Z' }] },
        { ...validRecord, evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', at: '2024-05-01T09:30:00.000Z', line: '3' }] },
        { ...validRecord, evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', at: '2024-05-01T09:30:00.000Z', exitCode: 0.5 }] },
        { ...validRecord, evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', at: 'soon' }] },
        { ...validRecord, evidence: [null] },
      ];
      assert.deepEqual(
        cases.map((record) => refusal(readSnapshot(withSkill(record), NOW))),
        cases.map(() => 'the progress of skill "docker-basics" has invalid evidence'),
      );
    });

    it('accepts evidence with every optional field set correctly', () => {
      const evidence = { milestone: 'docker.file', summary: 'Dockerfile', folder: '/app', path: 'Dockerfile', line: 1, commit: 'abc', command: 'docker build .', exitCode: 0, at: '' };
      const result = readSnapshot(withSkill({ ...validRecord, evidence: [evidence] }), NOW);
      assert.ok(result.ok);
      assert.deepEqual(result.progress['docker-basics']?.evidence, [evidence]);
    });
  });
});
