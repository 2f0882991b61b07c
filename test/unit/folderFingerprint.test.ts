import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { folderFingerprint, STAT_TRUST_MS } from '../../src/core/scan/folderFingerprint';
import { createGitRunner } from '../../src/core/scan/gitRunner';
import { LARGE_GIT_INDEX_BYTES } from '../../src/core/scan/gitIndexSize';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.com';
/** A minute after now: every file counts as settled. */
const later = (): number => Date.now() + 60_000;

describe('folderFingerprint: what a scan reads, as one key', function () {
  this.timeout(30_000);
  isolateGitConfig();
  const scratch = scratchFolders(LEARNER);

  async function project(): Promise<string> {
    const root = await scratch.repository();
    await commitFilesAs(LEARNER, root, { 'package.json': '{"dependencies":{"express":"4"}}\n', 'src/app.js': 'const app = 1;\n' }, 'Start');
    return root;
  }

  async function keyOf(root: string): Promise<string> {
    const fingerprint = await folderFingerprint(root, createGitRunner(root), ['engine test'], later);
    assert.ok(fingerprint !== undefined, 'a fingerprint');
    return fingerprint.key;
  }

  it('is the same while nothing changes, and joins what the caller adds', async () => {
    const root = await project();
    assert.equal(await keyOf(root), await keyOf(root));
    const other = await folderFingerprint(root, createGitRunner(root), ['engine another'], later);
    assert.notEqual(other?.key, await keyOf(root));
  });

  /** A change made in one step: the key to compare with is the one before it. */
  const plain =
    (change: (root: string) => Promise<unknown>) =>
    async (root: string): Promise<undefined> => {
      await change(root);
      return undefined;
    };
  // Each change a scan could see must change the key: a result kept under the old key is then never shown.
  // A change that needs a step first returns the key after that step.
  const changes: readonly (readonly [string, (root: string) => Promise<string | undefined>])[] = [
    ['a listed file edited, same size', plain((root) => fs.writeFile(path.join(root, 'src/app.js'), 'const app = 2;\n'))],
    ['an untracked file added', plain((root) => writeTree(root, { 'Dockerfile': 'FROM node:20\n' }))],
    ['a tracked file deleted', plain((root) => fs.rm(path.join(root, 'src/app.js')))],
    ['a commit', plain((root) => commitFilesAs(LEARNER, root, { 'README.md': '# x\n' }, 'Readme'))],
    ['a commit amended by another author', plain((root) => gitAs('someone@example.com', root, 'commit', '-q', '--amend', '--reset-author', '-m', 'Start'))],
    [
      'another branch checked out at the same commit (only .git/HEAD changes)',
      async (root) => {
        await gitAs(LEARNER, root, 'branch', 'feature');
        const before = await keyOf(root);
        await gitAs(LEARNER, root, 'symbolic-ref', 'HEAD', 'refs/heads/feature');
        return before;
      },
    ],
    ['a tag', plain((root) => gitAs(LEARNER, root, 'tag', 'v1'))],
    ['a remote branch', plain((root) => gitAs(LEARNER, root, 'update-ref', 'refs/remotes/origin/main', 'HEAD'))],
    ['history cut short (.git/shallow)', plain(async (root) => fs.writeFile(path.join(root, '.git', 'shallow'), await gitAs(LEARNER, root, 'rev-parse', 'HEAD')))],
    ['history grafted (.git/info/grafts)', plain(async (root) => fs.writeFile(path.join(root, '.git', 'info', 'grafts'), await gitAs(LEARNER, root, 'rev-parse', 'HEAD')))],
    ['attributes in .git/info/attributes', plain((root) => fs.writeFile(path.join(root, '.git', 'info', 'attributes'), '*.js text eol=crlf\n'))],
    ['the learner’s email configured', plain((root) => gitAs(LEARNER, root, 'config', 'user.email', 'me@example.com'))],
    [
      'an untracked file excluded (.git/info/exclude, not itself listed)',
      async (root) => {
        await writeTree(root, { 'notes.txt': 'x\n' });
        const before = await keyOf(root);
        await fs.appendFile(path.join(root, '.git', 'info', 'exclude'), 'notes.txt\n');
        return before;
      },
    ],
    [
      'a change staged',
      async (root) => {
        await fs.writeFile(path.join(root, 'src/app.js'), 'const app = 3;\n');
        const before = await keyOf(root);
        await gitAs(LEARNER, root, 'add', 'src/app.js');
        return before;
      },
    ],
    [
      'the content of a mailmap file the configuration names, outside the repository',
      async (root) => {
        const mailmap = path.join(await scratch.tree(), 'mailmap');
        await fs.writeFile(mailmap, '');
        await gitAs(LEARNER, root, 'config', 'mailmap.file', mailmap);
        const before = await keyOf(root);
        await fs.writeFile(mailmap, 'Me <me@example.com> <someone@example.com>\n');
        return before;
      },
    ],
  ];
  for (const [name, change] of changes) {
    it(`changes with ${name}`, async () => {
      const root = await project();
      const initial = await keyOf(root);
      const before = (await change(root)) ?? initial;
      assert.notEqual(await keyOf(root), before);
    });
  }

  it('changes with the user’s default attributes file ($XDG_CONFIG_HOME/git/attributes), which no configuration names', async () => {
    const root = await project();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = await scratch.tree({ 'git/attributes': '' });
    try {
      const before = await keyOf(root);
      await fs.writeFile(path.join(process.env.XDG_CONFIG_HOME, 'git', 'attributes'), '*.js text eol=crlf\n');
      assert.notEqual(await keyOf(root), before);
    } finally {
      if (saved === undefined) {
        Reflect.deleteProperty(process.env, 'XDG_CONFIG_HOME');
      } else {
        process.env.XDG_CONFIG_HOME = saved;
      }
    }
  });

  it('is not settled while a file it stats changed within STAT_TRUST_MS, and settled after', async () => {
    const root = await project();
    await fs.writeFile(path.join(root, 'src/app.js'), 'const app = 4;\n');
    const changedAt = Number((await fs.stat(path.join(root, 'src/app.js'), { bigint: true })).ctimeNs / 1_000_000n);
    const soon = await folderFingerprint(root, createGitRunner(root), [], () => changedAt + STAT_TRUST_MS - 100);
    const afterwards = await folderFingerprint(root, createGitRunner(root), [], () => changedAt + STAT_TRUST_MS + 1_500);
    assert.equal(soon?.settled, false);
    assert.equal(afterwards?.settled, true);
    assert.equal(soon.key, afterwards.key);
  });

  it('gives none for a large index, whose stats would cost what the scan’s listing does', async () => {
    const root = await project();
    assert.ok(await folderFingerprint(root, createGitRunner(root), [], later));
    // Only the index's size is looked at before git would read it.
    await fs.writeFile(path.join(root, '.git', 'index'), Buffer.alloc(LARGE_GIT_INDEX_BYTES));
    assert.equal(await folderFingerprint(root, createGitRunner(root), [], later), undefined);
  });

  it('gives none where a key would not see everything: a subfolder, no repository, no commit yet', async () => {
    const root = await project();
    assert.equal(await folderFingerprint(path.join(root, 'src'), createGitRunner(path.join(root, 'src')), [], later), undefined);
    const plain = await scratch.tree({ 'a.js': 'x\n' });
    assert.equal(await folderFingerprint(plain, createGitRunner(plain), [], later), undefined);
    const empty = await scratch.repository();
    await writeTree(empty, { 'a.js': 'x\n' });
    assert.equal(await folderFingerprint(empty, createGitRunner(empty), [], later), undefined);
  });
});
