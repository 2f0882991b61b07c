// The tags query is skipped only when the folder's own .git shows no tag at all (issue 10: one git process fewer).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tagsMayExist } from '../../src/core/milestones/gitHistoryFacts';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';

describe('tagsMayExist', function () {
  this.timeout(30_000);
  isolateGitConfig();
  const scratch = scratchFolders(LEARNER);
  async function repo(): Promise<string> {
    const root = await scratch.repository();
    await commitFilesAs(LEARNER, root, { 'a.txt': 'a\n' }, 'A');
    return root;
  }

  it('is false for a repository without tags, true once a tag exists, loose or packed', async () => {
    const root = await repo();
    assert.equal(await tagsMayExist(root), false);
    await gitAs(LEARNER, root, 'tag', 'v1');
    assert.equal(await tagsMayExist(root), true, 'a loose tag');
    await gitAs(LEARNER, root, 'pack-refs', '--all');
    assert.deepEqual(await fs.readdir(path.join(root, '.git', 'refs', 'tags')), [], 'the tag now lives in packed-refs only');
    assert.equal(await tagsMayExist(root), true, 'a packed tag');
  });

  it('lets git answer for a folder it cannot read itself: a .git file, a reftable, no repository', async () => {
    const worktree = await scratch.tree({ '.git': 'gitdir: /elsewhere/.git/worktrees/x\n' });
    assert.equal(await tagsMayExist(worktree), true);
    const reftable = await repo();
    await fs.mkdir(path.join(reftable, '.git', 'reftable'));
    assert.equal(await tagsMayExist(reftable), true);
    const plain = await scratch.tree({ 'a.txt': 'a\n' });
    assert.equal(await tagsMayExist(plain), true);
  });
});
