import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { COMPILED_ROADMAP_FILE } from '../core/compiled/compiledRoadmap';
import { readShippedRoadmap } from '../core/compiled/shippedRoadmap';
import { contentTools } from '../core/lazy/modules';
import type { LoadResult } from '../core/roadmap/loader';
import { formatProblem } from '../core/roadmap/problems';
import type { RoadmapProblem } from '../core/roadmap/problems';
import { sanitizeForTerminal } from '../core/text/sanitize';
import { defaultRoadmapDir } from './packageRoot';

/** Where a roadmap came from, for messages. */
export interface CliRoadmap {
  readonly loaded: LoadResult;
  /** The folder or file that was read. */
  readonly from: string;
}

/**
 * The roadmap a command works on. `--roadmap DIR` is YAML: the parser and schema validator load then, and
 * only then; with a header (DIR/roadmap.yaml) it is a custom roadmap read against the shipped one, whose
 * skills it may reuse with `- ref: ID`. Otherwise the roadmap compiled at build time beside the bundle (dist/roadmap.jsonl); compiled
 * by tsc (tests, a source checkout without a build) there is none, so the shipped YAML is read instead.
 * `compiled` is that file's path (tests give another).
 */
export async function loadCliRoadmap(roadmapDir: string | undefined, compiled = path.join(__dirname, COMPILED_ROADMAP_FILE)): Promise<CliRoadmap> {
  if (roadmapDir !== undefined) {
    const dir = path.resolve(roadmapDir);
    const tools = contentTools();
    if (!(await tools.hasRoadmapHeader(dir))) {
      return { loaded: await tools.loadRoadmapFromDirectory(dir), from: dir };
    }
    // A roadmap of the learner's own (roadmap.yaml beside its stages): it may reuse shipped skills by id.
    const shipped = await loadShippedRoadmap(compiled);
    if (shipped.loaded.roadmap === undefined) {
      return shipped;
    }
    return { loaded: await tools.loadCustomRoadmap(dir, shipped.loaded.roadmap), from: dir };
  }
  return loadShippedRoadmap(compiled);
}

async function loadShippedRoadmap(compiled: string): Promise<CliRoadmap> {
  if (existsSync(compiled)) {
    return { loaded: readShippedRoadmap(compiled), from: compiled };
  }
  const dir = defaultRoadmapDir();
  return { loaded: await contentTools().loadRoadmapFromDirectory(dir), from: dir };
}

/**
 * Says on stderr why the roadmap could not be loaded, problem by problem, and returns the exit code: 2 when
 * the learner's --roadmap DIR is at fault, 1 when the roadmap built into the program is.
 */
export function reportUnloadableRoadmap(io: { readonly stderr: { write(text: string): unknown } }, from: string, problems: readonly RoadmapProblem[], roadmapDir: string | undefined): number {
  io.stderr.write(`backend-roadmap: cannot load the roadmap from ${sanitizeForTerminal(from)}:\n`);
  for (const problem of problems) {
    io.stderr.write(`  ${sanitizeForTerminal(formatProblem(problem))}\n`);
  }
  return roadmapDir === undefined ? 1 : 2;
}
