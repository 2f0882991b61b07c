import { promises as fs } from 'node:fs';
import { addPrerenderedMarkdown } from '../content/markdown';
import type { LoadResult } from '../roadmap/loader';
import { parseMarkdownFile, parseRoadmapFile } from './compiledRoadmap';

/**
 * Reads the roadmap compiled at build time (dist/roadmap.jsonl): one file read and a JSON.parse per stage,
 * with the event loop given a turn every few milliseconds; no YAML parser, schema validator or Markdown
 * parser. Never throws.
 *
 * The read goes through Node's thread pool, which every extension of the host shares and which is busy
 * while they start (69–632 ms for this 806 KB file in code-server's host). Measured and not kept: one
 * blocking read in a turn of its own made the roadmap ready sooner at low load (37–63 ms after activation)
 * but held the host 36–42 ms at a time under load, and the activation figure rose from 47 to 95 ms.
 */
export async function readShippedRoadmap(file: string): Promise<LoadResult> {
  try {
    return { roadmap: await parseRoadmapFile(await fs.readFile(file, 'utf8')), problems: [] };
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
