import { formatNumber } from '../text/numbers';

import type { ProgressMap, SkillProgress } from './model';
import { defineRecord } from './ownMap';
import { PROGRESS_LIMITS, describeValue, isRecord, readSkillProgress, skillIdProblem } from './validate';

/**
 * The stored form of progress, versioned so that a newer extension can read what an older one wrote.
 *
 * - Version 1 (the prototype) stored only `{ version: 1, states: { skillId: state } }`.
 * - Version 2 stores a full record per skill: who set it, when, a note and evidence.
 *
 * To change the format: add version N+1, a migration from N, and a test that N's data reads back.
 */
export const PROGRESS_VERSION = 2;

export interface ProgressSnapshot {
  readonly version: typeof PROGRESS_VERSION;
  readonly skills: ProgressMap;
}

/** A record that could not be read, and why. */
export interface SkippedRecord {
  /** The skill id, shortened when it is too long to show. */
  readonly skillId: string;
  readonly problem: string;
}

export type SnapshotReadResult =
  | { readonly ok: true; readonly progress: ProgressMap; readonly skipped: readonly SkippedRecord[]; readonly migratedFrom?: number }
  | { readonly ok: false; readonly reason: string };

type Migration = (data: Record<string, unknown>) => { readonly ok: true; readonly data: Record<string, unknown> } | { readonly ok: false; readonly reason: string };

/** migrations[n] turns version n into version n+1. */
const migrations: ReadonlyMap<number, Migration> = new Map([
  [
    1,
    (data: Record<string, unknown>) => {
      const states = data.states ?? {};
      if (!isRecord(states)) {
        return { ok: false, reason: `the saved progress has no "states" object (found ${describeValue(states)})` } as const;
      }
      // Version 1 kept no times: the records get none ('' is "unknown"), so they never win a merge
      // against a record that has one. A bad state stays in the record for the reader to report.
      const skills: Record<string, unknown> = {};
      for (const [id, state] of Object.entries(states)) {
        Object.defineProperty(skills, id, { value: { state, setBy: 'learner', at: '', evidence: [] }, enumerable: true, writable: true, configurable: true });
      }
      return { ok: true, data: { version: 2, skills } } as const;
    },
  ],
]);

export function toSnapshot(progress: ProgressMap): ProgressSnapshot {
  return { version: PROGRESS_VERSION, skills: progress };
}

/**
 * Reads stored or imported progress of any known version. Nothing stored yet is an empty map. A value
 * that is not progress at all is refused with a reason; otherwise every readable record is kept and
 * every other one is listed in `skipped` with its problem.
 */
export function readSnapshot(raw: unknown, now: Date = new Date()): SnapshotReadResult {
  if (raw === undefined || raw === null) {
    return { ok: true, progress: {}, skipped: [] };
  }
  if (!isRecord(raw)) {
    return { ok: false, reason: `the saved progress is not an object (found ${describeValue(raw)})` };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `the saved progress has no valid version number (found ${describeValue(version)})` };
  }
  if (version > PROGRESS_VERSION) {
    return { ok: false, reason: `the saved progress is version ${version}, written by a newer Backend Roadmap (this one reads up to version ${PROGRESS_VERSION}); update the extension` };
  }
  let data: Record<string, unknown> = raw;
  for (let v = version; v < PROGRESS_VERSION; v++) {
    const migrate = migrations.get(v);
    if (!migrate) {
      return { ok: false, reason: `no migration from progress version ${v}` };
    }
    const migrated = migrate(data);
    if (!migrated.ok) {
      return migrated;
    }
    data = migrated.data;
  }
  if (!isRecord(data.skills)) {
    return { ok: false, reason: `the saved progress has no "skills" object (found ${describeValue(data.skills)})` };
  }
  const { progress, skipped } = readProgressMap(data.skills, now);
  return version === PROGRESS_VERSION ? { ok: true, progress, skipped } : { ok: true, progress, skipped, migratedFrom: version };
}

/** Reads a map of skill records, keeping each readable one (up to the limit) and reporting the rest. */
export function readProgressMap(skills: Readonly<Record<string, unknown>>, now: Date): { readonly progress: ProgressMap; readonly skipped: readonly SkippedRecord[] } {
  const progress: Record<string, SkillProgress> = {};
  const skipped: SkippedRecord[] = [];
  let kept = 0;
  for (const [id, value] of Object.entries(skills)) {
    const problem = skillIdProblem(id) ?? (kept >= PROGRESS_LIMITS.skills ? `is beyond the limit of ${formatNumber(PROGRESS_LIMITS.skills)} skills` : undefined);
    const read = problem === undefined ? readSkillProgress(value, now) : { ok: false as const, problem };
    if (read.ok) {
      defineRecord(progress, id, read.value);
      kept++;
    } else {
      skipped.push({ skillId: id.length > 60 ? `${id.slice(0, 60)}…` : id, problem: read.problem });
    }
  }
  return { progress, skipped };
}

/** Says what was skipped, briefly: the first few records by name, then a count. */
export function describeSkipped(skipped: readonly SkippedRecord[], shown = 3): string {
  const named = skipped.slice(0, shown).map((item) => `"${item.skillId}" ${item.problem}`);
  const more = skipped.length > shown ? `; and ${skipped.length - shown} more` : '';
  return `${named.join('; ')}${more}`;
}
