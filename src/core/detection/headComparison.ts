import type { GitRunner } from '../scan/gitRunner';
import { isRegularFile } from '../scan/readText';

/** Working files larger than this are left to `git status` rather than hashed. */
const MAX_HASHED_BYTES = 4 * 1024 * 1024;

/** What comparing the working files with HEAD's tree settles without `git status`. */
export interface HeadComparison {
  /** The working file, as git would store it now (line ends converted as configured), is HEAD's blob: what is in it was committed. */
  readonly clean: ReadonlySet<string>;
  /** HEAD has no such path: the file is not committed, staged or not. */
  readonly notInHead: ReadonlySet<string>;
  /** What only `git status` can tell: a changed file, or one a filter, link or mode may make look changed. */
  readonly unsettled: readonly string[];
}

/**
 * Compares the working files at `paths` (relative to the runner's folder) with commit `head`: one
 * `git ls-tree`, which reads tree objects only, and one `git hash-object` of the regular files (git's own
 * hashing and line-end conversion, no filter: the runner switches them off). Neither reads the
 * index, which `git status` reads whole first: about 120 ms for 100k files, however few paths it is asked
 * about. Undefined when git failed.
 */
export async function compareWithHead(git: GitRunner, folder: string, head: string, paths: readonly string[]): Promise<HeadComparison | undefined> {
  // Only regular files are hashed (a link would be followed, a missing file fail the whole command). Both
  // commands are asked at once: whichever files HEAD turns out not to have were hashed for nothing.
  const hashable = (await Promise.all(paths.map(async (file) => ((await isRegularFile(folder, file, MAX_HASHED_BYTES)) ? file : undefined)))).filter((file) => file !== undefined);
  const [listed, hashedOutcome] = await Promise.all([
    git.run(['ls-tree', '-r', '-z', head, '--', ...paths.map((file) => `:(literal)${file}`)]),
    hashable.length === 0 ? undefined : git.run(['hash-object', '--', ...hashable]),
  ]);
  if (!listed.ok || hashedOutcome?.ok === false) {
    return undefined;
  }
  const inHead = new Set<string>();
  const blobs = new Map<string, string>();
  for (const entry of listed.stdout.split('\0')) {
    // "<mode> <type> <object>\t<path>", the path relative to the folder as the pathspecs were.
    const tab = entry.indexOf('\t');
    if (tab < 0) {
      continue;
    }
    const [mode = '', type = '', object = ''] = entry.slice(0, tab).split(' ');
    const file = entry.slice(tab + 1);
    inHead.add(file);
    if (type === 'blob' && (mode === '100644' || mode === '100755')) {
      blobs.set(file, object);
    }
  }
  const ids = hashedOutcome?.stdout.split('\n') ?? [];
  const hashed = new Map(hashable.map((file, i) => [file, ids[i] ?? '']));
  const clean = new Set<string>();
  const notInHead = new Set<string>();
  const unsettled: string[] = [];
  for (const file of paths) {
    if (!inHead.has(file)) {
      notInHead.add(file);
    } else if (hashed.has(file) && hashed.get(file) === blobs.get(file)) {
      clean.add(file);
    } else {
      unsettled.push(file);
    }
  }
  return { clean, notInHead, unsettled };
}
