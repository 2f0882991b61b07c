import * as assert from 'node:assert/strict';
import { firstNotBefore } from '../../src/core/firstNotBefore';

describe('firstNotBefore', () => {
  it('finds where an entry goes in a sorted range, as a linear search would', () => {
    const sorted = [1, 3, 3, 5, 8, 13];
    for (const value of [0, 1, 2, 3, 4, 8, 13, 20]) {
      const linear = sorted.findIndex((entry) => !(entry < value));
      const expected = linear < 0 ? sorted.length : linear;
      assert.equal(firstNotBefore(0, sorted.length, (at) => (sorted[at] ?? 0) < value), expected, `value ${value}`);
    }
    assert.equal(firstNotBefore(3, sorted.length, (at) => (sorted[at] ?? 0) < 2), 3, 'never before the start of the range');
    assert.equal(firstNotBefore(2, 2, () => true), 2, 'an empty range');
  });
});
