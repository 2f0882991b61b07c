import { MILESTONES } from '../catalog';
import type { MilestoneId } from '../catalog';
import type { Detector } from '../detector';
import { API_DETECTORS } from './apis';
import { API_PRACTICE_DETECTORS } from './apiPractices';
import { CACHE_DETECTORS } from './caches';
import { MESSAGING_PRACTICE_DETECTORS } from './messaging';
import { restMethods } from './restMethods';
import { SERVER_PRACTICE_DETECTORS } from './serverPractices';
import { AUTH_DETECTORS } from './auth';
import { CACHING_DETECTORS, MESSAGING_DETECTORS } from './caching';
import { DATABASE_DETECTORS } from './databases';
import { DATABASE2_DETECTORS } from './databases2';
import { DOCS_DETECTORS } from './docs';
import { FRAMEWORK_DETECTORS } from './frameworks';
import { GIT_DETECTORS } from './git';
import { GIT_HISTORY_DETECTORS } from './gitHistory';
import { INFRA_DETECTORS } from './infra';
import { ARCHITECTURE_DETECTORS } from './architecture';
import { CONTAINER_DETECTORS } from './containers';
import { DELIVERY_DETECTORS } from './delivery';
import { REALTIME_DETECTORS } from './realtime';
import { TELEMETRY_DETECTORS } from './telemetry';
import { LANGUAGE_DETECTORS } from './languages';
import { OBSERVABILITY_DETECTORS } from './observability';
import { PRACTICE_DETECTORS } from './practice';
import { QUIZ_DETECTORS } from './quiz';
import { SEARCH_DETECTORS } from './search';
import { SECURITY_DETECTORS } from './security';
import { SECURITY2_DETECTORS } from './security2';
import { TEST_DETECTORS } from './tests';
import { TESTING2_DETECTORS } from './testing2';
import { TOOLING_DETECTORS } from './tooling';

const byId = new Map<MilestoneId, Detector>(
  [
    ...GIT_DETECTORS,
    ...GIT_HISTORY_DETECTORS,
    ...LANGUAGE_DETECTORS,
    ...TOOLING_DETECTORS,
    ...FRAMEWORK_DETECTORS,
    ...API_DETECTORS,
    ...SERVER_PRACTICE_DETECTORS,
    ...API_PRACTICE_DETECTORS,
    restMethods,
    ...CACHE_DETECTORS,
    ...MESSAGING_PRACTICE_DETECTORS,
    ...DATABASE_DETECTORS,
    ...DATABASE2_DETECTORS,
    ...AUTH_DETECTORS,
    ...SECURITY_DETECTORS,
    ...SECURITY2_DETECTORS,
    ...CACHING_DETECTORS,
    ...MESSAGING_DETECTORS,
    ...TEST_DETECTORS,
    ...TESTING2_DETECTORS,
    ...INFRA_DETECTORS,
    ...CONTAINER_DETECTORS,
    ...DELIVERY_DETECTORS,
    ...ARCHITECTURE_DETECTORS,
    ...REALTIME_DETECTORS,
    ...OBSERVABILITY_DETECTORS,
    ...TELEMETRY_DETECTORS,
    ...SEARCH_DETECTORS,
    ...DOCS_DETECTORS,
    ...PRACTICE_DETECTORS,
    ...QUIZ_DETECTORS,
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
