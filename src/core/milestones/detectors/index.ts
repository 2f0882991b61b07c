import { MILESTONES } from '../catalog';
import type { MilestoneId } from '../catalog';
import type { Detector } from '../detector';
import { API_DETECTORS } from './apis';
import { AUTH_DETECTORS } from './auth';
import { CACHING_DETECTORS, MESSAGING_DETECTORS } from './caching';
import { DATABASE_DETECTORS } from './databases';
import { DOCS_DETECTORS } from './docs';
import { FRAMEWORK_DETECTORS } from './frameworks';
import { GIT_DETECTORS } from './git';
import { INFRA_DETECTORS } from './infra';
import { LANGUAGE_DETECTORS } from './languages';
import { OBSERVABILITY_DETECTORS } from './observability';
import { SEARCH_DETECTORS } from './search';
import { SECURITY_DETECTORS } from './security';
import { TEST_DETECTORS } from './tests';
import { TOOLING_DETECTORS } from './tooling';

const byId = new Map<MilestoneId, Detector>(
  [
    ...GIT_DETECTORS,
    ...LANGUAGE_DETECTORS,
    ...TOOLING_DETECTORS,
    ...FRAMEWORK_DETECTORS,
    ...API_DETECTORS,
    ...DATABASE_DETECTORS,
    ...AUTH_DETECTORS,
    ...SECURITY_DETECTORS,
    ...CACHING_DETECTORS,
    ...MESSAGING_DETECTORS,
    ...TEST_DETECTORS,
    ...INFRA_DETECTORS,
    ...OBSERVABILITY_DETECTORS,
    ...SEARCH_DETECTORS,
    ...DOCS_DETECTORS,
  ].map((detector) => [detector.id, detector]),
);

/** One detector per catalog milestone, in catalog order. */
export const ALL_DETECTORS: readonly Detector[] = MILESTONES.map((milestone) => {
  const detector = byId.get(milestone.id);
  if (detector === undefined) {
    throw new Error(`No detector for milestone ${milestone.id}`);
  }
  return detector;
});
