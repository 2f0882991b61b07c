import type { Detector } from '../detector';
import { notChecked } from '../detector';

/**
 * A passed self-check is recorded on its skill when the learner passes it (details panel or CLI);
 * it belongs to one skill, not to a project, so no scan of the files can see it.
 */
export const QUIZ_DETECTORS: readonly Detector[] = [
  {
    id: 'quiz.passed',
    watch: [],
    detect: () => Promise.resolve(notChecked("Recorded when you pass a skill's self-check (\"Check yourself\" in the skill's details); it proves that skill only.")),
  },
];
