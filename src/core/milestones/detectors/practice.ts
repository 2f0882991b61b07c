import type { Detector } from '../detector';
import { notChecked } from '../detector';
import { PRACTICE_MILESTONE_IDS, practiceCommandsFor } from '../../practice/families';

/**
 * Terminal practice is recorded when the learner runs a command in the integrated terminal
 * (src/vscode/detection/terminalPracticeListener.ts); no scan of the files can see it afterwards.
 */
export const PRACTICE_DETECTORS: readonly Detector[] = PRACTICE_MILESTONE_IDS.map((id) => ({
  id,
  watch: [],
  detect: () => Promise.resolve(notChecked(`Recorded when you run ${practiceCommandsFor(id).join(', ')} in the integrated terminal (exit code 0); a scan cannot see it.`)),
}));
