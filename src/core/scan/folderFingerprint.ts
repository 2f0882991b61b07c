import { lstatSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitListFiles } from './fileList';
import { gitConfigOf } from './gitConfig';
import type { GitConfigList } from './gitConfig';
import { LARGE_GIT_INDEX_BYTES } from './gitIndexSize';
import type { GitRunner } from './gitRunner';

/**
 * What a scan of a repository reads, written out as one key: equal keys mean the scan would read exactly the
 * same things, so its result is the same. A scan reads the git configuration, the refs (history is fixed
 * by the commits they name), the listing of the work tree, the listed files, the index (staged or not)
 * and a few files of `.git`; each is in the key as git prints it or as `lstat` sees it (size, mtime and
 * ctime to the nanosecond, inode, mode).
 */
export interface FolderFingerprint {
  readonly key: string;
  /**
   * False when a file the key stats changed within STAT_TRUST_MS of now: a file system that keeps mtimes
   * to the second could then change it again without its stat changing (git's "racy" entries), so a
   * result keyed on it must not be kept.
   */
  readonly settled: boolean;
  /** The files git listed, as the scan lists them (gitListFiles): a scan that follows need not ask again. */
  readonly files: readonly string[];
  /** The configuration git read, for the same reason. */
  readonly config: GitConfigList;
}

/** A file changed more recently than this may change again with the same stat (see `settled`). */
export const STAT_TRUST_MS = 2_000;

/**
 * Files of `.git` a scan depends on beyond what git prints: HEAD's branch, the index (what is staged),
 * where history is cut or grafted, and attributes (line endings change what status and blame say).
 */
const GIT_FILES = ['HEAD', 'index', 'shallow', path.join('info', 'grafts'), path.join('info', 'attributes')];

/**
 * Files git reads for attributes and ignore rules when the configuration names none: the user's
 * (`$XDG_CONFIG_HOME/git/`) and the system's attributes.
 */
function defaultRuleFiles(): string[] {
  const xdg = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return [path.join(xdg, 'git', 'attributes'), path.join(xdg, 'git', 'ignore'), '/etc/gitattributes'];
}

/** Configuration naming a file whose content changes what git answers (authors, blamed commits, ignore and attribute rules). */
const CONFIGURED_FILES = new Set(['mailmap.file', 'blame.ignorerevsfile', 'core.attributesfile', 'core.excludesfile']);

/**
 * The fingerprint of `folder`, or undefined where none is sound or cheap: not the top level of an ordinary
 * repository (a subfolder, worktree or submodule shares state the key would not see), a large index (the
 * stats would cost what the scan's listing does), no commit yet, or git failing. `extra` joins the key
 * (the engine's identity, the scan's options). Stats are taken with the thread blocked: for the CLI only.
 */
export async function folderFingerprint(folder: string, git: GitRunner, extra: readonly string[], now: () => number = Date.now): Promise<FolderFingerprint | undefined> {
  const gitDir = path.join(folder, '.git');
  const dotGit = statOrUndefined(gitDir);
  const index = statOrUndefined(path.join(gitDir, 'index'));
  if (dotGit?.isDirectory() !== true || (index !== undefined && index.size >= BigInt(LARGE_GIT_INDEX_BYTES))) {
    return undefined;
  }
  const startedAt = now();
  const [config, refs, listing] = await Promise.all([gitConfigOf(git), git.run(['show-ref', '--head']), gitListFiles(git)]);
  // Nothing listed: the scan would crawl the folder instead, which the key does not follow.
  const files = listing.files;
  if ('ok' in config || !refs.ok || files === undefined || files.length === 0) {
    return undefined;
  }
  // Compared as text, not hashed: loading node:crypto alone costs the CLI about 6 ms (see codeCache.ts).
  const parts: string[] = [];
  const add = (part: string): void => {
    parts.push(part);
  };
  extra.forEach(add);
  add(configText(config));
  add(refs.stdout);
  let newest = 0n;
  const addStat = (file: string): void => {
    const stat = statOrUndefined(file);
    add(stat === undefined ? `${file} -` : `${file} ${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino} ${stat.mode}`);
    if (stat !== undefined) {
      newest = [newest, stat.mtimeNs, stat.ctimeNs].reduce((a, b) => (b > a ? b : a));
    }
  };
  GIT_FILES.forEach((file) => {
    addStat(path.join(gitDir, file));
  });
  [...defaultRuleFiles(), ...configuredFiles(config, folder)].forEach(addStat);
  // Each listed path with its stat: the listing itself is in the key this way too.
  for (const file of files) {
    addStat(path.join(folder, file));
  }
  return { key: parts.join('\0\n'), settled: newest < BigInt(startedAt - STAT_TRUST_MS) * 1_000_000n, files, config };
}

function statOrUndefined(file: string): BigIntStats | undefined {
  try {
    return lstatSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

function configText(config: GitConfigList): string {
  return config.map((entry) => `${entry.scope}\0${entry.key}\0${entry.value}`).join('\n');
}

/** The files the configuration names (CONFIGURED_FILES), as git resolves them: `~/` from home, relative ones from the top level. */
function configuredFiles(config: GitConfigList, folder: string): string[] {
  return config.filter((entry) => CONFIGURED_FILES.has(entry.key.toLowerCase()) && entry.value !== '').map((entry) => (entry.value.startsWith('~/') ? path.join(os.homedir(), entry.value.slice(2)) : path.resolve(folder, entry.value)));
}
