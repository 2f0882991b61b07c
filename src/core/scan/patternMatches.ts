/** One match of a pattern, with where its first non-blank character is (patterns may start with `^\s*`). */
export interface PatternMatch {
  readonly match: RegExpExecArray;
  readonly start: number;
}

/**
 * Every non-empty match of `pattern` (which needs the `g` flag) in `text`, in order. The pattern's
 * `lastIndex` is reset first; an empty match is stepped over instead of looping forever.
 */
export function* patternMatches(pattern: RegExp, text: string): Generator<PatternMatch> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    yield { match, start: match.index + (match[0].length - match[0].trimStart().length) };
  }
}
