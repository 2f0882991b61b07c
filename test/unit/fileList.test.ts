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
      const listing = await crawlFiles(root, { maxDepth: 10, maxEntries: 100 });
      assert.deepEqual(listing.files, ['inside/a.txt']);
    } finally {
      await removeTree(outside);
    }
  });

  it('stops at maxEntries and says so', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      tree[`f${i}.txt`] = '';
    }
    root = await makeTree(tree);
    const listing = await listFiles(root, { limits: { maxDepth: 5, maxEntries: 20 } });
    assert.equal(listing.files.length, 20);
    assert.equal(listing.truncated, true);
    assert.match(listing.warnings[0] ?? '', /stops after 20 entries/);
  });

  it('does not enter folders below maxDepth', async () => {
    root = await makeTree({ 'a/b/c/d/deep.txt': '', 'a/shallow.txt': '' });
    const listing = await crawlFiles(root, { maxDepth: 2, maxEntries: 1000 });
    assert.deepEqual(listing.files, ['a/shallow.txt']);
    assert.equal(listing.truncated, true);
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
