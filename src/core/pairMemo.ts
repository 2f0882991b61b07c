/**
 * Values worked out once per pair of keys, kept as long as the first key (a file index, a listed array, a
 * project) lives: the first level is weak, so what a scan worked out goes with its index or list. The
 * second key is held strongly (rules, predicates, languages and policies are few and long-lived).
 */
export class PairMemo<First extends object, Second, Value extends object> {
  private readonly byFirst = new WeakMap<First, Map<Second, Value>>();

  get(first: First, second: Second, compute: () => Value): Value {
    let bySecond = this.byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    let value = bySecond.get(second);
    if (value === undefined) {
      value = compute();
      bySecond.set(second, value);
    }
    return value;
  }

  /** The value worked out for the pair, if it was. */
  peek(first: First, second: Second): Value | undefined {
    return this.byFirst.get(first)?.get(second);
  }
}
