import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** How the folder is a git repository, found from files alone (no git process: safe in untrusted folders). */
export interface GitRepository {
  /** `directory`: an ordinary `.git` folder; `file`: a `.git` file (`gitdir: …`) of a worktree or submodule. */
  readonly kind: 'directory' | 'file';
  /** For a `.git` file, the git directory it points to, as written. */
  readonly gitdir?: string;
}

export async function findGitRepository(folder: string): Promise<GitRepository | undefined> {
  const dotGit = path.join(folder, '.git');
  let stat;
  try {
    stat = await fs.lstat(dotGit);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) {
    return (await hasHead(dotGit)) ? { kind: 'directory' } : undefined;
  }
  if (!stat.isFile() || stat.size > 4096) {
    return undefined;
  }
  const text = await fs.readFile(dotGit, 'utf8').catch(() => '');
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (match?.[1] === undefined) {
    return undefined;
  }
  // A `.git` file pointing nowhere (a copied worktree) is not a repository.
  const target = path.resolve(folder, match[1]);
  return (await hasHead(target)) ? { kind: 'file', gitdir: match[1] } : undefined;
}

async function hasHead(gitDirectory: string): Promise<boolean> {
  try {
    return (await fs.stat(path.join(gitDirectory, 'HEAD'))).isFile();
  } catch {
    return false;
  }
}

/** Folder levels walked up at most when looking for an enclosing repository. */
const MAX_PARENT_LEVELS = 64;

/**
 * True when the folder, or a folder above it, is a git repository (found from files alone, so it is safe in
 * untrusted workspaces). A subfolder of someone else's clone is still someone else's work: its evidence
 * must not count as "no git, so nobody else's" (see src/core/detection/credit.ts).
 */
export async function isInsideRepository(folder: string, ceilings: readonly string[] = ceilingDirectories()): Promise<boolean> {
  let current = path.resolve(folder);
  for (let level = 0; level < MAX_PARENT_LEVELS; level++) {
    if ((await findGitRepository(current)) !== undefined) {
      return true;
    }
    const parent = path.dirname(current);
    // Like git itself, never look in or above a ceiling directory (GIT_CEILING_DIRECTORIES).
    if (parent === current || ceilings.includes(parent)) {
      return false;
    }
    current = parent;
  }
  return false;
}

function ceilingDirectories(): string[] {
  const value = process.env.GIT_CEILING_DIRECTORIES ?? '';
  return value.split(path.delimiter).filter((entry) => entry !== '').map((entry) => path.resolve(entry));
}
