// Large repositories: tracked files are checked while git lists the untracked ones, which then join the
// list and re-run only the checks they can change (issue 10). The result must be the one a single listing gives.
import * as assert from 'node:assert/strict';
import { scanFolder } from '../../src/core/milestones/engine';
import type { FolderScan } from '../../src/core/milestones/engine';
import { findFiles } from '../../src/core/milestones/pathRule';
import { FileIndex } from '../../src/core/scan/fileIndex';
import { commitFilesAs, gitAs, isolateGitConfig, makeTree, removeTree, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';

/** What a learner sees of a scan: every milestone with its evidence, and the files listed. */
function seen(scan: FolderScan): unknown {
  return { files: scan.files?.files, milestones: scan.milestones.map((m) => ({ ...m, evidence: m.evidence.map((e) => ({ ...e, at: '' })) })), warnings: scan.warnings };
}

describe('split listing: tracked files first, untracked ones after', function () {
  this.timeout(60_000);
  const roots: string[] = [];
  isolateGitConfig();
  after(async () => {
    await Promise.all(roots.map(removeTree));
  });

  async function project(): Promise<string> {
    const root = await makeTree({});
    roots.push(root);
    await gitAs(LEARNER, root, 'init', '-q');
    await commitFilesAs(LEARNER, root, {
      'package.json': '{\n  "dependencies": { "express": "4" }\n}\n',
      'src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\n",
      'src/deep/nested/util.ts': 'export const one = 1;\n',
      'README.md': '# App\n',
    }, 'Start');
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
