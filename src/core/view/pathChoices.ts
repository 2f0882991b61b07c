import { hoursLeft } from '../plan/pace';
import { skillsOnPath } from '../plan/path';
import type { PathScope } from '../plan/path';
import type { ProgressMap } from '../progress/model';
import { STACKS } from '../roadmap/model';
import type { Roadmap, Stack } from '../roadmap/model';
import { plural } from '../text/plural';
import { STACK_LABELS } from './choosePath';

/**
 * The choices of "Choose Your Path": the stack (the one the workspace suggests first), then core or all.
 * Pure, so what the learner reads is unit-tested; src/vscode/choosePath.ts shows them.
 */

/** The languages a stack's files are written in, as a learner says it: "most of your files are Python". */
export const STACK_LANGUAGES: Readonly<Record<Stack, string>> = {
  node: 'JavaScript or TypeScript',
  python: 'Python',
  java: 'Java or Kotlin',
  csharp: 'C#',
  go: 'Go',
  php: 'PHP',
  ruby: 'Ruby',
  rust: 'Rust',
};

export interface StackChoice {
  /** '' for "no particular stack" (the setting's value for none). */
  readonly stack: Stack | '';
  readonly label: string;
  /** "suggested: most of your files are Python", "your stack now"; '' when nothing to add. */
  readonly description: string;
}

const NO_STACK_LABEL = 'No particular stack';

/** The stacks to pick from: the suggested one first (marked), then the rest in order, then "no particular stack". */
export function stackChoiceList(current: string, suggested: Stack | undefined): readonly StackChoice[] {
  const describe = (stack: Stack | ''): string => {
    const notes = [stack !== '' && stack === suggested ? `suggested: most of your files are ${STACK_LANGUAGES[stack]}` : undefined, stack === current ? 'your stack now' : undefined];
    return notes.filter((note): note is string => note !== undefined).join(' · ');
  };
  const ordered = suggested === undefined ? STACKS : [suggested, ...STACKS.filter((stack) => stack !== suggested)];
  return [
    ...ordered.map((stack) => ({ stack, label: STACK_LABELS[stack], description: describe(stack) })),
    { stack: '' as const, label: NO_STACK_LABEL, description: describe('') || 'skills for every stack only' },
  ];
}

export interface ScopeChoice {
  readonly scope: PathScope;
  readonly label: string;
  /** Size and time at the pace: "62 skills, 480 hours left: about 48 weeks at 10 hours a week". */
  readonly detail: string;
}

function weeks(hours: number, hoursPerWeek: number): string {
  return plural(Math.ceil(hours / hoursPerWeek), 'week');
}

/** Core path or everything for the stack, each with its size and the time it takes at the chosen pace. */
export function scopeChoiceList(roadmap: Roadmap, progress: ProgressMap, stack: Stack | undefined, hoursPerWeek: number): readonly ScopeChoice[] {
  const scopes: readonly { scope: PathScope; label: string }[] = [
    { scope: 'core', label: stack === undefined ? 'Core path: what every backend developer needs' : `Core path: what every backend developer needs, plus the core of ${STACK_LABELS[stack]}` },
    { scope: 'all', label: stack === undefined ? 'The whole roadmap, optional skills too' : `Everything for ${STACK_LABELS[stack]}, optional skills too` },
  ];
  return scopes.map(({ scope, label }) => {
    const skills = skillsOnPath(roadmap, { ...(stack === undefined ? {} : { stack }), scope });
    const left = hoursLeft(skills, progress);
    return { scope, label, detail: `${plural(skills.length, 'skill')}, ${plural(left, 'hour')} left: about ${weeks(left, hoursPerWeek)} at ${plural(hoursPerWeek, 'hour')} a week` };
  });
}
