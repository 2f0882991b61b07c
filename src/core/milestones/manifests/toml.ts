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
 * version catalogs), not a validating parser. Comments are ignored; multi-line arrays are joined.
 */
export function readTomlEntries(text: string): TomlEntry[] {
  const lines = lexSource(text, 'hash').code.split('\n');
  const entries: TomlEntry[] = [];
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') {
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
    // Arrays and inline tables may span lines: read on until brackets balance.
    while (unbalanced(value) && i + 1 < lines.length) {
      i++;
      value += `\n${lines[i] ?? ''}`;
    }
    entries.push({ table, key: unquoteDotted(assignment[1]), value, line: startLine });
  }
  return entries;
}

function unbalanced(value: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') {
        i++;
      } else if (ch === quote) {
        quote = undefined;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '[' || ch === '{') {
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth--;
    }
  }
  return depth > 0;
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
