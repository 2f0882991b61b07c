import { isDirectlyIn } from '../scan/fileIndex';
import { timeToYield, yieldToEventLoop } from '../scan/yieldToEventLoop';
import { caseInsensitive } from '../text/caseInsensitive';

/**
 * Path hints (a detector's `sourceHint`: the files it reads first) tested per folder and per name
 * instead of per path. A scan of 80,000 source files asked each of ~35 hints of every path (2.8 million
 * tests). Where folders hold several files each, a hint is tested once per folder, and on a file's name
 * only when the name holds a word of some hint at all (one test per file for every hint together).
 */

/** Hints the detectors declare as they are made: the words tested together on file names. */
const declaredHints = new Set<RegExp>();
let declaredUnion: { readonly hints: ReadonlySet<RegExp>; readonly union: RegExp } | undefined;

/** Declares a detector's path hint (returned as it is); hints never declared are tested path by path. */
export function declareSourceHint(hint: RegExp): RegExp {
  if (matchesWithinParts(hint) && !declaredHints.has(hint)) {
    declaredHints.add(hint);
    declaredUnion = undefined;
  }
  return hint;
}

/**
 * Whether every match of `hint` lies within a path's folder part (up to and with its last slash) or within
 * its name, so that testing the two apart says the same as testing the path: true for alternatives of
 * plain words (/controller|routes?|app\.|it\//), where a slash may only end a word. Anything else (anchors,
 * classes, groups, \b, an unescaped dot) is tested on the whole path.
 */
export function matchesWithinParts(hint: RegExp): boolean {
  return !/[gmsyuv]/.test(hint.flags) && /^(?:[a-z0-9_-]|\\\.|\\\/(?=\||$)|(?<!^|\|)\?|\|)+$/i.test(hint.source);
}

/** Where the folders of a list of paths start and end, and which names hold a word of a declared hint. */
interface FolderRuns {
  /** Per path: its run, a stretch of consecutive paths in one folder. */
  readonly runOf: Uint32Array;
  /** Per run: the folder, with its trailing slash ("" for files at the top). */
  readonly folders: readonly string[];
  /** Per path: 1 when its name matches one of `hints`. */
  readonly nameMayMatch: Uint8Array;
  readonly hints: ReadonlySet<RegExp>;
}

/** Past this share of runs per path (a folder per file or so), folders are not worth testing apart. */
const MAX_RUNS_PER_PATH = 0.25;
/** Paths looked at before giving up on a list whose folders are not shared. */
const PROBE_PATHS = 4096;
/**
 * Shorter lists are tested path by path: compiling the union of every declared hint (about 4 ms, the one
 * regular expression of the table's own) costs more than testing each path of a few thousand (50 ns a
 * test); on a small repository it was the table's whole cost.
 */
export const MIN_PATHS_FOR_FOLDERS = 2048;

const runsOfList = new WeakMap<readonly string[], Promise<FolderRuns | undefined>>();

function folderRuns(paths: readonly string[]): Promise<FolderRuns | undefined> {
  if (paths.length < MIN_PATHS_FOR_FOLDERS) {
    return Promise.resolve(undefined);
  }
  let runs = runsOfList.get(paths);
  if (runs === undefined) {
    runs = findFolderRuns(paths);
    runsOfList.set(paths, runs);
  }
  return runs;
}

/** One pass over the list (about 25 ms on 80,000 paths), yielding when a slice of time is used up. */
async function findFolderRuns(paths: readonly string[]): Promise<FolderRuns | undefined> {
  declaredUnion ??= { hints: new Set(declaredHints), union: new RegExp([...declaredHints].map((hint) => hint.source).join('|'), 'i') };
  const { hints, union } = declaredUnion;
  const runOf = new Uint32Array(paths.length);
  const nameMayMatch = new Uint8Array(paths.length);
  const folders: string[] = [];
  let folder: string | undefined;
  for (let at = 0; at < paths.length; at++) {
    const path = paths[at] ?? '';
    const slash = path.lastIndexOf('/');
    if (folder === undefined || !isDirectlyIn(path, slash, folder)) {
      folder = path.slice(0, slash + 1);
      folders.push(folder);
      if (at + 1 === PROBE_PATHS && folders.length > PROBE_PATHS * MAX_RUNS_PER_PATH) {
        break;
      }
    }
    runOf[at] = folders.length - 1;
    nameMayMatch[at] = hints.size > 0 && union.test(path.slice(slash + 1)) ? 1 : 0;
    if (at === paths.length - 1) {
      return folders.length > paths.length * MAX_RUNS_PER_PATH ? undefined : { runOf, folders, nameMayMatch, hints };
    }
    if (at % 4096 === 4095 && timeToYield()) {
      await yieldToEventLoop();
    }
  }
  return undefined;
}

/**
 * The positions of `paths` that `hint` matches (ignoring case), ascending, as testing each path would give;
 * by folder and name when the hint was declared and the list's folders hold several files each. Yields
 * to the event loop when a slice of time is used up (an extension host shares its thread).
 */
export async function positionsMatching(paths: readonly string[], hint: RegExp): Promise<number[]> {
  const pattern = caseInsensitive(hint);
  const runs = declaredHints.has(hint) ? await folderRuns(paths) : undefined;
  const inFolder = runs?.hints.has(hint) === true ? runs.folders.map((folder) => pattern.test(folder)) : undefined;
  const positions: number[] = [];
  for (let at = 0; at < paths.length; at++) {
    // Not in the folder: a match is in the name, which only a name holding some hint's word can have.
    const matches = runs === undefined || inFolder === undefined ? pattern.test(paths[at] ?? '') : inFolder[runs.runOf[at] ?? 0] === true || (runs.nameMayMatch[at] === 1 && pattern.test(paths[at] ?? ''));
    if (matches) {
      positions.push(at);
    }
    if (at % 4096 === 4095 && timeToYield()) {
      await yieldToEventLoop();
    }
  }
  return positions;
}
