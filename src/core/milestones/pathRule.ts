import type { FileIndex } from '../scan/fileIndex';
import { baseName, byDepth, depthOf } from '../scan/fileIndex';
import { yieldToEventLoop } from '../scan/yieldToEventLoop';
import { firstNotBefore } from '../firstNotBefore';
import { PairMemo } from '../pairMemo';
import { caseInsensitive } from '../text/caseInsensitive';

/**
 * Which files a detector looks at, described so that it can be answered fast from the file index
 * (by exact name or extension) and also for a single path (file watchers), plus the watcher globs.
 * A file matches when its lower-case name is in `names`, ends with one of `extensions`, or matches
 * `namePattern`, and then also satisfies `where` (on the full relative path) and `rootOnly`.
 */
export interface PathRule {
  readonly names?: readonly string[];
  readonly extensions?: readonly string[];
  readonly namePattern?: RegExp;
  readonly where?: (relativePath: string) => boolean;
  readonly rootOnly?: boolean;
  /** Globs (relative to the folder) covering every file this rule can match, for file watchers. */
  readonly globs: readonly string[];
}

export function pathMatchesRule(rule: PathRule, relativePath: string): boolean {
  return pathWithNameMatchesRule(rule, relativePath, baseName(relativePath).toLowerCase());
}

/** `pathMatchesRule` with the path's name (lower case) worked out once by a caller testing many rules. */
export function pathWithNameMatchesRule(rule: PathRule, relativePath: string, name: string): boolean {
  if (rule.rootOnly === true && relativePath.includes('/')) {
    return false;
  }
  const nameMatches =
    (rule.names?.includes(name) ?? false) ||
    (rule.extensions?.some((extension) => name.endsWith(extension)) ?? false) ||
    (rule.namePattern?.test(name) ?? false);
  return nameMatches && (rule.where === undefined || rule.where(relativePath));
}

/** Paths checked between two yields to the event loop. */
const CHECKS_PER_SLICE = 5000;

/** Per scan (per file index): each rule is answered once, however many detectors or calls ask for it. */
const foundByIndex = new PairMemo<FileIndex, PathRule, Promise<readonly string[]>>();

/** Files of the index matching the rule, shallowest first; yields regularly on large folders. */
export function findFiles(index: FileIndex, rule: PathRule): Promise<readonly string[]> {
  return foundByIndex.get(index, rule, () => {
    const grownFrom = index.grownFrom;
    return grownFrom === undefined ? matchFiles(index, rule) : matchAddedFiles(findFiles(grownFrom.base, rule), grownFrom.added, rule);
  });
}

/**
 * For an index that extends another with a few files (untracked files listed after the tracked ones): the
 * other's answer with the added files that match merged in, the same list `matchFiles` would give, without
 * checking 100k paths again.
 */
async function matchAddedFiles(base: Promise<readonly string[]>, added: readonly string[], rule: PathRule): Promise<readonly string[]> {
  const matching = added.filter((file) => pathMatchesRule(rule, file));
  const found = await base;
  if (matching.length === 0) {
    return found;
  }
  const sorted = byDepth(matching);
  return mergedWithAdded.get(found, sorted.join('\0'), () => mergeByDepth([found, sorted]));
}

/**
 * Per base answer and the added files that match it: the merged list. Rules over one extension usually
 * share their base answer (the index's list, or one filtered list) and the few untracked files that match,
 * so the merge (0.6 MB on 80k paths) is made once, not once per rule: eight rules over TypeScript files
 * held eight equal copies at the scan's peak.
 */
const mergedWithAdded = new PairMemo<readonly string[], string, readonly string[]>();

/** Where candidates come from, and whether their name is known to match already. */
interface CandidateList {
  readonly files: readonly string[];
  readonly nameMatches: boolean;
}

/** Per last extension the rule names: the index's files with it (shallowest first, then by path). */
function listsByExtension(index: FileIndex, rule: PathRule): Map<string, CandidateList> {
  const byExtension = new Map<string, CandidateList>();
  for (const extension of rule.extensions ?? []) {
    const lastDot = extension.lastIndexOf('.');
    const key = extension.slice(lastDot);
    // The index keys files by their last extension (".kts"); longer ones (".gradle.kts") are checked per file.
    const nameMatches = lastDot === 0 && (byExtension.get(key)?.nameMatches ?? true);
    byExtension.set(key, { files: index.withExtension(key), nameMatches });
  }
  return byExtension;
}

/** Whether a file of `list` matches the rule (its name is known to match when `list.nameMatches`). */
function matchesInList(rule: PathRule, list: CandidateList, file: string): boolean {
  return list.nameMatches ? (rule.rootOnly !== true || !file.includes('/')) && (rule.where === undefined || rule.where(file)) : pathMatchesRule(rule, file);
}

/**
 * The files of the index matching the rule, in `findFiles` order, worked out only as far as the caller
 * reads: a check that wants one file that exists, or the first 40 to read, stops there instead of
 * testing every path of the lists (80k TypeScript files on a large repository, for each such rule).
 * How far a rule was walked is kept with the index, so a re-check reads on from there, and a walk to
 * the end becomes `findFiles`' answer. Rules by name or name pattern take `findFiles`' answer.
 */
export async function* walkFiles(index: FileIndex, rule: PathRule): AsyncGenerator<string, void, undefined> {
  const answered = foundByIndex.peek(index, rule);
  if (answered !== undefined || rule.names !== undefined || rule.namePattern !== undefined) {
    yield* await (answered ?? findFiles(index, rule));
    return;
  }
  const walk = walksByIndex.get(index, rule, () => new RuleWalk(index, rule));
  for (let at = 0; ; at++) {
    // Files found already (by an earlier walk of this rule) are given without waiting.
    const file = walk.foundAt(at) ?? (await walk.fileAt(at));
    if (file === undefined) {
      return;
    }
    yield file;
  }
}

/** Per scan (per file index) and rule: how far `walkFiles` got. */
const walksByIndex = new PairMemo<FileIndex, PathRule, RuleWalk>();

/** Paths tested by walks since one last yielded to the event loop (an extension host shares its thread). */
let walkChecks = 0;

/** One ordered source of files the walk merges, with the next of its files that matches. */
interface WalkCursor {
  next: string | undefined;
  depth: number;
  /**
   * Moves `next` on to the following file that matches (undefined: none is left). Returns a promise only
   * when it has to wait (another walk, or a turn of the event loop after many paths): then await it.
   */
  readonly step: () => Promise<void> | undefined;
}

/**
 * A rule's files found so far, in `findFiles` order, and where each source of files stands: a merge by
 * depth, then path (the order `mergeByDepth` gives), of sources each in that order with no file in two
 * of them. For an index grown from another, the sources are the other index's walk and the added files
 * that match (as `matchAddedFiles` merges them), so a new file does not make 80k paths be tested again.
 * Walks of one rule take turns (`busy`): two checks reading it at once never move its sources twice.
 */
class RuleWalk {
  private readonly found: string[] = [];
  private readonly cursors: WalkCursor[];
  private started = false;
  private done = false;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly index: FileIndex,
    private readonly rule: PathRule,
  ) {
    const grownFrom = index.grownFrom;
    if (grownFrom === undefined) {
      this.cursors = [...listsByExtension(index, rule).values()].map((list) => listCursor(list.files, (file) => matchesInList(rule, list, file)));
    } else {
      const base = walksByIndex.get(grownFrom.base, rule, () => new RuleWalk(grownFrom.base, rule));
      let read = 0;
      const take = (file: string | undefined): void => {
        read++;
        fromBase.next = file;
        fromBase.depth = file === undefined ? 0 : depthOf(file);
      };
      const fromBase: WalkCursor = {
        next: undefined,
        depth: 0,
        step: () => {
          const known = base.foundAt(read);
          if (known === undefined) {
            return base.fileAt(read).then(take);
          }
          take(known);
          return undefined;
        },
      };
      this.cursors = [listCursor(byDepth(grownFrom.added.filter((file) => pathMatchesRule(rule, file))), () => true), fromBase];
    }
  }

  /** The `at`-th file found so far, if it was. */
  foundAt(at: number): string | undefined {
    return this.found[at];
  }

  /** The `at`-th file the rule matches, or undefined past the last one. */
  fileAt(at: number): Promise<string | undefined> {
    const result = this.busy.then(() => this.walkTo(at));
    this.busy = result.catch(() => undefined);
    return result;
  }

  private async walkTo(at: number): Promise<string | undefined> {
    if (!this.started) {
      this.started = true;
      for (const cursor of this.cursors) {
        await cursor.step();
      }
    }
    while (this.found.length <= at && !this.done) {
      let first: WalkCursor | undefined;
      for (const cursor of this.cursors) {
        const next = cursor.next;
        if (next !== undefined && (first?.next === undefined || cursor.depth < first.depth || (cursor.depth === first.depth && next < first.next))) {
          first = cursor;
        }
      }
      if (first?.next === undefined) {
        this.done = true;
        // Walked to the end: the whole answer, which `findFiles` gives from now on.
        void foundByIndex.get(this.index, this.rule, () => Promise.resolve(this.found));
      } else {
        this.found.push(first.next);
        // Usually settled at once: only a step that has to wait is awaited.
        const waiting = first.step();
        if (waiting !== undefined) {
          await waiting;
        }
      }
    }
    return this.found[at];
  }
}

/** A cursor over a list in walk order, stopping at the files `matches` keeps. */
function listCursor(files: readonly string[], matches: (file: string) => boolean): WalkCursor {
  let at = 0;
  const advance = (): Promise<void> | undefined => {
    while (at < files.length) {
      if (++walkChecks >= CHECKS_PER_SLICE) {
        walkChecks = 0;
        return yieldToEventLoop().then(advance);
      }
      const file = files[at++] ?? '';
      if (matches(file)) {
        cursor.next = file;
        cursor.depth = depthOf(file);
        return undefined;
      }
    }
    return undefined;
  };
  const cursor: WalkCursor = {
    next: undefined,
    depth: 0,
    step: () => {
      cursor.next = undefined;
      return advance();
    },
  };
  return cursor;
}

async function matchFiles(index: FileIndex, rule: PathRule): Promise<readonly string[]> {
  // Lists of one kind never share a file (one name, one last extension per file); lists of two kinds may.
  const byName = new Map<string, CandidateList>();
  for (const name of rule.names ?? []) {
    byName.set(name, { files: index.named(name), nameMatches: true });
  }
  const byExtension = listsByExtension(index, rule);
  const byPattern: CandidateList[] = [];
  if (rule.namePattern !== undefined) {
    for (const [name, files] of index.names()) {
      if (rule.namePattern.test(name) && !byName.has(name)) {
        byPattern.push({ files, nameMatches: true });
      }
    }
  }
  const extensionLists = [...byExtension.values()].filter((list) => list.files.length > 0);
  const otherLists = [...byName.values(), ...byPattern].filter((list) => list.files.length > 0);
  const seen = extensionLists.length > 0 && otherLists.length > 0 ? new Set<string>() : undefined;
  let checked = 0;
  const matchesOf = async (list: CandidateList): Promise<readonly string[]> => {
    const where = rule.where;
    if (seen === undefined && list.nameMatches && rule.rootOnly !== true && where !== undefined) {
      return filteredList(list.files, where);
    }
    const matching: string[] = [];
    for (const file of list.files) {
      if (++checked % CHECKS_PER_SLICE === 0) {
        await yieldToEventLoop();
      }
      if (seen !== undefined) {
        if (seen.has(file)) {
          continue;
        }
        seen.add(file);
      }
      if (matchesInList(rule, list, file)) {
        matching.push(file);
      }
    }
    return matching;
  };
  const fromExtensions: (readonly string[])[] = [];
  for (const list of extensionLists) {
    fromExtensions.push(await matchesOf(list));
  }
  const fromOthers: string[] = [];
  for (const list of otherLists) {
    for (const file of await matchesOf(list)) {
      fromOthers.push(file);
    }
  }
  // The extension index lists are shallowest first already: merged, not sorted again.
  const merged = mergeByDepth(fromExtensions);
  return fromOthers.length === 0 ? merged : byDepth([...merged, ...fromOthers]);
}

/**
 * Per index list (a name's or an extension's files) and `where` predicate: the files it keeps. Several
 * rules share a predicate (`ownSource`, `ownFile`) over the same extension lists; on a large folder each
 * such filter costs tens of milliseconds, so it is worked out once per scan instead of once per rule.
 */
const filteredByList = new PairMemo<readonly string[], (relativePath: string) => boolean, Promise<readonly string[]>>();

function filteredList(files: readonly string[], where: (relativePath: string) => boolean): Promise<readonly string[]> {
  return filteredByList.get(files, where, async () => {
    const matching: string[] = [];
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (file !== undefined && where(file)) {
        matching.push(file);
      }
      if (i % CHECKS_PER_SLICE === CHECKS_PER_SLICE - 1) {
        await yieldToEventLoop();
      }
    }
    // Nothing filtered out (a project without fixtures): the list itself, not a copy of 100k paths.
    return matching.length === files.length ? files : matching;
  });
}

/** Merges lists each in `byDepth` order into one in that order. */
function mergeByDepth(lists: readonly (readonly string[])[]): readonly string[] {
  // Largest first: the others are merged into it one by one, usually a few files into tens of thousands.
  const nonEmpty = lists.filter((list) => list.length > 0).sort((a, b) => b.length - a.length);
  let merged = nonEmpty[0] ?? [];
  for (const list of nonEmpty.slice(1)) {
    merged = mergeTwo(merged, list);
  }
  return merged;
}

/** `a` and `b` (each in `byDepth` order, no path in both) merged; each path's depth is counted once. */
function mergeTwo(a: readonly string[], b: readonly string[]): string[] {
  if (b.length * 32 <= a.length) {
    return insertFew(a, b);
  }
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  let depthA = a[0] === undefined ? 0 : depthOf(a[0]);
  let depthB = b[0] === undefined ? 0 : depthOf(b[0]);
  while (i < a.length && j < b.length) {
    const pathA = a[i] ?? '';
    const pathB = b[j] ?? '';
    if (depthA < depthB || (depthA === depthB && pathA < pathB)) {
      merged.push(pathA);
      i++;
      depthA = i < a.length ? depthOf(a[i] ?? '') : 0;
    } else {
      merged.push(pathB);
      j++;
      depthB = j < b.length ? depthOf(b[j] ?? '') : 0;
    }
  }
  for (; i < a.length; i++) {
    merged.push(a[i] ?? '');
  }
  for (; j < b.length; j++) {
    merged.push(b[j] ?? '');
  }
  return merged;
}

/**
 * `mergeTwo` for a few paths into many (untracked files into a rule's 80k tracked ones): each of `few`
 * finds its place by binary search, so only the paths probed have their depth counted, not all of `many`.
 */
function insertFew(many: readonly string[], few: readonly string[]): string[] {
  // Runs of `many` are copied whole (slice and concat copy memory at once; a push per path was as slow as
  // the linear merge).
  const parts: (readonly string[])[] = [];
  let from = 0;
  for (const path of few) {
    const depth = depthOf(path);
    // The first of `many` that sorts after `path`.
    const at = firstNotBefore(from, many.length, (probe) => {
      const other = many[probe] ?? '';
      const otherDepth = depthOf(other);
      return otherDepth < depth || (otherDepth === depth && other < path);
    });
    parts.push(many.slice(from, at), [path]);
    from = at;
  }
  parts.push(many.slice(from));
  return ([] as string[]).concat(...parts);
}

/** Per listed array (memoized by `findFiles`, so per scan and rule), preference and limit: the reordered list. */
const preferredByList = new PairMemo<readonly string[], RegExp, Map<number, readonly string[]>>();

/**
 * The first `limit` of `files` reordered with those whose lower-case path matches `prefer` first, each
 * part in its original order. Worked out once per list, preference and limit, as `findFiles` lists are
 * shared by the detectors of a scan. Only `limit` paths are kept (a whole reordered copy cost 0.6 MB per
 * preference on 100k files), and the walk stops once `limit` preferred paths are found.
 */
export function preferFirst(files: readonly string[], prefer: RegExp, limit: number = files.length): readonly string[] {
  const byLimit = preferredByList.get(files, prefer, () => new Map());
  let reordered = byLimit.get(limit);
  if (reordered === undefined) {
    const preferred: string[] = [];
    const rest: string[] = [];
    const matches = caseInsensitive(prefer);
    for (let i = 0; i < files.length && preferred.length < limit; i++) {
      const file = files[i] ?? '';
      if (matches.test(file)) {
        preferred.push(file);
      } else if (rest.length < limit) {
        rest.push(file);
      }
    }
    reordered = [...preferred, ...rest].slice(0, limit);
    byLimit.set(limit, reordered);
  }
  return reordered;
}
