import * as assert from 'node:assert/strict';
import { FileIndex } from '../../src/core/scan/fileIndex';
import { findFiles, pathMatchesRule, preferFirst, walkFiles } from '../../src/core/milestones/pathRule';
import type { PathRule } from '../../src/core/milestones/pathRule';
import { createScanContext } from '../../src/core/milestones/scanContext';
import type { SourceSignal } from '../../src/core/milestones/sourceScan';
import { findInSources, MAX_SOURCE_FILES_PER_DETECTOR } from '../../src/core/milestones/sourceScan';
import { caseInsensitive } from '../../src/core/text/caseInsensitive';
import { makeTree, removeTree } from './helpers/scanFixtures';

const ROUTE: SourceSignal = { languages: ['js'], pattern: /app\.get\(/g, describe: () => 'route' };

async function findRoute(tree: Record<string, string>, hint: RegExp | undefined): Promise<string | undefined> {
  const root = await makeTree(tree);
  try {
    const index = await FileIndex.build(Object.keys(tree));
    const context = createScanContext({ folder: root, index, signal: undefined, runTests: false, git: undefined, gitUnavailableReason: 'no git', at: '2026-01-01T00:00:00.000Z', warnings: [] });
    return (await findInSources(context, [ROUTE], hint))?.location.path;
  } finally {
    await removeTree(root);
  }
}

/** `count` source files without the pattern, one per folder, all shallower than depth 3. */
function plainFiles(count: number): Record<string, string> {
  const tree: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    tree[`lib/m${i}/file.js`] = 'export const x = 1;\n';
  }
  return tree;
}

describe('source candidates of a detector', function () {
  this.timeout(60_000);

  it('reads files the hint names first, however deep and however many others there are', async () => {
    const tree = { ...plainFiles(MAX_SOURCE_FILES_PER_DETECTOR + 20), 'a/b/c/d/routes/users.js': "app.get('/users', h);\n" };
    assert.equal(await findRoute(tree, /rout/), 'a/b/c/d/routes/users.js');
  });

  it('reads at most the cap of other files, shallowest first', async () => {
    const deep = { 'a/b/c/d/server.js': "app.get('/users', h);\n" };
    assert.equal(await findRoute({ ...plainFiles(MAX_SOURCE_FILES_PER_DETECTOR), ...deep }, undefined), undefined, 'the deepest file is past the cap');
    assert.equal(await findRoute({ ...plainFiles(MAX_SOURCE_FILES_PER_DETECTOR - 1), ...deep }, undefined), 'a/b/c/d/server.js', 'within the cap it is read');
  });

  it('reads at most the cap of hinted files, shallowest first, when the hint names more', async () => {
    const hinted = (count: number): Record<string, string> => Object.fromEntries(Array.from({ length: count }, (_, i) => [`routes/m${i}/file.js`, 'export const x = 1;\n']));
    const deep = { 'a/b/c/routes/server.js': "app.get('/users', h);\n" };
    assert.equal(await findRoute({ ...hinted(MAX_SOURCE_FILES_PER_DETECTOR), ...deep }, /rout/), undefined, 'the deepest hinted file is past the cap');
    assert.equal(await findRoute({ ...hinted(MAX_SOURCE_FILES_PER_DETECTOR - 1), ...deep }, /rout/), 'a/b/c/routes/server.js', 'within the cap it is read');
    // Test files the hint names do not count towards the cap: they are never read.
    const tests = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`routes/t${i}/file.test.js`, "app.get('/t', h);\n"]));
    assert.equal(await findRoute({ ...hinted(MAX_SOURCE_FILES_PER_DETECTOR - 1), ...tests, ...deep }, /rout/), 'a/b/c/routes/server.js');
  });

  it('skips test files and fixtures', async () => {
    const tree = { 'src/app.test.js': "app.get('/a', h);\n", 'fixtures/app.js': "app.get('/b', h);\n", 'src/app.js': "app.get('/c', h);\n" };
    assert.equal(await findRoute(tree, /app/), 'src/app.js');
  });
});

describe('files a path rule matches', () => {
  const files = ['b/settings.gradle.kts', 'build.gradle.kts', 'x/y/Main.kt', 'README.md', 'a/Dockerfile', 'Dockerfile', 'fixtures/Dockerfile', 'z.kts'];

  it('answers each rule once per scan, with what a path-by-path check would say, shallowest first', async () => {
    const index = await FileIndex.build(files);
    const rules: PathRule[] = [
      { extensions: ['.gradle.kts', '.kt'], globs: [] },
      { names: ['dockerfile'], where: (p) => !p.startsWith('fixtures/'), globs: [] },
      { names: ['dockerfile'], rootOnly: true, globs: [] },
      { namePattern: /^readme/, extensions: ['.kts'], globs: [] },
    ];
    for (const rule of rules) {
      const found = await findFiles(index, rule);
      const expected = files.filter((file) => pathMatchesRule(rule, file));
      assert.deepEqual([...found].sort(), [...expected].sort());
      const depths = found.map((file) => file.split('/').length);
      assert.deepEqual(depths, [...depths].sort((a, b) => a - b), `shallowest first: ${found.join(', ')}`);
      assert.equal(findFiles(index, rule), findFiles(index, rule), 'the same answer is reused');
    }
  });
});

describe('preferred files first', () => {
  const files = ['a/x.ts', 'k8s/b.yaml', 'c.yaml', 'deploy/D.yaml', 'e.yaml', 'k8s/f.yaml', 'g.yaml'];

  it('puts paths the preference matches (in lower case) first, each part in its order, up to the limit', () => {
    const prefer = /k8s|deploy/;
    assert.deepEqual(preferFirst(files, prefer), ['k8s/b.yaml', 'deploy/D.yaml', 'k8s/f.yaml', 'a/x.ts', 'c.yaml', 'e.yaml', 'g.yaml']);
    for (const limit of [0, 1, 2, 3, 4, 6, 7, 10]) {
      assert.deepEqual(preferFirst(files, prefer, limit), preferFirst(files, prefer).slice(0, limit), `limit ${limit}`);
    }
    assert.deepEqual(preferFirst(files, /nothing/, 3), ['a/x.ts', 'k8s/b.yaml', 'c.yaml']);
  });
});

describe('case-insensitive patterns', () => {
  it('match a path as the lower-case pattern matches the lower-case path', () => {
    const pattern = /rout|^src\/api\/|\.sql$/;
    for (const path of ['src/Routes/users.ts', 'SRC/API/x.ts', 'db/Schema.SQL', 'lib/other.ts', 'src/apix/y.ts']) {
      assert.equal(caseInsensitive(pattern).test(path), pattern.test(path.toLowerCase()), path);
    }
    assert.equal(caseInsensitive(pattern), caseInsensitive(pattern), 'compiled once');
  });
});

describe('a path rule that keeps every file of a list', () => {
  it('answers with the list itself, not a copy', async () => {
    const index = await FileIndex.build(['src/a.ts', 'b.ts', 'fixtures/c.ts', 'd.md']);
    const everything = (): boolean => true;
    assert.equal(await findFiles(index, { extensions: ['.ts'], where: everything, globs: [] }), index.withExtension('.ts'));
    const outsideFixtures = await findFiles(index, { extensions: ['.ts'], where: (path) => !path.startsWith('fixtures/'), globs: [] });
    assert.deepEqual(outsideFixtures, ['b.ts', 'src/a.ts']);
  });
});

describe('walking the files a path rule matches', () => {
  const files = ['b/settings.gradle.kts', 'build.gradle.kts', 'x/y/Main.kt', 'README.md', 'src/b.ts', 'src/a.tsx', 'a.ts', 'lib/c.mts', 'x/y/z/d.ts', 'fixtures/e.ts', 'src/a.test.ts', 'Dockerfile', 'z.kts', 'types.d.ts'];

  async function walked(index: FileIndex, rule: PathRule, count = Infinity): Promise<string[]> {
    const paths: string[] = [];
    if (count === 0) {
      return paths;
    }
    for await (const path of walkFiles(index, rule)) {
      paths.push(path);
      if (paths.length >= count) {
        break;
      }
    }
    return paths;
  }

  /** A rule over `extensions` keeping what `keep` keeps, counting the paths it is asked about. */
  function countingRule(extensions: string[], keep: (path: string) => boolean = () => true): { rule: PathRule; tested: () => number; reset: () => void } {
    let tested = 0;
    const rule: PathRule = {
      extensions,
      where: (path) => {
        tested++;
        return keep(path);
      },
      globs: [],
    };
    return { rule, tested: () => tested, reset: () => (tested = 0) };
  }

  it('gives the files findFiles answers, in its order, for rules of every kind', async () => {
    const rules: PathRule[] = [
      { extensions: ['.ts', '.tsx', '.mts'], globs: [] },
      { extensions: ['.ts', '.tsx'], where: (p) => !p.startsWith('fixtures/') && !p.includes('.test.'), globs: [] },
      { extensions: ['.gradle.kts', '.kt'], globs: [] },
      { extensions: ['.kts', '.gradle.kts'], globs: [] },
      { extensions: ['.ts'], rootOnly: true, globs: [] },
      { extensions: ['.md'], where: () => false, globs: [] },
      { names: ['dockerfile', 'readme.md'], globs: [] },
      { namePattern: /^readme/, extensions: ['.kts'], globs: [] },
    ];
    for (const order of [files, [...files].reverse(), [...files].sort()]) {
      for (const rule of rules) {
        // A fresh index per rule, so that the walk does not just read findFiles' remembered answer.
        const expected = await findFiles(await FileIndex.build(order), rule);
        assert.deepEqual(await walked(await FileIndex.build(order), rule), [...expected], JSON.stringify(rule.extensions ?? rule.names));
      }
    }
  });

  it('tests only as many paths as it is asked for', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `src/m${String(i).padStart(4, '0')}/file.ts`);
    const index = await FileIndex.build(many);
    const { rule, tested, reset } = countingRule(['.ts']);
    assert.deepEqual(await walked(index, rule, 3), many.slice(0, 3));
    assert.ok(tested() <= 4, `tested ${tested()} paths for 3`);
    // A second walk (a re-check) reads on from where the first stopped.
    reset();
    assert.deepEqual(await walked(index, rule, 5), many.slice(0, 5));
    assert.ok(tested() <= 3, `tested ${tested()} more paths for 2 more`);
    // A rule findFiles already answered is not worked out again.
    await findFiles(index, rule);
    reset();
    assert.deepEqual(await walked(index, rule, 2), many.slice(0, 2));
    assert.equal(tested(), 0);
  });

  it('gives two walks of one rule read at once the same files, and lets the thread go on long lists', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `src/m${String(i).padStart(5, '0')}/file.ts`);
    const index = await FileIndex.build(many);
    const { rule } = countingRule(['.ts'], (path) => path.endsWith('7/file.ts'));
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      const [a, b] = await Promise.all([walked(index, rule), walked(index, rule)]);
      const expected = many.filter((path) => path.endsWith('7/file.ts'));
      assert.deepEqual(a, expected);
      assert.deepEqual(b, expected);
    } finally {
      clearInterval(ticker);
    }
    assert.ok(turns > 0, 'timers ran while 20,000 paths were walked');
  });

  it('hands a walk to the end to findFiles', async () => {
    const index = await FileIndex.build(files);
    const { rule, tested } = countingRule(['.ts', '.tsx'], (path) => !path.startsWith('fixtures/'));
    const all = await walked(index, rule);
    const testedByWalk = tested();
    assert.deepEqual(await findFiles(index, rule), all);
    assert.equal(tested(), testedByWalk, 'findFiles took the walk as its answer');
  });

  it('walks a grown index from its base walk and the added files, in the order findFiles gives', async () => {
    const base = Array.from({ length: 3000 }, (_, i) => `src/m${String(i).padStart(4, '0')}/file.ts`);
    const added = ['new.ts', 'src/m0001/new.ts', 'src/zz/deep/new.ts', 'notes.md'];
    const { rule, tested, reset } = countingRule(['.ts']);
    const baseIndex = await FileIndex.build(base);
    assert.deepEqual(await walked(baseIndex, rule, 2), base.slice(0, 2));
    const grown = baseIndex.withFilesBefore([...added, ...base], added);
    reset();
    assert.deepEqual(await walked(grown, rule, 3), ['new.ts', base[0], base[1]]);
    assert.ok(tested() <= 6, `tested ${tested()} paths for 3 files of the grown index`);
    const expected = await findFiles(await FileIndex.build([...added, ...base]), rule);
    assert.deepEqual(await walked(grown, rule), [...expected]);
  });
});
