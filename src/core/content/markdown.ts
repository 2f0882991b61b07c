import type { MarkdownEngine } from './markdownEngine';
import { contentTools } from '../lazy/modules';

/** Markdown already rendered (source → HTML), exactly as the engine renders it. */
export interface PrerenderedMarkdown {
  readonly block: Iterable<readonly [string, string]>;
  readonly inline: Iterable<readonly [string, string]>;
}

// Rendering is a pure function of the source, so these tables are a cache: the shipped roadmap fills them
// from its build-time HTML, and markdown-it (a lazily loaded bundle) renders only what is not in them.
const blockHtml = new Map<string, string>();
const inlineHtml = new Map<string, string>();
let engine: MarkdownEngine | undefined;

/** Adds build-time HTML, so rendering that Markdown needs no Markdown parser. */
export function addPrerenderedMarkdown(rendered: PrerenderedMarkdown): void {
  for (const [source, html] of rendered.block) {
    blockHtml.set(source, html);
  }
  for (const [source, html] of rendered.inline) {
    inlineHtml.set(source, html);
  }
}

/** True once the Markdown parser has been loaded (it stays unloaded while only shipped content is shown). */
export function markdownEngineLoaded(): boolean {
  return engine !== undefined;
}

function markdown(): MarkdownEngine {
  engine ??= contentTools().createMarkdownEngine();
  return engine;
}

/** Renders roadmap Markdown (paragraphs, lists) to HTML; raw HTML is escaped, links limited to http(s) and mailto. */
export function renderMarkdown(source: string): string {
  return blockHtml.get(source) ?? markdown().block(source);
}

/** Renders one line of roadmap Markdown to HTML, without a wrapping paragraph. */
export function renderInlineMarkdown(source: string): string {
  return inlineHtml.get(source) ?? markdown().inline(source);
}
