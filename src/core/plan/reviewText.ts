import { plural } from '../text/plural';

/**
 * Reviews due, in the words the badge, the status bar and Start Review use. Undefined when none is due:
 * nothing is shown then.
 */
export function reviewsDueText(count: number): string | undefined {
  return count <= 0 ? undefined : `${plural(count, 'self-check')} due for review: run "Backend Roadmap: Start Review" to take the next one.`;
}

/** When no review is due: when the next one is, or how to get one. */
export function noReviewDueText(nextDueDay: string | undefined): string {
  return nextDueDay === undefined
    ? 'No self-check to review yet: pass a skill\'s self-check in its details panel, and it comes back for review after 3 days.'
    : `No self-check is due for review. The next one is due on ${nextDueDay}.`;
}
