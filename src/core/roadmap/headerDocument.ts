import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as headerSchema from '../../../roadmap/roadmap-header.schema.json';
import { ProblemList } from './problemList';
import type { RoadmapProblem } from './problems';
import { parseStageYaml } from './stageYaml';
import { SHIPPED_ROADMAP_ID } from '../roadmaps/roadmapChoices';
import type { RoadmapSource } from './stageFiles';


/** A roadmap's header, as roadmap-header.schema.json allows it. */
export interface RoadmapHeader {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface HeaderResult {
  readonly header: RoadmapHeader | undefined;
  readonly problems: readonly RoadmapProblem[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(headerSchema);
  return compiled;
}

/** Parses and validates a header file's text, within the loader's limits. Pure. Never throws. */
export function parseRoadmapHeader(source: RoadmapSource): HeaderResult {
  const problems = new ProblemList(20, 20);
  const yaml = parseStageYaml(source.file, source.text, problems);
  if (!yaml) {
    return { header: undefined, problems: problems.toArray() };
  }
  const validate = validator();
  if (!validate(yaml.value)) {
    return { header: undefined, problems: (validate.errors ?? []).map((error) => ({ file: source.file, ...where(yaml, error), message: headerMessage(error) })) };
  }
  // The schema guarantees the shape; the cast is the boundary between untyped YAML and the model.
  const header = yaml.value as RoadmapHeader & { readonly $schema?: string };
  if (header.id === SHIPPED_ROADMAP_ID) {
    return { header: undefined, problems: [{ file: source.file, ...where(yaml, { instancePath: '/id' }), message: `"${SHIPPED_ROADMAP_ID}" is the id of the shipped roadmap: give yours another id` }] };
  }
  return { header: { id: header.id, title: header.title, ...(header.description === undefined ? {} : { description: header.description }) }, problems: [] };
}

function where(yaml: NonNullable<ReturnType<typeof parseStageYaml>>, error: Pick<ErrorObject, 'instancePath'>): { line: number; column: number } {
  const key = error.instancePath.split('/')[1];
  const node: unknown = key === undefined ? yaml.doc.contents : yaml.doc.get(key, true);
  const offset = typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range) && typeof node.range[0] === 'number' ? node.range[0] : 0;
  const pos = yaml.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function headerMessage(error: ErrorObject): string {
  const field = error.instancePath.split('/')[1];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `the roadmap header is missing "${String(params.missingProperty)}": a header has id, title and (optionally) description`;
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}" in the roadmap header: a header has only id, title and description; stages go in the stages folder`;
    case 'type':
      return field === undefined ? 'the roadmap header must be a mapping with id, title and description' : `"${field}" must be text`;
    case 'pattern':
      return `"${field ?? 'id'}" must be a kebab-case id (lowercase letters, digits and single hyphens)`;
    default:
      return `"${field ?? 'the header'}" ${error.message ?? 'is invalid'}`;
  }
}
