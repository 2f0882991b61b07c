import { STACK_LABELS, STACKS } from '../roadmap/model';
import type { Roadmap, Skill, Stack } from '../roadmap/model';

/**
 * The part of the roadmap a learner plans to follow. `core`: the core skills every backend developer needs,
 * plus the core skills of their stack; `all`: every skill of their stack (optional ones too), or the whole
 * roadmap when no stack is chosen. Skills off the path stay reachable; they are just not planned.
 */
export type PathScope = 'core' | 'all';

export const PATH_SCOPES: readonly PathScope[] = ['core', 'all'];

export interface LearningPath {
  readonly stack?: Stack;
  readonly scope: PathScope;
}

export function isStack(value: unknown): value is Stack {
  return typeof value === 'string' && (STACKS as readonly string[]).includes(value);
}

export function isPathScope(value: unknown): value is PathScope {
  return value === 'core' || value === 'all';
}

/** The path a learner gets unless they say otherwise: a stack's core path, or everything without a stack. */
export function defaultPath(stack: Stack | undefined): LearningPath {
  return stack === undefined ? { scope: 'all' } : { stack, scope: 'core' };
}

/**
 * Whether a skill is on the path. A skill without `stacks` is for every stack. Without a chosen stack the
 * core path holds only the skills for every stack: no stack's own core skills are forced on the learner.
 */
export function isOnPath(skill: Skill, path: LearningPath): boolean {
  const forStack = skill.stacks === undefined || (path.stack !== undefined && skill.stacks.includes(path.stack));
  if (path.scope === 'core') {
    return skill.level === 'core' && forStack;
  }
  return path.stack === undefined || forStack;
}

/** The skills on the path, in roadmap order. */
export function skillsOnPath(roadmap: Roadmap, path: LearningPath): readonly Skill[] {
  return roadmap.skills.filter((skill) => isOnPath(skill, path));
}

/** "the core path for python", "the whole roadmap": for messages. */
export function describePath(path: LearningPath): string {
  if (path.stack === undefined) {
    return path.scope === 'core' ? 'the core path (no stack chosen)' : 'the whole roadmap';
  }
  return path.scope === 'core' ? `the core path for ${STACK_LABELS[path.stack]}` : `every skill for ${STACK_LABELS[path.stack]}`;
}
