import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ListingSource } from './fileList';
import type { GitRunner } from './gitRunner';
import { isIgnoredPath } from './ignoredPaths';

/** Changed paths past this many are cheaper to list again than to check one by one. */
export const MAX_INCREMENTAL_PATHS = 500;

/**
 * The folder's file list after `changed` paths were created, changed or deleted, without listing the folder
 * again. New files are only added where a full listing would list them (for a git listing, git is asked
 * whether they are ignored). Undefined when the change cannot be applied path by path (a folder appeared,
 * too many paths, git failed): the caller lists the folder again.
 */
export async function updateFileList(
  folder: string,
  previous: { readonly files: readonly string[]; readonly source: ListingSource },
  changed: ReadonlySet<string>,
  git: GitRunner | undefined,
): Promise<string[] | undefined> {
  if (changed.size > MAX_INCREMENTAL_PATHS) {
    return undefined;
  }
  const files = new Set(previous.files);
  const added: string[] = [];
  for (const relative of changed) {
    if (relative === '' || relative.startsWith('..') || isIgnoredPath(relative)) {
      continue;
    }
    let stat;
    try {
      stat = await fs.lstat(path.join(folder, relative));
    } catch {
      files.delete(relative);
      continue;
    }
    if (stat.isDirectory()) {
      // A new or moved folder brings files whose own events may never arrive.
      return undefined;
    }
    if (!stat.isFile()) {
      files.delete(relative);
    } else if (!files.has(relative)) {
      added.push(relative);
    }
  }
  if (added.length > 0 && previous.source === 'git') {
    if (git === undefined) {
      return undefined;
    }
    const listed = await git.run(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...added.map((p) => `:(literal)${p}`)]);
    if (!listed.ok) {
      return undefined;
    }
    for (const file of listed.stdout.split('\0')) {
      if (file !== '') {
        files.add(file);
      }
    }
  } else {
    for (const file of added) {
      files.add(file);
    }
  }
  return [...files];
}
