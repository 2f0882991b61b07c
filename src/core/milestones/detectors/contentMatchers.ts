import type { CommentSyntax, LexedSource } from '../../scan/sourceLexer';
import { lexSource } from '../../scan/sourceLexer';
import type { ContentMatch } from '../signals';
import { languageOf, syntaxOf } from '../sourceLanguages';
import { patternMatches } from '../../scan/patternMatches';

type Describe = (match: RegExpExecArray, path: string, line: number) => string;
export type ContentCheck = (text: string, path: string) => ContentMatch | undefined;

/**
 * The first match of `pattern` (needs the `g` flag) in `text` with comments blanked whose start passes
 * `accept`; a raw-text pre-check skips the lexing of files that cannot match.
 */
function firstMatch(pattern: RegExp, text: string, lexed: () => LexedSource, accept: (lexed: LexedSource, start: number, end: number) => boolean): { match: RegExpExecArray; line: number } | undefined {
  pattern.lastIndex = 0;
  if (!pattern.test(text)) {
    return undefined;
  }
  const source = lexed();
  for (const { match, start } of patternMatches(pattern, source.code)) {
    if (accept(source, start, match.index + match[0].length)) {
      return { match, line: source.lineOf(start) };
    }
  }
  return undefined;
}

function describeWith(describe: Describe | undefined, found: { match: RegExpExecArray; line: number } | undefined, path: string): ContentMatch | undefined {
  if (found === undefined) {
    return undefined;
  }
  return describe === undefined ? { line: found.line } : { line: found.line, summary: describe(found.match, path, found.line) };
}

/**
 * For configuration where values are often quoted (YAML, properties, Markdown): the match counts
 * anywhere except in comments (comments are blanked before matching).
 */
export function uncommentedMatch(pattern: RegExp, syntax: CommentSyntax, describe?: Describe): ContentCheck {
  return (text, path) => describeWith(describe, firstMatch(pattern, text, () => lexSource(text, syntax), () => true), path);
}

/**
 * SQL written in source code: the whole match must lie inside string literals (never in code, never
 * in a comment). Python docstrings (a string that opens a module, class or function body) are
 * documentation, not queries, and never count.
 */
export function stringMatch(pattern: RegExp, describe?: Describe): ContentCheck {
  return (text, path) => {
    const language = languageOf(path);
    if (language === undefined) {
      return undefined;
    }
    const accept = (lexed: LexedSource, start: number, end: number): boolean => {
      for (let i = start; i < end; i++) {
        if (lexed.isCode(i)) {
          return false;
        }
      }
      return !(language === 'python' && isDocstring(lexed, start));
    };
    return describeWith(describe, firstMatch(pattern, text, () => lexSource(text, syntaxOf(language)), accept), path);
  };
}

/** Walks back to the string's opening quote, then to the code before it: `:` or nothing means a docstring. */
function isDocstring(lexed: LexedSource, inside: number): boolean {
  let i = inside;
  while (i > 0 && !lexed.isCode(i)) {
    i--;
  }
  // i is on the opening quote (code); skip the quote run and string prefixes (r, b, f, u).
  while (i > 0 && /['"rbfuRBFU]/.test(lexed.code[i] ?? '')) {
    i--;
  }
  while (i >= 0 && /\s/.test(lexed.code[i] ?? '')) {
    i--;
  }
  return i < 0 || lexed.code[i] === ':';
}

/** Code patterns in the file's own language (comments blanked, the match starting in code). */
export function codeMatchByPath(pattern: RegExp, describe?: Describe): ContentCheck {
  return (text, path) => {
    const language = languageOf(path);
    if (language === undefined) {
      return undefined;
    }
    return describeWith(describe, firstMatch(pattern, text, () => lexSource(text, syntaxOf(language)), (lexed, start) => lexed.isCode(start)), path);
  };
}

/** The first check that finds something. */
export function anyOf(...checks: readonly ContentCheck[]): ContentCheck {
  return (text, path) => {
    for (const check of checks) {
      const found = check(text, path);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  };
}

/**
 * SQL files: `--` and `/* *\/` comments and '…' string literals are blanked before matching, so
 * commented-out statements and data values never count. Returns the text with those blanked.
 */
export function blankSqlCommentsAndStrings(text: string): string {
  const parts: string[] = [];
  let kept = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    let end = i;
    if (ch === '-' && text[i + 1] === '-') {
      end = text.indexOf('\n', i);
      end = end < 0 ? n : end;
    } else if (ch === '/' && text[i + 1] === '*') {
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
    } else if (ch === "'") {
      // '' inside a literal is an escaped quote.
      end = i + 1;
      while (end < n && !(text[end] === "'" && text[end + 1] !== "'")) {
        end += text[end] === "'" ? 2 : 1;
      }
      end = Math.min(end + 1, n);
    }
    if (end > i) {
      parts.push(text.slice(kept, i), text.slice(i, end).replace(/[^\n]/g, ' '));
      kept = end;
      i = end;
    } else {
      i++;
    }
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

/** A check on a .sql file (comments and string data blanked). */
export function sqlMatch(pattern: RegExp, describe?: Describe): ContentCheck {
  return (text, path) => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) {
      return undefined;
    }
    const code = blankSqlCommentsAndStrings(text);
    pattern.lastIndex = 0;
    const match = pattern.exec(code);
    if (match === null) {
      return undefined;
    }
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const line = code.slice(0, start).split('\n').length;
    return { line, ...(describe === undefined ? {} : { summary: describe(match, path, line) }) };
  };
}

/** The first check's match, only when every other check also finds something in the same file. */
export function allOf(first: ContentCheck, ...others: readonly ContentCheck[]): ContentCheck {
  return (text, path) => {
    const found = first(text, path);
    return found !== undefined && others.every((check) => check(text, path) !== undefined) ? found : undefined;
  };
}

/** A match anywhere in the raw text (for directives that look like comments, e.g. `//go:build integration`). */
export function rawMatch(pattern: RegExp, describe?: Describe): ContentCheck {
  return (text, path) => {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match === null) {
      return undefined;
    }
    const line = text.slice(0, match.index).split('\n').length;
    return { line, ...(describe === undefined ? {} : { summary: describe(match, path, line) }) };
  };
}
