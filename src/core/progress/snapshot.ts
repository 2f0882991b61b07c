import type { ProgressMap, SkillProgress } from './model';
import { isRecord, isSkillState, skillProgressProblem } from './validate';

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

export type SnapshotReadResult =
  | { readonly ok: true; readonly progress: ProgressMap; readonly migratedFrom?: number }
  | { readonly ok: false; readonly reason: string };

type Migration = (data: Record<string, unknown>, now: Date) => Record<string, unknown>;

/** migrations[n] turns version n into version n+1. */
const migrations: Readonly<Record<number, Migration>> = {
  1: (data, now) => {
    const states = isRecord(data.states) ? data.states : {};
    const skills: Record<string, SkillProgress> = {};
    for (const [id, state] of Object.entries(states)) {
      if (isSkillState(state)) {
        skills[id] = { state, setBy: 'learner', at: now.toISOString(), evidence: [] };
      }
    }
    return { version: 2, skills };
  },
};

export function toSnapshot(progress: ProgressMap): ProgressSnapshot {
  return { version: PROGRESS_VERSION, skills: progress };
}

/**
 * Reads stored or imported progress of any known version. Nothing stored yet is an empty map.
 * Anything it cannot read fully is refused with a reason, never half-read.
 */
export function readSnapshot(raw: unknown, now: Date = new Date()): SnapshotReadResult {
  if (raw === undefined || raw === null) {
    return { ok: true, progress: {} };
  }
  if (!isRecord(raw)) {
    return { ok: false, reason: 'the saved progress is not an object' };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `the saved progress has no valid version number (found ${JSON.stringify(version)})` };
  }
  if (version > PROGRESS_VERSION) {
    return { ok: false, reason: `the saved progress is version ${version}, written by a newer Backend Roadmap (this one reads up to version ${PROGRESS_VERSION}); update the extension` };
  }
  let data: Record<string, unknown> = raw;
  for (let v = version; v < PROGRESS_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) {
      return { ok: false, reason: `no migration from progress version ${v}` };
    }
    data = migrate(data, now);
  }
  if (!isRecord(data.skills)) {
    return { ok: false, reason: 'the saved progress has no "skills" object' };
  }
  const progress: Record<string, SkillProgress> = {};
  for (const [id, record] of Object.entries(data.skills)) {
    const problem = skillProgressProblem(record);
    if (problem !== undefined) {
      return { ok: false, reason: `the progress of skill "${id}" ${problem}` };
    }
    progress[id] = record as SkillProgress;
  }
  return version === PROGRESS_VERSION ? { ok: true, progress } : { ok: true, progress, migratedFrom: version };
}
