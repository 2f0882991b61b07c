// The compiled roadmap's files as the build writes them, for tests that read them back.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { COMPILED_ROADMAP_FILE, COMPILED_TEXTS_FILE, roadmapFileText, textsFileText } from '../../../src/core/compiled/compiledRoadmap';
import type { CompiledRoadmap, CompiledTexts } from '../../../src/core/compiled/compiledRoadmap';

/** The texts file of `compiled`, held in memory; `reads` counts how often it was read. */
export function textsInMemory(compiled: CompiledRoadmap): CompiledTexts & { readonly reads: number } {
  const bytes = Buffer.from(textsFileText(compiled));
  let reads = 0;
  return {
    size: bytes.length,
    read: () => {
      reads++;
      return bytes;
    },
    get reads() {
      return reads;
    },
  };
}

/** Writes dist/roadmap.jsonl and dist/roadmap-texts.jsonl of `compiled` into `dir`; returns the first one's path. */
export async function writeCompiledRoadmap(dir: string, compiled: CompiledRoadmap): Promise<string> {
  const file = path.join(dir, COMPILED_ROADMAP_FILE);
  await fs.writeFile(file, roadmapFileText(compiled));
  await fs.writeFile(path.join(dir, COMPILED_TEXTS_FILE), textsFileText(compiled));
  return file;
}
