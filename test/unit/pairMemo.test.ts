import * as assert from 'node:assert/strict';
import { PairMemo } from '../../src/core/pairMemo';

describe('PairMemo', () => {
  it('works a value out once per pair of keys, and apart for each first key', () => {
    const memo = new PairMemo<object, string, { readonly n: number }>();
    const index = {};
    const other = {};
    let computed = 0;
    const compute = (): { n: number } => ({ n: ++computed });
    const first = memo.get(index, 'ts', compute);
    assert.equal(memo.get(index, 'ts', compute), first);
    assert.notEqual(memo.get(index, 'py', compute), first);
    assert.notEqual(memo.get(other, 'ts', compute), first);
    assert.equal(computed, 3);
  });
});
