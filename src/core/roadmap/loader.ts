import * as path from 'node:path';
import { isNode } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { MILESTONE_IDS } from '../milestones/catalog';
import { createRoadmap } from './model';
import type { Roadmap, Skill, Stage } from './model';
import type { RoadmapProblem } from './problems';
import { validateStageDocument } from './schemaValidator';
import type { ProjectIdeaDocument, StageDocument, WrittenStageDocument } from './stageDocument';
import { resolveSharedSkills } from './sharedSkills';
import { briefProblems, toProjectIdea } from './briefDocument';
import { findPrerequisiteCycles } from './cycles';
import { formerIdProblems } from './formerIdChecks';
import type { FormerIdOwner } from './formerIdChecks';
import { ROADMAP_LIMITS } from './limits';
import { ProblemList } from './problemList';
import { fileTooLarge, readStageFiles, roadmapTooLarge } from './stageFiles';
import type { RoadmapSource } from './stageFiles';
import { parseStageYaml } from './stageYaml';
import { quizProblems, toQuiz } from './quizDocument';
import { errorMessage } from '../errorMessage';

export type { RoadmapSource } from './stageFiles';

export interface LoadResult {
  /** Undefined when there is any problem: half a roadmap would show wrong progress. */
  readonly roadmap: Roadmap | undefined;
  /**
   * At most ROADMAP_LIMITS.problemsInAll (and problemsPerFile for one file), then one that says how many
   * more there are.
   */
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

export interface LoadOptions {
  /**
   * The shipped roadmap, for a roadmap with a header (src/core/roadmap/customRoadmap.ts): its stages may
   * reuse shipped skills with `- ref: ID`, and may not define skills under shipped ids (sharedSkills.ts).
   */
  readonly shipped?: Roadmap;
}

/**
 * Reads every `*.yaml` in `<dir>/stages` (sorted by name) and parses it as one roadmap. Never throws: any
 * input, within or beyond ROADMAP_LIMITS, gives a roadmap or problems.
 */
export async function loadRoadmapFromDirectory(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const stagesDir = path.join(dir, 'stages');
  const problems = newProblemList();
  try {
    const read = await readStageFiles(stagesDir);
    read.problems.forEach((problem) => problems.add(problem));
    if (read.sources.length === 0) {
      return { roadmap: undefined, problems: problems.toArray() };
    }
    return parseInto(read.sources, problems, options);
  } catch (error) {
    problems.add(unexpected(stagesDir, error));
    return { roadmap: undefined, problems: problems.toArray() };
  }
}

/** Parses, validates and cross-checks stage sources. Pure: no I/O. Never throws. */
export function parseRoadmap(sources: readonly RoadmapSource[], options: LoadOptions = {}): LoadResult {
  return parseInto(sources, newProblemList(), options);
}

function newProblemList(): ProblemList {
  return new ProblemList(ROADMAP_LIMITS.problemsPerFile, ROADMAP_LIMITS.problemsInAll);
}

function parseInto(sources: readonly RoadmapSource[], problems: ProblemList, options: LoadOptions): LoadResult {
  const written: Located<WrittenStageDocument>[] = [];
  let total = 0;
  for (const source of sources) {
    const bytes = Buffer.byteLength(source.text, 'utf8');
    if (bytes > ROADMAP_LIMITS.fileBytes) {
      problems.add(fileTooLarge(source.file, bytes));
      continue;
    }
    total += bytes;
    if (total > ROADMAP_LIMITS.roadmapBytes) {
      problems.add(roadmapTooLarge(source.file));
      break;
    }
    try {
      const stage = parseStage(source, problems);
      if (stage) {
        written.push(stage);
      }
    } catch (error) {
      problems.add(unexpected(source.file, error));
    }
  }

  try {
    const stages = resolveRefs(written, options.shipped, problems);
    crossCheck(stages, problems);
    if (problems.count > 0) {
      return { roadmap: undefined, problems: problems.toArray() };
    }
    return { roadmap: createRoadmap(stages.map(({ value, file }) => toStage(value, file))), problems: [] };
  } catch (error) {
    problems.add(unexpected(written[0]?.file ?? sources[0]?.file ?? 'roadmap', error));
    return { roadmap: undefined, problems: problems.toArray() };
  }
}

/** The stages with shipped skills reused by `ref` in place, after adding the problems of reuse. */
function resolveRefs(written: readonly Located<WrittenStageDocument>[], shipped: Roadmap | undefined, problems: ProblemList): Located<StageDocument>[] {
  const resolved = resolveSharedSkills(
    written.map((stage) => stage.value),
    shipped,
  );
  for (const problem of resolved.problems) {
    const stage = written[problem.stage];
    if (stage && problems.accepts(stage.file)) {
      problems.add({ file: stage.file, ...position(stage.doc, stage.lines, problem.path, false), message: problem.message });
    } else if (stage) {
      problems.skip(stage.file);
    }
  }
  return written.map((stage, index) => ({ ...stage, value: resolved.stages[index] ?? { ...stage.value, skills: [] } }));
}

/** One stage file as a schema-valid document, or undefined after adding its problems. */
function parseStage(source: RoadmapSource, problems: ProblemList): Located<WrittenStageDocument> | undefined {
  const yaml = parseStageYaml(source.file, source.text, problems);
  if (!yaml) {
    return undefined;
  }
  const violations = validateStageDocument(yaml.value);
  for (const [index, violation] of violations.entries()) {
    if (!problems.accepts(source.file)) {
      problems.skip(source.file, violations.length - index);
      break;
    }
    problems.add({ file: source.file, ...position(yaml.doc, yaml.lines, violation.path, violation.atKey), message: violation.message });
  }
  if (violations.length > 0) {
    return undefined;
  }
  // The schema guarantees the shape; the cast is the boundary between untyped YAML and the model.
  return { value: yaml.value as WrittenStageDocument, file: source.file, doc: yaml.doc, lines: yaml.lines, path: [] };
}

/** A failure the limits should have prevented: still a problem, never a crash. */
function unexpected(file: string, error: unknown): RoadmapProblem {
  return {
    file,
    line: 1,
    column: 1,
    message: `the roadmap loader failed on this file (${errorMessage(error)}); please report this bug with the file attached, and check the file for unusual YAML`,
  };
}

function crossCheck(stages: readonly Located<StageDocument>[], problems: ProblemList): void {
  const at = (item: Located<unknown>, sub: readonly (string | number)[], message: string): void => {
    if (problems.accepts(item.file)) {
      problems.add({ file: item.file, ...position(item.doc, item.lines, [...item.path, ...sub], false), message });
    } else {
      problems.skip(item.file);
    }
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
    const atLeast = skill.value.detect?.atLeast;
    if (atLeast !== undefined && atLeast > (skill.value.detect?.any ?? []).length) {
      at(skill, ['detect', 'atLeast'], `skill "${skill.value.id}" asks for at least ${atLeast} of its "any" milestones but lists ${(skill.value.detect?.any ?? []).length}: list more, or lower atLeast`);
    }
    for (const problem of quizProblems(skill.value.id, skill.value.quiz ?? [])) {
      at(skill, problem.path, problem.message);
    }
  }

  const skillDocs = new Map([...skills].map(([id, skill]) => [id, skill.value]));
  const briefs = new Map<string, Located<ProjectIdeaDocument>>();
  for (const stage of stages) {
    stage.value.projectIdeas.forEach((idea, index) => {
      const located = { ...stage, value: idea, path: ['projectIdeas', index] };
      const sameBrief = idea.id === undefined ? undefined : briefs.get(idea.id);
      if (idea.id !== undefined && sameBrief) {
        at(located, ['id'], `duplicate project brief id "${idea.id}" (also in ${sameBrief.file})`);
      } else if (idea.id !== undefined) {
        briefs.set(idea.id, located);
      }
      for (const problem of briefProblems(idea, skillDocs)) {
        at(located, problem.path, problem.message);
      }
    });
  }

  for (const problem of [...formerIdProblems('stage', formerIdOwners(stages)), ...formerIdProblems('skill', formerIdOwners([...skills.values()]))]) {
    at(problem.owner.item, ['formerIds', problem.index], problem.message);
  }

  const graph = new Map([...skills].map(([id, skill]) => [id, skill.value.prerequisites.filter((p) => p !== id && skills.has(p))]));
  for (const cycle of findPrerequisiteCycles(graph)) {
    const first = skills.get(cycle[0] ?? '');
    if (first) {
      at(first, ['prerequisites'], `prerequisite cycle: ${[...cycle, cycle[0]].join(' → ')}`);
    }
  }
}

/** Stages or skills as the former-id rules see them, each with where it was declared. */
function formerIdOwners<T extends { readonly id: string; readonly formerIds?: readonly string[] }>(items: readonly Located<T>[]): (FormerIdOwner & { readonly item: Located<T> })[] {
  return items.map((item) => ({ id: item.value.id, file: item.file, item, ...(item.value.formerIds ? { formerIds: item.value.formerIds } : {}) }));
}

function toStage(doc: StageDocument, source: string): Stage {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    order: doc.order,
    projectIdeas: doc.projectIdeas.map(toProjectIdea),
    source,
    ...(doc.formerIds ? { formerIds: doc.formerIds } : {}),
    skills: doc.skills.map(
      ({ detect, quiz, ...skill }): Skill => ({
        ...skill,
        level: skill.level ?? 'core',
        stageId: doc.id,
        quiz: toQuiz(quiz),
        ...(detect ? { detect: { all: detect.all ?? [], any: detect.any ?? [], ...(detect.atLeast === undefined ? {} : { atLeast: detect.atLeast }) } } : {}),
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
