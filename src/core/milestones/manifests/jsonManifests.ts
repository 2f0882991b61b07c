import { lineOfIndex } from '../../scan/sourceLexer';
import type { ParsedDependency } from './types';

/** package.json: runtime, dev and optional dependencies (peer dependencies are the consumer's, not the project's). */
export function parsePackageJson(text: string): ParsedDependency[] {
  return jsonDependencySections(text, ['dependencies', 'devDependencies', 'optionalDependencies']);
}

/** composer.json: `require` and `require-dev`. */
export function parseComposerJson(text: string): ParsedDependency[] {
  return jsonDependencySections(text, ['require', 'require-dev']);
}

function jsonDependencySections(text: string, sections: readonly string[]): ParsedDependency[] {
  const document = parseJsonObject(text);
  if (document === undefined) {
    return [];
  }
  const found: ParsedDependency[] = [];
  for (const section of sections) {
    const table = document[section];
    if (!isRecord(table)) {
      continue;
    }
    const sectionAt = text.indexOf(`"${section}"`);
    for (const name of Object.keys(table)) {
      const at = text.indexOf(`"${name}"`, Math.max(sectionAt, 0));
      found.push(at < 0 ? { name, section } : { name, section, line: lineOfIndex(text, at) });
    }
  }
  return found;
}

/** The top-level object of a JSON document, or undefined when it is not valid JSON or not an object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
