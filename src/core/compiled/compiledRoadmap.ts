import type { PrerenderedMarkdown } from '../content/markdown';
import { createRoadmap } from '../roadmap/model';
import type { Roadmap, Stage } from '../roadmap/model';
import { timeToYield, yieldToEventLoop } from '../scan/yieldToEventLoop';

/** The roadmap model the build writes beside the bundles: read when a view, command or the status bar first needs it. */
export const COMPILED_ROADMAP_FILE = 'roadmap.jsonl';
/**
 * The stages and skills with their texts left out (ids, titles, levels, prerequisites and rules only): what
 * a CLI scan needs, 4% of the full model's size, so `scan` parses 30 KB instead of 800 KB.
 */
export const COMPILED_OUTLINE_FILE = 'roadmap-outline.jsonl';
/** The HTML of the roadmap's Markdown, in its own file: read when the details panel first renders. */
export const COMPILED_MARKDOWN_FILE = 'roadmap-html.jsonl';

/** Bumped when the layout changes, so a bundle never reads a file from another build. */
export const COMPILED_ROADMAP_FORMAT = 1;

/** Markdown source → HTML pairs, as renderMarkdown (block) and renderInlineMarkdown (inline) give them. */
export interface MarkdownPairs {
  readonly block: readonly (readonly [string, string])[];
  readonly inline: readonly (readonly [string, string])[];
}

/**
 * The shipped roadmap, validated at build time: the model's stages (createRoadmap, the one function that
 * makes a Roadmap, rebuilds the lookup maps on read) and the HTML of every Markdown text the views render.
 */
export interface CompiledRoadmap {
  readonly stages: readonly Stage[];
  readonly markdown: MarkdownPairs;
}

/** Pairs per line of the Markdown file: a line stays a few tens of KB, parsed in a millisecond or two. */
const PAIRS_PER_LINE = 200;

interface Header {
  readonly format: typeof COMPILED_ROADMAP_FORMAT;
  readonly kind: 'roadmap' | 'markdown';
  /** Lines after the header, so a cut file is noticed. */
  readonly lines: number;
}

// Both files are JSON lines (a header, then one value per line) so that reading parses a line at a time and
// lets the event loop run in between: no single block of work grows with the content.

/** dist/roadmap.jsonl: a header, then one stage per line. */
export function roadmapFileText(compiled: CompiledRoadmap): string {
  return linesText('roadmap', compiled.stages);
}

/** dist/roadmap-outline.jsonl: dist/roadmap.jsonl without the texts (read like it, by parseRoadmapFile). */
export function outlineFileText(compiled: CompiledRoadmap): string {
  return linesText(
    'roadmap',
    compiled.stages.map((stage) => ({
      ...stage,
      summary: '',
      projectIdeas: [],
      skills: stage.skills.map((skill) => ({ ...skill, summary: '', whyItMatters: '', subtopics: [], resources: [], practice: [], quiz: [] })),
    })),
  );
}

/** dist/roadmap-html.jsonl: a header, then up to PAIRS_PER_LINE block and inline pairs per line. */
export function markdownFileText(compiled: CompiledRoadmap): string {
  const lines: MarkdownPairs[] = [];
  const { block, inline } = compiled.markdown;
  for (let i = 0; i < Math.max(block.length, inline.length); i += PAIRS_PER_LINE) {
    lines.push({ block: block.slice(i, i + PAIRS_PER_LINE), inline: inline.slice(i, i + PAIRS_PER_LINE) });
  }
  return linesText('markdown', lines);
}

/** The roadmap of dist/roadmap.jsonl, given as the file's bytes. Throws when it is not one (a damaged or mismatched install). */
export async function parseRoadmapFile(bytes: Buffer): Promise<Roadmap> {
  // The build validated every stage against the schema before writing it: only the frame is checked here.
  const stages = await parseLines(bytes, 'roadmap', (value): value is Stage => typeof value === 'object' && value !== null && 'skills' in value && Array.isArray(value.skills));
  return createRoadmap(stages);
}

/** The HTML of dist/roadmap-html.jsonl, given as its bytes. Throws when it is not one. */
export async function parseMarkdownFile(bytes: Buffer): Promise<PrerenderedMarkdown> {
  const lines = await parseLines(bytes, 'markdown', isMarkdownPairs);
  return { block: lines.flatMap((line) => line.block), inline: lines.flatMap((line) => line.inline) };
}

function linesText(kind: Header['kind'], values: readonly unknown[]): string {
  const header: Header = { format: COMPILED_ROADMAP_FORMAT, kind, lines: values.length };
  return [header, ...values].map((value) => JSON.stringify(value)).join('\n') + '\n';
}

async function parseLines<T>(bytes: Buffer, kind: Header['kind'], isValue: (value: unknown) => value is T): Promise<T[]> {
  const lines = lineRanges(bytes);
  const text = (line: LineRange | undefined): string => (line === undefined ? 'null' : bytes.toString('utf8', line.start, line.end));
  const header: unknown = JSON.parse(text(lines[0]));
  if (!isHeader(header, kind) || header.lines !== lines.length - 1) {
    throw new Error(`not a compiled ${kind} file of format ${COMPILED_ROADMAP_FORMAT}, or cut short`);
  }
  const values: T[] = [];
  for (const line of lines.slice(1)) {
    // A turn for the host's other work every 8 ms of parsing, not before every line: at start-up each
    // turn waited behind other extensions' work, and the 23 of them made the roadmap ready 130-200 ms
    // after activation for about 10 ms of parsing.
    if (timeToYield()) {
      await yieldToEventLoop();
    }
    // Each line is decoded here, inside the slices: decoding the whole 800 KB file as UTF-8 at once took
    // 6-11 ms of one block (its dashes and quotes make it a two-byte string), longer than the parse.
    const value: unknown = JSON.parse(text(line));
    if (!isValue(value)) {
      throw new Error(`line ${values.length + 2} of the compiled ${kind} file is not what the build writes`);
    }
    values.push(value);
  }
  return values;
}

interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Where each line of `bytes` starts and ends (a final newline ends the last line; it does not start one). */
function lineRanges(bytes: Buffer): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

function isHeader(value: unknown, kind: Header['kind']): value is Header {
  return typeof value === 'object' && value !== null && 'format' in value && value.format === COMPILED_ROADMAP_FORMAT && 'kind' in value && value.kind === kind && 'lines' in value && typeof value.lines === 'number';
}

function isMarkdownPairs(value: unknown): value is MarkdownPairs {
  return typeof value === 'object' && value !== null && 'block' in value && Array.isArray(value.block) && 'inline' in value && Array.isArray(value.inline);
}
