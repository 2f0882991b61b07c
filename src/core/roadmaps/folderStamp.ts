import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Entries looked at most: a roadmap folder holds a header and a few dozen stage files. */
const MAX_ENTRIES = 500;

/**
 * What a roadmap folder holds now, as a string that changes when a YAML file in it (or in `stages/`) is
 * added, removed or written: names, sizes and modification times. '' when the folder does not exist.
 * Compared between two looks, it tells whether the folder must be read again without reading it.
 */
export async function roadmapFolderStamp(folder: string): Promise<string> {
  const parts: string[] = [];
  for (const dir of [folder, path.join(folder, 'stages')]) {
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((name) => /\.ya?ml$/i.test(name)).sort().slice(0, MAX_ENTRIES);
    } catch {
      continue;
    }
    for (const name of names) {
      const stat = await fs.stat(path.join(dir, name)).catch(() => undefined);
      parts.push(`${path.relative(folder, path.join(dir, name))}:${stat === undefined ? '-' : `${stat.size}:${stat.mtimeMs}`}`);
    }
  }
  return parts.join('\n');
}
