import { describePath } from './path';
import type { LearningPath } from './path';

/** When "what next" has nothing to offer: why, and what to do instead. */
export function nothingNextMessage(path: LearningPath, openOnPath: number): string {
  const name = describePath(path);
  return openOnPath === 0
    ? `Every skill on ${name} is done or skipped. Build a project from the last stage, or widen your path with "Backend Roadmap: Choose Your Path".`
    : `No open skill on ${name} has all its prerequisites finished. Finish or skip a prerequisite, or widen your path with "Backend Roadmap: Choose Your Path".`;
}
