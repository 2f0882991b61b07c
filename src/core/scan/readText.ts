import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Files larger than this are never read: evidence lives in small hand-written files, not in bundles or dumps. */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * Reads a text file of the folder, or gives undefined when it is missing, not a regular file (symbolic
 * links are not followed out of the folder), larger than `maxBytes`, or binary.
 */
export async function readTextFile(folder: string, relativePath: string, maxBytes: number = MAX_FILE_BYTES): Promise<string | undefined> {
  const absolute = path.join(folder, relativePath);
  try {
    const stat = await fs.lstat(absolute);
    if (!stat.isFile() || stat.size > maxBytes) {
      return undefined;
    }
    const text = await fs.readFile(absolute, 'utf8');
    if (text.includes('\0')) {
      return undefined;
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** True when the path names an existing regular file (a tracked file may have been deleted from disk). */
export async function isRegularFile(folder: string, relativePath: string): Promise<boolean> {
  try {
    return (await fs.lstat(path.join(folder, relativePath))).isFile();
  } catch {
    return false;
  }
}
