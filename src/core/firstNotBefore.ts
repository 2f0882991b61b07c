/**
 * The first position in `from`..`to` whose entry does not sort before the one being placed, for entries
 * in order (`isBefore` true for a prefix of the range, then false): where an entry is inserted to keep
 * the order. Binary search: only the positions probed are compared.
 */
export function firstNotBefore(from: number, to: number, isBefore: (at: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
