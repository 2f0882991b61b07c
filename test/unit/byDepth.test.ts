import * as assert from 'node:assert/strict';
import { byDepth, depthOf } from '../../src/core/scan/fileIndex';

/** The order `byDepth` promises: shallower first, then by path (UTF-16 code units, as `<` compares). */
function reference(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => depthOf(a) - depthOf(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A deterministic shuffle (a linear congruential generator), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const PATHS = ['README.md', 'a/b/c.ts', 'a/b.ts', 'a.ts', 'a/b/c/d.ts', 'b/a.ts', 'a/c.ts', 'Z.ts', 'z/a.ts', 'é/x.ts', '\u{1F600}/x.ts', '\uFF10/x.ts', 'a/b.ts', 'src/x.test.ts', 'src/x.ts'];

describe('byDepth', () => {
  it('orders a list git sorted (the usual input) shallowest first, then by path', () => {
    const sorted = [...PATHS].sort();
    assert.deepEqual(byDepth(sorted), reference(sorted));
  });

  it('orders any other list the same way', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const list = shuffled(PATHS, seed);
      assert.deepEqual(byDepth(list), reference(list), `order ${seed}`);
    }
  });

  it('keeps duplicates and handles empty and one-path lists', () => {
    assert.deepEqual(byDepth([]), []);
    assert.deepEqual(byDepth(['a/b.ts']), ['a/b.ts']);
    assert.deepEqual(byDepth(['b/x.ts', 'a.ts', 'a.ts']), ['a.ts', 'a.ts', 'b/x.ts']);
  });
});
