import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * About 25,000 tracked files. From this size of `.git/index` on, a scan lists tracked and untracked files
 * in two processes (engine.ts: below it one `git ls-files` costs less than two), and the CLI tunes V8's
 * memory for the scan (cli/memorySettings.ts: below it the tuning only adds collections).
 */
export const LARGE_GIT_INDEX_BYTES = 2 * 1024 * 1024;

/** The size of the folder's own git index, 0 when it has none (not a repository's top level, or a new one). */
export async function gitIndexBytes(folder: string): Promise<number> {
  try {
    return (await fs.stat(path.join(folder, '.git', 'index'))).size;
  } catch {
    return 0;
  }
}
