import { promises as fs, readFileSync } from 'node:fs';
import { addPrerenderedMarkdown } from '../content/markdown';
import type { LoadResult } from '../roadmap/loader';
import { yieldToEventLoop } from '../scan/yieldToEventLoop';
import { parseMarkdownFile, parseRoadmapFile } from './compiledRoadmap';

/**
 * Reads the roadmap compiled at build time (dist/roadmap.jsonl): one file read and a JSON.parse per stage,
 * with the event loop given a turn every few milliseconds; no YAML parser, schema validator or Markdown
 * parser. Never throws.
 *
 * The file is read in one blocking call, in a turn of its own (not within the caller's, which may be
 * activation): it is this program's own installed file, read like a module, in 3–10 ms. Through Node's
 * thread pool, which every extension of the host shares and which is busy while they start, the same read
 * took 69–632 ms in code-server's host, most of the time from activation to a roadmap the views can show.
 */
export async function readShippedRoadmap(file: string): Promise<LoadResult> {
  try {
    await yieldToEventLoop();
    return { roadmap: await parseRoadmapFile(readFileSync(file, 'utf8')), problems: [] };
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
    addPrerenderedMarkdown(await parseMarkdownFile(await fs.readFile(file, 'utf8')));
    return undefined;
  } catch (error) {
    return damaged(file, error).message;
  }
}

function damaged(file: string, error: unknown): { file: string; line: number; column: number; message: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, line: 1, column: 1, message: `the roadmap built into Backend Roadmap cannot be read (${reason}): reinstall the extension or the package; from a source checkout, run npm run build` };
}
