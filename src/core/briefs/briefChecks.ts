/** What a brief's check names: a milestone seen in a workspace folder, or a skill's self-check passed. */
export type BriefCheck = { readonly kind: 'milestone'; readonly id: string } | { readonly kind: 'quiz'; readonly skillId: string };

/** A check `quiz:SKILL_ID` is found when that skill's self-check has passed (it belongs to no folder). */
export const QUIZ_CHECK_PREFIX = 'quiz:';

export function parseBriefCheck(check: string): BriefCheck {
  return check.startsWith(QUIZ_CHECK_PREFIX) ? { kind: 'quiz', skillId: check.slice(QUIZ_CHECK_PREFIX.length) } : { kind: 'milestone', id: check };
}

export function quizCheck(skillId: string): string {
  return `${QUIZ_CHECK_PREFIX}${skillId}`;
}
