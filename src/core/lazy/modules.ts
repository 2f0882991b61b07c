import type * as ContentTools from './contentTools';
import type * as Detection from './detection';
import type * as ScanReuse from './scanReuse';
import { requireBundle } from './requireBundle';

// The casts below are the boundary of a separately built file: its exports are typed by its entry module.

/** The YAML roadmap loader, its schema validator and the Markdown renderer: for content not compiled at build time. */
export function contentTools(): typeof ContentTools {
  return requireBundle('contentTools') as typeof ContentTools;
}

/** The folder fingerprint and a git runner, for the CLI's `scan` to tell whether anything changed since its last scan. */
export function scanReuseModule(): typeof ScanReuse {
  return requireBundle('scanReuse') as typeof ScanReuse;
}

let detectionLoaded: typeof Detection | undefined;
let setUpDetection: ((detection: typeof Detection) => void) | undefined;

/** The detection engine, its detectors and the git runner: loaded when detection first runs. */
export function detectionModule(): typeof Detection {
  if (detectionLoaded === undefined) {
    detectionLoaded = requireBundle('detection') as typeof Detection;
    setUpDetection?.(detectionLoaded);
  }
  return detectionLoaded;
}

/**
 * Runs `setUp` on the detection bundle once it is loaded (at once if it already is): how the extension
 * host configures it (git started from a worker thread) without loading it at activation.
 */
export function whenDetectionLoads(setUp: (detection: typeof Detection) => void): void {
  setUpDetection = setUp;
  if (detectionLoaded !== undefined) {
    setUp(detectionLoaded);
  }
}
