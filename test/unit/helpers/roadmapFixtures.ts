// Builders for small, valid stage YAML texts, so that each loader test states only what differs.
// The layout is fixed and block-style, one property per line, so positions in the text are predictable;
// `locate` finds where a piece of text is, for asserting the line and column the loader reports.

import * as assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/core/roadmap/loader';
import type { RoadmapSource } from '../../../src/core/roadmap/loader';
import type { RoadmapProblem } from '../../../src/core/roadmap/problems';
import { createRoadmap } from '../../../src/core/roadmap/model';
import type { Roadmap, Skill, Stage } from '../../../src/core/roadmap/model';

export type SkillField =
  | 'id'
  | 'title'
  | 'summary'
  | 'whyItMatters'
  | 'subtopics'
  | 'resources'
  | 'practice'
  | 'estimatedHours'
  | 'prerequisites'
  | 'detect';

export type StageField = 'id' | 'title' | 'summary' | 'order' | 'projectIdeas' | 'skills';

export interface ResourceSpec {
  readonly title?: string;
  readonly url: string;
  /** Written verbatim, so tests can use kinds the schema rejects. */
  readonly kind?: string;
}

export interface SkillSpec {
  readonly id: string;
  readonly title?: string;
  readonly estimatedHours?: number;
  readonly prerequisites?: readonly string[];
  readonly detect?: { readonly all?: readonly string[]; readonly any?: readonly string[] };
  readonly resources?: readonly ResourceSpec[];
  /** Raw YAML replacing a property's value, e.g. `{ estimatedHours: '"lots"' }`. */
  readonly raw?: Partial<Record<SkillField, string>>;
  /** Properties left out entirely. */
  readonly omit?: readonly SkillField[];
  /** Extra `key: raw value` lines appended to the skill (e.g. unknown properties). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface StageSpec {
  readonly id: string;
  readonly order: number;
  readonly title?: string;
  readonly skills: readonly SkillSpec[];
  /** Raw YAML replacing a property's value. */
  readonly raw?: Partial<Record<StageField, string>>;
  readonly omit?: readonly StageField[];
  /** Extra `key: raw value` lines appended to the stage. */
  readonly extra?: Readonly<Record<string, string>>;
}

/** A double-quoted YAML scalar (JSON strings are valid YAML). */
function quoted(text: string): string {
  return JSON.stringify(text);
}

function flowList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

function titleFromId(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The lines of one skill, as an item of the `skills:` sequence (indented by two spaces). */
export function skillLines(spec: SkillSpec): string[] {
  const title = spec.title ?? titleFromId(spec.id);
  const resources = spec.resources ?? [{ url: `https://example.com/${spec.id}` }];
  const fields: [SkillField, string[]][] = [
    ['id', [spec.id]],
    ['title', [quoted(title)]],
    ['summary', [quoted(`What ${title} is.`)]],
    ['whyItMatters', [quoted(`Why ${title} matters.`)]],
    ['subtopics', [flowList([quoted(`${title} basics`)])]],
    [
      'resources',
      resources.length === 0
        ? ['[]']
        : [
            '',
            ...resources.flatMap((resource) => [
              `      - title: ${quoted(resource.title ?? `About ${title}`)}`,
              `        url: ${quoted(resource.url)}`,
              `        kind: ${resource.kind ?? 'docs'}`,
            ]),
          ],
    ],
    ['practice', [flowList([quoted(`Practise ${title}.`)])]],
    ['estimatedHours', [String(spec.estimatedHours ?? 2)]],
    ['prerequisites', [flowList(spec.prerequisites ?? [])]],
  ];
  if (spec.detect) {
    const detect: string[] = [''];
    if (spec.detect.all) {
      detect.push(`      all: ${flowList(spec.detect.all)}`);
    }
    if (spec.detect.any) {
      detect.push(`      any: ${flowList(spec.detect.any)}`);
    }
    fields.push(['detect', detect]);
  } else if (spec.raw?.detect !== undefined) {
    fields.push(['detect', ['']]);
  }

  const lines: string[] = [];
  for (const [key, value] of fields) {
    if (spec.omit?.includes(key)) {
      continue;
    }
    const raw = spec.raw?.[key];
    const [first = '', ...rest] = raw === undefined ? value : [raw];
    const prefix = lines.length === 0 ? '  - ' : '    ';
    lines.push(first === '' ? `${prefix}${key}:` : `${prefix}${key}: ${first}`, ...rest);
  }
  for (const [key, value] of Object.entries(spec.extra ?? {})) {
    lines.push(`    ${key}: ${value}`);
  }
  return lines;
}

/** The text of a whole stage file. */
export function stageYaml(spec: StageSpec): string {
  const title = spec.title ?? titleFromId(spec.id);
  const fields: [StageField, string[]][] = [
    ['id', [spec.id]],
    ['title', [quoted(title)]],
    ['summary', [quoted(`Everything about ${title}.`)]],
    ['order', [String(spec.order)]],
    ['projectIdeas', ['', `  - title: ${quoted(`A ${title} project`)}`, `    description: ${quoted(`Build something with ${title}.`)}`]],
    ['skills', ['', ...spec.skills.flatMap(skillLines)]],
  ];
  const lines: string[] = [];
  for (const [key, value] of fields) {
    if (spec.omit?.includes(key)) {
      continue;
    }
    const raw = spec.raw?.[key];
    const [first = '', ...rest] = raw === undefined ? value : [raw];
    lines.push(first === '' ? `${key}:` : `${key}: ${first}`, ...rest);
  }
  for (const [key, value] of Object.entries(spec.extra ?? {})) {
    lines.push(`${key}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A loader source named `file`, holding the stage built from `spec`. */
export function stageSource(file: string, spec: StageSpec): RoadmapSource {
  return { file, text: stageYaml(spec) };
}

/** One stage with the given skills: the smallest roadmap worth loading. */
export function oneStage(skills: readonly SkillSpec[], file = 'stage.yaml'): RoadmapSource[] {
  return [stageSource(file, { id: 'basics', order: 1, skills })];
}

/**
 * The 1-based line and column of the `occurrence`-th (1-based) appearance of `needle` in `text`.
 * Throws when it is not there, so a test cannot silently assert against a position that does not exist.
 */
export function locate(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`"${needle}" occurs fewer than ${occurrence} time(s) in:\n${text}`);
    }
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

export interface ModelSkillSpec {
  readonly id: string;
  readonly prerequisites?: readonly string[];
  readonly detect?: { readonly all?: readonly string[]; readonly any?: readonly string[] };
  readonly estimatedHours?: number;
  readonly level?: Skill['level'];
  readonly stacks?: Skill['stacks'];
}

export interface ModelStageSpec {
  readonly id: string;
  /** Defaults to the stage's position in the list, starting at 1. */
  readonly order?: number;
  readonly skills: readonly ModelSkillSpec[];
}

/** A model skill (no YAML, no loader), for tests of progress logic. */
export function modelSkill(stageId: string, spec: ModelSkillSpec): Skill {
  const title = titleFromId(spec.id);
  return {
    id: spec.id,
    stageId,
    title,
    summary: `What ${title} is.`,
    whyItMatters: `Why ${title} matters.`,
    subtopics: [],
    resources: [],
    practice: [],
    estimatedHours: spec.estimatedHours ?? 1,
    level: spec.level ?? 'core',
    ...(spec.stacks ? { stacks: spec.stacks } : {}),
    prerequisites: spec.prerequisites ?? [],
    ...(spec.detect ? { detect: { all: spec.detect.all ?? [], any: spec.detect.any ?? [] } } : {}),
    quiz: [],
  };
}

/** A roadmap built straight from the model (createRoadmap), for tests of progress logic. */
export function modelRoadmap(stages: readonly ModelStageSpec[]): Roadmap {
  return createRoadmap(
    stages.map(
      (spec, index): Stage => ({
        id: spec.id,
        title: titleFromId(spec.id),
        summary: `Everything about ${spec.id}.`,
        order: spec.order ?? index + 1,
        projectIdeas: [],
        skills: spec.skills.map((skill) => modelSkill(spec.id, skill)),
        source: `${spec.id}.yaml`,
      }),
    ),
  );
}

/** The problems of sources that must not load: no roadmap, at least one problem. */
export function problemsOf(sources: readonly RoadmapSource[]): readonly RoadmapProblem[] {
  const result = parseRoadmap(sources);
  assert.equal(result.roadmap, undefined, 'a roadmap with problems must not be returned');
  assert.ok(result.problems.length > 0, 'expected at least one problem');
  return result.problems;
}

/** The problem expected at the `occurrence`-th `needle` of a source. */
export function problemAt(source: RoadmapSource, needle: string, message: string, occurrence = 1): RoadmapProblem {
  return { file: source.file, ...locate(source.text, needle, occurrence), message };
}
