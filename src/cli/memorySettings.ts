import * as v8 from 'node:v8';
import type { ScanResultStore } from '../core/milestones/scanResultStore';

/**
 * V8 settings for the CLI's own process:
 * - the young generation stays small (2 MiB in all) instead of growing to 32 MiB, which a scan's
 *   long-lived data (the file list and its index) made it do;
 * - the old generation is collected once it grows by 30%, rather than by up to four times.
 * On 100k files they take a scan's peak memory from about 128 to 95 MiB at the same speed
 * (docs/performance.md). A single scan sets them only for a large repository (a git index of
 * LARGE_GIT_INDEX_BYTES or more, about 25,000 files): on a small one they only added collections (the demo's
 * pauses 25 vs 19 ms). `scan --all` sets them at its start, as it cannot know its repositories' sizes before
 * its first collections fix the old generation's limit.
 * V8 reads both whenever it decides (whether new space grows, where the next collection starts), so they
 * take effect when set after start-up, unlike `--max-semi-space-size`. Never set in the extension host:
 * its V8 is shared with every other extension.
 */
export const CLI_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=30'];

export function useCliMemorySettings(setFlags: (flags: string) => void = v8.setFlagsFromString): void {
  for (const flag of CLI_V8_FLAGS) {
    setFlags(flag);
  }
}

/** What the CLI's own process may change about itself; nothing when `main` runs inside another program (tests). */
export interface CliTuning {
  /**
   * Called before the scan of a large repository (a git index of LARGE_GIT_INDEX_BYTES or more), and at the
   * start of `scan --all`, which scans every repository under a folder in one process.
   */
  readonly beforeLargeScan?: () => void;
  /**
   * Where `scan` keeps its results for a repository in which nothing changed since (src/cli/reusedScan.ts);
   * the user's cache folder when run, none in tests unless they pass one.
   */
  readonly scanStore?: ScanResultStore;
  /** The clock by which a file counts as changed too recently for its stat to be trusted (tests: a minute later). */
  readonly now?: () => number;
}
