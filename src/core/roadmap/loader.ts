import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LineCounter, parseDocument, isNode, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { MILESTONE_IDS } from '../milestones/catalog';
import { createRoadmap } from './model';
import type { Roadmap, Skill, Stage } from './model';
import type { RoadmapProblem } from './problems';
import { validateStageDocument } from './schemaValidator';
import type { StageDocument } from './stageDocument';
import { findPrerequisiteCycles } from './cycles';

/** A stage file's text and the name to report problems under. */
export interface RoadmapSource {
  readonly file: string;
  readonly text: string;
}

export interface LoadResult {
  /** Undefined when there is any problem: half a roadmap would show wrong progress. */
  readonly roadmap: Roadmap | undefined;
  readonly problems: readonly RoadmapProblem[];
}

/** Where each stage and skill was declared, for cross-file problems. */
interface Located<T> {
  readonly value: T;
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly path: readonly (string | number)[];
}

/** Reads every `*.yaml` in `<dir>/stages` (sorted by name) and parses it as one roadmap. */
export async function loadRoadmapFromDirectory(dir: string): Promise<LoadResult> {
  const stagesDir = path.join(dir, 'stages');
  let names: string[];
  try {
    names = (await readdir(stagesDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    return { roadmap: undefined, problems: [{ file: stagesDir, line: 1, column: 1, message: `cannot read the roadmap folder: ${describe(error)}` }] };
  }
  if (names.length === 0) {
    return { roadmap: undefined, problems: [{ file: stagesDir, line: 1, column: 1, message: 'the roadmap folder has no .yaml stage files' }] };
  }
  const sources = await Promise.all(
    names.map(async (name) => {
      const file = path.join(stagesDir, name);
      return { file, text: await readFile(file, 'utf8') };
    }),
  );
  return parseRoadmap(sources);
}

/** Parses, validates and cross-checks stage sources. Pure: no I/O. */
export function parseRoadmap(sources: readonly RoadmapSource[]): LoadResult {
  const problems: RoadmapProblem[] = [];
  const stages: Located<StageDocument>[] = [];

  for (const source of sources) {
    const lines = new LineCounter();
    const doc = parseDocument(source.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lines.linePos(errorOffset(doc, error));
        problems.push({ file: source.file, line: pos.line, column: pos.col, message: `YAML syntax: ${firstLine(error.message)}` });
      }
      continue;
    }
    const value: unknown = doc.toJS();
    const violations = validateStageDocument(value);
    for (const violation of violations) {
      problems.push({ file: source.file, ...position(doc, lines, violation.path, violation.atKey), message: violation.message });
    }
    if (violations.length === 0) {
      // The schema guarantees the shape; the cast is the boundary between untyped YAML and the model.
      stages.push({ value: value as StageDocument, file: source.file, doc, lines, path: [] });
    }
  }

  problems.push(...crossCheck(stages));
  if (problems.length > 0) {
    return { roadmap: undefined, problems };
  }
  return { roadmap: createRoadmap(stages.map(({ value, file }) => toStage(value, file))), problems };
}

function crossCheck(stages: readonly Located<StageDocument>[]): RoadmapProblem[] {
  const problems: RoadmapProblem[] = [];
  const at = (item: Located<unknown>, sub: readonly (string | number)[], message: string): void => {
    problems.push({ file: item.file, ...position(item.doc, item.lines, [...item.path, ...sub], false), message });
  };

  const stageIds = new Map<string, Located<StageDocument>>();
  const orders = new Map<number, Located<StageDocument>>();
  const skills = new Map<string, Located<StageDocument['skills'][number]>>();
  for (const stage of stages) {
    const sameId = stageIds.get(stage.value.id);
    if (sameId) {
      at(stage, ['id'], `duplicate stage id "${stage.value.id}" (also in ${sameId.file})`);
    }
    stageIds.set(stage.value.id, stage);
    const sameOrder = orders.get(stage.value.order);
    if (sameOrder) {
      at(stage, ['order'], `stage order ${stage.value.order} is also used by stage "${sameOrder.value.id}" in ${sameOrder.file}`);
    }
    orders.set(stage.value.order, stage);
    stage.value.skills.forEach((skill, index) => {
      const located = { ...stage, value: skill, path: ['skills', index] };
      const sameSkill = skills.get(skill.id);
      if (sameSkill) {
        at(located, ['id'], `duplicate skill id "${skill.id}" (also in ${sameSkill.file})`);
      } else {
        skills.set(skill.id, located);
      }
    });
  }

  for (const skill of skills.values()) {
    skill.value.prerequisites.forEach((id, index) => {
      if (id === skill.value.id) {
        at(skill, ['prerequisites', index], `skill "${id}" lists itself as a prerequisite`);
      } else if (!skills.has(id)) {
        at(skill, ['prerequisites', index], `skill "${skill.value.id}" has an unknown prerequisite "${id}"`);
      }
    });
    for (const key of ['all', 'any'] as const) {
      (skill.value.detect?.[key] ?? []).forEach((id, index) => {
        if (!MILESTONE_IDS.has(id)) {
          at(skill, ['detect', key, index], `skill "${skill.value.id}" names an unknown milestone "${id}"`);
        }
      });
    }
  }

  const graph = new Map([...skills].map(([id, skill]) => [id, skill.value.prerequisites.filter((p) => p !== id && skills.has(p))]));
  for (const cycle of findPrerequisiteCycles(graph)) {
    const first = skills.get(cycle[0] ?? '');
    if (first) {
      at(first, ['prerequisites'], `prerequisite cycle: ${[...cycle, cycle[0]].join(' → ')}`);
    }
  }
  return problems;
}

function toStage(doc: StageDocument, source: string): Stage {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    order: doc.order,
    estimatedWeeks: doc.estimatedWeeks,
    projectIdeas: doc.projectIdeas,
    source,
    skills: doc.skills.map(
      ({ detect, ...skill }): Skill => ({
        ...skill,
        stageId: doc.id,
        ...(detect ? { detect: { all: detect.all ?? [], any: detect.any ?? [] } } : {}),
      }),
    ),
  };
}

/** Line and column of the node at `jsonPath`, or of the nearest ancestor that exists. */
function position(doc: Document.Parsed, lines: LineCounter, jsonPath: readonly (string | number)[], atKey: boolean): { line: number; column: number } {
  for (let depth = jsonPath.length; depth >= 0; depth--) {
    const offset = atKey && depth === jsonPath.length ? keyOffset(doc, jsonPath) : valueOffset(doc, jsonPath.slice(0, depth));
    if (offset !== undefined) {
      const pos = lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function valueOffset(doc: Document.Parsed, jsonPath: readonly (string | number)[]): number | undefined {
  const node: unknown = jsonPath.length === 0 ? doc.contents : doc.getIn(jsonPath, true);
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function keyOffset(doc: Document.Parsed, jsonPath: readonly (string | number)[]): number | undefined {
  const parent: unknown = jsonPath.length === 1 ? doc.contents : doc.getIn(jsonPath.slice(0, -1), true);
  if (!parent || typeof parent !== 'object' || !('items' in parent) || !Array.isArray(parent.items)) {
    return undefined;
  }
  const wanted = jsonPath[jsonPath.length - 1];
  for (const pair of parent.items as unknown[]) {
    if (pair && typeof pair === 'object' && 'key' in pair && isNode(pair.key) && (pair.key as { value?: unknown }).value === wanted) {
      return pair.key.range?.[0];
    }
  }
  return undefined;
}

/**
 * Where to point at a YAML error. For an unclosed quote the parser reports the end of the file; the
 * useful place is where the quoted text starts.
 */
function errorOffset(doc: Document.Parsed, error: YAMLError): number {
  const offset = error.pos[0];
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    let start: number | undefined;
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === offset) {
          start = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return start ?? offset;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
