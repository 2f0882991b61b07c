import type { FileIndex } from '../scan/fileIndex';
import { depthOf, stableOrderByDepth } from '../scan/fileIndex';
import { timeToYield, yieldToEventLoop } from '../scan/yieldToEventLoop';
import { firstNotBefore } from '../firstNotBefore';
import { PairMemo } from '../pairMemo';
import { caseInsensitive } from '../text/caseInsensitive';
import { positionsMatching } from './pathHints';
import { isFixturePath } from './scanContext';
import type { SourceLanguage } from './sourceLanguages';
import { isTestPath, LANGUAGE_EXTENSIONS, languageOf } from './sourceLanguages';

/**
 * What a scan works out once per language about its source files (outside fixtures), so that each of the
 * many source detectors only walks as far as it reads: the files shallowest first (stable: within one
 * depth, the order of the extensions and then of the paths is kept), with what the detectors ask of each.
 * Kept as columns, one entry per file at the same position: on 100k files an object per file (with its
 * path in lower case) cost 4.5 MB per index, columns 1 MB.
 */
export interface LanguageFiles {
  readonly paths: readonly string[];
  readonly depths: Uint32Array;
  /** 1 for test code (`isTestPath`). */
  readonly tests: Uint8Array;
  /** Per path hint: the positions of the files whose path it matches (ignoring case), ascending. */
  readonly hinted: WeakMap<RegExp, Promise<Uint32Array>>;
  /** Set when these are another index's files plus a few added ones, at positions `inserted` (ascending). */
  readonly grownFrom?: { readonly base: LanguageFiles; readonly inserted: Uint32Array };
}

/** Per scan (per file index) and language. */
const sourceFilesByIndex = new PairMemo<FileIndex, SourceLanguage, Promise<LanguageFiles>>();

export function sourceFilesOf(index: FileIndex, language: SourceLanguage): Promise<LanguageFiles> {
  return sourceFilesByIndex.get(index, language, () => {
    const grownFrom = index.grownFrom;
    return grownFrom === undefined ? classify(index, language) : grow(sourceFilesOf(grownFrom.base, language), grownFrom.added, language);
  });
}

async function classify(index: FileIndex, language: SourceLanguage): Promise<LanguageFiles> {
  const found: string[] = [];
  let checked = 0;
  for (const extension of LANGUAGE_EXTENSIONS[language]) {
    for (const path of index.withExtension(extension)) {
      if (++checked % 4096 === 0 && timeToYield()) {
        await yieldToEventLoop();
      }
      if (languageOf(path) === language && !isFixturePath(path)) {
        found.push(path);
      }
    }
  }
  const depthOfFound = new Uint32Array(found.length);
  for (let at = 0; at < found.length; at++) {
    depthOfFound[at] = depthOf(found[at] ?? '');
  }
  const order = stableOrderByDepth(depthOfFound);
  const paths: string[] = [];
  const depths = new Uint32Array(order.length);
  const tests = new Uint8Array(order.length);
  for (let at = 0; at < order.length; at++) {
    const from = order[at] ?? 0;
    const path = found[from] ?? '';
    paths.push(path);
    depths[at] = depthOfFound[from] ?? 0;
    tests[at] = isTestPath(path) ? 1 : 0;
    if (at % 4096 === 4095 && timeToYield()) {
      await yieldToEventLoop();
    }
  }
  return { paths, depths, tests, hinted: new WeakMap() };
}

/**
 * For an index that extends another with a few files (untracked files listed after the tracked ones): the
 * other's files with the added ones inserted where `classify` would put them, the same columns `classify`
 * would give, without classifying 100k paths again; the path hints' answers follow (`hintedPositions`).
 */
async function grow(basePending: Promise<LanguageFiles>, added: readonly string[], language: SourceLanguage): Promise<LanguageFiles> {
  const base = await basePending;
  const extensions = LANGUAGE_EXTENSIONS[language];
  const rankOf = (path: string): number => extensions.indexOf(path.slice(path.lastIndexOf('.')).toLowerCase());
  // `classify`'s order: depth, then extension (in the language's order), then path.
  const compare = (a: { readonly depth: number; readonly rank: number; readonly path: string }, b: typeof a): number =>
    a.depth - b.depth || a.rank - b.rank || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const fresh = added
    .filter((path) => languageOf(path) === language && !isFixturePath(path))
    .map((path) => ({ path, depth: depthOf(path), rank: rankOf(path) }))
    .sort(compare);
  if (fresh.length === 0) {
    return base;
  }
  const size = base.paths.length + fresh.length;
  const paths: string[] = [];
  const depths = new Uint32Array(size);
  const tests = new Uint8Array(size);
  const inserted = new Uint32Array(fresh.length);
  let from = 0;
  const copyBaseUntil = (until: number): void => {
    for (; from < until; from++) {
      depths[paths.length] = base.depths[from] ?? 0;
      tests[paths.length] = base.tests[from] ?? 0;
      paths.push(base.paths[from] ?? '');
    }
  };
  for (const [i, file] of fresh.entries()) {
    // Base files are in `compare` order: the added one goes before the first that sorts after it.
    copyBaseUntil(
      firstNotBefore(from, base.paths.length, (at) => {
        const path = base.paths[at] ?? '';
        return compare({ path, depth: base.depths[at] ?? 0, rank: rankOf(path) }, file) <= 0;
      }),
    );
    inserted[i] = paths.length;
    depths[paths.length] = file.depth;
    tests[paths.length] = isTestPath(file.path) ? 1 : 0;
    paths.push(file.path);
  }
  copyBaseUntil(base.paths.length);
  return { paths, depths, tests, hinted: new WeakMap(), grownFrom: { base, inserted } };
}

/** The positions of the files whose path matches `hint` (ignoring case), ascending; worked out once per hint. */
export function hintedPositions(files: LanguageFiles, hint: RegExp): Promise<Uint32Array> {
  let positions = files.hinted.get(hint);
  if (positions === undefined) {
    positions = files.grownFrom === undefined ? positionsMatching(files.paths, hint).then((found) => Uint32Array.from(found)) : grownPositions(files, files.grownFrom, hint);
    files.hinted.set(hint, positions);
  }
  return positions;
}

/** `hintedPositions` of grown files: the base's answer moved past the inserted files, and those that match. */
async function grownPositions(files: LanguageFiles, grownFrom: NonNullable<LanguageFiles['grownFrom']>, hint: RegExp): Promise<Uint32Array> {
  const fromBase = await hintedPositions(grownFrom.base, hint);
  const { inserted } = grownFrom;
  const matches = caseInsensitive(hint);
  const positions: number[] = [];
  let next = 0;
  for (const at of fromBase) {
    // Inserted files before this one (in the grown order) push it back by one each.
    while (next < inserted.length && (inserted[next] ?? 0) <= at + next) {
      const position = inserted[next] ?? 0;
      if (matches.test(files.paths[position] ?? '')) {
        positions.push(position);
      }
      next++;
    }
    positions.push(at + next);
  }
  for (; next < inserted.length; next++) {
    const position = inserted[next] ?? 0;
    if (matches.test(files.paths[position] ?? '')) {
      positions.push(position);
    }
  }
  return Uint32Array.from(positions);
}
