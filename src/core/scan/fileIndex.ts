import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * Lookup tables over a folder's file list, built once per scan, so detectors find candidates by file
 * name or extension without walking 100k paths each.
 */
export class FileIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly byExtension = new Map<string, string[]>();
  private readonly sortedByExtension = new Map<string, readonly string[]>();

  /**
   * @param grownFrom Set on an index made by `withFilesBefore` to reuse answers: the index it extends and
   * the files added to it (`findFiles` answers from the base's answers plus the added files).
   */
  private constructor(
    readonly files: readonly string[],
    readonly grownFrom?: { readonly base: FileIndex; readonly added: readonly string[] },
  ) {}

  static async build(files: readonly string[], signal?: AbortSignal): Promise<FileIndex> {
    const index = new FileIndex(files);
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (file === undefined) {
        continue;
      }
      const name = baseName(file).toLowerCase();
      push(index.byName, name, file);
      const dot = name.lastIndexOf('.');
      if (dot > 0) {
        push(index.byExtension, name.slice(dot), file);
      }
      if (i % 20_000 === 19_999) {
        signal?.throwIfAborted();
        await yieldToEventLoop();
      }
    }
    return index;
  }

  /**
   * The index of `files`, which is `added` followed by this index's list (git lists untracked files before
   * tracked ones), equal to `FileIndex.build(files)`. The lists of the names and extensions the added files
   * do not touch are shared with this index, with their sorted copies: on 100k files a second index would
   * cost ~10 MB and its lists sorted again.
   */
  withFilesBefore(files: readonly string[], added: readonly string[], { reuseAnswers = true }: { readonly reuseAnswers?: boolean } = {}): FileIndex {
    const index = new FileIndex(files, reuseAnswers ? { base: this, added } : undefined);
    const touchedExtensions = new Set<string>();
    // Keys in the order a build from `files` meets them: the added files' first, then this index's.
    // Lists are pushed to only here, before any list of this index is shared into it.
    for (const file of added) {
      const name = baseName(file).toLowerCase();
      push(index.byName, name, file);
      const dot = name.lastIndexOf('.');
      if (dot > 0) {
        push(index.byExtension, name.slice(dot), file);
        touchedExtensions.add(name.slice(dot));
      }
    }
    for (const [name, list] of this.byName) {
      const before = index.byName.get(name);
      index.byName.set(name, before === undefined ? list : before.concat(list));
    }
    for (const [extension, list] of this.byExtension) {
      const before = index.byExtension.get(extension);
      index.byExtension.set(extension, before === undefined ? list : before.concat(list));
    }
    for (const [extension, sorted] of this.sortedByExtension) {
      if (!touchedExtensions.has(extension)) {
        index.sortedByExtension.set(extension, sorted);
      }
    }
    return index;
  }

  get size(): number {
    return this.files.length;
  }

  /** Files whose lower-case name is exactly `name`. */
  named(name: string): readonly string[] {
    return this.byName.get(name) ?? [];
  }

  /** Files whose lower-case name ends with `extension` (".ts"), shallowest first. */
  withExtension(extension: string): readonly string[] {
    let sorted = this.sortedByExtension.get(extension);
    if (sorted === undefined) {
      sorted = byDepth(this.byExtension.get(extension) ?? []);
      this.sortedByExtension.set(extension, sorted);
    }
    return sorted;
  }

  /** Every distinct lower-case file name with its files. */
  names(): IterableIterator<[string, readonly string[]]> {
    return this.byName.entries();
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}

export function baseName(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? relativePath : relativePath.slice(slash + 1);
}

/**
 * Whether `relativePath`, whose last slash is at `slash`, is a file directly in `folder` (given with its
 * trailing slash): how a walk over a list, where a folder's files come one after another, knows it is
 * still in the folder it saw last, without cutting the folder out of each path.
 */
export function isDirectlyIn(relativePath: string, slash: number, folder: string): boolean {
  return slash === folder.length - 1 && relativePath.startsWith(folder);
}

export function depthOf(relativePath: string): number {
  let depth = 0;
  for (let i = 0; i < relativePath.length; i++) {
    if (relativePath.charCodeAt(i) === 47 /* / */) {
      depth++;
    }
  }
  return depth;
}

/** Shallow files first (the project's own root files make the clearest evidence), then by path. */
export function byDepth(paths: readonly string[]): readonly string[] {
  const depths = new Uint32Array(paths.length);
  let sortedByPath = true;
  for (let at = 0; at < paths.length; at++) {
    const path = paths[at] ?? '';
    depths[at] = depthOf(path);
    if (at > 0 && path < (paths[at - 1] ?? '')) {
      sortedByPath = false;
    }
  }
  if (sortedByPath) {
    // The usual case (an index list keeps git's order, which sorts paths): a stable counting sort by depth
    // gives the same order without comparing 80k paths as strings, nor an object per path.
    const sorted: string[] = [];
    for (const from of stableOrderByDepth(depths)) {
      sorted.push(paths[from] ?? '');
    }
    return sorted;
  }
  // Depths are computed once per path, not per comparison: lists can hold tens of thousands of paths.
  return paths
    .map((path, at) => ({ path, depth: depths[at] ?? 0 }))
    .sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => entry.path);
}

/** Positions 0..n-1 ordered by depth, keeping the given order within a depth (a counting sort). */
export function stableOrderByDepth(depths: Uint32Array): Uint32Array {
  let deepest = 0;
  for (const depth of depths) {
    deepest = Math.max(deepest, depth);
  }
  const starts = new Uint32Array(deepest + 2);
  for (const depth of depths) {
    starts[depth + 1] = (starts[depth + 1] ?? 0) + 1;
  }
  for (let depth = 1; depth < starts.length; depth++) {
    starts[depth] = (starts[depth] ?? 0) + (starts[depth - 1] ?? 0);
  }
  const order = new Uint32Array(depths.length);
  for (let from = 0; from < depths.length; from++) {
    const depth = depths[from] ?? 0;
    const to = starts[depth] ?? 0;
    order[to] = from;
    starts[depth] = to + 1;
  }
  return order;
}
