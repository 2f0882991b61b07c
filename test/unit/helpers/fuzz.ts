/** Shared by the seeded fuzz tests: cases replay from their seed (FUZZ_SEED), and FUZZ_CASES runs more. */

/** How many cases a fuzz test runs: FUZZ_CASES, or the default (at least 2,000 in CI). */
export function fuzzCases(fallback = 2_000): number {
  return Number(process.env.FUZZ_CASES ?? '') || fallback;
}

/** The seed of a fuzz run: FUZZ_SEED, or the test's own default. */
export function fuzzSeed(fallback: number): number {
  return Number(process.env.FUZZ_SEED ?? '') || fallback;
}

/** mulberry32: a tiny seeded PRNG, so every run of the suite sees the same cases. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Random {
  constructor(readonly next: () => number) {}

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) {
      throw new Error('pick from an empty list');
    }
    return item;
  }
}
