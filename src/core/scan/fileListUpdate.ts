import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ListingSource } from './fileList';
import type { GitRunner } from './gitRunner';
import { filesInside } from './filesInside';
import { isIgnoredPath } from './ignoredPaths';

/** Changed paths past this many are cheaper to list again than to check one by one. */
export const MAX_INCREMENTAL_PATHS = 500;
/** Up to this many changed paths are looked up in the list one by one instead of through a Set of it. */
const FEW_PATHS = 8;

/**
 * The folder's file list after `changed` paths were created, changed or deleted, without listing the folder
 * again. New files are only added where a full listing would list them (for a git listing, git is asked
 * whether they are ignored). Undefined when the change cannot be applied path by path (a folder appeared,
 * too many paths, git failed): the caller lists the folder again. When no file appeared or went (a saved
 * file), it is `previous.files` itself, so the scan can reuse what it built from that list (its index).
 */
export async function updateFileList(
  folder: string,
  previous: { readonly files: readonly string[]; readonly source: ListingSource },
  changed: ReadonlySet<string>,
  git: GitRunner | undefined,
): Promise<readonly string[] | undefined> {
  if (changed.size > MAX_INCREMENTAL_PATHS) {
    return undefined;
  }
  // A saved file neither appears nor goes: a scan of the list (no Set of 100k paths) tells for a few paths.
  const known: { has(path: string): boolean } = changed.size <= FEW_PATHS ? { has: (p) => previous.files.includes(p) } : new Set(previous.files);
  const removed: string[] = [];
  /** Gone and not listed: deleted folders, whose listed files went with them (one pass over the list for all). */
  const goneFolders = new Set<string>();
  const added: string[] = [];
  for (const relative of changed) {
    if (relative === '' || relative.startsWith('..') || isIgnoredPath(relative)) {
      continue;
    }
    let stat;
    try {
      stat = await fs.lstat(path.join(folder, relative));
    } catch {
      if (known.has(relative)) {
        removed.push(relative);
      } else {
        goneFolders.add(relative);
      }
      continue;
    }
    if (stat.isDirectory()) {
      // A new or moved folder brings files whose own events may never arrive.
      return undefined;
    }
    if (!stat.isFile()) {
      if (known.has(relative)) {
        removed.push(relative);
      }
    } else if (!known.has(relative)) {
      added.push(relative);
    }
  }
  removed.push(...(filesInside(previous.files, goneFolders) ?? []));
  if (added.length === 0 && removed.length === 0) {
    return previous.files;
  }
  const files = new Set(previous.files);
  for (const file of removed) {
    files.delete(file);
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
  // Every new file may be one git ignores: then the list is still the previous one.
  return removed.length === 0 && files.size === previous.files.length ? previous.files : [...files];
}
