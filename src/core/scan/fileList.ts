import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import * as path from 'node:path';
import type { GitRunner } from './gitRunner';
import { IGNORED_DIR_NAMES, isIgnoredDirectory, isIgnoredPath } from './ignoredPaths';
import { isDirectlyIn } from './fileIndex';
import { yieldToEventLoop } from './yieldToEventLoop';

/** How the files of a folder were found. */
export type ListingSource = 'git' | 'crawl';

export interface FileListing {
  /** Relative paths with forward slashes, never inside an ignored folder. */
  readonly files: readonly string[];
  readonly source: ListingSource;
  /** True when the crawl stopped at one of its bounds, so some files were not seen. */
  readonly truncated: boolean;
  readonly warnings: readonly string[];
  /** Set when git was asked and is not installed: the caller reports git checks as not done. */
  readonly gitMissing: boolean;
}

export interface CrawlLimits {
  /** Folders deeper than this (the root is 0) are not entered. */
  readonly maxDepth: number;
  /** Files listed before the crawl stops. */
  readonly maxFiles: number;
  /** Folders read (the root included; skipped ones do not count) before no more are entered. */
  readonly maxFolders: number;
}

/** Bounds files and folders separately, so a layout with one file per folder is listed as fully as any other. */
export const DEFAULT_CRAWL_LIMITS: CrawlLimits = { maxDepth: 12, maxFiles: 200_000, maxFolders: 200_000 };

export interface ListFilesOptions {
  /** Present only when git may run (trusted workspace). */
  readonly git?: GitRunner;
  readonly signal?: AbortSignal;
  readonly limits?: CrawlLimits;
}

/**
 * Lists the files of a folder: with `git ls-files` where git may run and the folder is in a work tree
 * (fast, and it respects .gitignore), otherwise with a bounded crawl that skips generated folders.
 */
export async function listFiles(folder: string, options: ListFilesOptions): Promise<FileListing> {
  const warnings: string[] = [];
  let gitMissing = false;
  if (options.git !== undefined) {
    const fromGit = await gitListFiles(options.git);
    // Nothing listed: an empty repository, or a folder that an enclosing repository ignores (a project
    // under an ignored path of a home-folder repo). The crawl is instant for the first and right for the second.
    if (fromGit.files !== undefined && fromGit.files.length > 0) {
      return { files: fromGit.files, source: 'git', truncated: false, warnings, gitMissing };
    }
    gitMissing = fromGit.missing;
    if (fromGit.warning !== undefined) {
      warnings.push(fromGit.warning);
    }
  }
  const limits = options.limits ?? DEFAULT_CRAWL_LIMITS;
  const crawl = await crawlFiles(folder, limits, options.signal);
  if (crawl.truncated) {
    warnings.push(`Only part of the folder was scanned: the file crawl stops after ${limits.maxFiles} files, ${limits.maxFolders} folders or ${limits.maxDepth} folder levels. Open a smaller folder (a single project) to have all of it checked.`);
  }
  return { files: crawl.files, source: 'crawl', truncated: crawl.truncated, warnings, gitMissing };
}

/** What `gitListFiles` found: the files, or why there are none (git missing, not a repository, failed). */
export interface GitListing {
  readonly files?: readonly string[];
  readonly missing: boolean;
  readonly warning?: string;
}

/** Untracked files inside these folders are not even walked by git. */
const GIT_EXCLUDES = [...IGNORED_DIR_NAMES].filter((name) => name !== '.git').map((name) => `--exclude=${name}/`);

/**
 * Which files `gitListFiles` lists: all (tracked and untracked, one process), or one part. Untracked files
 * cost a walk of every folder git knows (about 1.9 s for 100,000 folders, against 0.2 s for the tracked
 * files from the index), so on a large repository the engine lists the parts apart and checks the tracked
 * files while git walks (see engine.ts).
 */
export type GitListPart = 'all' | 'tracked' | 'untracked';

const LIST_ARGS: Record<GitListPart, readonly string[]> = {
  all: ['--cached', '--others', '--exclude-standard', ...GIT_EXCLUDES],
  tracked: ['--cached'],
  untracked: ['--others', '--exclude-standard', ...GIT_EXCLUDES],
};

/** The `git ls-files` that lists `part`. */
export function gitListArgs(part: GitListPart): readonly string[] {
  return ['ls-files', '-z', ...LIST_ARGS[part]];
}

export async function gitListFiles(git: GitRunner, part: GitListPart = 'all'): Promise<GitListing> {
  const outcome = await git.run(gitListArgs(part));
  if (!outcome.ok) {
    if (outcome.kind === 'missing') {
      return { missing: true, warning: 'git is not installed or not on PATH: files were listed by a crawl, and git history, branches and remotes were not checked.' };
    }
    if (outcome.kind === 'notRepository') {
      return { missing: false };
    }
    return { missing: false, warning: `git ls-files failed (${outcome.message}); files were listed by a crawl instead.` };
  }
  // A path is listed more than once only as an unmerged index entry (one per conflict stage), and those
  // are next to each other (the index is sorted; untracked files are never in it): comparing with the
  // previous entry is enough, where a Set of 100k paths cost ~5 MB and tens of milliseconds.
  const files: string[] = [];
  const listed = outcome.stdout;
  let previous = '';
  // Git lists a folder's files one after another: whether the folder is ignored is worked out once per
  // folder, not once per file (2,000 folders for 100k files in a usual layout).
  let folder = '';
  let folderIgnored = false;
  // Entries are cut from the output one by one: a `split` first would add an array of every entry (100k
  // on a large repository) that is garbage at once.
  for (let i = 0, start = 0; start < listed.length; i++) {
    const end = listed.indexOf('\0', start);
    const entry = listed.slice(start, end < 0 ? listed.length : end);
    start = end < 0 ? listed.length : end + 1;
    // Nested repositories show up as "dir/"; generated folders that are committed are skipped too.
    if (entry !== '' && entry !== previous && !entry.endsWith('/')) {
      const slash = entry.lastIndexOf('/');
      if (slash < 0) {
        files.push(entry);
      } else {
        if (!isDirectlyIn(entry, slash, folder)) {
          folder = entry.slice(0, slash + 1);
          folderIgnored = isIgnoredPath(folder);
        }
        if (!folderIgnored) {
          files.push(entry);
        }
      }
    }
    previous = entry;
    if (i % 20_000 === 19_999) {
      await yieldToEventLoop();
    }
  }
  return { files, missing: false };
}

interface CrawlResult {
  readonly files: readonly string[];
  readonly truncated: boolean;
}

/** Folders read concurrently in one step of the crawl. */
const CRAWL_BATCH = 32;

/**
 * Breadth-first walk that never follows symbolic links (they may leave the folder or loop), skips
 * ignored folders, and stops at `maxFiles` files, `maxFolders` folders or below `maxDepth`.
 */
export async function crawlFiles(folder: string, limits: CrawlLimits, signal?: AbortSignal): Promise<CrawlResult> {
  const files: string[] = [];
  let folders = 1;
  /** Something was left out: a file past the bound, or a folder not entered. */
  let truncated = false;
  /** The file bound was reached: nothing more is read. */
  let full = false;
  let level: string[] = [''];
  for (let depth = 0; level.length > 0 && !full; depth++) {
    const next: string[] = [];
    for (let start = 0; start < level.length && !full; start += CRAWL_BATCH) {
      signal?.throwIfAborted();
      const batch = level.slice(start, start + CRAWL_BATCH);
      const listed = await Promise.all(batch.map((dir) => readDirectory(folder, dir)));
      for (const [index, dirents] of listed.entries()) {
        const dir = batch[index] ?? '';
        if (full) {
          break;
        }
        for (const dirent of dirents) {
          const relative = dir === '' ? dirent.name : `${dir}/${dirent.name}`;
          if (dirent.isFile()) {
            if (files.length >= limits.maxFiles) {
              truncated = true;
              full = true;
              break;
            }
            files.push(relative);
          } else if (dirent.isDirectory() && !isIgnoredDirectory(dirent.name)) {
            if (depth + 1 > limits.maxDepth || folders >= limits.maxFolders) {
              // The folder is left out, but the files of folders already found are still listed.
              truncated = true;
            } else {
              folders++;
              next.push(relative);
            }
          }
        }
      }
      await yieldToEventLoop();
    }
    level = next;
  }
  return { files, truncated };
}

async function readDirectory(folder: string, relative: string): Promise<readonly Dirent[]> {
  try {
    return await fs.readdir(path.join(folder, relative), { withFileTypes: true });
  } catch {
    // An unreadable folder is skipped, like one that vanished during the crawl.
    return [];
  }
}
