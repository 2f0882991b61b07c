import { formatNumber } from './numbers';

/**
 * "1 skill", "3 skills": a count with its noun in the right number, instead of "skill(s)". English only;
 * pass the plural form when it is not the singular plus "s" ("1 match", "2 matches").
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** The verb that agrees with a count: `${plural(n, 'skill')} ${agree(n, 'is', 'are')} …`. */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
