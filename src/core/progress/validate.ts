import { SKILL_STATES } from './model';
import type { Evidence, SkillState } from './model';

/** Runtime checks for progress read from storage or from a file: neither can be trusted to have our shape. */

type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSkillState(value: unknown): value is SkillState {
  return typeof value === 'string' && (SKILL_STATES as readonly string[]).includes(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function optionalInteger(value: unknown): boolean {
  return value === undefined || Number.isInteger(value);
}

function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || !Number.isNaN(Date.parse(value)));
}

export function isEvidence(value: unknown): value is Evidence {
  return (
    isRecord(value) &&
    typeof value.milestone === 'string' &&
    typeof value.summary === 'string' &&
    isIsoTime(value.at) &&
    optionalString(value.folder) &&
    optionalString(value.path) &&
    optionalInteger(value.line) &&
    optionalString(value.commit) &&
    optionalString(value.command) &&
    optionalInteger(value.exitCode)
  );
}

/** Why a skill record is invalid, or undefined when it is valid. */
export function skillProgressProblem(value: unknown): string | undefined {
  if (!isRecord(value)) {
    return 'is not an object';
  }
  if (!isSkillState(value.state)) {
    return `has an unknown state ${JSON.stringify(value.state)}`;
  }
  if (value.setBy !== 'learner' && value.setBy !== 'detector') {
    return `has an unknown "setBy" ${JSON.stringify(value.setBy)}`;
  }
  if (!isIsoTime(value.at)) {
    return 'has an invalid time "at"';
  }
  if (!optionalString(value.note)) {
    return 'has a note that is not text';
  }
  if (!Array.isArray(value.evidence) || !value.evidence.every(isEvidence)) {
    return 'has invalid evidence';
  }
  return undefined;
}
