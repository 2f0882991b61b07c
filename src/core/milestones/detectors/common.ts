import type { CommentSyntax } from '../../scan/sourceLexer';
import { lexSource } from '../../scan/sourceLexer';
import type { PathRule } from '../pathRule';
import { isFixturePath } from '../scanContext';
import type { ContentMatch } from '../signals';
import { patternMatches } from '../../scan/patternMatches';

/** Files that belong to the project itself, not to test fixtures. */
export function ownFile(relativePath: string): boolean {
  return !isFixturePath(relativePath);
}

/** A rule for files with exactly these (lower-case) names, anywhere outside fixtures. */
export function namedFiles(names: readonly string[], globs: readonly string[]): PathRule {
  return { names, where: ownFile, globs };
}

/**
 * A content check: the file counts when `pattern` matches on a non-comment line, with the match
 * starting outside string literals. `pattern` needs the `g` flag (and `m` to use ^/$ per line).
 */
export function codeMatch(pattern: RegExp, syntax: CommentSyntax, describe?: (match: RegExpExecArray, path: string, line: number) => string): (text: string, path: string) => ContentMatch | undefined {
  return (text, path) => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) {
      return undefined;
    }
    const lexed = lexSource(text, syntax);
    for (const { match, start: at } of patternMatches(pattern, lexed.code)) {
      if (lexed.isCode(at)) {
        const line = lexed.lineOf(at);
        return describe === undefined ? { line } : { line, summary: describe(match, path, line) };
      }
    }
    return undefined;
  };
}
