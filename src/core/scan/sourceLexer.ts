import { firstNotBefore } from '../firstNotBefore';

/**
 * A conservative lexer that tells comments and string literals apart from code, so a pattern found
 * in a comment ("// TODO: add app.get('/users')") or only inside a string never counts as evidence.
 * It is not a parser: strings end at the line end unless the syntax has multi-line strings, and
 * regular-expression literals are read as code. Its mistakes fail towards "not code".
 */
export type CommentSyntax =
  /** `//`, `/* *\/`; '…' is a string (JavaScript/TypeScript). */
  | 'js'
  /** `//`, `/* *\/`; '…' is a char literal, `…` a raw string (Go, Java, Kotlin, C#, Rust, proto, Gradle). */
  | 'c'
  /** `#`; '…', "…", '''…''', """…""" (Python). */
  | 'python'
  /** `#`, `=begin`/`=end` (Ruby). */
  | 'ruby'
  /** `//`, `/* *\/`, `#` except the `#[` attribute (PHP). */
  | 'php'
  /** `#` after a blank or at the line start (YAML, shell, INI, Dockerfile, nginx, requirements). */
  | 'hash'
  /** `#` anywhere outside a string; "…" with escapes, '…' without, and multi-line """…""" and '''…''' (TOML). */
  | 'toml'
  /** `<!-- -->` (XML, HTML). */
  | 'xml';

export interface LexedSource {
  /** The text with every comment character replaced by a space (newlines kept): positions are unchanged. */
  readonly code: string;
  /** True when the character at `index` is code: neither in a comment nor inside a string literal. */
  isCode(index: number): boolean;
  /** 1-based line of `index`. */
  lineOf(index: number): number;
}

const CODE = 0;
const STRING = 1;
const COMMENT = 2;

export function lexSource(text: string, syntax: CommentSyntax): LexedSource {
  const kinds = new Uint8Array(text.length);
  scan(text, syntax, kinds);
  const code = blankComments(text, kinds);
  let lineStarts: number[] | undefined;
  return {
    code,
    isCode: (index) => kinds[index] === CODE,
    lineOf(index) {
      lineStarts ??= computeLineStarts(text);
      return lineAt(lineStarts, index);
    },
  };
}

function scan(text: string, syntax: CommentSyntax, kinds: Uint8Array): void {
  const slashComments = syntax === 'js' || syntax === 'c' || syntax === 'php';
  const hashComments = syntax === 'python' || syntax === 'ruby' || syntax === 'php' || syntax === 'hash' || syntax === 'toml';
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    if (syntax === 'xml') {
      if (ch === '<' && text.startsWith('<!--', i)) {
        i = mark(kinds, i, endOf(text, '-->', i + 4), COMMENT);
        continue;
      }
      i++;
      continue;
    }
    if (slashComments && ch === '/' && next === '/') {
      i = mark(kinds, i, lineEnd(text, i), COMMENT);
      continue;
    }
    if (slashComments && ch === '/' && next === '*') {
      i = mark(kinds, i, endOf(text, '*/', i + 2), COMMENT);
      continue;
    }
    if (hashComments && ch === '#' && isHashComment(text, i, syntax)) {
      i = mark(kinds, i, lineEnd(text, i), COMMENT);
      continue;
    }
    if (syntax === 'ruby' && ch === '=' && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
      i = mark(kinds, i, endOf(text, '\n=end', i), COMMENT);
      continue;
    }
    if ((ch === '"' || ch === "'") && syntax !== 'hash' && text.startsWith(ch.repeat(3), i) && syntax !== 'php') {
      // Triple-quoted strings: Python docstrings, Kotlin/Java/C# text blocks.
      i = mark(kinds, i + 3, endOf(text, ch.repeat(3), i + 3), STRING);
      continue;
    }
    if (ch === '"' || (ch === "'" && syntax !== 'c')) {
      // TOML's '…' is a literal string: a backslash in it is just a backslash.
      const escapes = !(ch === "'" && syntax === 'toml');
      i = mark(kinds, i + 1, quotedEnd(text, i + 1, ch, { multiLine: false, escapes }), STRING);
      continue;
    }
    if (ch === "'" && syntax === 'c') {
      const end = charLiteralEnd(text, i);
      if (end > i) {
        i = mark(kinds, i + 1, end, STRING);
        continue;
      }
    }
    if (ch === '`' && (syntax === 'js' || syntax === 'c')) {
      i = mark(kinds, i + 1, quotedEnd(text, i + 1, '`', { multiLine: true, escapes: true }), STRING);
      continue;
    }
    i++;
  }
}

function isHashComment(text: string, i: number, syntax: CommentSyntax): boolean {
  if (syntax === 'php' && text[i + 1] === '[') {
    return false; // PHP 8 attribute, e.g. #[Route('/users')]
  }
  if (syntax === 'ruby' && text[i + 1] === '{') {
    return false; // interpolation outside a string is rare; never a comment
  }
  if (syntax === 'hash') {
    const before = i === 0 ? '\n' : text[i - 1];
    return before === '\n' || before === ' ' || before === '\t' || before === '\r';
  }
  return true;
}

/** Marks [from, to) and returns `to`. */
function mark(kinds: Uint8Array, from: number, to: number, kind: number): number {
  kinds.fill(kind, from, to);
  return to;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Index just past `terminator`, or the end of the text. */
function endOf(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + terminator.length;
}

/**
 * Index just past the closing `quote` of a string whose body starts at `from`. A one-line string that
 * is not closed ends at the line end; a multi-line one at the end of the text.
 */
function quotedEnd(text: string, from: number, quote: string, { multiLine, escapes }: { readonly multiLine: boolean; readonly escapes: boolean }): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && escapes) {
      i++;
    } else if (ch === quote) {
      return i + 1;
    } else if (ch === '\n' && !multiLine) {
      return i;
    }
  }
  return text.length;
}

/** `'a'` or `'\n'` in C-like languages; a lone quote (a Rust lifetime) is code. Returns the end, or `start`. */
function charLiteralEnd(text: string, start: number): number {
  const match = /^'(?:\\.[^'\n]{0,8}|[^\\'\n])'/.exec(text.slice(start, start + 12));
  return match === null ? start : start + match[0].length;
}

function blankComments(text: string, kinds: Uint8Array): string {
  if (!kinds.includes(COMMENT)) {
    return text;
  }
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (kinds[i] !== COMMENT) {
      i++;
      continue;
    }
    parts.push(text.slice(start, i));
    let end = i;
    while (end < text.length && kinds[end] === COMMENT) {
      end++;
    }
    parts.push(text.slice(i, end).replace(/[^\n]/g, ' '));
    start = end;
    i = end;
  }
  parts.push(text.slice(start));
  return parts.join('');
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], index: number): number {
  // The lines starting at or before `index`, counted by binary search; at least line 1.
  return Math.max(1, firstNotBefore(0, starts.length, (at) => (starts[at] ?? 0) <= index));
}

/** 1-based line of `index` in `text`, for evidence found without lexing. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}
