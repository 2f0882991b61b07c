// Progress that survives content changes: a snapshot taken with today's shipped roadmap keeps every record through
// a change that renames, merges and removes skills (read under the new id, combined by the rule, or listed as
// retired), through the store and through export and import, and is exactly as it was when the content goes back.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { exportProgress, mergeProgress, parseProgressExport } from '../../src/core/progress/exchange';
import { applyFormerIds, combineSkillRecords } from '../../src/core/progress/formerIds';
import type { Evidence, ProgressMap, SkillProgress, SkillState } from '../../src/core/progress/model';
import { PROGRESS_KEYS, ProgressStore } from '../../src/core/progress/progressStore';
import { progressForRoadmap, retiredSkills } from '../../src/core/progress/retired';
import { roadmapCounts } from '../../src/core/progress/stats';
import { formerSkillIds } from '../../src/core/roadmap/formerIds';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import { createRoadmap } from '../../src/core/roadmap/model';
import type { Roadmap, Skill } from '../../src/core/roadmap/model';
import { formatProblem } from '../../src/core/roadmap/problems';
import { MemoryKeyValueStore } from './helpers/memoryKeyValueStore';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const NOW = '2026-05-01T10:00:00.000Z';
const BASE = Date.parse('2026-04-01T00:00:00.000Z');

/** A minute after BASE per step, so every record has its own time. */
function minute(step: number): string {
  return new Date(BASE + step * 60_000).toISOString();
}

function proof(skillId: string, n: number): Evidence {
  return { milestone: 'git.history', summary: `commit ${n}abc for ${skillId}`, folder: '/home/me/app', path: 'src/app.ts', line: n + 1, at: minute(n), yours: true };
}

const STATES: readonly SkillState[] = ['done', 'inProgress', 'skipped', 'done', 'notStarted'];

/** A spread of records over the roadmap: every fifth skill, each state, detector and learner, evidence and notes. */
function snapshotOf(roadmap: Roadmap): Record<string, SkillProgress> {
  const progress: Record<string, SkillProgress> = {};
  roadmap.skills.forEach((skill, index) => {
    if (index % 5 !== 0) {
      return;
    }
    const step = index / 5;
    const state = STATES[step % STATES.length] ?? 'done';
    const byDetector = step % 4 === 0 && state === 'done';
    progress[skill.id] = {
      state,
      setBy: byDetector ? 'detector' : 'learner',
      at: minute(step),
      evidence: state === 'done' || state === 'inProgress' ? [proof(skill.id, step), proof(skill.id, step + 100)] : [],
      ...(byDetector ? {} : { note: `my note on ${skill.id}` }),
      ...(step % 3 === 0 ? { reviews: [{ at: minute(step), passed: true }] } : {}),
    };
  });
  return progress;
}

/** What the content change does, by the ids of today's roadmap. */
interface ContentChange {
  /** Old id → new id, one skill each. */
  readonly renamed: ReadonlyMap<string, string>;
  /** The new id of a skill that several skills (its former ids, in order) were merged into; the first keeps its place. */
  readonly merged: { readonly id: string; readonly from: readonly string[] };
  readonly removed: readonly string[];
}

/** Today's roadmap with the change applied, built in memory from the real stages. */
function changedRoadmap(roadmap: Roadmap, change: ContentChange): Roadmap {
  const gone = new Set([...change.removed, ...change.merged.from.slice(1)]);
  const newId = (id: string): string => change.renamed.get(id) ?? (change.merged.from.includes(id) ? change.merged.id : id);
  const rewrite = (skill: Skill): Skill => {
    const prerequisites = [...new Set(skill.prerequisites.filter((id) => !change.removed.includes(id)).map(newId))].filter((id) => id !== newId(skill.id));
    if (skill.id === change.merged.from[0]) {
      return { ...skill, id: change.merged.id, prerequisites, formerIds: change.merged.from };
    }
    const renamed = change.renamed.get(skill.id);
    return renamed === undefined ? { ...skill, prerequisites } : { ...skill, id: renamed, prerequisites, formerIds: [skill.id] };
  };
  return createRoadmap(roadmap.stages.map((stage) => ({ ...stage, skills: stage.skills.filter((skill) => !gone.has(skill.id)).map(rewrite) })));
}

function openStore(storage: MemoryKeyValueStore, roadmap: Roadmap, now = NOW): ProgressStore {
  const store = new ProgressStore(storage, { now: () => new Date(now), onChange: () => undefined, onNotice: () => undefined });
  void store.useRoadmap(roadmap);
  return store;
}

function storedSkills(storage: MemoryKeyValueStore): Record<string, SkillProgress> {
  const stored = storage.get(PROGRESS_KEYS.progress) as { version: number; skills: Record<string, SkillProgress> } | undefined;
  assert.equal(stored?.version, 2);
  return stored.skills;
}

/** The record under `id`, which must be there. */
function recordOf(progress: ProgressMap, id: string): SkillProgress {
  const record = Object.hasOwn(progress, id) ? progress[id] : undefined;
  assert.ok(record, `no record under "${id}"`);
  return record;
}

/** Every record of `expected`, each exactly as it is there. */
function assertKeeps(actual: ProgressMap, expected: ProgressMap, where: string): void {
  for (const [id, record] of Object.entries(expected)) {
    assert.deepEqual(actual[id], record, `${where}: the record of "${id}" changed or went missing`);
  }
}

describe('progress through a content change', () => {
  let today: Roadmap;
  /** The records taken with today's content, under today's ids. */
  let todays: ProgressMap;
  /** `todays` and one record under a new id, synced from a machine that already had the new content. */
  let snapshot: Record<string, SkillProgress>;
  let change: ContentChange;
  let changed: Roadmap;
  /** Tracked ids by role. */
  let renamedIds: string[];
  let bothIds: string;
  let removedIds: string[];
  let untrackedRemoved: string;

  before(async () => {
    const result = await loadRoadmapFromDirectory(path.join(REPO_ROOT, 'roadmap'));
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.ok(result.roadmap);
    today = result.roadmap;
    todays = snapshotOf(today);
    snapshot = { ...todays };
    const tracked = Object.keys(snapshot);
    assert.ok(tracked.length >= 20, `only ${tracked.length} records`);
    const [r1, r2, r3, m1, m2, x1, x2, both] = tracked.slice(0, 8);
    assert.ok(r1 && r2 && r3 && m1 && m2 && x1 && x2 && both);
    renamedIds = [r1, r2, r3];
    bothIds = both;
    removedIds = [x1, x2];
    // One skill with no record is merged in, and one is removed: neither may leave a trace.
    const untracked = today.skills.map((skill) => skill.id).filter((id) => !Object.hasOwn(snapshot, id));
    const [untrackedMerged, removedToo] = untracked;
    assert.ok(untrackedMerged && removedToo);
    untrackedRemoved = removedToo;
    // The record under the renamed id of `both` comes from a machine that already had the new content; it is
    // older than the one under the old id, which was changed after it.
    snapshot[`${both}-v2`] = { state: 'inProgress', setBy: 'learner', at: '2026-03-01T00:00:00.000Z', evidence: [proof(`${both}-v2`, 7)], note: 'started on the laptop' };
    change = {
      renamed: new Map([...renamedIds, both].map((id) => [id, `${id}-v2`])),
      merged: { id: `${m1}-merged`, from: [m1, m2, untrackedMerged] },
      removed: [x1, x2, removedToo],
    };
    changed = changedRoadmap(today, change);
  });

  it('builds a changed roadmap that renames, merges and removes skills', () => {
    assert.equal(changed.skills.length, today.skills.length - 2 - 3);
    assert.equal(formerSkillIds(changed).size, 4 + 3);
    for (const id of [...removedIds, untrackedRemoved, ...renamedIds, ...change.merged.from]) {
      assert.equal(changed.skillById.has(id), false, id);
    }
  });

  it('reads each record under its new id, merged by the rule, or lists it as retired; none is lost or altered', () => {
    const { progress, retired } = progressForRoadmap(changed, snapshot);
    assertKeeps(progress, todays, 'under its own id');
    for (const id of renamedIds) {
      assert.deepEqual(progress[`${id}-v2`], snapshot[id], `renamed ${id}`);
    }
    const [m1, m2] = change.merged.from;
    const a = recordOf(snapshot, m1 ?? '');
    const b = recordOf(snapshot, m2 ?? '');
    const merged = recordOf(progress, change.merged.id);
    assert.deepEqual(merged, combineSkillRecords(undefined, [a, b]));
    // By the rule: the newer record's state and time; every piece of evidence and every note of both.
    assert.equal(merged.state, b.state);
    assert.equal(merged.at, b.at);
    assert.deepEqual(new Set(merged.evidence.map((item) => item.summary)), new Set([...b.evidence, ...a.evidence].map((item) => item.summary)));
    for (const note of [a.note, b.note].filter((text) => text !== undefined)) {
      assert.ok(merged.note?.includes(note), `the merged note lacks "${note}"`);
    }
    // Both ids in use: the old id's record changed later, so it wins; the laptop's evidence and note stay.
    const both = recordOf(progress, `${bothIds}-v2`);
    const old = recordOf(snapshot, bothIds);
    assert.equal(both.state, old.state);
    assert.deepEqual(both.evidence, [...old.evidence, proof(`${bothIds}-v2`, 7)]);
    assert.ok(both.note?.includes('started on the laptop'));

    assert.deepEqual(retired, [...removedIds].sort());
    assert.equal(applyFormerIds(changed, progress), progress, 'reading the mapped progress again moves nothing');
    assert.equal(applyFormerIds(today, todays), todays, 'content without former ids leaves progress as it is');
    for (const id of Object.keys(snapshot)) {
      const accounted = changed.skillById.has(id) || formerSkillIds(changed).has(id) || retired.includes(id);
      assert.ok(accounted, `the record of "${id}" is neither read by a skill nor listed as retired`);
    }
  });

  it('counts the moved progress in the changed roadmap: only removed skills and the merge change the done count', () => {
    const done = (roadmap: Roadmap, progress: ProgressMap): number => roadmapCounts(roadmap, progress).done;
    const isDone = (id: string): boolean => snapshot[id]?.state === 'done';
    const mapped = progressForRoadmap(changed, snapshot).progress;
    const mergedParts = change.merged.from.filter(isDone).length;
    const expected = done(today, snapshot) - removedIds.filter(isDone).length - mergedParts + (mapped[change.merged.id]?.state === 'done' ? 1 : 0);
    assert.equal(done(changed, mapped), expected);
    assert.ok(expected > 0);
  });

  it('keeps every record in storage through the store, and gives it all back when the content goes back', async () => {
    const storage = new MemoryKeyValueStore({ [PROGRESS_KEYS.progress]: { version: 2, skills: snapshot } });
    const newContent = openStore(storage, changed);
    const expected = progressForRoadmap(changed, snapshot).progress;
    assert.deepEqual(newContent.all, expected);
    await newContent.flush();
    assert.deepEqual(storedSkills(storage), expected, 'the combined records are saved under the new ids, beside the old ones');
    assertKeeps(storedSkills(storage), todays, 'stored');

    const oldContent = openStore(storage, today);
    const back = progressForRoadmap(today, oldContent.all);
    assertKeeps(back.progress, todays, 'after going back');
    for (const skill of today.skills) {
      assert.deepEqual(back.progress[skill.id], todays[skill.id], `"${skill.id}" is not as it was`);
    }
    assert.deepEqual(back.retired, [...renamedIds, bothIds].map((id) => `${id}-v2`).concat(change.merged.id).sort());
  });

  it('never undoes a change made under the new id, and leaves the old record as it was', async () => {
    const storage = new MemoryKeyValueStore({ [PROGRESS_KEYS.progress]: { version: 2, skills: snapshot } });
    const first = openStore(storage, changed);
    const [renamed] = renamedIds;
    assert.ok(renamed);
    await first.setState(`${renamed}-v2`, 'inProgress', 'going over it again');
    await first.flush();
    const again = openStore(storage, changed, '2026-05-02T10:00:00.000Z');
    assert.equal(again.get(`${renamed}-v2`).state, 'inProgress');
    assert.equal(again.get(`${renamed}-v2`).note, 'going over it again');
    assert.deepEqual(again.get(renamed), snapshot[renamed]);
    await again.flush();
    assert.deepEqual(storedSkills(storage)[renamed], snapshot[renamed]);
  });

  it('takes in former ids when the roadmap arrives after progress was read, telling listeners which skills changed', async () => {
    const storage = new MemoryKeyValueStore({ [PROGRESS_KEYS.progress]: { version: 2, skills: snapshot } });
    const changes: (readonly string[] | undefined)[] = [];
    const store = new ProgressStore(storage, { now: () => new Date(NOW), onChange: (c) => changes.push(c.skillIds), onNotice: () => undefined });
    assert.deepEqual(store.all, snapshot);
    await store.useRoadmap(changed);
    assert.deepEqual(store.all, progressForRoadmap(changed, snapshot).progress);
    assert.deepEqual([...(changes[0] ?? [])].sort(), [...renamedIds, bothIds].map((id) => `${id}-v2`).concat(change.merged.id).sort());
    await store.useRoadmap(changed);
    assert.equal(changes.length, 1, 'reading the same records again changes nothing');
  });

  it('exports retired records with everything else and imports them back, into either content', async () => {
    const source = new MemoryKeyValueStore({ [PROGRESS_KEYS.progress]: { version: 2, skills: snapshot } });
    const store = openStore(source, changed);
    const text = exportProgress(store.all, new Date(NOW));
    const parsed = parseProgressExport(text, new Date(NOW));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.skipped, []);
    assert.deepEqual(parsed.progress, store.all, 'the export holds every record, retired and former ones included');
    for (const id of removedIds) {
      assert.deepEqual(parsed.progress[id], snapshot[id]);
    }

    // Into an empty install with today's content: every record as it was; the new ids are retired there.
    const old = openStore(new MemoryKeyValueStore(), today);
    const summary = await old.importProgress(parsed.progress, (id) => today.skillById.has(id));
    assert.deepEqual(summary.notAdded, []);
    assert.deepEqual([...summary.unknownSkills].sort(), retiredSkills(today, parsed.progress));
    assertKeeps(old.all, todays, 'imported into today');
    assert.deepEqual(retiredSkills(today, old.all), [...renamedIds, bothIds].map((id) => `${id}-v2`).concat(change.merged.id).sort());

    // Into an install with the changed content, from a file written with today's content: mapped on import.
    const fresh = openStore(new MemoryKeyValueStore(), changed);
    const fromToday = await fresh.importProgress(snapshot, (id) => changed.skillById.has(id));
    assert.deepEqual([...fromToday.unknownSkills].sort(), [...removedIds].sort(), 'former ids count as known; removed skills do not');
    assert.deepEqual(fresh.all, progressForRoadmap(changed, snapshot).progress);
  });

  it('keeps records of unknown skills on every merge of an import', () => {
    const retiredOnly: ProgressMap = { 'a-skill-from-2030': { state: 'done', setBy: 'learner', at: minute(1), evidence: [proof('x', 1)] } };
    const summary = mergeProgress({}, retiredOnly, () => false);
    assert.deepEqual(summary.progress, retiredOnly);
    assert.deepEqual(summary.unknownSkills, ['a-skill-from-2030']);
    assert.equal(summary.added, 1);
  });
});
