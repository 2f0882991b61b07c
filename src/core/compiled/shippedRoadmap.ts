import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { addPrerenderedMarkdown } from '../content/markdown';
import type { LoadResult } from '../roadmap/loader';
import { yieldToEventLoop } from '../scan/yieldToEventLoop';
import { COMPILED_TEXTS_FILE, parseMarkdownFile, parseRoadmapFile } from './compiledRoadmap';
import type { CompiledTexts } from './compiledRoadmap';
import { errorMessage } from '../errorMessage';

/**
 * Reads the roadmap compiled at build time (dist/roadmap.jsonl; its texts stay in dist/roadmap-texts.jsonl
 * beside it until first asked for): no YAML parser, schema validator or Markdown parser. Never throws.
 *
 * Read and parsed at once, with the thread blocked, where it is first needed (the status bar asks during
 * activation): 38 KB, 1-3 ms, as `require` reads a bundle from the same folder. Through Node's thread pool,
 * which every extension of the host shares and keeps busy while they start, a read took 20-576 ms in
 * code-server's host; a turn of the event loop before the read waited 17-102 ms.
 */
export function readShippedRoadmap(file: string): LoadResult {
  try {
    return { roadmap: parseRoadmapFile(readFileSync(file), textsBeside(file)), problems: [] };
  } catch (error) {
    return { roadmap: undefined, problems: [damaged(file, error)] };
  }
}

/**
 * dist/roadmap-texts.jsonl beside `file`: its size now (a missing file fails the roadmap's read), its bytes
 * when a text is first read. That read blocks the thread as the one above does (0.3-3 ms for 750 KB), once,
 * when a view or a command first shows a text.
 */
function textsBeside(file: string): CompiledTexts {
  const textsFile = path.join(path.dirname(file), COMPILED_TEXTS_FILE);
  return { size: statSync(textsFile).size, read: () => readFileSync(textsFile) };
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
  const reason = errorMessage(error);
  return { file, line: 1, column: 1, message: `the roadmap built into Backend Roadmap cannot be read (${reason}): reinstall the extension or the package; from a source checkout, run npm run build` };
}
