import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { crawlFiles, listFiles } from '../../src/core/scan/fileList';
import { createGitRunner } from '../../src/core/scan/gitRunner';
import { isIgnoredPath } from '../../src/core/scan/ignoredPaths';
import { git, makeTree, removeTree, writeTree } from './helpers/scanFixtures';

describe('file listing', function () {
  this.timeout(30_000);
  let root: string;
  afterEach(async () => {
    await removeTree(root);
  });

  it('lists relative forward-slash paths with the crawl, skipping generated folders', async () => {
    root = await makeTree({
      'src/app/main.ts': '',
      'README.md': '',
      '.github/workflows/ci.yml': '',
      'node_modules/x/package.json': '',
      'dist/app.js': '',
      'build/out.js': '',
      '.venv/lib/x.py': '',
      'api/__pycache__/x.pyc': '',
      'pkg/x.egg-info/PKG-INFO': '',
    });
    const listing = await listFiles(root, {});
    assert.equal(listing.source, 'crawl');
    assert.deepEqual([...listing.files].sort(), ['.github/workflows/ci.yml', 'README.md', 'src/app/main.ts']);
    assert.equal(listing.truncated, false);
  });

  it('does not follow symbolic links out of the folder', async () => {
    root = await makeTree({ 'inside/a.txt': '' });
    const outside = await makeTree({ 'Dockerfile': 'FROM x\n' });
    try {
      await fs.symlink(outside, path.join(root, 'linked-dir'));
      await fs.symlink(path.join(outside, 'Dockerfile'), path.join(root, 'Dockerfile'));
      const listing = await crawlFiles(root, { maxDepth: 10, maxFiles: 100, maxFolders: 100 });
      assert.deepEqual(listing.files, ['inside/a.txt']);
    } finally {
      await removeTree(outside);
    }
  });

  it('stops at maxFiles and says so', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      tree[`f${i}.txt`] = '';
    }
    root = await makeTree(tree);
    const listing = await listFiles(root, { limits: { maxDepth: 5, maxFiles: 20, maxFolders: 100 } });
    assert.equal(listing.files.length, 20);
    assert.equal(listing.truncated, true);
    assert.match(listing.warnings[0] ?? '', /stops after 20 files, 100 folders or 5 folder levels/);
  });

  it('counts files, not folders: one file per folder is listed in full up to maxFiles', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      tree[`pkg/m${i}/index.ts`] = '';
    }
    root = await makeTree(tree);
    // 60 files in 61 folders: 121 entries, which a bound of 100 entries would have cut in half.
    const listing = await listFiles(root, { limits: { maxDepth: 5, maxFiles: 60, maxFolders: 100 } });
    assert.equal(listing.files.length, 60);
    assert.equal(listing.truncated, false);
    assert.deepEqual(listing.warnings, []);
  });

  it('enters at most maxFolders folders, and still lists the files of those it entered', async () => {
    root = await makeTree({ 'root.txt': '', 'a/1.txt': '', 'b/2.txt': '', 'c/3.txt': '', 'd/4.txt': '' });
    // The root counts as a folder: two more are entered.
    const listing = await crawlFiles(root, { maxDepth: 5, maxFiles: 100, maxFolders: 3 });
    assert.equal(listing.truncated, true);
    assert.equal(listing.files.length, 3);
    assert.ok(listing.files.includes('root.txt'));
  });

  it('does not enter folders below maxDepth, and lists the rest', async () => {
    root = await makeTree({ 'a/b/c/d/deep.txt': '', 'a/shallow.txt': '', 'z/y/also.txt': '' });
    const listing = await crawlFiles(root, { maxDepth: 2, maxFiles: 1000, maxFolders: 1000 });
    assert.deepEqual([...listing.files].sort(), ['a/shallow.txt', 'z/y/also.txt']);
    assert.equal(listing.truncated, true);
  });

  it('never walks an ignored folder, whatever its size', async () => {
    const tree: Record<string, string> = { 'src/index.ts': '' };
    for (let i = 0; i < 30; i++) {
      tree[`node_modules/dep${i}/index.js`] = '';
    }
    root = await makeTree(tree);
    // Had node_modules been entered, its 30 folders would exceed the folder bound.
    const listing = await crawlFiles(root, { maxDepth: 5, maxFiles: 100, maxFolders: 5 });
    assert.deepEqual(listing.files, ['src/index.ts']);
    assert.equal(listing.truncated, false);
  });

  it('uses git ls-files in a repository: .gitignore is respected, untracked files are listed', async () => {
    root = await makeTree({ '.gitignore': 'secret/\n*.log\n', 'tracked.js': '', 'secret/Dockerfile': '', 'debug.log': '' });
    await git(root, 'init', '-q');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'init');
    await writeTree(root, { 'untracked.py': '', 'vendor/lib/x.go': '' });
    const listing = await listFiles(root, { git: createGitRunner(root) });
    assert.equal(listing.source, 'git');
    assert.deepEqual([...listing.files].sort(), ['.gitignore', 'tracked.js', 'untracked.py']);
  });

  it('lists tracked files from the index and new untracked folders, never untracked ignored trees', async () => {
    root = await makeTree({ '.gitignore': 'logs/\n', 'src/app.ts': '', 'docs/a.md': '' });
    await git(root, 'init', '-q');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'init');
    await fs.rm(path.join(root, 'docs/a.md'));
    await writeTree(root, { 'feature/new/handler.ts': '', 'logs/x.log': '', 'node_modules/dep/index.js': '', 'build/out.js': '', 'api/.venv/lib/site.py': '' });
    const listing = await listFiles(root, { git: createGitRunner(root) });
    assert.equal(listing.source, 'git');
    // A tracked file deleted from disk is still listed (detectors lstat before trusting a name).
    assert.deepEqual([...listing.files].sort(), ['.gitignore', 'docs/a.md', 'feature/new/handler.ts', 'src/app.ts']);
  });

  it('skips committed files inside ignored folders, folder by folder, and keeps look-alike folders', async () => {
    // Git lists a folder's files one after another and the verdict is kept per folder: neighbours whose
    // folder names share a prefix or a length must still each get their own.
    root = await makeTree({
      'dist/a.js': '', 'dist/b.js': '', 'dist-tools/c.js': '', 'src/bin/d.ts': '', 'src/bio/e.ts': '', 'src/bio/f.ts': '',
      'src/dist/g.js': '', 'src/distx/h.js': '', 'src/i.ts': '', 'j.ts': '', 'vendor/k/l.go': '', 'vendorx/m.go': '',
    });
    await git(root, 'init', '-q');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'init');
    const listing = await listFiles(root, { git: createGitRunner(root) });
    assert.deepEqual([...listing.files].sort(), ['dist-tools/c.js', 'j.ts', 'src/bio/e.ts', 'src/bio/f.ts', 'src/distx/h.js', 'src/i.ts', 'vendorx/m.go']);
  });

  it('lists a file in a merge conflict once, though the index holds it three times', async () => {
    root = await makeTree({ 'app.ts': 'base\n', 'other.ts': '' });
    await git(root, 'init', '-q', '-b', 'main');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'base');
    await git(root, 'checkout', '-q', '-b', 'side');
    await writeTree(root, { 'app.ts': 'side\n' });
    await git(root, 'commit', '-q', '-am', 'side');
    await git(root, 'checkout', '-q', 'main');
    await writeTree(root, { 'app.ts': 'main\n', 'new.ts': '' });
    await git(root, 'commit', '-q', '-am', 'main');
    await git(root, 'merge', '-q', 'side').catch(() => undefined);
    assert.equal((await git(root, 'ls-files', '--stage', 'app.ts')).trim().split('\n').length, 3, 'the conflict is in the index');
    const listing = await listFiles(root, { git: createGitRunner(root) });
    assert.deepEqual([...listing.files].sort(), ['app.ts', 'new.ts', 'other.ts']);
  });

  it('drops committed generated folders from the git listing too', async () => {
    root = await makeTree({ 'vendor/x/composer.json': '{}', 'dist/app.js': '', 'src/a.ts': '' });
    await git(root, 'init', '-q');
    await git(root, 'add', '-A', '-f');
    await git(root, 'commit', '-q', '-m', 'init');
    const listing = await listFiles(root, { git: createGitRunner(root) });
    assert.deepEqual(listing.files, ['src/a.ts']);
  });

  it('crawls a project folder that an enclosing repository ignores', async () => {
    root = await makeTree({ '.gitignore': 'projects/\n', 'projects/api/Dockerfile': 'FROM node:20\n', 'projects/api/compose.yaml': 'services: {}\n' });
    await git(root, 'init', '-q');
    const project = path.join(root, 'projects', 'api');
    const listing = await listFiles(project, { git: createGitRunner(project) });
    assert.equal(listing.source, 'crawl');
    assert.deepEqual([...listing.files].sort(), ['Dockerfile', 'compose.yaml']);
  });

  it('falls back to the crawl outside a repository, silently', async () => {
    root = await makeTree({ 'a.txt': '' });
    const listing = await listFiles(root, { git: createGitRunner(root) });
    // The temp folder may sit inside a repository on some machines; either way files are listed without warnings.
    assert.deepEqual(listing.files, ['a.txt']);
    assert.deepEqual(listing.warnings, []);
  });

  it('knows which paths are inside ignored folders', () => {
    assert.equal(isIgnoredPath('node_modules/express/package.json'), true);
    assert.equal(isIgnoredPath('services/api/target/classes/x'), true);
    assert.equal(isIgnoredPath('src/build.gradle'), false, 'a file named like a folder is fine');
    assert.equal(isIgnoredPath('dist'), false, 'only folders on the path count');
  });
});
