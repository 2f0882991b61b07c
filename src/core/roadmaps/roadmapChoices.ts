import * as path from 'node:path';
import type { Roadmap } from '../roadmap/model';
import type { RoadmapProblem } from '../roadmap/problems';
import type { CustomRoadmapState } from './lastGood';

/** The id of the roadmap that ships with Backend Roadmap; no custom roadmap may take it. */
export const SHIPPED_ROADMAP_ID = 'backend';
export const SHIPPED_ROADMAP_TITLE = 'Backend Roadmap';
/** The header file of a custom roadmap (src/core/roadmap/customRoadmap.ts). */
export const ROADMAP_HEADER_FILE = 'roadmap.yaml';
/** The folder in a workspace folder that holds a roadmap of the learner's own. */
export const WORKSPACE_ROADMAP_FOLDER = '.backend-roadmap';

/** A roadmap the learner can switch to. */
export interface RoadmapChoice {
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly roadmap: Roadmap;
  /** The folder of a custom roadmap; undefined for the shipped one. */
  readonly folder: string | undefined;
  /** Its folder has problems, and its last good version is in use. */
  readonly stale: boolean;
}

export interface RoadmapChoices {
  /** The shipped roadmap first, then custom ones in folder order. */
  readonly choices: readonly RoadmapChoice[];
  /** Custom roadmaps left out because another one already has their id. */
  readonly problems: readonly RoadmapProblem[];
}

/** Every roadmap that can be used now: the shipped one (unless it failed) and each custom one with a usable version. */
export function roadmapChoices(shipped: Roadmap | undefined, customs: readonly CustomRoadmapState[]): RoadmapChoices {
  const choices: RoadmapChoice[] = shipped ? [{ id: SHIPPED_ROADMAP_ID, title: SHIPPED_ROADMAP_TITLE, description: undefined, roadmap: shipped, folder: undefined, stale: false }] : [];
  const problems: RoadmapProblem[] = [];
  for (const custom of customs) {
    if (custom.header === undefined || custom.roadmap === undefined) {
      continue;
    }
    const same = choices.find((choice) => choice.id === custom.header?.id);
    if (same) {
      problems.push({
        file: path.join(custom.folder, ROADMAP_HEADER_FILE),
        line: 1,
        column: 1,
        message: `the roadmap id "${custom.header.id}" is also the id of the roadmap in ${same.folder ?? 'Backend Roadmap itself'}: give each roadmap its own id (this one is not offered until then)`,
      });
      continue;
    }
    choices.push({ id: custom.header.id, title: custom.header.title, description: custom.header.description, roadmap: custom.roadmap, folder: custom.folder, stale: custom.stale });
  }
  return { choices, problems };
}

/** The selected roadmap, or the shipped one when the selection is not available (its folder is gone or never loaded). */
export function chooseRoadmap(choices: readonly RoadmapChoice[], selectedId: string | undefined): RoadmapChoice | undefined {
  return choices.find((choice) => choice.id === selectedId) ?? choices.find((choice) => choice.id === SHIPPED_ROADMAP_ID) ?? choices[0];
}
