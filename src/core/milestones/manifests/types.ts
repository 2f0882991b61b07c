/** Package ecosystems whose manifests the detectors read. */
export type Ecosystem = 'npm' | 'pypi' | 'go' | 'maven' | 'nuget' | 'composer' | 'rubygems' | 'cargo';

/** One dependency the learner declared in a manifest (never read from a lock file). */
export interface DeclaredDependency {
  readonly ecosystem: Ecosystem;
  /** Name normalised for matching (see `normalizeName`). */
  readonly name: string;
  /** Name as written, for evidence. */
  readonly displayName: string;
  /** Manifest path relative to the folder, forward slashes. */
  readonly manifest: string;
  /** Where in the manifest, e.g. "dependencies", "devDependencies", "require". */
  readonly section: string;
  readonly line?: number;
}

/** What a manifest parser returns before the manifest path is attached. */
export interface ParsedDependency {
  readonly name: string;
  readonly section: string;
  readonly line?: number;
}

/**
 * Names compared the way each registry compares them: Python per PEP 503, Go without its major
 * version suffix (`/v5`), Cargo with `_` and `-` equal, NuGet/Composer/npm case-insensitively.
 */
export function normalizeName(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  switch (ecosystem) {
    case 'pypi':
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    case 'go':
      return trimmed.replace(/\/v\d+$/, '');
    case 'cargo':
      return trimmed.toLowerCase().replace(/_/g, '-');
    case 'maven':
      return trimmed;
    default:
      return trimmed.toLowerCase();
  }
}
