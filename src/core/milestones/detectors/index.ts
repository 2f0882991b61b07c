/* eslint-disable @typescript-eslint/no-require-imports -- each group's module is required on first use: see DETECTOR_GROUPS */
import { MILESTONES } from '../catalog';
import type { MilestoneId } from '../catalog';
import type { Detector } from '../detector';
import { yieldWhenDue } from '../../scan/yieldToEventLoop';
import type * as GitModule from './git';
import type * as GitHistoryModule from './gitHistory';
import type * as LanguagesModule from './languages';
import type * as ToolingModule from './tooling';
import type * as FrameworksModule from './frameworks';
import type * as ApisModule from './apis';
import type * as ServerPracticesModule from './serverPractices';
import type * as ApiPracticesModule from './apiPractices';
import type * as RestMethodsModule from './restMethods';
import type * as CachesModule from './caches';
import type * as MessagingModule from './messaging';
import type * as DatabasesModule from './databases';
import type * as Databases2Module from './databases2';
import type * as AuthModule from './auth';
import type * as SecurityModule from './security';
import type * as Security2Module from './security2';
import type * as CachingModule from './caching';
import type * as TestsModule from './tests';
import type * as Testing2Module from './testing2';
import type * as InfraModule from './infra';
import type * as ContainersModule from './containers';
import type * as DeliveryModule from './delivery';
import type * as ArchitectureModule from './architecture';
import type * as RealtimeModule from './realtime';
import type * as ObservabilityModule from './observability';
import type * as TelemetryModule from './telemetry';
import type * as SearchModule from './search';
import type * as DocsModule from './docs';
import type * as PracticeModule from './practice';
import type * as QuizModule from './quiz';

/**
 * The detectors, a module at a time. Each module is required when its group is first built, and esbuild
 * runs a required module's top-level code then, not when the bundle loads. Building all 127 detectors
 * (their patterns, rules and path hints) was most of loading dist/detection.js: 18-21 ms of its 21-28 ms
 * in plain Node, and one stretch of 19-38 ms of a quiet code-server host's thread; the load now runs in
 * about 4 ms, and the detectors are built by the first scan, a slice at a time.
 */
const DETECTOR_GROUPS: readonly (() => readonly Detector[])[] = [
  () => (require('./git') as typeof GitModule).GIT_DETECTORS,
  () => (require('./gitHistory') as typeof GitHistoryModule).GIT_HISTORY_DETECTORS,
  () => (require('./languages') as typeof LanguagesModule).LANGUAGE_DETECTORS,
  () => (require('./tooling') as typeof ToolingModule).TOOLING_DETECTORS,
  () => (require('./frameworks') as typeof FrameworksModule).FRAMEWORK_DETECTORS,
  () => (require('./apis') as typeof ApisModule).API_DETECTORS,
  () => (require('./serverPractices') as typeof ServerPracticesModule).SERVER_PRACTICE_DETECTORS,
  () => (require('./apiPractices') as typeof ApiPracticesModule).API_PRACTICE_DETECTORS,
  () => [(require('./restMethods') as typeof RestMethodsModule).restMethods],
  () => (require('./caches') as typeof CachesModule).CACHE_DETECTORS,
  () => (require('./messaging') as typeof MessagingModule).MESSAGING_PRACTICE_DETECTORS,
  () => (require('./databases') as typeof DatabasesModule).DATABASE_DETECTORS,
  () => (require('./databases2') as typeof Databases2Module).DATABASE2_DETECTORS,
  () => (require('./auth') as typeof AuthModule).AUTH_DETECTORS,
  () => (require('./security') as typeof SecurityModule).SECURITY_DETECTORS,
  () => (require('./security2') as typeof Security2Module).SECURITY2_DETECTORS,
  () => {
    const module = require('./caching') as typeof CachingModule;
    return [...module.CACHING_DETECTORS, ...module.MESSAGING_DETECTORS];
  },
  () => (require('./tests') as typeof TestsModule).TEST_DETECTORS,
  () => (require('./testing2') as typeof Testing2Module).TESTING2_DETECTORS,
  () => (require('./infra') as typeof InfraModule).INFRA_DETECTORS,
  () => (require('./containers') as typeof ContainersModule).CONTAINER_DETECTORS,
  () => (require('./delivery') as typeof DeliveryModule).DELIVERY_DETECTORS,
  () => (require('./architecture') as typeof ArchitectureModule).ARCHITECTURE_DETECTORS,
  () => (require('./realtime') as typeof RealtimeModule).REALTIME_DETECTORS,
  () => (require('./observability') as typeof ObservabilityModule).OBSERVABILITY_DETECTORS,
  () => (require('./telemetry') as typeof TelemetryModule).TELEMETRY_DETECTORS,
  () => (require('./search') as typeof SearchModule).SEARCH_DETECTORS,
  () => (require('./docs') as typeof DocsModule).DOCS_DETECTORS,
  () => (require('./practice') as typeof PracticeModule).PRACTICE_DETECTORS,
  () => (require('./quiz') as typeof QuizModule).QUIZ_DETECTORS,
];

let built: readonly Detector[] | undefined;

/** One detector per catalog milestone, in catalog order, from the groups built so far in one list. */
function inCatalogOrder(detectors: readonly Detector[]): readonly Detector[] {
  const byId = new Map<MilestoneId, Detector>(detectors.map((detector) => [detector.id, detector]));
  return MILESTONES.map((milestone) => {
    const detector = byId.get(milestone.id);
    if (detector === undefined) {
      throw new Error(`No detector for milestone ${milestone.id}`);
    }
    return detector;
  });
}

/** Every detector, built now if it is not yet (in one stretch: callers that may wait use `allDetectorsInSlices`). */
export function allDetectors(): readonly Detector[] {
  built ??= inCatalogOrder(DETECTOR_GROUPS.flatMap((group) => group()));
  return built;
}

/** Every detector, built a group at a time with a turn of the event loop whenever a slice of time is used up. */
export async function allDetectorsInSlices(): Promise<readonly Detector[]> {
  if (built !== undefined) {
    return built;
  }
  const detectors: Detector[] = [];
  for (const group of DETECTOR_GROUPS) {
    detectors.push(...group());
    await yieldWhenDue();
  }
  built ??= inCatalogOrder(detectors);
  return built;
}
