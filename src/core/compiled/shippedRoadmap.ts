import { readFileSync } from 'node:fs';
import { addPrerenderedMarkdown } from '../content/markdown';
import type { LoadResult } from '../roadmap/loader';
import { yieldToEventLoop } from '../scan/yieldToEventLoop';
import { parseMarkdownFile, parseRoadmapFile } from './compiledRoadmap';

/**
 * Reads the roadmap compiled at build time (dist/roadmap.jsonl): one file read and a JSON.parse per stage,
 * with the event loop given a turn every few milliseconds; no YAML parser, schema validator or Markdown
 * parser. Self-checks are parsed when first read (src/core/compiled/compiledRoadmap.ts). Never throws.
 *
 * The file's bytes are read with the thread blocked, in a turn of their own, as `require` reads a bundle
 * from the same folder: 0.1-2.5 ms for 800 KB. Through Node's thread pool, which every extension of the
 * host shares and keeps busy while they start, the same read took 20-576 ms in code-server's host (the
 * roadmap was ready a median 81-124 ms after activation). An earlier blocking read held the host 36-42 ms
 * under load: it decoded the whole file as UTF-8 in that block (6-11 ms on a quiet machine); the lines are
 * now decoded one at a time, between the parse's turns.
 */
export async function readShippedRoadmap(file: string): Promise<LoadResult> {
  try {
    return { roadmap: await parseRoadmapFile(await readBuiltFile(file)), problems: [] };
  } catch (error) {
    return { roadmap: undefined, problems: [damaged(file, error)] };
  }
}

/**
 * Reads the build-time HTML of the roadmap's Markdown (dist/roadmap-html.jsonl) into the Markdown cache, so
 * the views render shipped content without a Markdown parser. Resolves with a problem when it cannot: the
 * views still work then, rendering with the (lazily loaded) parser.
 */
export async function readShippedMarkdown(file: string): Promise<string | undefined> {
  try {
    addPrerenderedMarkdown(await parseMarkdownFile(await readBuiltFile(file)));
    return undefined;
  } catch (error) {
    return damaged(file, error).message;
  }
}

/** The bytes of a file the build wrote beside the bundles, read in a later turn than the caller's. */
async function readBuiltFile(file: string): Promise<Buffer> {
  await yieldToEventLoop();
  return readFileSync(file);
}

function damaged(file: string, error: unknown): { file: string; line: number; column: number; message: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, line: 1, column: 1, message: `the roadmap built into Backend Roadmap cannot be read (${reason}): reinstall the extension or the package; from a source checkout, run npm run build` };
}
