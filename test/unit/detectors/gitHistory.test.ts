import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { scanFolder } from '../../../src/core/milestones/engine';
import type { MilestoneResult } from '../../../src/core/milestones/engine';
import { parseTags } from '../../../src/core/milestones/gitHistoryFacts';
import { parseHeadLog } from '../../../src/core/milestones/headLog';
import { commitMany, git, makeTree, removeTree } from '../helpers/scanFixtures';

const IDS = new Set(['git.pull-requests', 'git.undo', 'release.versioning']);

async function scan(folder: string, allowGit = true): Promise<Map<string, MilestoneResult>> {
  const result = await scanFolder(folder, { allowGit, only: IDS });
  return new Map(result.milestones.map((milestone) => [milestone.id, milestone]));
}

function summaries(result: MilestoneResult | undefined): string[] {
  return (result?.evidence ?? []).map((evidence) => evidence.summary);
}

/** Commits one file with this message (subject, optionally a body after a blank line). */
async function commit(root: string, message: string): Promise<void> {
  const name = `f-${Math.random().toString(36).slice(2)}.txt`;
  await fs.writeFile(path.join(root, name), message);
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', message);
}

describe('git history detectors (pull requests, reverts, versions)', function () {
  this.timeout(60_000);
  const roots: string[] = [];
  async function repo(files: Record<string, string> = {}): Promise<string> {
    const root = await makeTree(files);
    roots.push(root);
    await git(root, 'init', '-q');
    return root;
  }
  after(async () => {
    for (const root of roots) {
      await removeTree(root);
    }
  });

  describe('git.pull-requests', () => {
    it('a GitHub pull-request merge commit', async () => {
      const root = await repo();
      await commitMany(root, 1);
      await git(root, 'checkout', '-q', '-b', 'feature');
      await commit(root, 'Add login');
      await git(root, 'checkout', '-q', 'main');
      await git(root, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from learner/feature', 'feature');
      const result = (await scan(root)).get('git.pull-requests');
      assert.equal(result?.present, true);
      assert.match(summaries(result)[0] ?? '', /^commit [0-9a-f]{7} Merge pull request #12 from learner\/feature$/);
      assert.match(result.evidence[0]?.commit ?? '', /^[0-9a-f]{40}$/);
    });

    it('a GitHub squash merge "(#N)" and a GitLab merge request merge', async () => {
      const root = await repo();
      await commit(root, 'Add the orders endpoint (#34)');
      await commit(root, "Merge branch 'feature/cart' into 'main'\n\nSee merge request shop/api!7");
      const found = summaries((await scan(root)).get('git.pull-requests'));
      assert.equal(found.length, 2);
      assert.match(found[0] ?? '', /Merge branch 'feature\/cart' into 'main'$/);
      assert.match(found[1] ?? '', /Add the orders endpoint \(#34\)$/);
    });

    it('not a local merge, nor an issue number inside a subject', async () => {
      const root = await repo();
      await commitMany(root, 1);
      await git(root, 'checkout', '-q', '-b', 'feature');
      await commit(root, 'Fix #12 in the login form');
      await commit(root, 'Mention (#5) in the middle of a subject');
      await git(root, 'checkout', '-q', 'main');
      await git(root, 'merge', '-q', '--no-ff', '--no-edit', 'feature');
      await git(root, 'checkout', '-q', '-b', 'dev');
      await commit(root, 'Work on dev');
      await git(root, 'checkout', '-q', 'main');
      await git(root, 'merge', '-q', '--no-ff', '-m', "Merge branch 'dev' into main", 'dev');
      const result = (await scan(root)).get('git.pull-requests');
      assert.equal(result?.checked, true);
      assert.deepEqual(summaries(result), []);
    });

    it('is not checked when git may not run, and absent outside a repository', async () => {
      const untrusted = await repo();
      await commit(untrusted, 'Merge pull request #1 from a/b');
      const notAllowed = (await scan(untrusted, false)).get('git.pull-requests');
      assert.equal(notAllowed?.checked, false);
      assert.match(notAllowed.reason ?? '', /untrusted/);
      const plain = await makeTree({ 'README.md': '# x\n' });
      roots.push(plain);
      const outside = (await scan(plain)).get('git.pull-requests');
      assert.equal(outside?.checked, true);
      assert.equal(outside.present, false);
    });

    it('a repository without commits is checked and absent', async () => {
      const root = await repo();
      const result = await scan(root);
      assert.equal(result.get('git.pull-requests')?.checked, true);
      assert.equal(result.get('git.undo')?.present, false);
      assert.equal(result.get('release.versioning')?.present, false);
    });
  });

  describe('git.undo', () => {
    it('a git revert', async () => {
      const root = await repo();
      await commit(root, 'Change the colour');
      await git(root, 'revert', '--no-edit', 'HEAD');
      const found = summaries((await scan(root)).get('git.undo'));
      assert.equal(found.length, 1);
      assert.match(found[0] ?? '', /^commit [0-9a-f]{7} Revert "Change the colour"$/);
    });

    it('a revert whose subject was reworded still says "This reverts commit" in its body', async () => {
      const root = await repo();
      await commit(root, 'Undo the colour change\n\nThis reverts commit 1a2b3c4d5e6f.');
      assert.match(summaries((await scan(root)).get('git.undo'))[0] ?? '', /Undo the colour change$/);
    });

    it('not a hand-written undo without git revert', async () => {
      const root = await repo();
      await commit(root, 'Revert the colour change by hand\n\nThe old colour was nicer; this reverts nothing automatically.');
      assert.deepEqual(summaries((await scan(root)).get('git.undo')), []);
    });
  });

  describe('release.versioning', () => {
    it('a version tag on the history (lightweight and annotated)', async () => {
      const root = await repo();
      await commit(root, 'First');
      await git(root, 'tag', 'v1.2.0');
      await commit(root, 'Second');
      await git(root, 'tag', '-a', '2.0.0-rc.1', '-m', 'Release candidate');
      const found = summaries((await scan(root)).get('release.versioning'));
      assert.equal(found.length, 2);
      assert.ok(found.some((summary) => /^version tag v1\.2\.0 \(commit [0-9a-f]{7}\)$/.test(summary)), JSON.stringify(found));
      assert.ok(found.some((summary) => summary.startsWith('version tag 2.0.0-rc.1')), JSON.stringify(found));
    });

    it('not a tag that is no version, nor a version tag on a branch HEAD does not contain', async () => {
      const root = await repo();
      await commit(root, 'First');
      await git(root, 'tag', 'latest');
      await git(root, 'tag', 'v1');
      await git(root, 'checkout', '-q', '-b', 'experiment');
      await commit(root, 'Experiment');
      await git(root, 'tag', 'v9.9.9');
      await git(root, 'checkout', '-q', 'main');
      const result = (await scan(root)).get('release.versioning');
      assert.equal(result?.checked, true);
      assert.deepEqual(summaries(result), []);
    });

    it('a CHANGELOG with a versioned section counts without git', async () => {
      const root = await makeTree({ 'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-05-01\n- First release\n' });
      roots.push(root);
      const result = (await scan(root, false)).get('release.versioning');
      assert.equal(result?.checked, true);
      assert.deepEqual(summaries(result), ['versioned changelog CHANGELOG.md:5']);
    });

    it('release tooling configuration and dependencies', async () => {
      const root = await makeTree({ '.releaserc.json': '{"branches":["main"]}', '.goreleaser.yaml': 'builds: []\n', 'package.json': '{"devDependencies":{"@changesets/cli":"2"}}' });
      roots.push(root);
      const found = summaries((await scan(root, false)).get('release.versioning'));
      assert.ok(found.includes('release tooling .releaserc.json'), JSON.stringify(found));
      assert.ok(found.includes('release tooling .goreleaser.yaml'), JSON.stringify(found));
    });

    it('not a changelog with only Unreleased or commented-out versions; then git decides, or it is not checked', async () => {
      const changelog = '# Changelog\n\n## [Unreleased]\n- Work in progress\n\n<!--\n## [0.1.0] - 2024-01-01\n-->\n';
      const untrusted = await makeTree({ 'CHANGELOG.md': changelog });
      roots.push(untrusted);
      const notAllowed = (await scan(untrusted, false)).get('release.versioning');
      assert.equal(notAllowed?.checked, false);
      assert.match(notAllowed.reason ?? '', /untrusted/);
      const trusted = await repo({ 'CHANGELOG.md': changelog });
      await commit(trusted, 'First');
      const result = (await scan(trusted)).get('release.versioning');
      assert.equal(result?.checked, true);
      assert.equal(result.present, false);
    });
  });

  describe('parsing', () => {
    it('reads records with multi-line bodies and peeled annotated tags', () => {
      const a = 'a'.repeat(40);
      const b = 'b'.repeat(40);
      const commits = parseHeadLog(`${a}\x1f${b}\x1fMe@Example.invalid\x1faaaaaaa\x1fRevert "x"\x1fThis reverts commit ${b}.\n\nMore.\n\x1e\n${b}\x1f\x1fother@example.invalid\x1fbbbbbbb\x1fFirst\x1f\x1e\n`);
      assert.deepEqual(
        commits.map((c) => [c.hash, c.parents, c.email, c.shortHash, c.subject]),
        [
          [a, 1, 'me@example.invalid', 'aaaaaaa', 'Revert "x"'],
          [b, 0, 'other@example.invalid', 'bbbbbbb', 'First'],
        ],
      );
      assert.match(commits[0]?.body ?? '', /^This reverts commit b{40}/);
      assert.deepEqual(parseTags(`v1.0.0\x1f${a}\x1f${b}\x1f<Tagger@x.invalid>\x1f\nv0.1.0\x1f${a}\x1f\x1f\x1f<author@x.invalid>\n`), [
        { name: 'v1.0.0', commit: b, email: 'tagger@x.invalid' },
        { name: 'v0.1.0', commit: a, email: 'author@x.invalid' },
      ]);
    });
  });
});
