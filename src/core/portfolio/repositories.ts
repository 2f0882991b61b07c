import { promises as fs } from 'node:fs';
import { normalizeEmail } from '../detection/identity';
import type { GitRunner } from '../scan/gitRunner';
import type { FolderFacts } from './model';

/** A commit's full id and its author's email (lower-cased). */
export interface CommitAuthor {
  readonly commit: string;
  readonly email: string;
}

/** What git tells about an evidence folder on this machine: its remote, its place in the repository, its commits. */
export interface FolderRepository extends FolderFacts {
  commitAuthor(commit: string): Promise<CommitAuthor | undefined>;
}

/** Looks a folder up; undefined when it is not on this machine, not a repository, or git may not run. */
export type RepositoryResolver = (folder: string) => Promise<FolderRepository | undefined>;

const COMMIT = /^[0-9a-f]{7,64}$/i;

/**
 * The resolver that asks git (through the safe runner: read-only commands, no program the repository
 * names). Each folder is looked up once per resolver.
 */
export function gitRepositoryResolver(createGitRunner: (folder: string) => GitRunner): RepositoryResolver {
  const folders = new Map<string, Promise<FolderRepository | undefined>>();
  return (folder) => {
    let found = folders.get(folder);
    if (found === undefined) {
      found = lookUp(folder, createGitRunner);
      folders.set(folder, found);
    }
    return found;
  };
}

async function lookUp(folder: string, createGitRunner: (folder: string) => GitRunner): Promise<FolderRepository | undefined> {
  try {
    if (!(await fs.stat(folder)).isDirectory()) {
      return undefined;
    }
  } catch {
    return undefined;
  }
  const git = createGitRunner(folder);
  const prefix = await git.run(['rev-parse', '--show-prefix']);
  if (!prefix.ok) {
    return undefined;
  }
  const remote = await readOriginUrl(git);
  const authors = new Map<string, Promise<CommitAuthor | undefined>>();
  return {
    prefix: prefix.stdout.trim(),
    ...(remote === undefined ? {} : { remoteUrl: remote }),
    commitAuthor(commit) {
      let author = authors.get(commit);
      if (author === undefined) {
        author = readCommitAuthor(git, commit);
        authors.set(commit, author);
      }
      return author;
    },
  };
}

/** `origin`'s URL, or the only remote's when there is no `origin`. */
async function readOriginUrl(git: GitRunner): Promise<string | undefined> {
  const origin = await git.run(['config', '--get', 'remote.origin.url']);
  if (origin.ok && origin.stdout.trim() !== '') {
    return origin.stdout.trim();
  }
  const all = await git.run(['config', '--get-regexp', '^remote\\..*\\.url$']);
  const urls = all.ok ? all.stdout.split('\n').filter((line) => line.trim() !== '') : [];
  return urls.length === 1 ? urls[0]?.split(' ').slice(1).join(' ').trim() : undefined;
}

export async function readCommitAuthor(git: GitRunner, commit: string): Promise<CommitAuthor | undefined> {
  if (!COMMIT.test(commit)) {
    return undefined;
  }
  const outcome = await git.run(['log', '-1', '--no-show-signature', '--format=%H%x09%ae', `${commit}^{commit}`, '--']);
  if (!outcome.ok) {
    return undefined;
  }
  const [full = '', email = ''] = outcome.stdout.trim().split('\t');
  return COMMIT.test(full) && email !== '' ? { commit: full.toLowerCase(), email: normalizeEmail(email) } : undefined;
}
