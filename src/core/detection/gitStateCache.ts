import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GitConfigList } from '../scan/gitConfig';
import type { WorkTree } from './authorship';

/** What a folder's git says that changes only with its configuration or HEAD. */
export interface FolderGitState {
  readonly config: GitConfigList;
  /** Undefined when the folder is not in a work tree. */
  readonly workTree: WorkTree | undefined;
}

/** Kept at most this long, whatever the files say (an `[include]`d config file is not watched). */
const MAX_AGE_MS = 60_000;

/**
 * Remembers, per folder, the git configuration (drivers to switch off, the learner's emails, remotes) and
 * the work tree (prefix, HEAD's commit) between re-checks, so a re-check after a saved file starts no git
 * process for them. An entry holds while the files they come from are unchanged (size and mtime of
 * `.git/HEAD`, the ref it points to, `packed-refs`, `.git/config`, and the global and system config
 * files) and for at most a minute. Only a folder with its own `.git` directory is cached: a worktree, a
 * submodule or a subfolder of a repository is read every time.
 */
export class GitStateCache {
  private readonly entries = new Map<string, { readonly stamp: string; readonly at: number; readonly state: FolderGitState }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The stamp of the folder's git files now, or undefined when the folder is not cached (see above). */
  async stamp(folder: string): Promise<string | undefined> {
    const gitDir = path.join(folder, '.git');
    const head = await readSmall(path.join(gitDir, 'HEAD'));
    if (head === undefined) {
      return undefined;
    }
    const ref = /^ref:\s*(refs\/\S+)\s*$/.exec(head)?.[1];
    const files = [path.join(gitDir, 'HEAD'), path.join(gitDir, 'config'), path.join(gitDir, 'packed-refs'), ...(ref === undefined ? [] : [path.join(gitDir, ...ref.split('/'))]), ...configFiles()];
    const stats = await Promise.all(files.map((file) => fs.stat(file).then((stat) => `${stat.size}:${stat.mtimeMs}`, () => '-')));
    return `${head.trim()}\n${stats.join('\n')}`;
  }

  /**
   * `stamp` plus what a file's status also depends on: the index and the ignore rules of the folder's top
   * level (a nested `.gitignore` changing is not noticed; it changes which files are listed, not their
   * status). Two equal status stamps and an unchanged file mean an unchanged status.
   */
  async statusStamp(folder: string, stamp: string): Promise<string> {
    const files = [path.join(folder, '.git', 'index'), path.join(folder, '.git', 'info', 'exclude'), path.join(folder, '.gitignore')];
    const stats = await Promise.all(files.map((file) => fs.stat(file).then((stat) => `${stat.size}:${stat.mtimeMs}`, () => '-')));
    return `${stamp}\n${stats.join('\n')}`;
  }

  get(folder: string, stamp: string): FolderGitState | undefined {
    const entry = this.entries.get(folder);
    if (entry?.stamp !== stamp || this.now() - entry.at > MAX_AGE_MS) {
      return undefined;
    }
    return entry.state;
  }

  set(folder: string, stamp: string, state: FolderGitState): void {
    this.entries.set(folder, { stamp, at: this.now(), state });
  }
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.lstat(file);
    return stat.isFile() && stat.size < 4096 ? await fs.readFile(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The configuration files outside the repository that git reads (the learner's identity lives there). */
function configFiles(): string[] {
  const home = os.homedir();
  const xdg = process.env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  const global = process.env.GIT_CONFIG_GLOBAL !== undefined ? [process.env.GIT_CONFIG_GLOBAL] : [path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')];
  const system = process.env.GIT_CONFIG_NOSYSTEM === '1' || process.env.GIT_CONFIG_NOSYSTEM === 'true' ? [] : [process.env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig'];
  return [...global, ...system];
}
