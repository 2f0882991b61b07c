import { lineOfIndex } from '../../scan/sourceLexer';
import { readTomlEntries } from './toml';
import type { ParsedDependency } from './types';

const DEPENDENCY_TABLE = /^(?:workspace\.|target\..+\.)?(?:dev-|build-)?dependencies$/;
const DEPENDENCY_SUBTABLE = /^(?:workspace\.|target\.[^\]]+?\.)?(?:dev-|build-)?dependencies\.([^.\]]+)$/;

/** Cargo.toml `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, workspace and target tables. */
export function parseCargoToml(text: string): ParsedDependency[] {
  const found: ParsedDependency[] = [];
  for (const entry of readTomlEntries(text)) {
    if (DEPENDENCY_TABLE.test(entry.table)) {
      found.push({ name: entry.key.split('.')[0] ?? entry.key, section: entry.table, line: entry.line });
    }
  }
  // `[dependencies.serde]` declares serde by its header.
  for (const match of text.matchAll(/^\[\s*([^\]\n]+?)\s*\]/gm)) {
    const header = (match[1] ?? '').replace(/["']/g, '');
    const sub = DEPENDENCY_SUBTABLE.exec(header);
    if (sub?.[1] !== undefined) {
      found.push({ name: sub[1], section: header.slice(0, header.lastIndexOf('.')), line: lineOfIndex(text, match.index) });
    }
  }
  return found;
}
