// The progress store: one write chain that flush() really waits for (migration and backups included), every
// unreadable stored value kept in a bounded list of backups before anything overwrites it, readable records
// salvaged, and two windows over one storage that never write a stale copy over each other's change.
import * as assert from 'node:assert/strict';
import type { Evidence, SkillProgress } from '../../src/core/progress/model';
import { PROGRESS_KEYS, ProgressStore } from '../../src/core/progress/progressStore';
import type { ProgressChange, ProgressNotice } from '../../src/core/progress/progressStore';
import { MAX_BACKUPS, unreadableMessage } from '../../src/core/progress/storedState';
import type { ProgressBackup } from '../../src/core/progress/storedState';
import { MemoryKeyValueStore } from './helpers/memoryKeyValueStore';

interface Window {
  readonly store: ProgressStore;
  readonly notices: ProgressNotice[];
  readonly changes: ProgressChange[];
  /** Moves this window's clock. */
  tick(ms?: number): void;
}

function openWindow(storage: MemoryKeyValueStore, start = '2026-05-01T10:00:00.000Z'): Window {
  let time = Date.parse(start);
  const notices: ProgressNotice[] = [];
  const changes: ProgressChange[] = [];
  const store = new ProgressStore(storage, { now: () => new Date(time), onChange: (change) => changes.push(change), onNotice: (notice) => notices.push(notice) });
  return {
    store,
    notices,
    changes,
    tick: (ms = 1000) => {
      time += ms;
    },
  };
}

/** Opens the stored progress in a window (the first read) and waits for what that read queued. */
async function loadIn(window: Window): Promise<void> {
  assert.ok(window.store.all);
  await window.store.flush();
}

const T1 = '2026-04-01T10:00:00.000Z';
const T2 = '2026-04-02T10:00:00.000Z';

function record(state: SkillProgress['state'], at: string, evidence: readonly Evidence[] = [], note?: string): SkillProgress {
  return { state, setBy: 'learner', at, evidence, ...(note === undefined ? {} : { note }) };
}

function proof(summary: string): Evidence {
  return { milestone: 'git.history', summary, folder: '/w', at: T1 };
}

function storedSkills(storage: MemoryKeyValueStore): Record<string, SkillProgress> {
  const stored = storage.get(PROGRESS_KEYS.progress) as { version: number; skills: Record<string, SkillProgress> } | undefined;
  assert.equal(stored?.version, 2);
  return stored.skills;
}

function backups(storage: MemoryKeyValueStore): ProgressBackup[] {
  return (storage.get(PROGRESS_KEYS.backups) as ProgressBackup[] | undefined) ?? [];
}

function unreadableNotices(window: Window): Extract<ProgressNotice, { kind: 'unreadable' }>[] {
  return window.notices.filter((notice): notice is Extract<ProgressNotice, { kind: 'unreadable' }> => notice.kind === 'unreadable');
}

describe('progress store', () => {
  describe('one write chain', () => {
    it('writes a versioned snapshot that another store reads back', async () => {
      const storage = new MemoryKeyValueStore();
      const window = openWindow(storage);
      await window.store.setState('git-basics', 'done', 'first repo');
      assert.deepEqual(storedSkills(storage), { 'git-basics': record('done', '2026-05-01T10:00:00.000Z', [], 'first repo') });
      assert.deepEqual(openWindow(storage).store.get('git-basics'), window.store.get('git-basics'));
    });

    it('flush() waits for the migration write, even when writes land late', async () => {
      const storage = new MemoryKeyValueStore({ progress: { version: 1, states: { dns: 'done' } } });
      storage.writeDelayMs = 5;
      const window = openWindow(storage);
      assert.equal(window.store.get('dns').state, 'done');
      assert.deepEqual(window.notices, [{ kind: 'migrated', from: 1 }]);
      await window.store.flush();
      assert.deepEqual(storedSkills(storage), { dns: record('done', '') });
    });

    it('flush() waits for the backup write, even when writes land late', async () => {
      const corrupt = { version: 2, skills: { dns: 'exploded' } };
      const storage = new MemoryKeyValueStore({ progress: corrupt });
      storage.writeDelayMs = 5;
      const window = openWindow(storage);
      assert.deepEqual(window.store.all, {});
      await window.store.flush();
      assert.deepEqual(backups(storage).map((backup) => backup.data), [corrupt]);
    });

    it('flush() waits for every queued change, in order', async () => {
      const storage = new MemoryKeyValueStore();
      storage.writeDelayMs = 2;
      const window = openWindow(storage);
      void window.store.setState('a', 'inProgress');
      void window.store.setState('b', 'done');
      void window.store.setNote('a', 'halfway');
      await window.store.flush();
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['a', 'b']);
      assert.equal(storedSkills(storage).a?.note, 'halfway');
    });

    it('reports a failed write, keeps going, and writes the change with the next one', async () => {
      const storage = new MemoryKeyValueStore();
      const window = openWindow(storage);
      storage.failWrites.set(PROGRESS_KEYS.progress, 'disk full');
      await window.store.setState('a', 'done');
      storage.failWrites.clear();
      assert.equal(window.notices.length, 1);
      assert.equal(window.notices[0]?.kind, 'saveFailed');
      assert.equal(storage.get(PROGRESS_KEYS.progress), undefined);
      await window.store.setState('b', 'done');
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['a', 'b']);
    });
  });

  describe('unreadable stored progress', () => {
    it('keeps the value as a backup, salvages the readable records and tells the truth', async () => {
      const corrupt = { version: 2, skills: { good: record('done', T1), bad: { state: 'exploded' } } };
      const storage = new MemoryKeyValueStore({ progress: corrupt });
      const window = openWindow(storage);
      assert.deepEqual(window.store.all, { good: record('done', T1) });
      await window.store.flush();
      assert.deepEqual(backups(storage), [{ savedAt: '2026-05-01T10:00:00.000Z', reason: '1 record could not be read: "bad" has a "state" that is not one of notStarted, inProgress, done, skipped (found "exploded")', data: corrupt }]);
      const [notice] = unreadableNotices(window);
      assert.ok(notice);
      assert.deepEqual(notice.backup, { kept: true, count: 1 });
      assert.equal(notice.salvaged, 1);
      const message = unreadableMessage(notice);
      assert.match(message, /could not read 1 record of your saved progress: "bad" has a "state" that is not one of/);
      assert.match(message, /The 1 readable record was kept\. The whole stored value was kept as a backup in this machine's extension storage \(1 backup kept, not synced\)\./);
      assert.match(message, /"Export the Backup".*"Backend Roadmap: Import Progress" reads that file back/);
      assert.deepEqual(storage.get(PROGRESS_KEYS.progress), corrupt, 'nothing is written until the learner changes something');
      await window.store.setState('dns', 'done');
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['dns', 'good']);
      assert.deepEqual(backups(storage)[0]?.data, corrupt, 'the backup still holds what could not be read');
    });

    it('refuses a newer version without overwriting it, and keeps it as a backup', async () => {
      const newer = { version: 7, skills: {} };
      const storage = new MemoryKeyValueStore({ progress: newer });
      const window = openWindow(storage);
      assert.deepEqual(window.store.all, {});
      await window.store.flush();
      assert.deepEqual(storage.get(PROGRESS_KEYS.progress), newer);
      assert.match(backups(storage)[0]?.reason ?? '', /newer Backend Roadmap/);
      assert.match(unreadableMessage(unreadableNotices(window)[0]!), /^Backend Roadmap could not read your saved progress \(the saved progress is version 7.*\)\. Progress starts empty in this window for now\./);
    });

    it('backs up a second unreadable value while an older backup exists', async () => {
      const first = { version: 2, skills: { a: 1 } };
      const second = { version: 2, skills: { b: 2 } };
      const storage = new MemoryKeyValueStore({ progress: first });
      await loadIn(openWindow(storage));
      storage.put(PROGRESS_KEYS.progress, second);
      const window = openWindow(storage);
      await loadIn(window);
      assert.deepEqual(backups(storage).map((backup) => backup.data), [first, second]);
      assert.deepEqual(unreadableNotices(window)[0]?.backup, { kept: true, count: 2 });
    });

    it('does not back up the same value twice, yet still says it is kept', async () => {
      const corrupt = { version: 2, skills: { a: 1 } };
      const storage = new MemoryKeyValueStore({ progress: corrupt });
      await loadIn(openWindow(storage));
      const window = openWindow(storage);
      await loadIn(window);
      assert.equal(backups(storage).length, 1);
      assert.deepEqual(unreadableNotices(window)[0]?.backup, { kept: true, count: 1 });
    });

    it(`keeps the last ${MAX_BACKUPS} backups and says which one it dropped`, async () => {
      const storage = new MemoryKeyValueStore();
      for (let i = 0; i <= MAX_BACKUPS; i++) {
        storage.put(PROGRESS_KEYS.progress, { version: 2, skills: { [`s${i}`]: i } });
        const window = openWindow(storage, `2026-05-0${i + 1}T10:00:00.000Z`);
        await loadIn(window);
        if (i === MAX_BACKUPS) {
          const notice = unreadableNotices(window)[0]!;
          assert.equal(notice.backup.kept && notice.backup.dropped?.savedAt, '2026-05-01T10:00:00.000Z');
          assert.match(unreadableMessage(notice), /The oldest backup \(saved 2026-05-01T10:00:00\.000Z\) was dropped to make room; at most 5 are kept\./);
        }
      }
      assert.deepEqual(
        backups(storage).map((backup) => Object.keys(backup.data as { skills: object }).length && Object.keys((backup.data as { skills: object }).skills)[0]),
        ['s1', 's2', 's3', 's4', 's5'],
      );
    });

    it('backs up an unreadable value that arrives through Settings Sync before the next write overwrites it', async () => {
      const storage = new MemoryKeyValueStore();
      const window = openWindow(storage);
      await window.store.setState('a', 'done');
      const synced = { version: 2, skills: { b: record('done', T1), c: 'garbage' } };
      storage.put(PROGRESS_KEYS.progress, synced);
      window.tick();
      await window.store.setState('d', 'inProgress');
      assert.deepEqual(backups(storage).map((backup) => backup.data), [synced]);
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['a', 'b', 'd'], 'readable synced records are merged, this window keeps its own');
    });

    it('also backs up an unreadable synced value found on focus', async () => {
      const storage = new MemoryKeyValueStore();
      const window = openWindow(storage);
      await window.store.setState('a', 'done');
      storage.put(PROGRESS_KEYS.progress, 'not progress');
      window.store.reloadIfChangedElsewhere();
      await window.store.flush();
      assert.deepEqual(backups(storage).map((backup) => backup.data), ['not progress']);
      assert.equal(window.store.get('a').state, 'done', 'this window keeps its progress');
    });

    it('never overwrites an unreadable value whose backup could not be written, and says so', async () => {
      const corrupt = { version: 2, skills: { a: 1 } };
      const storage = new MemoryKeyValueStore({ progress: corrupt });
      storage.failWrites.set(PROGRESS_KEYS.backups, 'quota exceeded');
      const window = openWindow(storage);
      await window.store.setState('b', 'done');
      storage.failWrites.clear();
      assert.deepEqual(storage.get(PROGRESS_KEYS.progress), corrupt);
      const notice = unreadableNotices(window)[0]!;
      assert.deepEqual(notice.backup, { kept: false, error: 'quota exceeded' });
      assert.match(unreadableMessage(notice), /could NOT be backed up \(quota exceeded\), so it was left as it is/);
      assert.equal(window.notices.at(-1)?.kind, 'saveFailed');
      await window.store.setState('c', 'done');
      assert.deepEqual(backups(storage).map((backup) => backup.data), [corrupt]);
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['b', 'c'], 'the change that could not be saved is written with the next one');
    });

    it('folds the single backup older versions kept into the list, losing neither', async () => {
      const legacy = { savedAt: T1, reason: 'old', data: { version: 2, skills: { old: 1 } } };
      const corrupt = { version: 2, skills: { a: 1 } };
      const storage = new MemoryKeyValueStore({ progressBackup: legacy, progress: corrupt });
      const window = openWindow(storage);
      assert.deepEqual(window.store.backups(), [legacy]);
      await loadIn(window);
      assert.equal(storage.get(PROGRESS_KEYS.legacyBackup), undefined);
      assert.deepEqual(window.store.backups().map((backup) => backup.data), [legacy.data, corrupt]);
    });
  });

  describe('two windows over one storage', () => {
    it('a stale window does not write its copy over the other window\'s change', async () => {
      const storage = new MemoryKeyValueStore();
      const a = openWindow(storage);
      const b = openWindow(storage);
      assert.ok(b.store.all, 'the window has read the stored progress');
      a.tick();
      await a.store.setState('docker', 'done', 'from A');
      b.tick(2000);
      await b.store.setState('sql', 'inProgress');
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['docker', 'sql']);
      assert.equal(storedSkills(storage).docker?.note, 'from A');
      assert.equal(b.store.get('docker').note, 'from A', 'the writing window also takes the other window\'s change');
      assert.deepEqual(b.changes.at(-1), { skillIds: ['docker'] });
    });

    it('takes the newer record for a skill both windows know, and unites the evidence', async () => {
      const storage = new MemoryKeyValueStore({ progress: { version: 2, skills: { x: record('inProgress', T1) } } });
      const a = openWindow(storage);
      const b = openWindow(storage);
      assert.ok(b.store.all, 'the window has read the stored progress');
      await a.store.addCompletingEvidence('x', [proof('from A')]);
      await b.store.addCompletingEvidence('x', [proof('from B')]);
      assert.deepEqual(
        storedSkills(storage).x?.evidence.map((item) => item.summary).sort(),
        ['from A', 'from B'],
      );
      a.store.reloadIfChangedElsewhere();
      assert.deepEqual(a.store.get('x').evidence.map((item) => item.summary).sort(), ['from A', 'from B']);
    });

    it('keeps this window\'s newest change to a skill both windows changed', async () => {
      const storage = new MemoryKeyValueStore();
      const a = openWindow(storage);
      const b = openWindow(storage);
      assert.ok(b.store.all, 'the window has read the stored progress');
      await a.store.setState('x', 'inProgress');
      b.tick(5000);
      await b.store.setState('x', 'done');
      a.store.reloadIfChangedElsewhere();
      assert.equal(a.store.get('x').state, 'done');
      assert.equal(storedSkills(storage).x?.state, 'done');
    });

    it('a focus event during this window\'s own queued writes drops no change', async () => {
      const storage = new MemoryKeyValueStore({ progress: { version: 2, skills: { noted: record('inProgress', T1) } } });
      storage.writeDelayMs = 3;
      const a = openWindow(storage);
      const first = a.store.setState('one', 'done');
      // A note keeps the record's time: on a tie the stored record would win if the focus merged it in now.
      const second = a.store.setNote('noted', 'written while a write was queued');
      storage.put(PROGRESS_KEYS.progress, { version: 2, skills: { noted: record('inProgress', T1), other: record('done', T2) } });
      a.store.reloadIfChangedElsewhere();
      assert.equal(a.store.get('noted').note, 'written while a write was queued');
      await Promise.all([first, second]);
      await a.store.flush();
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['noted', 'one', 'other']);
      assert.equal(storedSkills(storage).noted?.note, 'written while a write was queued');
      assert.deepEqual(Object.keys(a.store.all).sort(), ['noted', 'one', 'other']);
    });

    it('reloads on focus only when the stored value changed, and tells listeners which skills changed', async () => {
      const storage = new MemoryKeyValueStore();
      const a = openWindow(storage);
      await a.store.setState('dns', 'done');
      const before = a.changes.length;
      a.store.reloadIfChangedElsewhere();
      assert.equal(a.changes.length, before);
      storage.put(PROGRESS_KEYS.progress, { version: 2, skills: { ...storedSkills(storage), sql: record('inProgress', T1) } });
      a.store.reloadIfChangedElsewhere();
      assert.deepEqual(a.changes.slice(before), [{ skillIds: ['sql'] }]);
      assert.equal(a.store.get('sql').state, 'inProgress');
    });

    it('writes back what an older synced copy lacks instead of dropping it', async () => {
      const storage = new MemoryKeyValueStore();
      const a = openWindow(storage);
      await a.store.setState('mine', 'done');
      storage.put(PROGRESS_KEYS.progress, { version: 2, skills: { theirs: record('done', T1) } });
      a.store.reloadIfChangedElsewhere();
      await a.store.flush();
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['mine', 'theirs']);
    });

    it('imports against what another window stored, keeping its change', async () => {
      const storage = new MemoryKeyValueStore();
      const a = openWindow(storage);
      const b = openWindow(storage);
      assert.ok(a.store.all, 'the window has read the stored progress');
      await b.store.setState('b-skill', 'done');
      const summary = await a.store.importProgress({ imported: record('done', T1), 'b-skill': record('skipped', T1) }, () => true);
      assert.deepEqual([summary.added, summary.updated, summary.unchanged], [1, 0, 1]);
      assert.deepEqual(storedSkills(storage)['b-skill']?.state, 'done', 'the newer record from window B wins over the older imported one');
      assert.deepEqual(Object.keys(storedSkills(storage)).sort(), ['b-skill', 'imported']);
    });

    it('a reset writes exactly what it was given', async () => {
      const storage = new MemoryKeyValueStore({ progress: { version: 2, skills: { x: record('done', T1) } } });
      const a = openWindow(storage);
      await a.store.replaceAll({});
      assert.deepEqual(storedSkills(storage), {});
      assert.deepEqual(a.store.all, {});
    });

    it('treats ids like "__proto__" and "constructor" as plain ids across windows', async () => {
      const storage = new MemoryKeyValueStore();
      const a = openWindow(storage);
      const b = openWindow(storage);
      assert.ok(b.store.all, 'the window has read the stored progress');
      await a.store.setState('__proto__', 'done');
      await b.store.setState('constructor', 'skipped');
      const skills = storedSkills(storage);
      assert.deepEqual(Object.keys(skills).sort(), ['__proto__', 'constructor']);
      assert.equal(b.store.get('__proto__').state, 'done');
      assert.equal(b.store.get('toString').state, 'notStarted');
    });
  });
});
