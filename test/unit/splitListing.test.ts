// Large repositories: tracked files are checked while git lists the untracked ones, which then join the
// list and re-run only the checks they can change (issue 10). The result must be the one a single listing gives.
import * as assert from 'node:assert/strict';
import { scanFolder } from '../../src/core/milestones/engine';
import type { FolderScan } from '../../src/core/milestones/engine';
import { findFiles } from '../../src/core/milestones/pathRule';
import type { LanguageFiles } from '../../src/core/milestones/sourceFiles';
import { hintedPositions, sourceFilesOf } from '../../src/core/milestones/sourceFiles';
import { FileIndex } from '../../src/core/scan/fileIndex';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';

/** What a learner sees of a scan: every milestone with its evidence, and the files listed. */
function seen(scan: FolderScan): unknown {
  return { files: scan.files?.files, milestones: scan.milestones.map((m) => ({ ...m, evidence: m.evidence.map((e) => ({ ...e, at: '' })) })), warnings: scan.warnings };
}

describe('split listing: tracked files first, untracked ones after', function () {
  this.timeout(60_000);
  isolateGitConfig();
  const repository = scratchFolders(LEARNER).repository;

  async function project(): Promise<string> {
    const root = await repository();
    await commitFilesAs(LEARNER, root, {
      'package.json': '{\n  "dependencies": { "express": "4" }\n}\n',
      'src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\n",
      'src/deep/nested/util.ts': 'export const one = 1;\n',
      'README.md': '# App\n',
    }, 'Start');
    // Someone else's committed file, and a committed file the learner changed since: whose each is must not
    // depend on how the files were listed (a split listing compares with HEAD before asking git status).
    await commitFilesAs('maintainer@example.invalid', root, { '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' }, 'CI');
    await writeTree(root, { 'src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\napp.delete('/users/:id', (req, res) => res.status(204).end());\n" });
    // Work in progress that changes what is found: a Dockerfile, a second route file shallower than the first, a test.
    await writeTree(root, {
      'Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "dist/app.js"]\n',
      'routes.ts': "import { Router } from 'express';\nexport const router = Router();\nrouter.post('/users', (req, res) => res.status(201).end());\n",
      'test/app.test.ts': "import { test } from 'node:test';\ntest('works', () => {});\n",
      'node_modules/dep/index.js': 'module.exports = 1;\n',
    });
    await writeTree(root, { '.gitignore': 'node_modules/\n' });
    return root;
  }

  for (const [when, waitMs] of [['after the checks (checks they change run again)', 0], ['before the checks (they came in time)', 60_000]] as const) {
    it(`finds what one listing finds, untracked files joining ${when}`, async () => {
      const root = await project();
      const options = { allowGit: true, authorship: { onlyEmails: [LEARNER] } };
      const single = await scanFolder(root, { ...options, splitListing: { indexBytes: Number.POSITIVE_INFINITY } });
      const split = await scanFolder(root, { ...options, splitListing: { indexBytes: 0, waitMs } });
      assert.deepEqual(seen(split), seen(single));
      assert.ok(split.files?.files.includes('Dockerfile') === true && split.files.files.includes('routes.ts'));
      assert.equal(split.milestones.find((m) => m.id === 'docker.file')?.present, true, 'an untracked Dockerfile counts');
      const whose = new Map(split.milestones.flatMap((m) => m.evidence).map((e) => [e.path, e.yours]));
      assert.deepEqual([whose.get('.github/workflows/ci.yml'), whose.get('src/app.ts'), whose.get('Dockerfile')], [false, true, true]);
    });
  }

  it('lists only tracked files when there is no untracked one, as before', async () => {
    const root = await project();
    await gitAs(LEARNER, root, 'add', '-A');
    await gitAs(LEARNER, root, 'commit', '-q', '-m', 'All');
    const options = { allowGit: true, authorship: { onlyEmails: [LEARNER] } };
    assert.deepEqual(seen(await scanFolder(root, { ...options, splitListing: { indexBytes: 0, waitMs: 0 } })), seen(await scanFolder(root, { ...options, splitListing: { indexBytes: Number.POSITIVE_INFINITY } })));
  });
});

describe('FileIndex.withFilesBefore', () => {
  it('answers as an index built from the whole list, and each rule as it would', async () => {
    const tracked = ['package.json', 'src/a.ts', 'src/b.TS', 'lib/deep/c.ts', 'docs/readme.md', 'Dockerfile'];
    const added = ['z.ts', 'src/Dockerfile', 'new/x.json', 'a.ts'];
    const files = [...added, ...tracked];
    const base = await FileIndex.build(tracked);
    // The base has sorted its .ts list once: the extension must not reuse it.
    assert.deepEqual(base.withExtension('.ts'), ['src/a.ts', 'src/b.TS', 'lib/deep/c.ts']);
    const extended = base.withFilesBefore(files, added);
    const built = await FileIndex.build(files);
    for (const extension of ['.ts', '.json', '.md', '.js']) {
      assert.deepEqual(extended.withExtension(extension), built.withExtension(extension), extension);
    }
    for (const name of ['dockerfile', 'package.json', 'a.ts', 'none']) {
      assert.deepEqual(extended.named(name), built.named(name), name);
    }
    assert.deepEqual([...extended.names()], [...built.names()]);
    assert.deepEqual(extended.files, built.files);
    assert.deepEqual(base.named('dockerfile'), ['Dockerfile'], 'the base index is unchanged');
    const rules = [
      { extensions: ['.ts'], globs: ['**/*.ts'] },
      { names: ['dockerfile'], extensions: ['.json'], globs: [] },
      { namePattern: /^[a-z]\.ts$/, where: (file: string) => !file.startsWith('lib/'), globs: [] },
    ];
    for (const rule of rules) {
      await findFiles(base, rule);
      assert.deepEqual(await findFiles(extended, rule), await findFiles(built, rule), JSON.stringify(rule.globs));
    }
  });
});

describe('a few untracked files among many tracked ones', () => {
  it('land where a listing of them all puts them, for each rule', async () => {
    const tracked: string[] = [];
    for (let i = 0; i < 300; i++) {
      tracked.push(i % 3 === 0 ? `f${i}.ts` : i % 3 === 1 ? `src/m${i % 7}/f${i}.ts` : `packages/p${i % 5}/src/deep/f${i}.ts`);
    }
    // Shallowest and first, between two of one depth, deepest and last, and one a rule's filter drops.
    const added = ['a.ts', 'src/m3/f150x.ts', 'z/z/z/z/z/z.ts', 'src/skip/new.ts'];
    const files = [...added, ...tracked];
    const base = await FileIndex.build(tracked);
    const rules = [
      { extensions: ['.ts'], globs: [] },
      { extensions: ['.ts'], where: (file: string) => !file.includes('skip'), globs: [] },
    ];
    for (const rule of rules) {
      await findFiles(base, rule);
    }
    const extended = base.withFilesBefore(files, added);
    const built = await FileIndex.build(files);
    for (const rule of rules) {
      const found = await findFiles(extended, rule);
      assert.ok(found.length > 32 * 3, 'enough tracked files for the few to be inserted one by one');
      assert.deepEqual(found, await findFiles(built, rule));
    }
  });
});

describe("a grown index's source files", () => {
  const columns = (files: LanguageFiles): unknown => ({ paths: files.paths, depths: [...files.depths], tests: [...files.tests] });

  it('are the columns and hint answers a classification of the whole list gives', async () => {
    const tracked = ['src/app.ts', 'src/b.js', 'src/a.tsx', 'lib/deep/c.ts', 'lib/deep/c.js', 'Server.TS', 'test/app.test.ts', 'fixtures/x.ts', 'types.d.ts', 'z/routes/r.mts', 'docs/readme.md'];
    // First, last and between files of one depth and extension; a fixture, a declaration file and a test.
    const added = ['a.ts', 'src/aa.ts', 'zz/zz/zz/zz.ts', 'src/routes/new.js', 'fixtures/y.ts', 'more.d.ts', 'src/new.test.ts', 'Routes.CJS'];
    const files = [...added, ...tracked];
    const base = await FileIndex.build(tracked);
    const hints = [/rout/, /^src\//, /\.tsx?$/, /nothing/];
    const baseFiles = await sourceFilesOf(base, 'js');
    for (const hint of hints) {
      await hintedPositions(baseFiles, hint);
    }
    const grown = await sourceFilesOf(base.withFilesBefore(files, added), 'js');
    const built = await sourceFilesOf(await FileIndex.build(files), 'js');
    assert.ok(grown.grownFrom !== undefined, 'grown from the base, not classified again');
    assert.deepEqual(columns(grown), columns(built));
    for (const hint of hints) {
      assert.deepEqual([...(await hintedPositions(grown, hint))], [...(await hintedPositions(built, hint))], String(hint));
    }
  });

  it('are the base files themselves when no added file is of the language', async () => {
    const base = await FileIndex.build(['src/app.ts', 'README.md']);
    const baseFiles = await sourceFilesOf(base, 'js');
    assert.equal(await sourceFilesOf(base.withFilesBefore(['notes.md', 'src/app.ts', 'README.md'], ['notes.md']), 'js'), baseFiles);
  });
});
