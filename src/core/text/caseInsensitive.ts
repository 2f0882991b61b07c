/** Per pattern: its case-insensitive copy, compiled once. */
const insensitiveOf = new WeakMap<RegExp, RegExp>();

/**
 * `pattern` (written in lower case, for lower-case paths) made to ignore ASCII case, so a path can be
 * tested as it is: `toLowerCase()` of a path git listed makes a new string each time (the paths are
 * slices of git's output), 800k of them per scan on 100k files for the path hints and preferences. The
 * two agree on every path but those holding U+212A (Kelvin sign) or U+0130 (dotted capital I), which
 * lower-case to ASCII letters.
 */
export function caseInsensitive(pattern: RegExp): RegExp {
  let insensitive = insensitiveOf.get(pattern);
  if (insensitive === undefined) {
    insensitive = pattern.flags.includes('i') ? pattern : new RegExp(pattern.source, `${pattern.flags}i`);
    insensitiveOf.set(pattern, insensitive);
  }
  return insensitive;
}
