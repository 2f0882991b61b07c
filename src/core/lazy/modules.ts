import type * as ContentTools from './contentTools';
import type * as Detection from './detection';
import { requireBundle } from './requireBundle';

// The casts below are the boundary of a separately built file: its exports are typed by its entry module.

/** The YAML roadmap loader, its schema validator and the Markdown renderer: for content not compiled at build time. */
export function contentTools(): typeof ContentTools {
  return requireBundle('contentTools') as typeof ContentTools;
}

/** The detection engine, its detectors and the git runner: loaded when detection first runs. */
export function detectionModule(): typeof Detection {
  return requireBundle('detection') as typeof Detection;
}
