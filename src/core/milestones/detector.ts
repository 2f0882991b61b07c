import type { Evidence } from '../progress/model';
import type { MilestoneId } from './catalog';
import type { PathRule } from './pathRule';
import type { ScanContext } from './scanContext';

export type DetectOutcome =
  | { readonly kind: 'checked'; readonly evidence: readonly Evidence[] }
  /** The check could not be made (git not allowed or missing, tests not run): neither present nor absent. */
  | { readonly kind: 'notChecked'; readonly reason: string };

/** Decides one milestone for one folder. */
export interface Detector {
  readonly id: MilestoneId;
  /** Every file this detector reads or looks for: drives file watchers and incremental re-checks. */
  readonly watch: readonly PathRule[];
  detect(context: ScanContext): Promise<DetectOutcome>;
}

/** Evidence items kept per milestone: one proves it, a few help the learner see why. */
export const MAX_EVIDENCE = 3;

export function checked(evidence: readonly Evidence[]): DetectOutcome {
  return { kind: 'checked', evidence: evidence.slice(0, MAX_EVIDENCE) };
}

export function notChecked(reason: string): DetectOutcome {
  return { kind: 'notChecked', reason };
}
