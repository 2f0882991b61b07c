import * as assert from 'node:assert/strict';
import { declareSourceHint, matchesWithinParts, MIN_PATHS_FOR_FOLDERS, positionsMatching } from '../../src/core/milestones/pathHints';
import { ROUTE_SOURCE_HINT } from '../../src/core/milestones/detectors/routePatterns';

/** What testing each path gives: the answer the folder and name tests must equal. */
function pathByPath(paths: readonly string[], hint: RegExp): number[] {
  const pattern = new RegExp(hint.source, `${hint.flags.replace('i', '')}i`);
  return paths.flatMap((path, at) => (pattern.test(path) ? [at] : []));
}

/** `count` folders of `perFolder` files each, with hinted words in some folders and some names. */
function folders(count: number, perFolder: number): string[] {
  const words = ['routes', 'module', 'Controllers', 'fixtures', 'it', 'deep/app.', 'plain'];
  const names = ['index.ts', 'users.controller.ts', 'file-1.ts', 'App.ts', 'main.go', 'server.ts', 'x.test.ts', 'urls.py', 'split.ts'];
  const paths: string[] = [];
  for (let f = 0; f < count; f++) {
    for (let n = 0; n < perFolder; n++) {
      paths.push(`pkg-${f % 7}/${words[f % words.length] ?? ''}-${f}/${names[(f + n) % names.length] ?? ''}`);
    }
  }
  return ['server.ts', 'README.md', ...paths];
}

describe('path hints tested by folder and name', () => {
  const declared = [ROUTE_SOURCE_HINT, declareSourceHint(/integration|feature|it\//), declareSourceHint(/service|provider|module/), declareSourceHint(/app\.|urls\.py/)];

  it('takes plain word alternatives and leaves anything else to the whole path', () => {
    for (const hint of [...declared, /jobs?|queue|worker|task/, /models/]) {
      assert.equal(matchesWithinParts(hint), true, String(hint));
    }
    for (const hint of [/(^|\/)api\//, /\bapi/, /api$/, /^api/, /[a-z]+x/, /a.b/, /x\/y/, /it\/?/, /(app|main)/, /a+/, /\d/, /api/m, /api/g]) {
      assert.equal(matchesWithinParts(hint), false, String(hint));
    }
  });

  it('finds what each path tested alone finds, for declared hints, others, and lists of any shape', async () => {
    const lists = [folders(300, 8), folders(40, 1), folders(2000, 3), [...folders(300, 8)].reverse(), ['a.ts'], []];
    const others = [/(^|\/)src\//, /s\/u/, /\.ts$/, /controller|rout/, /fixtures?/];
    for (const paths of lists) {
      for (const hint of [...declared, ...others]) {
        assert.deepEqual(await positionsMatching(paths, hint), pathByPath(paths, hint), `${String(hint)} over ${paths.length} paths`);
      }
    }
  });

  it('tests a short list path by path, and a long one by folder and name', async () => {
    /** How many regular expression tests one call makes. */
    const testsMade = async (paths: readonly string[]): Promise<number> => {
      const descriptor = Object.getOwnPropertyDescriptor(RegExp.prototype, 'test');
      const test = descriptor?.value as (this: RegExp, text: string) => boolean;
      let count = 0;
      Object.defineProperty(RegExp.prototype, 'test', {
        ...descriptor,
        value(this: RegExp, text: string): boolean {
          count++;
          return test.call(this, text);
        },
      });
      try {
        await positionsMatching(paths, ROUTE_SOURCE_HINT);
      } finally {
        Object.defineProperty(RegExp.prototype, 'test', { ...descriptor, value: test });
      }
      return count;
    };
    const short = folders(Math.floor(MIN_PATHS_FOR_FOLDERS / 8) - 1, 8);
    assert.ok(short.length < MIN_PATHS_FOR_FOLDERS);
    assert.equal(await testsMade(short), short.length, 'one test per path, and no table of folders');
    const long = folders(Math.ceil(MIN_PATHS_FOR_FOLDERS / 8) + 1, 8);
    await positionsMatching(long, ROUTE_SOURCE_HINT);
    assert.ok((await testsMade(long)) < long.length / 2, 'a test per folder and per name that may match');
  });

  it('does not declare a hint it would have to test path by path', () => {
    const anchored = /(^|\/)routes\//;
    assert.equal(declareSourceHint(anchored), anchored);
    assert.equal(matchesWithinParts(anchored), false);
  });
});
