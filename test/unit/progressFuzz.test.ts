// Fuzzing the two doors hostile progress comes through: an imported file and the stored (synced) value.
// Seeded, so a failure replays; FUZZ_CASES=N runs more cases. Each case asserts: no throw, a time bound,
// every valid record in the input is present afterwards, and a save of the result still works.
import * as assert from 'node:assert/strict';
import { BACKUP_FORMAT, EXPORT_FORMAT, exportProgress, mergeProgress, parseProgressExport } from '../../src/core/progress/exchange';
import { recordKey, timeOf } from '../../src/core/progress/merge';
import type { Evidence, ProgressMap, SkillProgress } from '../../src/core/progress/model';
import { PROGRESS_KEYS, ProgressStore } from '../../src/core/progress/progressStore';
import { readSnapshot } from '../../src/core/progress/snapshot';
import { MAX_BACKUPS, jsonOf } from '../../src/core/progress/storedState';
import { MemoryKeyValueStore } from './helpers/memoryKeyValueStore';
import { fuzzCases, fuzzSeed, mulberry32, Random } from './helpers/fuzz';

const CASES = fuzzCases();
const SEED = fuzzSeed(0x5eed_9);
/** Per case; a real case takes a few milliseconds, a hang takes forever. */
const CASE_BOUND_MS = 2_000;
const NOW = new Date('2026-05-01T10:00:00.000Z');

const PROTOTYPE_IDS = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype', 'length'];
const PLAIN_IDS = ['git-basics', 'docker', 'sql', 'rest-apis', 'caching', 'dns', 'ünïcödé', 'a b', '0', '-1', 'x'.repeat(200)];
const STATES = ['notStarted', 'inProgress', 'done', 'skipped'] as const;
const DEEP_MARK = '@@deep@@';

function validTime(random: Random): string {
  if (random.chance(0.1)) {
    return '';
  }
  return new Date(NOW.getTime() - random.int(400 * 24 * 3600 * 1000) + random.int(20 * 3600 * 1000)).toISOString();
}

function validEvidence(random: Random): Evidence {
  const item: Record<string, unknown> = { milestone: random.pick(['git.history', 'docker.file', 'quiz.sql']), summary: `proof ${random.int(1000)}`, at: validTime(random) };
  if (random.chance(0.5)) item.folder = '/home/me/app';
  if (random.chance(0.3)) item.line = random.int(500) + 1;
  if (random.chance(0.2)) item.yours = random.pick([true, false, null]);
  if (random.chance(0.2)) item.score = random.next();
  if (random.chance(0.1)) item.kind = 'quiz';
  return item as unknown as Evidence;
}

function validRecord(random: Random): SkillProgress {
  const evidence = Array.from({ length: random.int(random.chance(0.05) ? 50 : 4) }, () => validEvidence(random));
  const note = random.chance(0.3) ? (random.chance(0.05) ? 'n'.repeat(10_000) : `note ${random.int(100)}`) : undefined;
  return { state: random.pick(STATES), setBy: random.pick(['learner', 'detector'] as const), at: validTime(random), evidence, ...(note === undefined ? {} : { note }) };
}

/** A value of any JSON type, sometimes large. */
function junk(random: Random): unknown {
  return random.pick<() => unknown>([
    () => null,
    () => random.int(10) - 5,
    () => 1e308 * 10,
    () => 0.5,
    () => 'text',
    () => 'x'.repeat(random.chance(0.05) ? 60_000 : 20),
    () => [],
    () => [1, 2],
    () => ({}),
    () => ({ state: 'done' }),
    () => DEEP_MARK,
    () => true,
  ])();
}

/** A record broken in one way: the kind of thing a hand-edited, truncated or hostile file holds. */
function brokenRecord(random: Random): unknown {
  const base: Record<string, unknown> = { ...validRecord(random) };
  const evidenceItem: Record<string, unknown> = { ...validEvidence(random) };
  const mutate = random.pick<() => unknown>([
    () => junk(random),
    () => ({ ...base, state: junk(random) }),
    () => ({ ...base, setBy: junk(random) }),
    () => ({ ...base, at: random.pick(['2099-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', 'yesterday', '2024-02-30T00:00:00Z', junk(random)]) }),
    () => ({ ...base, note: random.chance(0.5) ? 'n'.repeat(10_001) : junk(random) }),
    () => ({ ...base, extra: DEEP_MARK }),
    () => ({ ...base, [random.pick(PROTOTYPE_IDS)]: junk(random) }),
    () => ({ ...base, evidence: junk(random) }),
    () => ({ ...base, evidence: Array.from({ length: 51 }, () => validEvidence(random)) }),
    () => ({ ...base, evidence: [{ ...evidenceItem, [random.pick(['line', 'exitCode', 'score', 'yours', 'summary', 'at', 'milestone', 'extra'])]: junk(random) }] }),
    () => ({ ...base, evidence: [{ ...evidenceItem, summary: 's'.repeat(501) }] }),
    () => {
      const { state: _state, ...rest } = base;
      return rest;
    },
  ]);
  return mutate();
}

/** Sets an own property, so "__proto__" is a key like any other. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Generated {
  readonly value: Record<string, unknown>;
  /** The records a correct reader must keep, by id. */
  readonly valid: Map<string, SkillProgress>;
}

function generatedSkills(random: Random): Generated {
  const value: Record<string, unknown> = {};
  const valid = new Map<string, SkillProgress>();
  const count = random.chance(0.004) ? 1_990 + random.int(30) : random.int(15);
  for (let i = 0; i < count; i++) {
    const id = random.chance(0.3) ? random.pick(PROTOTYPE_IDS) : random.chance(0.5) ? random.pick(PLAIN_IDS) : `skill-${i}`;
    if (random.chance(0.7)) {
      const record = validRecord(random);
      put(value, id, record);
      valid.set(id, record);
    } else {
      put(value, id, brokenRecord(random));
      valid.delete(id);
    }
  }
  // The reader keeps the first 2,000 readable records; the generator stays under that for valid ones.
  return { value, valid: valid.size > 2_000 ? new Map([...valid].slice(0, 2_000)) : valid };
}

const DEEP_TEXT = `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`;

/** JSON text of a value; with `deep`, its first DEEP_MARK string becomes a 6,000-deep nested object (which JSON.stringify itself cannot write). */
function toText(value: unknown, deep: boolean): string {
  const text = JSON.stringify(value);
  return deep ? text.replace(`"${DEEP_MARK}"`, DEEP_TEXT) : text;
}

/** Random edits to text: a truncated download, a stray character, a doubled brace. */
function mutateText(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  return random.pick<() => string>([
    () => text.slice(0, at),
    () => `${text.slice(0, at)}${random.pick(['{', '}', '"', ',', '\u0000', '[', '\\'])}${text.slice(at)}`,
    () => `${text.slice(0, at)}${text.slice(at + 1 + random.int(20))}`,
    () => '['.repeat(100_000),
  ])();
}

function sameRecord(a: SkillProgress | undefined, b: SkillProgress | undefined): boolean {
  return a !== undefined && b !== undefined && recordKey(a) === recordKey(b);
}

function ownGet(map: ProgressMap, id: string): SkillProgress | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}

interface Figures {
  cases: number;
  crashes: number;
  hangs: number;
  recordsLost: number;
  saveFailures: number;
  slowestMs: number;
}

function timed(figures: Figures, run: () => void): void {
  const start = performance.now();
  try {
    run();
  } catch (error) {
    figures.crashes++;
    throw error;
  } finally {
    const ms = performance.now() - start;
    figures.slowestMs = Math.max(figures.slowestMs, ms);
    if (ms > CASE_BOUND_MS) {
      figures.hangs++;
    }
  }
}

function report(name: string, figures: Figures): void {
  console.log(`      ${name}: ${figures.cases} cases, ${figures.crashes} crashes, ${figures.hangs} over ${CASE_BOUND_MS} ms, ${figures.recordsLost} records lost, ${figures.saveFailures} failed saves (slowest ${figures.slowestMs.toFixed(0)} ms)`);
}

describe('progress fuzz', function () {
  this.timeout(0);

  it(`imports ${CASES} random and mutated files without throwing, hanging or losing a valid record`, () => {
    const random = new Random(mulberry32(SEED));
    const figures: Figures = { cases: 0, crashes: 0, hangs: 0, recordsLost: 0, saveFailures: 0, slowestMs: 0 };
    for (let n = 0; n < CASES; n++) {
      figures.cases++;
      const skills = generatedSkills(random);
      const current = generatedSkills(random).valid;
      const currentMap: ProgressMap = Object.fromEntries([...current].slice(0, 10));
      const shape = random.int(10);
      const body: Record<string, unknown> =
        shape === 0
          ? { format: random.pick([EXPORT_FORMAT, BACKUP_FORMAT, 'other', junk(random)]), version: junk(random), skills: random.chance(0.5) ? skills.value : junk(random) }
          : shape === 1
            ? { format: BACKUP_FORMAT, backups: [{ savedAt: '', reason: 'r', data: { version: 2, skills: skills.value } }] }
            : { format: EXPORT_FORMAT, version: 2, exportedAt: NOW.toISOString(), skills: skills.value, ...(random.chance(0.1) ? { extra: DEEP_MARK } : {}) };
      const pristine = shape !== 0 && !random.chance(0.15);
      const deep = random.chance(0.05);
      const text = pristine ? toText(body, deep) : mutateText(random, toText(body, deep));
      timed(figures, () => {
        const parsed = parseProgressExport(text, NOW);
        if (pristine) {
          assert.ok(parsed.ok, `case ${n}: a well-formed file must import (${parsed.ok ? '' : parsed.reason})`);
          for (const [id, record] of skills.valid) {
            if (!sameRecord(ownGet(parsed.progress, id), record)) {
              figures.recordsLost++;
            }
          }
        }
        if (!parsed.ok) {
          assert.equal(typeof parsed.reason, 'string');
          return;
        }
        const merged = mergeProgress(currentMap, parsed.progress, () => random.chance(0.5));
        for (const id of new Set([...Object.keys(currentMap), ...Object.keys(parsed.progress)])) {
          const result = ownGet(merged.progress, id);
          const mine = ownGet(currentMap, id);
          const theirs = ownGet(parsed.progress, id);
          const newest = Math.max(timeOf(mine?.at ?? ''), timeOf(theirs?.at ?? ''));
          const lost = result === undefined ? !merged.notAdded.includes(id) : timeOf(result.at) !== newest || (mine !== undefined && timeOf(mine.at) === newest && !sameRecord({ ...result, evidence: mine.evidence }, mine));
          if (lost) {
            figures.recordsLost++;
          }
        }
        try {
          const saved = parseProgressExport(exportProgress(merged.progress, NOW), NOW);
          assert.ok(saved.ok && saved.skipped.length === 0 && Object.keys(saved.progress).length === Object.keys(merged.progress).length);
        } catch (error) {
          figures.saveFailures++;
          throw error;
        }
      });
    }
    report('import', figures);
    assert.deepEqual([figures.crashes, figures.hangs, figures.recordsLost, figures.saveFailures], [0, 0, 0, 0]);
  });

  it(`reads ${CASES} random stored values without throwing, hanging or losing a readable record, and keeps every unreadable one`, async () => {
    const random = new Random(mulberry32(SEED ^ 0xa5a5));
    const figures: Figures = { cases: 0, crashes: 0, hangs: 0, recordsLost: 0, saveFailures: 0, slowestMs: 0 };
    for (let n = 0; n < CASES; n++) {
      figures.cases++;
      const skills = generatedSkills(random);
      const shape = random.int(8);
      const raw: unknown =
        shape === 0
          ? junk(random)
          : shape === 1
            ? { version: junk(random), skills: skills.value }
            : shape === 2
              ? { version: 1, states: Object.fromEntries(Object.entries(skills.value).map(([id]) => [id, random.pick([...STATES, 'bogus', 3])])) }
              : { version: 2, skills: skills.value };
      const wellFormed = shape >= 3;
      const value: unknown = random.chance(0.05) ? JSON.parse(toText(raw, true)) : raw;
      const storage = new MemoryKeyValueStore();
      storage.putRaw(PROGRESS_KEYS.progress, value);
      const store = new ProgressStore(storage, { now: () => NOW, onChange: () => undefined, onNotice: () => undefined });
      const start = performance.now();
      try {
        timed(figures, () => {
          const read = readSnapshot(value, NOW);
          if (wellFormed) {
            assert.ok(read.ok);
          }
          const all = store.all;
          if (wellFormed) {
            for (const [id, record] of skills.valid) {
              if (!sameRecord(ownGet(all, id), record)) {
                figures.recordsLost++;
              }
            }
          }
        });
        await store.setState('fuzz-new-skill', 'done');
        await store.flush();
      } catch (error) {
        figures.crashes++;
        throw error;
      }
      const stored = readSnapshot(storage.get(PROGRESS_KEYS.progress), NOW);
      if (!stored.ok || stored.skipped.length > 0 || ownGet(stored.progress, 'fuzz-new-skill')?.state !== 'done') {
        figures.saveFailures++;
      } else if (wellFormed) {
        figures.recordsLost += [...skills.valid.keys()].filter((id) => !Object.hasOwn(stored.progress, id)).length;
      }
      const readable = (() => {
        const check = readSnapshot(value, NOW);
        return check.ok && check.skipped.length === 0;
      })();
      const backups = store.backups();
      if (!readable && (backups.length !== 1 || (jsonOf(value) !== undefined && jsonOf(backups[0]?.data) !== jsonOf(value)))) {
        figures.recordsLost++;
      }
      assert.ok(backups.length <= MAX_BACKUPS);
      if (performance.now() - start > CASE_BOUND_MS) {
        figures.hangs++;
      }
    }
    report('stored state', figures);
    assert.deepEqual([figures.crashes, figures.hangs, figures.recordsLost, figures.saveFailures], [0, 0, 0, 0]);
  });
});
