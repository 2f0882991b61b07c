import { lexSource } from '../../scan/sourceLexer';
import type { ParsedDependency } from './types';

/**
 * go.mod `require` directives. Requirements marked `// indirect` are dependencies of dependencies and
 * are skipped: they are not the learner's choice.
 */
export function parseGoMod(text: string): ParsedDependency[] {
  const rawLines = text.split('\n');
  const codeLines = lexSource(text, 'c').code.split('\n');
  const found: ParsedDependency[] = [];
  let inBlock = false;
  for (const [index, code] of codeLines.entries()) {
    const line = code.trim();
    if (inBlock) {
      if (line.startsWith(')')) {
        inBlock = false;
        continue;
      }
      addRequire(found, line, rawLines[index] ?? '', index);
      continue;
    }
    if (/^require\s*\($/.test(line)) {
      inBlock = true;
      continue;
    }
    const single = /^require\s+(.+)$/.exec(line);
    if (single?.[1] !== undefined) {
      addRequire(found, single[1], rawLines[index] ?? '', index);
    }
  }
  return found;
}

function addRequire(found: ParsedDependency[], spec: string, rawLine: string, index: number): void {
  if (/\/\/\s*indirect\b/.test(rawLine)) {
    return;
  }
  const match = /^"?([^\s"]+)"?\s+v\S+/.exec(spec);
  if (match?.[1] !== undefined) {
    found.push({ name: match[1], section: 'require', line: index + 1 });
  }
}
