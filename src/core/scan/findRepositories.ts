import { formatNumber } from '../text/numbers';

import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import * as path from 'node:path';
import { isIgnoredPath } from './ignoredPaths';

export interface FindRepositoriesOptions {
  /** Folder levels below the root searched (the root is depth 0). */
  readonly maxDepth?: number;
  /** Repositories found at most. */
  readonly maxRepositories?: number;
  /** Folders read at most: a home folder can hold hundreds of thousands. */
  readonly maxFolders?: number;
  readonly signal?: AbortSignal;
}

export interface FoundRepositories {
  /** Absolute paths of the folders holding a `.git` (directory, or file for worktrees and submodules), sorted. */
  readonly repositories: readonly string[];
  /** Why the search stopped early, when it did (a bound was reached): say so, so the learner can pick a smaller folder. */
  readonly stoppedEarly?: string;
}

export const FIND_REPOSITORIES_DEFAULTS = { maxDepth: 4, maxRepositories: 100, maxFolders: 20_000 } as const;

/**
 * Finds the git repositories under `root` (the root included), breadth first, without running git. Skipped:
 * hidden folders, symbolic links, and the folders that never hold the learner's own projects
 * (node_modules, vendor, build output, virtual environments: src/core/scan/ignoredPaths.ts), so a found
 * repository's installed dependencies and build trees are not searched. Repositories inside repositories
 * are found too (a folder of experiments kept in a repository of notes). Unreadable folders are passed over.
 */
export async function findRepositories(root: string, options: FindRepositoriesOptions = {}): Promise<FoundRepositories> {
  const maxDepth = options.maxDepth ?? FIND_REPOSITORIES_DEFAULTS.maxDepth;
  const maxRepositories = options.maxRepositories ?? FIND_REPOSITORIES_DEFAULTS.maxRepositories;
  const maxFolders = options.maxFolders ?? FIND_REPOSITORIES_DEFAULTS.maxFolders;
  const repositories: string[] = [];
  let queue: string[] = [path.resolve(root)];
  let foldersRead = 0;
  for (let depth = 0; depth <= maxDepth && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of queue) {
      options.signal?.throwIfAborted();
      if (foldersRead >= maxFolders) {
        return result(repositories, `stopped after reading ${formatNumber(maxFolders)} folders: choose a folder closer to your projects`);
      }
      foldersRead++;
      const entries = await readFolder(folder);
      if (entries.some((entry) => entry.name === '.git' && (entry.isDirectory() || entry.isFile()))) {
        repositories.push(folder);
        if (repositories.length >= maxRepositories) {
          return result(repositories, `stopped at ${maxRepositories} repositories: choose a folder with fewer projects in it`);
        }
      }
      for (const entry of entries) {
        if (entry.isDirectory() && !entry.isSymbolicLink() && searched(entry.name)) {
          next.push(path.join(folder, entry.name));
        }
      }
    }
    queue = next.sort();
  }
  return result(repositories);
}

function searched(name: string): boolean {
  return !name.startsWith('.') && !isIgnoredPath(`${name}/`);
}

async function readFolder(folder: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(folder, { withFileTypes: true });
  } catch {
    // Unreadable (permissions, removed meanwhile): nothing to find there.
    return [];
  }
}

function result(repositories: readonly string[], stoppedEarly?: string): FoundRepositories {
  return { repositories: [...repositories].sort(), ...(stoppedEarly === undefined ? {} : { stoppedEarly }) };
}
