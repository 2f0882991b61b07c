import type { ProgressMap, SkillProgress } from './model';

/**
 * Progress maps are plain objects keyed by skill id, read and written through own properties only: ids
 * such as `constructor`, `toString` or `__proto__` are ordinary ids, never Object.prototype members, and
 * assigning `__proto__` defines a property instead of replacing the prototype.
 */

export function ownRecord(progress: ProgressMap, skillId: string): SkillProgress | undefined {
  return Object.hasOwn(progress, skillId) ? progress[skillId] : undefined;
}

/** Adds or replaces one record in a map being built. */
export function defineRecord(target: Record<string, SkillProgress>, skillId: string, record: SkillProgress): void {
  Object.defineProperty(target, skillId, { value: record, enumerable: true, writable: true, configurable: true });
}

/** Builds a map from entries; a later entry for the same id replaces an earlier one. */
export function progressMapOf(entries: Iterable<readonly [string, SkillProgress]>): ProgressMap {
  const map: Record<string, SkillProgress> = {};
  for (const [id, record] of entries) {
    defineRecord(map, id, record);
  }
  return map;
}
