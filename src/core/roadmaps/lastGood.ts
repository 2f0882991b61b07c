import type { CustomLoadResult } from '../roadmap/customRoadmap';
import type { RoadmapHeader } from '../roadmap/headerDocument';
import { createRoadmap } from '../roadmap/model';
import type { Roadmap, Stage } from '../roadmap/model';
import type { RoadmapProblem } from '../roadmap/problems';

/**
 * A custom roadmap that breaks while the learner edits it keeps working: its last version that loaded
 * without problems stays in use (and in storage, so a restart does not lose it) until the folder loads again.
 */

/** The last good version of a custom roadmap, as stored (per folder). */
export interface SavedRoadmap {
  readonly header: RoadmapHeader;
  readonly stages: readonly Stage[];
}

/** A custom roadmap folder as the extension uses it. */
export interface CustomRoadmapState {
  readonly folder: string;
  /** Of the version in use; undefined when none can be used. */
  readonly header: RoadmapHeader | undefined;
  readonly roadmap: Roadmap | undefined;
  /** The folder's problems now (empty when it loaded). */
  readonly problems: readonly RoadmapProblem[];
  /** True when the folder has problems and the last good version is in use. */
  readonly stale: boolean;
}

export interface Settled {
  readonly state: CustomRoadmapState;
  /** What to store as the last good version; undefined when what is stored stays as it is. */
  readonly save: SavedRoadmap | undefined;
}

/** The version to use after loading `loaded`, given what is stored for its folder (anything: storage is not trusted). */
export function settleCustomRoadmap(loaded: CustomLoadResult, stored: unknown): Settled {
  if (loaded.header !== undefined && loaded.roadmap !== undefined && loaded.problems.length === 0) {
    const fresh: SavedRoadmap = { header: loaded.header, stages: loaded.roadmap.stages };
    const unchanged = JSON.stringify(fresh) === JSON.stringify(stored);
    return { state: { folder: loaded.folder, header: loaded.header, roadmap: loaded.roadmap, problems: [], stale: false }, save: unchanged ? undefined : fresh };
  }
  const saved = readSavedRoadmap(stored);
  return {
    state: { folder: loaded.folder, header: saved?.header, roadmap: saved ? createRoadmap(saved.stages) : undefined, problems: loaded.problems, stale: saved !== undefined },
    save: undefined,
  };
}

/** The stored last good version before the folder is read again (at start-up: no YAML parsing needed). */
export function savedState(folder: string, stored: unknown): CustomRoadmapState | undefined {
  const saved = readSavedRoadmap(stored);
  return saved ? { folder, header: saved.header, roadmap: createRoadmap(saved.stages), problems: [], stale: false } : undefined;
}

/**
 * A stored value if it has the frame of a SavedRoadmap. What is inside was validated by the loader before it
 * was stored, and only this extension writes the key.
 */
export function readSavedRoadmap(value: unknown): SavedRoadmap | undefined {
  if (typeof value !== 'object' || value === null || !('header' in value) || !('stages' in value)) {
    return undefined;
  }
  const { header, stages } = value;
  const headerOk = typeof header === 'object' && header !== null && 'id' in header && typeof header.id === 'string' && 'title' in header && typeof header.title === 'string';
  const stagesOk = Array.isArray(stages) && stages.length > 0 && stages.every(isStageFrame);
  // The checks above are the boundary between stored JSON and the model.
  return headerOk && stagesOk ? { header: header as RoadmapHeader, stages: stages as Stage[] } : undefined;
}

function isStageFrame(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'order' in value &&
    typeof value.order === 'number' &&
    'skills' in value &&
    Array.isArray(value.skills) &&
    value.skills.every((skill: unknown) => typeof skill === 'object' && skill !== null && 'id' in skill && typeof skill.id === 'string')
  );
}
