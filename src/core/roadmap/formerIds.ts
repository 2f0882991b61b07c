import type { Roadmap } from './model';

/**
 * Former ids (a skill's or stage's `formerIds`) looked up: former id → current id. The loader refuses a
 * roadmap whose former ids clash (src/core/roadmap/formerIdChecks.ts), but a Roadmap can be built without
 * it (the compiled roadmap, tests), so the lookup is total anyway: a former id that is still a current id
 * is ignored (the current id wins), and the first item to claim a former id keeps it.
 */

interface HasFormerIds {
  readonly id: string;
  readonly formerIds?: readonly string[];
}

const skillLookups = new WeakMap<Roadmap, ReadonlyMap<string, string>>();
const stageLookups = new WeakMap<Roadmap, ReadonlyMap<string, string>>();

/** Former skill id → the id of the skill that has it now. Built once per roadmap. */
export function formerSkillIds(roadmap: Roadmap): ReadonlyMap<string, string> {
  let lookup = skillLookups.get(roadmap);
  if (lookup === undefined) {
    lookup = lookupOf(roadmap.skills, roadmap.skillById);
    skillLookups.set(roadmap, lookup);
  }
  return lookup;
}

/** Former stage id → the id of the stage that has it now. Built once per roadmap. */
export function formerStageIds(roadmap: Roadmap): ReadonlyMap<string, string> {
  let lookup = stageLookups.get(roadmap);
  if (lookup === undefined) {
    lookup = lookupOf(roadmap.stages, roadmap.stageById);
    stageLookups.set(roadmap, lookup);
  }
  return lookup;
}

/** The id a stored skill id is read under in this roadmap: itself, the skill that took it over, or undefined when neither exists. */
export function currentSkillId(roadmap: Roadmap, id: string): string | undefined {
  return roadmap.skillById.has(id) ? id : formerSkillIds(roadmap).get(id);
}

/** Whether progress stored under `id` belongs to a skill of this roadmap (under that id or a later one). */
export function isKnownSkillId(roadmap: Roadmap, id: string): boolean {
  return currentSkillId(roadmap, id) !== undefined;
}

function lookupOf(items: readonly HasFormerIds[], current: ReadonlyMap<string, unknown>): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const item of items) {
    for (const former of item.formerIds ?? []) {
      if (!current.has(former) && !lookup.has(former)) {
        lookup.set(former, item.id);
      }
    }
  }
  return lookup;
}
