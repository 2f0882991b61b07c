import { lexSource, lineOfIndex } from '../../scan/sourceLexer';
import type { ParsedDependency } from './types';

/** Gemfile `gem "name"` lines (comments ignored). */
export function parseGemfile(text: string): ParsedDependency[] {
  const code = lexSource(text, 'ruby').code;
  const found: ParsedDependency[] = [];
  for (const match of code.matchAll(/^[ \t]*gem[ \t(]+["']([^"']+)["']/gm)) {
    found.push({ name: match[1] ?? '', section: 'Gemfile', line: lineOfIndex(text, match.index) });
  }
  return found;
}

/** *.gemspec `add_dependency` / `add_runtime_dependency` / `add_development_dependency`. */
export function parseGemspec(text: string): ParsedDependency[] {
  const code = lexSource(text, 'ruby').code;
  const found: ParsedDependency[] = [];
  for (const match of code.matchAll(/\.add_(?:runtime_|development_)?dependency[ \t(]+["']([^"']+)["']/g)) {
    found.push({ name: match[1] ?? '', section: 'gemspec', line: lineOfIndex(text, match.index) });
  }
  return found;
}
