/**
 * A commit's files, as they were at that commit: listed from the tree, and written into a temporary folder
 * a scan can read. Through the safe git runner only (`git archive` to a file, then read here), so nothing
 * touches the clone's index or working tree and no program the repository names runs.
 */
import { formatNumber } from '../text/numbers';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GitRunner } from '../scan/gitRunner';
import { readTarFiles, writeTarFiles } from './tarArchive';

/** Bounds for one commit's tree: a backend project is far below; a monorepo with assets may not be. */
export const TREE_LIMITS = { maxFiles: 100_000, maxBytes: 256 * 1024 * 1024 } as const;

export type TreeListing = { readonly ok: true; readonly files: ReadonlySet<string>; readonly bytes: number } | { readonly ok: false; readonly reason: string };

/** Every file (blob) path in the commit's tree, from the top level. */
export async function listTreeAtCommit(git: GitRunner, commit: string, limits = TREE_LIMITS): Promise<TreeListing> {
  const outcome = await git.run(['ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
  if (!outcome.ok) {
    return { ok: false, reason: `git could not list the files of commit ${commit.slice(0, 12)} (${outcome.message})` };
  }
  const files = new Set<string>();
  let bytes = 0;
  for (const entry of outcome.stdout.split('\0')) {
    // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
    const tab = entry.indexOf('\t');
    if (tab === -1) {
      continue;
    }
    const [, type = '', , size = ''] = entry.slice(0, tab).split(/ +/);
    if (type !== 'blob') {
      continue;
    }
    files.add(entry.slice(tab + 1));
    bytes += Number(size) || 0;
  }
  if (files.size > limits.maxFiles || bytes > limits.maxBytes) {
    return { ok: false, reason: `commit ${commit.slice(0, 12)} holds ${formatNumber(files.size)} files (${Math.ceil(bytes / 1024 / 1024)} MiB), more than the ${formatNumber(limits.maxFiles)} files or ${limits.maxBytes / 1024 / 1024} MiB a check reads` };
  }
  return { ok: true, files, bytes };
}

/**
 * Writes the commit's files into a new temporary folder and gives it to `use`; the folder is removed
 * afterwards, whatever happens. Call `listTreeAtCommit` first: it bounds what is written.
 */
export async function withTreeAtCommit<T>(git: GitRunner, commit: string, use: (folder: string) => Promise<T>): Promise<T> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-verify-'));
  try {
    const archive = path.join(work, 'tree.tar');
    // --format=tar: a compressed format would run the compressor that tar.<format>.command names. The commit's
    // own .gitattributes still apply (export-ignore leaves a file out: its claim then fails, never passes wrongly).
    const outcome = await git.run(['archive', '--format=tar', `--output=${archive}`, commit]);
    if (!outcome.ok) {
      throw new Error(`git could not read the files of commit ${commit.slice(0, 12)} (${outcome.message})`);
    }
    const tree = path.join(work, 'tree');
    await fs.mkdir(tree);
    const files = readTarFiles(await fs.readFile(archive));
    await fs.rm(archive);
    await writeTarFiles(files, tree);
    return await use(tree);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
