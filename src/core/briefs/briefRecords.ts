import type { FinishedBrief } from '../portfolio/model';
import type { Roadmap } from '../roadmap/model';
import { findBrief } from './roadmapBriefs';

/**
 * What the editor keeps about project briefs: the one the learner works on now (and in which folder), and
 * the briefs they completed. Stored values may come from another machine or an older version: they are
 * read through `readActiveBrief` / `readFinishedBriefs`, which keep only what reads correctly.
 */

/** The version written with every stored value; a value of another version is not read. */
export const BRIEF_RECORDS_VERSION = 1;

export interface ActiveBrief {
  readonly version: typeof BRIEF_RECORDS_VERSION;
  readonly briefId: string;
  /** The workspace folder the learner chose (absolute path); undefined until they choose one. */
  readonly folder?: string;
  /** ISO time the learner started it. */
  readonly startedAt: string;
}

export interface FinishedBriefRecord {
  readonly briefId: string;
  /** The brief's title when it was completed (a later roadmap may rename or drop the brief). */
  readonly title: string;
  /** The folder every check was found in. */
  readonly folder: string;
  /** The folder's public remote URL, when it has one (no credentials: see publicRemoteUrl). */
  readonly repositoryUrl?: string;
  /** ISO time the last check was found. */
  readonly completedAt: string;
}

export interface FinishedBriefs {
  readonly version: typeof BRIEF_RECORDS_VERSION;
  /** Oldest first; one record per brief and folder. */
  readonly briefs: readonly FinishedBriefRecord[];
}

/** Finished briefs kept at most: far more than the roadmap has, a bound on what storage holds. */
const MAX_FINISHED = 500;

export function activeBrief(briefId: string, folder: string | undefined, now: Date): ActiveBrief {
  return { version: BRIEF_RECORDS_VERSION, briefId, ...(folder === undefined ? {} : { folder }), startedAt: now.toISOString() };
}

export function readActiveBrief(value: unknown): ActiveBrief | undefined {
  if (!isObject(value) || value.version !== BRIEF_RECORDS_VERSION || !isText(value.briefId) || !isText(value.startedAt)) {
    return undefined;
  }
  if (value.folder !== undefined && !isText(value.folder)) {
    return undefined;
  }
  return { version: BRIEF_RECORDS_VERSION, briefId: value.briefId, ...(value.folder === undefined ? {} : { folder: value.folder }), startedAt: value.startedAt };
}

/** The stored finished briefs; records that do not read correctly are left out, never guessed at. */
export function readFinishedBriefs(value: unknown): readonly FinishedBriefRecord[] {
  if (!isObject(value) || value.version !== BRIEF_RECORDS_VERSION || !Array.isArray(value.briefs)) {
    return [];
  }
  return value.briefs.flatMap((item: unknown): FinishedBriefRecord[] => {
    if (!isObject(item) || !isText(item.briefId) || !isText(item.title) || !isText(item.folder) || !isText(item.completedAt)) {
      return [];
    }
    const repositoryUrl = isText(item.repositoryUrl) ? item.repositoryUrl : undefined;
    return [{ briefId: item.briefId, title: item.title, folder: item.folder, ...(repositoryUrl === undefined ? {} : { repositoryUrl }), completedAt: item.completedAt }];
  });
}

export function isFinished(records: readonly FinishedBriefRecord[], briefId: string, folder: string): boolean {
  return records.some((record) => record.briefId === briefId && record.folder === folder);
}

/** The records with `record` added (a brief finished again in the same folder replaces its record). */
export function withFinished(records: readonly FinishedBriefRecord[], record: FinishedBriefRecord): FinishedBriefs {
  const others = records.filter((existing) => !(existing.briefId === record.briefId && existing.folder === record.folder));
  return { version: BRIEF_RECORDS_VERSION, briefs: [...others, record].slice(-MAX_FINISHED) };
}

/**
 * The finished briefs as the portfolio shows them: each brief once (its latest completion, preferring one
 * with a repository), titled as the roadmap titles it now, oldest first.
 */
export function finishedBriefsForPortfolio(roadmap: Roadmap, records: readonly FinishedBriefRecord[]): FinishedBrief[] {
  const byBrief = new Map<string, FinishedBriefRecord>();
  for (const record of records) {
    const kept = byBrief.get(record.briefId);
    if (kept === undefined || record.repositoryUrl !== undefined || kept.repositoryUrl === undefined) {
      byBrief.set(record.briefId, record);
    }
  }
  return [...byBrief.values()].map((record) => ({
    title: findBrief(roadmap, record.briefId)?.brief.title ?? record.title,
    ...(record.repositoryUrl === undefined ? {} : { repositoryUrl: record.repositoryUrl }),
  }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= 4096;
}
