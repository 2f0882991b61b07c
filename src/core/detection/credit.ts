import type { Evidence } from '../progress/model';

/**
 * Which evidence completes skills (setting `backendRoadmap.detection.credit`, CLI `--credit`):
 * - `yourWork`: the learner's own work (`yours: true`), or evidence whose author cannot be told in a folder
 *   that is not under git (nothing to ask, and nobody else's history in it);
 * - `verifiedOnly`: only evidence proved to be the learner's (`yours: true`);
 * - `anyCode`: everything the workspace shows, whoever wrote it.
 */
export const CREDIT_POLICIES = ['yourWork', 'verifiedOnly', 'anyCode'] as const;
export type CreditPolicy = (typeof CREDIT_POLICIES)[number];
export const DEFAULT_CREDIT_POLICY: CreditPolicy = 'yourWork';

export function isCreditPolicy(value: unknown): value is CreditPolicy {
  return typeof value === 'string' && (CREDIT_POLICIES as readonly string[]).includes(value);
}

/** Whether one piece of evidence counts towards completing a skill. `repository`: its folder is under git. */
export function isCredited(evidence: Evidence, policy: CreditPolicy, repository: boolean): boolean {
  switch (policy) {
    case 'anyCode':
      return true;
    case 'verifiedOnly':
      return evidence.yours === true;
    case 'yourWork':
      return evidence.yours === true || ((evidence.yours === null || evidence.yours === undefined) && !repository);
  }
}

/** Why evidence is not credited, in words for the "Why is this (not) done?" section and the CLI. */
export function notCreditedReason(evidence: Evidence, policy: CreditPolicy): string {
  if (evidence.yours === false) {
    return 'written by someone else';
  }
  if (policy === 'verifiedOnly') {
    return 'not verified as yours (the setting backendRoadmap.detection.credit is "verifiedOnly")';
  }
  return 'whose work it is cannot be told (git could not be asked, or your git email is not set)';
}
