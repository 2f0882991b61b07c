import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as stageSchema from '../../../roadmap/roadmap.schema.json';

/** One schema violation, with the JSON path of the offending value (as segments) and a readable message. */
export interface SchemaViolation {
  readonly path: readonly (string | number)[];
  /** True when the violation is about a key (an unknown property) rather than a value. */
  readonly atKey: boolean;
  readonly message: string;
}

let compiled: ValidateFunction | undefined;

/** Compiled on first use: compiling costs a few milliseconds that activation should not pay. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    compiled = ajv.compile(stageSchema);
  }
  return compiled;
}

export function validateStageDocument(value: unknown): readonly SchemaViolation[] {
  const validate = validator();
  if (validate(value)) {
    return [];
  }
  // A skill is checked as a `ref` or as a definition (if/then/else): the branch's own errors say what is wrong.
  return (validate.errors ?? []).filter((error) => error.keyword !== 'if').map(toViolation);
}

function toViolation(error: ErrorObject): SchemaViolation {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const where = path.length > 0 ? path.join('.') : 'the stage';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { path: [...path, key], atKey: true, message: `unknown property "${key}" in ${where}` };
    }
    case 'required':
      return { path, atKey: false, message: `${where} is missing the required property "${String(params.missingProperty)}"` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const shown = allowed.length <= 8 ? `: ${allowed.join(', ')}` : ` (${allowed.length} ids, listed in roadmap.schema.json)`;
      return { path, atKey: false, message: `${where} is "${String(error.data)}", which is not one of the allowed values${shown}` };
    }
    case 'pattern':
      return { path, atKey: false, message: `${where} ${patternHint(path)}` };
    case 'dependencies':
      return {
        path,
        atKey: false,
        message: `${where} has "${String(params.property)}" but not "${String(params.missingProperty)}": a project brief needs id, goal, criteria and skills (a plain idea has only title and description)`,
      };
    default:
      return { path, atKey: false, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

function patternHint(path: readonly (string | number)[]): string {
  const last = path.findLast((segment) => typeof segment === 'string');
  if (last === 'url') {
    return 'must be an https:// link';
  }
  if (last === 'checks') {
    return 'must be a milestone id (like docker.file) or quiz:SKILL_ID (that skill\'s self-check passed)';
  }
  return 'must be a kebab-case id (lowercase letters, digits and single hyphens)';
}
