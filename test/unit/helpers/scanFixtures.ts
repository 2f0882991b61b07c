import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { scanFolder } from '../../../src/core/milestones/engine';
import type { MilestoneResult, ScanOptions } from '../../../src/core/milestones/engine';

/** Files of a fixture tree: relative path → content. */
export type Tree = Readonly<Record<string, string>>;

/** Creates a temporary folder holding the tree. Remove it with `removeTree`. */
export async function makeTree(tree: Tree): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'br-scan-'));
  await writeTree(root, tree);
  return root;
}

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [relative, content] of Object.entries(tree)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

export async function removeTree(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

/** Scans a throwaway tree for some milestones (no git process) and returns their results by id. */
export async function scanTree(tree: Tree, ids: readonly string[], options: Partial<ScanOptions> = {}): Promise<Map<string, MilestoneResult>> {
  const root = await makeTree(tree);
  try {
    const scan = await scanFolder(root, { allowGit: false, only: new Set(ids), ...options });
    return new Map(scan.milestones.map((result) => [result.id, result]));
  } finally {
    await removeTree(root);
  }
}

/** The one result for `id` in a tree; fails the test when it is missing. */
export async function detect(tree: Tree, id: string): Promise<MilestoneResult> {
  const result = (await scanTree(tree, [id])).get(id);
  assert.ok(result, `no result for ${id}`);
  return result;
}

/** Asserts that `id` is present with an evidence summary matching `summary`. */
export async function assertPresent(tree: Tree, id: string, summary: string | RegExp): Promise<MilestoneResult> {
  const result = await detect(tree, id);
  const summaries = result.evidence.map((evidence) => evidence.summary);
  assert.equal(result.present, true, `${id} should be present; evidence: ${JSON.stringify(summaries)}`);
  assert.ok(
    summaries.some((text) => (typeof summary === 'string' ? text === summary : summary.test(text))),
    `${id}: no evidence matching ${String(summary)} in ${JSON.stringify(summaries)}`,
  );
  return result;
}

/** Asserts that `id` was checked and is not present. */
export async function assertAbsent(tree: Tree, id: string): Promise<void> {
  const result = await detect(tree, id);
  assert.equal(result.checked, true, `${id} should have been checked`);
  assert.equal(result.present, false, `${id} should be absent, got ${JSON.stringify(result.evidence.map((e) => e.summary))}`);
}

/** A fixed identity and no system or user config (~/.gitconfig may sign, hook or rename branches), so runs repeat. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test Learner',
  GIT_AUTHOR_EMAIL: 'learner@example.invalid',
  GIT_COMMITTER_NAME: 'Test Learner',
  GIT_COMMITTER_EMAIL: 'learner@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
};

/** Runs git in a fixture (never touching the network) and returns stdout. */
export function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], { cwd, env: GIT_ENV }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`git ${args.join(' ')} failed: ${stderr}`, { cause: error }));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Makes `count` commits, each changing a file. */
export async function commitMany(cwd: string, count: number, prefix = 'Commit'): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await fs.writeFile(path.join(cwd, `file-${prefix}-${i}.txt`), `${i}\n`);
    await git(cwd, 'add', '-A');
    await git(cwd, 'commit', '-q', '-m', `${prefix} ${i}`);
  }
}

/** Runs git as `email` (author and committer) in a fixture, isolated from the machine's git config. */
export function gitAs(email: string, cwd: string, ...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: email.split('@')[0],
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: email.split('@')[0],
    GIT_COMMITTER_EMAIL: email,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
  };
  return new Promise((resolve, reject) => {
    execFile('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], { cwd, env }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`git ${args.join(' ')}: ${stderr}`, { cause: error }));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Writes `files` and commits them as `email`; returns the commit. */
export async function commitFilesAs(email: string, cwd: string, files: Tree, message: string): Promise<string> {
  await writeTree(cwd, files);
  await gitAs(email, cwd, 'add', '-A');
  await gitAs(email, cwd, 'commit', '-q', '-m', message);
  return (await gitAs(email, cwd, 'rev-parse', 'HEAD')).trim();
}

/**
 * Folders for the calling `describe`'s tests, all removed after them (registers a mocha `after` hook):
 * `tree(files)` writes one, `repository()` makes an empty git repository initialised as `email`.
 */
export function scratchFolders(email: string): { readonly tree: (files?: Tree) => Promise<string>; readonly repository: () => Promise<string> } {
  const roots: string[] = [];
  after(async () => {
    await Promise.all(roots.map(removeTree));
  });
  const tree = async (files: Tree = {}): Promise<string> => {
    const root = await makeTree(files);
    roots.push(root);
    return root;
  };
  return {
    tree,
    async repository() {
      const root = await tree();
      await gitAs(email, root, 'init', '-q');
      return root;
    },
  };
}

/**
 * Registers mocha hooks in the calling `describe`: git reads no global or system configuration while its
 * tests run (never the developer's own identity), and the variables are restored after.
 */
export function isolateGitConfig(): void {
  const names = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'] as const;
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  before(() => {
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  after(() => {
    for (const [name, value] of saved) {
      if (value === undefined) {
        Reflect.deleteProperty(process.env, name);
      } else {
        process.env[name] = value;
      }
    }
  });
}
