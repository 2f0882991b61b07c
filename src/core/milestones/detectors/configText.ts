import type { CommentSyntax } from '../../scan/sourceLexer';
import { lexSource } from '../../scan/sourceLexer';
import { isFixturePath } from '../scanContext';
import type { ContentMatch } from '../signals';
import { isTestPath, languageOf, syntaxOf } from '../sourceLanguages';
import { patternMatches } from '../../scan/patternMatches';

/** Project files that are neither test data nor tests: feature evidence never comes from tests. */
export function ownNonTestFile(relativePath: string): boolean {
  return !isFixturePath(relativePath) && !isTestPath(relativePath);
}

/** How comments are written in a configuration, script or source file, judged by its name. */
export function syntaxForPath(relativePath: string): CommentSyntax | 'sql' {
  const language = languageOf(relativePath);
  if (language !== undefined) {
    return syntaxOf(language);
  }
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.sql')) {
    return 'sql';
  }
  if (/\.(json|jsonc|prisma)$/.test(name)) {
    return 'js';
  }
  if (name === 'jenkinsfile' || /\.(groovy|gradle|kts|bicep)$/.test(name)) {
    return 'c';
  }
  if (/\.(xml|jmx)$/.test(name)) {
    return 'xml';
  }
  return 'hash';
}

/** The text with its comments blanked (line structure kept). String literals stay as they are. */
export function withoutComments(text: string, syntax: CommentSyntax | 'sql'): string {
  return syntax === 'sql' ? blankSqlComments(text) : lexSource(text, syntax).code;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}

/**
 * A content check for configuration and scripts, where quoted text is the real command (`CMD ["gunicorn", …]`,
 * `run: "docker push …"`): the pattern counts anywhere outside comments, strings included. Patterns must be
 * specific enough that prose in a string would not match them. `pattern` needs the `g` flag.
 */
export function uncommentedMatch(
  pattern: RegExp,
  describe?: (match: RegExpExecArray, path: string, line: number) => string | undefined,
): (text: string, path: string) => ContentMatch | undefined {
  return (text, path) => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) {
      return undefined;
    }
    const code = withoutComments(text, syntaxForPath(path));
    for (const { match, start } of patternMatches(pattern, code)) {
      const line = lineAt(code, start);
      if (describe === undefined) {
        return { line };
      }
      const summary = describe(match, path, line);
      if (summary !== undefined) {
        return { line, summary };
      }
    }
    return undefined;
  };
}


/** SQL `--` and `/* *\/` comments blanked; quotes are respected so `'--'` in a literal stays. */
function blankSqlComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += text.charAt(i);
      i++;
    }
  }
  return out;
}

/** One service of a Compose file: its name, the text of its block (comments blanked) and its first line. */
export interface ComposeService {
  readonly name: string;
  readonly body: string;
  readonly line: number;
}

/** The services of a Compose file, read by indentation (no YAML parser: anchors and merges are rare there). */
export function composeServices(text: string): readonly ComposeService[] {
  const lines = withoutComments(text, 'hash').split('\n');
  const start = lines.findIndex((line) => /^services:\s*$/.test(line));
  if (start < 0) {
    return [];
  }
  const services: { name: string; lines: string[]; line: number }[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      continue;
    }
    const depth = line.length - line.trimStart().length;
    if (depth === 0) {
      break;
    }
    indent ??= depth;
    const key = /^\s*([\w.-]+):/.exec(line);
    if (depth === indent && key !== null) {
      services.push({ name: key[1] ?? '', lines: [], line: i + 1 });
    } else if (depth > indent) {
      services[services.length - 1]?.lines.push(line);
    }
  }
  return services.map((service) => ({ name: service.name, body: service.lines.join('\n'), line: service.line }));
}
