import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { nodeCrypto } from '../lazy/nodeCrypto';
import type { GitRunner } from '../scan/gitRunner';

/** Working files larger than this are left to `git status` rather than read and hashed. */
const MAX_HASHED_BYTES = 4 * 1024 * 1024;

/** What comparing the working files with HEAD's tree settles without `git status`. */
export interface HeadComparison {
  /** The working file holds HEAD's blob byte for byte (or but for CRLF line ends): what is in it was committed. */
  readonly clean: ReadonlySet<string>;
  /** HEAD has no such path: the file is not committed, staged or not. */
  readonly notInHead: ReadonlySet<string>;
  /** What only `git status` can tell: a changed file, or one a filter, link or mode may make look changed. */
  readonly unsettled: readonly string[];
}

/**
 * Compares the working files at `paths` (relative to the runner's folder) with commit `head`. One
 * `git ls-tree`, which reads tree objects only: `git status` reads the whole index first, about 120 ms for
 * 100k files, however few paths it is asked about. Undefined when git failed.
 */
export async function compareWithHead(git: GitRunner, folder: string, head: string, paths: readonly string[]): Promise<HeadComparison | undefined> {
  const outcome = await git.run(['ls-tree', '-r', '-z', head, '--', ...paths.map((file) => `:(literal)${file}`)]);
  if (!outcome.ok) {
    return undefined;
  }
  const inHead = new Set<string>();
  const blobs = new Map<string, string>();
  for (const entry of outcome.stdout.split('\0')) {
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
  const clean = new Set<string>();
  const notInHead = new Set<string>();
  const unsettled: string[] = [];
  await Promise.all(
    paths.map(async (file) => {
      if (!inHead.has(file)) {
        notInHead.add(file);
        return;
      }
      const object = blobs.get(file);
      if (object !== undefined && (await holdsBlob(path.join(folder, file), object))) {
        clean.add(file);
      } else {
        unsettled.push(file);
      }
    }),
  );
  // In the order asked, whatever order the reads finished in.
  return { clean, notInHead, unsettled: paths.filter((file) => unsettled.includes(file)) };
}

/** Whether the regular file at `absolute` hashes to git blob `object` (SHA-1, or SHA-256 in a repository that uses it). */
async function holdsBlob(absolute: string, object: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    const stat = await fs.lstat(absolute);
    if (!stat.isFile() || stat.size > MAX_HASHED_BYTES) {
      return false;
    }
    bytes = await fs.readFile(absolute);
  } catch {
    return false;
  }
  const algorithm = object.length === 64 ? 'sha256' : 'sha1';
  if (blobId(bytes, algorithm) === object) {
    return true;
  }
  // Checked out with CRLF line ends (core.autocrlf on Windows) from a blob with LF ones.
  const text = bytes.toString('latin1');
  return text.includes('\r\n') && blobId(Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'), algorithm) === object;
}

/** The object id git gives `bytes` stored as a blob. */
export function blobId(bytes: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return nodeCrypto().createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
