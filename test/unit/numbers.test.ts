import * as assert from 'node:assert/strict';
import { formatNumber } from '../../src/core/text/numbers';

describe('formatNumber (English numbers without ICU)', () => {
  it('writes what toLocaleString("en") writes, for counts, hours and limits', () => {
    const values = [0, 1, 7, 12, 999, 1000, 1001, 12_345, 100_000, 150_000, 1_234_567, 10_000_000, 2.5, 0.25, 1234.5, 6.125, 1 / 3, 2 / 3, 99.9996, 0.0004, -1, -1234.5, -0.0001];
    for (const value of values) {
      assert.equal(formatNumber(value), value.toLocaleString('en'), String(value));
    }
  });

  it('agrees with toLocaleString("en") on random integers and decimals', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i++) {
      const whole = Math.floor(random() * 10 ** Math.floor(random() * 10));
      const value = i % 2 === 0 ? whole : whole + Math.round(random() * 1000) / 1000;
      assert.equal(formatNumber(value), value.toLocaleString('en'), String(value));
    }
  });

  it('names what is not a finite number', () => {
    assert.deepEqual([formatNumber(Number.NaN), formatNumber(Number.POSITIVE_INFINITY), formatNumber(Number.NEGATIVE_INFINITY)], ['NaN', '∞', '-∞']);
  });
});
