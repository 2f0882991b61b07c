import { lexSource } from '../../scan/sourceLexer';

/** One `key = value` of a TOML document, with the table it belongs to. */
export interface TomlEntry {
  /** Dotted table name, quotes removed: `tool.poetry.dependencies`, `target.cfg(unix).dependencies`. */
  readonly table: string;
  /** Key as written, quotes removed (dotted keys kept dotted). */
  readonly key: string;
  /** Raw value text; multi-line arrays are joined. */
  readonly value: string;
  readonly line: number;
}

/**
 * A small line-oriented TOML reader: enough for dependency tables (pyproject, Pipfile, Cargo, Gradle
 * version catalogs), not a validating parser. It keeps each entry's line, which evidence points at.
 * Comments and strings are told apart by the shared lexer; multi-line arrays and inline tables are
 * joined; lines inside multi-line strings are not read as entries.
 */
export function readTomlEntries(text: string): TomlEntry[] {
  const lexed = lexSource(text, 'toml');
  const lines = lexed.code.split('\n');
  const starts = lineStarts(lines);
  // Opened minus closed brackets and braces on line `i`, counting only code (not strings).
  const depthOf = (i: number): number => {
    const line = lines[i] ?? '';
    let depth = 0;
    for (let k = 0; k < line.length; k++) {
      const ch = line[k];
      const delta = ch === '[' || ch === '{' ? 1 : ch === ']' || ch === '}' ? -1 : 0;
      if (delta !== 0 && lexed.isCode((starts[i] ?? 0) + k)) {
        depth += delta;
      }
    }
    return depth;
  };
  const entries: TomlEntry[] = [];
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line === '' || !lexed.isCode((starts[i] ?? 0) + raw.length - raw.trimStart().length)) {
      continue;
    }
    const header = /^\[\[?\s*(.+?)\s*\]\]?$/.exec(line);
    if (header?.[1] !== undefined) {
      table = unquoteDotted(header[1]);
      continue;
    }
    const assignment = /^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_.\- ]+?))\s*=\s*(.*)$/.exec(line);
    if (assignment?.[1] === undefined || assignment[2] === undefined) {
      continue;
    }
    let value = assignment[2];
    const startLine = i + 1;
    // Arrays and inline tables may span lines: read on until the brackets outside strings balance.
    let depth = depthOf(i);
    while (depth > 0 && i + 1 < lines.length) {
      i++;
      value += `\n${lines[i] ?? ''}`;
      depth += depthOf(i);
    }
    entries.push({ table, key: unquoteDotted(assignment[1]), value, line: startLine });
  }
  return entries;
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let start = 0;
  for (const line of lines) {
    starts.push(start);
    start += line.length + 1;
  }
  return starts;
}

function unquoteDotted(text: string): string {
  const parts: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|([^.]+?))\s*(?:\.|$)/gy;
  let match: RegExpExecArray | null;
  while (re.lastIndex < text.length && (match = re.exec(text)) !== null) {
    parts.push(match[1] ?? match[2] ?? match[3] ?? '');
    if (match[0] === '') {
      break;
    }
  }
  return parts.join('.');
}

/** Every string literal in a TOML value (array items, inline-table values). */
export function tomlStrings(value: string): string[] {
  const strings: string[] = [];
  for (const match of value.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)) {
    strings.push(match[1] ?? match[2] ?? '');
  }
  return strings;
}

/** A string field of an inline table value: `{ module = "g:a" }` → "g:a". */
export function inlineTableField(value: string, field: string): string | undefined {
  const match = new RegExp(`(?:^|[{,\\s])${field}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(value);
  return match === null ? undefined : (match[1] ?? match[2]);
}
