import type { PrerenderedMarkdown } from '../content/markdown';
import { createRoadmap } from '../roadmap/model';
import type { QuizQuestion, Roadmap, Skill, Stage } from '../roadmap/model';
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
export const COMPILED_ROADMAP_FORMAT = 2;

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
//
// In dist/roadmap.jsonl each stage takes two lines: the stage with its skills' self-checks left out, then
// the self-checks (one list of questions per skill, in the skills' order). The self-checks are 55% of the
// file and only the details panel and `backend-roadmap quiz` read them, so reading the roadmap keeps their
// line as bytes and parses it when a skill's `quiz` is first read: half the parse at start-up.

/** dist/roadmap.jsonl: a header, then each stage on one line and its skills' self-checks on the next. */
export function roadmapFileText(compiled: CompiledRoadmap): string {
  return linesText('roadmap', compiled.stages.flatMap(stageLines));
}

/** dist/roadmap-outline.jsonl: dist/roadmap.jsonl without the texts (read like it, by parseRoadmapFile). */
export function outlineFileText(compiled: CompiledRoadmap): string {
  return linesText(
    'roadmap',
    compiled.stages.flatMap((stage) =>
      stageLines({
        ...stage,
        summary: '',
        projectIdeas: [],
        skills: stage.skills.map((skill) => ({ ...skill, summary: '', whyItMatters: '', subtopics: [], resources: [], practice: [], quiz: [] })),
      }),
    ),
  );
}

/** A skill as its stage's line holds it: everything but the self-check, which is on the next line. */
type SkillLine = Omit<Skill, 'quiz'>;
type StageLine = Omit<Stage, 'skills'> & { readonly skills: readonly SkillLine[] };

function stageLines(stage: Stage): [StageLine, (readonly QuizQuestion[])[]] {
  // ignoreRestSiblings: the self-check is left out of the line by naming it.
  const skills = stage.skills.map(({ quiz, ...line }): SkillLine => line);
  return [{ ...stage, skills }, stage.skills.map((skill) => [...skill.quiz])];
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
 * The roadmap of dist/roadmap.jsonl, given as the file's bytes. Throws when it is not one (a damaged or
 * mismatched install). Each skill's `quiz` is parsed from its stage's second line when first read.
 */
export async function parseRoadmapFile(bytes: Buffer): Promise<Roadmap> {
  const lines = framedLines(bytes, 'roadmap');
  if (lines.length % 2 !== 0) {
    throw new Error('the compiled roadmap file ends with a stage without its self-checks: it is cut short');
  }
  const stages: Stage[] = [];
  for (let index = 0; index < lines.length; index += 2) {
    // The build validated every stage against the schema before writing it: only the frame is checked here.
    const stage = await parseLine(bytes, lines, index, 'roadmap', isStageLine);
    const quizzes = lazyQuizzes(bytes, lines, index + 1, stage);
    stages.push({ ...stage, skills: stage.skills.map((skill, position) => withLazyQuiz(skill, () => quizzes()[position] ?? [])) });
  }
  return createRoadmap(stages);
}

/** The HTML of dist/roadmap-html.jsonl, given as its bytes. Throws when it is not one. */
export async function parseMarkdownFile(bytes: Buffer): Promise<PrerenderedMarkdown> {
  const lines = framedLines(bytes, 'markdown');
  const values: MarkdownPairs[] = [];
  for (let index = 0; index < lines.length; index++) {
    values.push(await parseLine(bytes, lines, index, 'markdown', isMarkdownPairs));
  }
  return { block: values.flatMap((line) => line.block), inline: values.flatMap((line) => line.inline) };
}

function linesText(kind: Header['kind'], values: readonly unknown[]): string {
  const header: Header = { format: COMPILED_ROADMAP_FORMAT, kind, lines: values.length };
  return [header, ...values].map((value) => JSON.stringify(value)).join('\n') + '\n';
}

/** The lines of `bytes` after its header, once the header says it is a whole file of this kind and format. */
function framedLines(bytes: Buffer, kind: Header['kind']): LineRange[] {
  const lines = lineRanges(bytes);
  const first = lines[0];
  const header: unknown = first === undefined ? null : JSON.parse(bytes.toString('utf8', first.start, first.end));
  if (!isHeader(header, kind) || header.lines !== lines.length - 1) {
    throw new Error(`not a compiled ${kind} file of format ${COMPILED_ROADMAP_FORMAT}, or cut short`);
  }
  return lines.slice(1);
}

/** The value on `lines[index]`, parsed after a turn of the event loop when the current slice of work is used up. */
async function parseLine<T>(bytes: Buffer, lines: readonly LineRange[], index: number, kind: Header['kind'], isValue: (value: unknown) => value is T): Promise<T> {
  // A turn for the host's other work every 8 ms of parsing, not before every line: at start-up each
  // turn waited behind other extensions' work, and the 23 of them made the roadmap ready 130-200 ms
  // after activation for about 10 ms of parsing.
  if (timeToYield()) {
    await yieldToEventLoop();
  }
  // Each line is decoded here, inside the slices: decoding the whole 800 KB file as UTF-8 at once took
  // 6-11 ms of one block (its dashes and quotes make it a two-byte string), longer than the parse.
  const line = lines[index];
  const value: unknown = line === undefined ? undefined : JSON.parse(bytes.toString('utf8', line.start, line.end));
  if (!isValue(value)) {
    throw new Error(`line ${index + 2} of the compiled ${kind} file is not what the build writes`);
  }
  return value;
}

/** The skill with its `quiz` read from `quiz()` on first use, like any other field to whoever reads it. */
function withLazyQuiz(skill: SkillLine, quiz: () => readonly QuizQuestion[]): Skill {
  return {
    ...skill,
    get quiz() {
      return quiz();
    },
  };
}

/**
 * The self-checks of the stage's skills, parsed from `lines[index]` of `bytes` once, when first asked for.
 * The line's brackets are checked now, so a cut or misplaced line fails the read, not a later view.
 */
function lazyQuizzes(bytes: Buffer, lines: readonly LineRange[], index: number, stage: StageLine): () => readonly (readonly QuizQuestion[])[] {
  const line = lines[index];
  const damaged = `the self-checks of stage "${stage.id}" (line ${index + 2} of the compiled roadmap file) are damaged: reinstall the extension or the package; from a source checkout, run npm run build`;
  if (line === undefined || bytes[line.start] !== 0x5b || bytes[line.end - 1] !== 0x5d) {
    throw new Error(damaged);
  }
  let quizzes: readonly (readonly QuizQuestion[])[] | undefined;
  return () => {
    if (quizzes === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8', line.start, line.end));
      } catch {
        throw new Error(damaged);
      }
      if (!isQuizLists(value, stage.skills.length)) {
        throw new Error(damaged);
      }
      quizzes = value;
    }
    return quizzes;
  };
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

/** One list of questions per skill of the stage (the build validated the questions). */
function isQuizLists(value: unknown, skills: number): value is QuizQuestion[][] {
  return Array.isArray(value) && value.length === skills && value.every((questions) => Array.isArray(questions));
}

function isMarkdownPairs(value: unknown): value is MarkdownPairs {
  return typeof value === 'object' && value !== null && 'block' in value && Array.isArray(value.block) && 'inline' in value && Array.isArray(value.inline);
}
