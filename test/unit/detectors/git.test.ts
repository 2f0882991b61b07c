import * as assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { scanFolder } from '../../../src/core/milestones/engine';
import type { FolderScan, MilestoneResult } from '../../../src/core/milestones/engine';
import { commitMany, git, makeTree, removeTree } from '../helpers/scanFixtures';

const GIT_IDS = new Set(['git.repo', 'git.history', 'git.branching', 'git.remote', 'git.hosted', 'git.ignore']);

function byId(scan: FolderScan): Map<string, MilestoneResult> {
  return new Map(scan.milestones.map((result) => [result.id, result]));
}

async function scanGit(folder: string, allowGit = true): Promise<Map<string, MilestoneResult>> {
  return byId(await scanFolder(folder, { allowGit, only: GIT_IDS }));
}

function summaries(result: MilestoneResult | undefined): string[] {
  return (result?.evidence ?? []).map((evidence) => evidence.summary);
}

describe('git detectors', function () {
  this.timeout(60_000);
  const roots: string[] = [];
  async function tree(files: Record<string, string> = {}): Promise<string> {
    const root = await makeTree(files);
    roots.push(root);
    return root;
  }
  after(async () => {
    for (const root of roots) {
      await removeTree(root);
    }
  });

  it('reports a plain folder as no repository, with git checks done and absent', async () => {
    const root = await tree({ 'README.md': '# x\n' });
    const results = await scanGit(root);
    assert.equal(results.get('git.repo')?.present, false);
    assert.equal(results.get('git.history')?.checked, true);
    assert.equal(results.get('git.history')?.present, false);
    assert.equal(results.get('git.remote')?.present, false);
  });

  it('proves git.repo and git.history with 5 commits, naming the branch and latest commit', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await commitMany(root, 5);
    const results = await scanGit(root);
    assert.deepEqual(summaries(results.get('git.repo')), ['.git directory']);
    const history = results.get('git.history');
    assert.equal(history?.present, true);
    assert.match(summaries(history)[0] ?? '', /^5 commits on main \(latest [0-9a-f]{7,} Commit 5\)$/);
    assert.match(history.evidence[0]?.commit ?? '', /^[0-9a-f]{40}$/);
    assert.equal(history.evidence[0]?.folder, root);
  });

  it('does not prove git.history with 4 commits, nor branching with one branch', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await commitMany(root, 4);
    const results = await scanGit(root);
    assert.equal(results.get('git.repo')?.present, true);
    assert.equal(results.get('git.history')?.present, false);
    assert.equal(results.get('git.branching')?.present, false);
  });

  it('proves git.branching with a second branch', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await commitMany(root, 1);
    await git(root, 'branch', 'feature');
    const results = await scanGit(root);
    assert.deepEqual(summaries(results.get('git.branching')), ['2 branches: feature, main']);
  });

  it('proves git.branching with a merge commit even after the branch was deleted', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await commitMany(root, 1);
    await git(root, 'checkout', '-q', '-b', 'feature');
    await commitMany(root, 1, 'Feature');
    await git(root, 'checkout', '-q', 'main');
    await commitMany(root, 1, 'Main');
    await git(root, 'merge', '-q', '--no-ff', '--no-edit', 'feature');
    await git(root, 'branch', '-q', '-D', 'feature');
    const results = await scanGit(root);
    const branching = summaries(results.get('git.branching'));
    assert.equal(branching.length, 1);
    assert.match(branching[0] ?? '', /^commit [0-9a-f]{7,} Merge branch 'feature'$/);
    assert.match(results.get('git.branching')?.evidence[0]?.commit ?? '', /^[0-9a-f]{40}$/);
  });

  it('counts main and origin/main as one branch, origin/dev as another', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await commitMany(root, 1);
    await git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    await git(root, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    assert.equal((await scanGit(root)).get('git.branching')?.present, false);
    await git(root, 'update-ref', 'refs/remotes/origin/dev', 'HEAD');
    assert.deepEqual(summaries((await scanGit(root)).get('git.branching')), ['2 branches: dev, main']);
  });

  it('proves git.remote and never shows credentials from the URL', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await git(root, 'remote', 'add', 'origin', 'https://learner:s3cret-token@example.invalid/x.git');
    const results = await scanGit(root);
    assert.deepEqual(summaries(results.get('git.remote')), ['remote origin https://example.invalid/x.git']);
    assert.ok(!JSON.stringify(results.get('git.remote')).includes('s3cret'));
    assert.deepEqual(summaries(results.get('git.hosted')), ['remote origin https://example.invalid/x.git']);
    assert.ok(!JSON.stringify(results.get('git.hosted')).includes('s3cret'));
  });

  it('says a remote in a folder is one, and never counts it as hosting', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    await git(root, 'remote', 'add', 'backup', '../backup.git');
    const results = await scanGit(root);
    assert.deepEqual(summaries(results.get('git.remote')), ['remote backup ../backup.git (a folder on this machine)']);
    assert.equal(results.get('git.hosted')?.checked, true);
    assert.equal(results.get('git.hosted')?.present, false);
  });

  it('treats an empty repository (no commits) as a repository without history', async () => {
    const root = await tree();
    await git(root, 'init', '-q');
    const results = await scanGit(root);
    assert.equal(results.get('git.repo')?.present, true);
    assert.equal(results.get('git.history')?.checked, true);
    assert.equal(results.get('git.history')?.present, false);
  });

  it('recognises a worktree, whose .git is a file', async () => {
    const root = await tree();
    const main = path.join(root, 'main');
    await fs.mkdir(main);
    await git(main, 'init', '-q');
    await commitMany(main, 5);
    await git(main, 'worktree', 'add', '-q', '-b', 'wt-branch', path.join(root, 'wt'));
    const results = await scanGit(path.join(root, 'wt'));
    assert.match(summaries(results.get('git.repo'))[0] ?? '', /^\.git file pointing to .*worktrees.*\(worktree or submodule\)$/);
    assert.match(summaries(results.get('git.history'))[0] ?? '', /^5 commits on wt-branch /);
    assert.deepEqual(summaries(results.get('git.branching')), ['2 branches: main, wt-branch']);
  });

  it('recognises a submodule checkout (a .git file into the parent .git/modules)', async () => {
    const root = await tree();
    const sub = path.join(root, 'sub-origin');
    const parent = path.join(root, 'parent');
    await fs.mkdir(sub);
    await fs.mkdir(parent);
    await git(sub, 'init', '-q');
    await commitMany(sub, 1);
    await git(parent, 'init', '-q');
    await commitMany(parent, 1);
    await git(parent, 'submodule', '--quiet', 'add', sub, 'lib');
    const text = await fs.readFile(path.join(parent, 'lib', '.git'), 'utf8');
    assert.match(text, /^gitdir:/);
    const results = await scanGit(path.join(parent, 'lib'), false);
    assert.match(summaries(results.get('git.repo'))[0] ?? '', /^\.git file pointing to .*modules\/lib/);
  });

  it('does not take a .git file pointing nowhere for a repository', async () => {
    const root = await tree({ '.git': 'gitdir: ../missing/.git/worktrees/x\n' });
    const results = await scanGit(root, false);
    assert.equal(results.get('git.repo')?.present, false);
  });

  it('proves git.ignore from the file, also without git', async () => {
    const root = await tree({ '.gitignore': 'node_modules/\n' });
    const results = await scanGit(root, false);
    assert.deepEqual(summaries(results.get('git.ignore')), ['.gitignore']);
  });

  describe('when git may not run (untrusted workspace, --no-git)', () => {
    it('reports history, branching and remote as not checked, and still finds the repository from files', async () => {
      const root = await tree({ 'package.json': '{}' });
      await git(root, 'init', '-q');
      await commitMany(root, 5);
      const results = await scanGit(root, false);
      assert.equal(results.get('git.repo')?.present, true);
      for (const id of ['git.history', 'git.branching', 'git.remote']) {
        assert.equal(results.get(id)?.checked, false, id);
        assert.equal(results.get(id)?.present, false, id);
        assert.match(results.get(id)?.reason ?? '', /untrusted/);
      }
    });

    /** Runs `action` while counting every child process started (calls pass through). */
    async function countProcesses<T>(action: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
      const patched = childProcess as unknown as Record<string, unknown>;
      const names = ['spawn', 'execFile', 'exec', 'fork', 'spawnSync', 'execFileSync', 'execSync'];
      const originals = new Map(names.map((name) => [name, patched[name]]));
      const calls: string[] = [];
      for (const [name, original] of originals) {
        patched[name] = (...args: unknown[]): unknown => {
          calls.push(`${name} ${String(args[0])}`);
          return (original as (...a: unknown[]) => unknown)(...args);
        };
      }
      try {
        return { result: await action(), calls };
      } finally {
        for (const [name, original] of originals) {
          patched[name] = original;
        }
      }
    }

    it('starts no process at all (and the same scan with git allowed does start git)', async () => {
      const root = await tree({ 'package.json': '{"dependencies":{"express":"4"}}', 'src/app.js': "app.get('/x', (req, res) => res.send('x'));\n" });
      await git(root, 'init', '-q');
      await commitMany(root, 5);
      const untrusted = await countProcesses(() => scanFolder(root, { allowGit: false }));
      assert.deepEqual(untrusted.calls, []);
      assert.deepEqual(untrusted.result.warnings, []);
      assert.equal(byId(untrusted.result).get('api.rest')?.present, true);
      const trusted = await countProcesses(() => scanFolder(root, { allowGit: true }));
      assert.ok(trusted.calls.some((call) => call.startsWith('spawn git')), `expected git processes, got ${JSON.stringify(trusted.calls)}`);
      assert.equal(byId(trusted.result).get('git.history')?.present, true);
    });
  });

  describe('when git is not installed', () => {
    let savedPath: string | undefined;
    beforeEach(() => {
      savedPath = process.env.PATH;
    });
    afterEach(() => {
      process.env.PATH = savedPath;
    });

    it('lists files with the crawl, warns once, and reports git checks as not checked', async () => {
      const root = await tree({ 'package.json': '{}' });
      await git(root, 'init', '-q');
      await commitMany(root, 5);
      process.env.PATH = path.join(root, 'no-binaries-here');
      const scan = await scanFolder(root, { allowGit: true });
      process.env.PATH = savedPath;
      const results = byId(scan);
      assert.equal(results.get('lang.node')?.present, true);
      assert.equal(results.get('git.repo')?.present, true);
      assert.equal(results.get('git.history')?.checked, false);
      assert.equal(results.get('git.history')?.reason, 'git is not installed or not on PATH');
      assert.equal(scan.warnings.filter((warning) => warning.includes('git is not installed')).length, 1);
    });
  });
});
