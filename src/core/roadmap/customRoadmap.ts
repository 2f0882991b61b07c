import * as path from 'node:path';
import { ROADMAP_HEADER_FILE } from '../roadmaps/roadmapChoices';
import { parseRoadmapHeader } from './headerDocument';
import type { RoadmapHeader } from './headerDocument';
import { loadRoadmapFromDirectory } from './loader';
import type { LoadResult } from './loader';
import type { Roadmap } from './model';
import { readStageFile } from './stageFiles';

/**
 * A roadmap the learner writes: a folder with a header (`roadmap.yaml`: id, title, description) and a
 * `stages` folder of stage files in the shipped roadmap's format, whose skills may reuse shipped ones with
 * `- ref: SKILL_ID` (src/core/roadmap/sharedSkills.ts).
 */
export interface CustomLoadResult extends LoadResult {
  /** The folder that was read. */
  readonly folder: string;
  /** Undefined when the header is missing or has problems. */
  readonly header: RoadmapHeader | undefined;
}

/** True when `dir` has a header file: it is read as a custom roadmap then, not as a copy of the shipped one. */
export async function hasRoadmapHeader(dir: string): Promise<boolean> {
  return typeof (await readStageFile(path.join(dir, ROADMAP_HEADER_FILE))) === 'string';
}

/**
 * Reads the header and the stages of `dir` against the shipped roadmap. Problems of both are listed; the
 * roadmap is given only when there are none. Never throws.
 */
export async function loadCustomRoadmap(dir: string, shipped: Roadmap): Promise<CustomLoadResult> {
  const headerFile = path.join(dir, ROADMAP_HEADER_FILE);
  const [text, stages] = await Promise.all([readStageFile(headerFile), loadRoadmapFromDirectory(dir, { shipped })]);
  const header =
    typeof text === 'string'
      ? parseRoadmapHeader({ file: headerFile, text })
      : { header: undefined, problems: [{ ...text, message: `${text.message}. A roadmap of your own needs ${ROADMAP_HEADER_FILE} with id, title and description (see docs/roadmap-loader.md)` }] };
  const problems = [...header.problems, ...stages.problems];
  return { folder: dir, header: header.header, roadmap: problems.length === 0 ? stages.roadmap : undefined, problems };
}
