import type { PrerenderedMarkdown } from '../content/markdown';
import { createRoadmap } from '../roadmap/model';
import type { Roadmap, Skill, Stage } from '../roadmap/model';
import { yieldWhenDue } from '../scan/yieldToEventLoop';
import { errorMessage } from '../errorMessage';

/**
 * The roadmap model the build writes beside the bundles, without its texts: ids, titles, levels, hours,
 * prerequisites and rules (38 KB). What the tree, the status bar, detection and a CLI scan need; read when a
 * view, command or the status bar first needs it.
 */
export const COMPILED_ROADMAP_FILE = 'roadmap.jsonl';
/**
 * The texts of that model (summaries, why it matters, subtopics, resources, practice, self-checks, project
 * ideas: 750 KB, 95% of it), read when one is first asked for: the details panel, a tooltip, the CLI's reports.
 */
export const COMPILED_TEXTS_FILE = 'roadmap-texts.jsonl';
/** The HTML of the roadmap's Markdown, in its own file: read when the details panel first renders. */
export const COMPILED_MARKDOWN_FILE = 'roadmap-html.jsonl';

/** Bumped when the layout changes, so a bundle never reads a file from another build. */
export const COMPILED_ROADMAP_FORMAT = 3;

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
  readonly kind: 'roadmap' | 'texts' | 'markdown';
  /** Lines after the header, so a cut file is noticed. */
  readonly lines: number;
  /** In dist/roadmap.jsonl: the size of the dist/roadmap-texts.jsonl written with it, so a missing, cut or stale one is noticed on read. */
  readonly textsBytes?: number;
}

// The files are JSON lines (a header, then one value per line), so that a large one is parsed a line at a
// time with the event loop given turns in between (the HTML) or a line only when needed (the texts).
//
// The model is split in two files, one line per stage in each. dist/roadmap.jsonl holds what everything at
// start-up needs; dist/roadmap-texts.jsonl the texts, which only the details panel, tooltips and the CLI's
// reports read. The model read from the first gives each text field as a getter that reads the second file
// once and parses the stage's line when first asked: to whoever reads it, it is an ordinary field.

/** The fields of a skill that are texts, kept in dist/roadmap-texts.jsonl. */
type SkillTexts = Pick<Skill, 'summary' | 'whyItMatters' | 'subtopics' | 'resources' | 'practice' | 'quiz'>;
type SkillLine = Omit<Skill, keyof SkillTexts>;
/** A stage's line of dist/roadmap-texts.jsonl. */
interface StageTexts extends Pick<Stage, 'summary' | 'projectIdeas'> {
  readonly skills: readonly SkillTexts[];
}
/** A stage's line of dist/roadmap.jsonl. */
type StageLine = Omit<Stage, 'skills' | 'summary' | 'projectIdeas'> & { readonly skills: readonly SkillLine[] };

/** The bytes of dist/roadmap-texts.jsonl: its size at once, its content when a text is first read. */
export interface CompiledTexts {
  readonly size: number;
  read(): Buffer;
}

/**
 * dist/roadmap.jsonl: a header, then each stage without its texts, one per line. The header records the
 * size of `texts`, the texts file written with it (the build passes the text it writes).
 */
export function roadmapFileText(compiled: CompiledRoadmap, texts: string = textsFileText(compiled)): string {
  return linesText('roadmap', compiled.stages.map(stageLine), { textsBytes: Buffer.byteLength(texts) });
}

/** dist/roadmap-texts.jsonl: a header, then each stage's texts, one per line, in the stages' order. */
export function textsFileText(compiled: CompiledRoadmap): string {
  return linesText('texts', compiled.stages.map(stageTexts));
}

function stageLine({ summary, projectIdeas, skills, ...stage }: Stage): StageLine {
  // ignoreRestSiblings: the texts are left out of the line by naming them.
  return { ...stage, skills: skills.map(({ summary, whyItMatters, subtopics, resources, practice, quiz, ...skill }): SkillLine => skill) };
}

function stageTexts(stage: Stage): StageTexts {
  return {
    summary: stage.summary,
    projectIdeas: stage.projectIdeas,
    skills: stage.skills.map(({ summary, whyItMatters, subtopics, resources, practice, quiz }) => ({ summary, whyItMatters, subtopics, resources, practice, quiz })),
  };
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

/**
 * The roadmap of dist/roadmap.jsonl, given as the file's bytes, with its texts read from `texts` when first
 * asked for. Throws when it is not one, or `texts` is not the texts file built with it (a damaged or
 * mismatched install).
 *
 * Parsed at once, without giving the event loop a turn: without its texts the model is 38 KB, 1-3 ms of
 * work. Each turn at start-up waits behind other extensions' work (17-212 ms each in code-server's host),
 * and they, not the parse, made the roadmap late.
 */
export function parseRoadmapFile(bytes: Buffer, texts: CompiledTexts): Roadmap {
  const { lines, header } = framedLines(bytes, 'roadmap');
  if (header.textsBytes !== texts.size) {
    throw new Error(`the texts of the compiled roadmap (${COMPILED_TEXTS_FILE}) are missing, cut short or from another build`);
  }
  const stageLines: StageLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    // The build validated every stage against the schema before writing it: only the frame is checked here.
    stageLines.push(parseLine(bytes, lines, index, 'roadmap', isStageLine));
  }
  const textsOf = lazyTexts(texts, stageLines);
  return createRoadmap(stageLines.map((stage, index) => withLazyTexts(stage, () => textsOf(index))));
}

/** The stage and its skills with their text fields read from `texts()` on first use. */
function withLazyTexts(stage: StageLine, texts: () => StageTexts): Stage {
  const skillTexts = (position: number): SkillTexts => {
    const found = texts().skills[position];
    if (found === undefined) {
      throw new Error(`the texts of stage "${stage.id}" have no skill ${position + 1}`);
    }
    return found;
  };
  return {
    ...stage,
    get summary() {
      return texts().summary;
    },
    get projectIdeas() {
      return texts().projectIdeas;
    },
    skills: stage.skills.map((skill, position): Skill => ({
      ...skill,
      get summary() {
        return skillTexts(position).summary;
      },
      get whyItMatters() {
        return skillTexts(position).whyItMatters;
      },
      get subtopics() {
        return skillTexts(position).subtopics;
      },
      get resources() {
        return skillTexts(position).resources;
      },
      get practice() {
        return skillTexts(position).practice;
      },
      get quiz() {
        return skillTexts(position).quiz;
      },
    })),
  };
}

/**
 * The texts of stage `index`: the file read once, when a text is first asked for, and each stage's line
 * parsed once, when one of its texts is. Throws, saying to reinstall, when the file is not what the build wrote.
 */
function lazyTexts(texts: CompiledTexts, stages: readonly StageLine[]): (index: number) => StageTexts {
  let file: { readonly bytes: Buffer; readonly lines: readonly LineRange[] } | undefined;
  const parsed: (StageTexts | undefined)[] = [];
  return (index) => {
    let stageTexts = parsed[index];
    if (stageTexts !== undefined) {
      return stageTexts;
    }
    const stage = stages[index];
    try {
      if (file === undefined) {
        const bytes = texts.read();
        const { lines } = framedLines(bytes, 'texts');
        if (lines.length !== stages.length) {
          throw new Error(`${lines.length} stages where the roadmap has ${stages.length}`);
        }
        file = { bytes, lines };
      }
      const skills = stage?.skills.length ?? -1;
      stageTexts = parseLine(file.bytes, file.lines, index, 'texts', (value): value is StageTexts => isStageTexts(value, skills));
    } catch (error) {
      const reason = errorMessage(error);
      throw new Error(`the texts of the roadmap built into Backend Roadmap (${COMPILED_TEXTS_FILE}) cannot be read (${reason}): reinstall the extension or the package; from a source checkout, run npm run build`, { cause: error });
    }
    parsed[index] = stageTexts;
    return stageTexts;
  };
}

/** The HTML of dist/roadmap-html.jsonl, given as its bytes. Throws when it is not one. */
export async function parseMarkdownFile(bytes: Buffer): Promise<PrerenderedMarkdown> {
  const { lines } = framedLines(bytes, 'markdown');
  const values: MarkdownPairs[] = [];
  for (let index = 0; index < lines.length; index++) {
    // A turn for the host's other work every 8 ms of parsing (1.2 MB of HTML), not before every line.
    await yieldWhenDue();
    values.push(parseLine(bytes, lines, index, 'markdown', isMarkdownPairs));
  }
  return { block: values.flatMap((line) => line.block), inline: values.flatMap((line) => line.inline) };
}

function linesText(kind: Header['kind'], values: readonly unknown[], extra: Pick<Header, 'textsBytes'> = {}): string {
  const header: Header = { format: COMPILED_ROADMAP_FORMAT, kind, lines: values.length, ...extra };
  return [header, ...values].map((value) => JSON.stringify(value)).join('\n') + '\n';
}

/** The header of `bytes` and the lines after it, once the header says it is a whole file of this kind and format. */
function framedLines(bytes: Buffer, kind: Header['kind']): { readonly header: Header; readonly lines: LineRange[] } {
  const lines = lineRanges(bytes);
  const first = lines[0];
  const header = first === undefined ? undefined : parsedOrUndefined(bytes.toString('utf8', first.start, first.end));
  if (!isHeader(header, kind) || header.lines !== lines.length - 1) {
    throw new Error(`not a compiled ${kind} file of format ${COMPILED_ROADMAP_FORMAT}, or cut short`);
  }
  return { header, lines: lines.slice(1) };
}

/** The value on `lines[index]`. */
function parseLine<T>(bytes: Buffer, lines: readonly LineRange[], index: number, kind: Header['kind'], isValue: (value: unknown) => value is T): T {
  // Each line is decoded on its own: decoding a whole large file as UTF-8 at once took 6-11 ms of one
  // block (its dashes and quotes make it a two-byte string).
  const line = lines[index];
  const value = line === undefined ? undefined : parsedOrUndefined(bytes.toString('utf8', line.start, line.end));
  if (!isValue(value)) {
    throw new Error(`line ${index + 2} of the compiled ${kind} file is not what the build writes`);
  }
  return value;
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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

function isStageLine(value: unknown): value is StageLine {
  return typeof value === 'object' && value !== null && 'skills' in value && Array.isArray(value.skills);
}

/** A stage's texts with one entry per skill (the build validated the texts themselves). */
function isStageTexts(value: unknown, skills: number): value is StageTexts {
  return (
    typeof value === 'object' &&
    value !== null &&
    'summary' in value &&
    typeof value.summary === 'string' &&
    'projectIdeas' in value &&
    Array.isArray(value.projectIdeas) &&
    'skills' in value &&
    Array.isArray(value.skills) &&
    value.skills.length === skills &&
    value.skills.every(isSkillTexts)
  );
}

/** Every text field of a skill there, of its kind: a line damaged inside says so here, not as a crash where a text is used. */
function isSkillTexts(skill: unknown): skill is SkillTexts {
  return (
    typeof skill === 'object' &&
    skill !== null &&
    'summary' in skill &&
    typeof skill.summary === 'string' &&
    'whyItMatters' in skill &&
    typeof skill.whyItMatters === 'string' &&
    'subtopics' in skill &&
    Array.isArray(skill.subtopics) &&
    'resources' in skill &&
    Array.isArray(skill.resources) &&
    'practice' in skill &&
    Array.isArray(skill.practice) &&
    'quiz' in skill &&
    Array.isArray(skill.quiz)
  );
}

function isMarkdownPairs(value: unknown): value is MarkdownPairs {
  return typeof value === 'object' && value !== null && 'block' in value && Array.isArray(value.block) && 'inline' in value && Array.isArray(value.inline);
}
