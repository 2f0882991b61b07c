import type { Evidence, ProgressMap } from '../progress/model';

/**
 * What the Get Started walkthrough's steps wait for, decided from the learner's records. The extension
 * turns each into a context key (`onContext:` completion events in package.json).
 */
export interface WalkthroughFacts {
  /** Some evidence proved a milestone: a skill carries evidence, or a test run or practised command was recorded. */
  readonly milestoneProved: boolean;
  /** A test run passed (recorded here, or carried on a skill's evidence from another machine). */
  readonly testsPassed: boolean;
}

export function walkthroughFacts(progress: ProgressMap, events: readonly Evidence[]): WalkthroughFacts {
  const skillEvidence = Object.values(progress).flatMap((record) => record.evidence);
  return {
    // One shell command is not yet a milestone: practice.shell needs several different ones.
    milestoneProved: skillEvidence.length > 0 || events.some((evidence) => evidence.milestone !== 'practice.shell'),
    testsPassed: [...skillEvidence, ...events].some((evidence) => evidence.milestone === 'test.passing'),
  };
}
