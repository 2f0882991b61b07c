import { statSync } from 'node:fs';
import { userCacheFolder } from '../core/lazy/codeCache';
import { scanReuseModule } from '../core/lazy/modules';
import { bundleFile } from '../core/lazy/requireBundle';
import type { FolderScan, ScanOptions } from '../core/milestones/engine';
import type { ScanResultStore, StoredScan } from '../core/milestones/scanResultStore';
import { packageVersion } from './packageRoot';

/**
 * A scan that took this long is not kept: the engine's time limits (authorship's 20 s deadline, git's
 * idle time-out) may have cut it short, and a result cut short by time must not be shown again.
 */
const MAX_KEPT_SCAN_MS = 10_000;

/** What `lookUpScan` found: the kept result when nothing changed, and how to keep a new one otherwise. */
export interface ScanLookup {
  readonly stored: StoredScan | undefined;
  /** What the fingerprint asked git already, for a full scan to reuse (ScanOptions `files` and `gitConfig`). */
  readonly asked: Pick<ScanOptions, 'files' | 'gitConfig'>;
  /** Keeps a full scan's result when it may be shown again (see `keepable`). */
  keep(scan: FolderScan): void;
}

/**
 * The kept scan of `folder` when nothing it read has changed (src/core/scan/folderFingerprint.ts); undefined
 * when the folder cannot be fingerprinted (then nothing is kept either). Asks git three questions:
 * its configuration, its refs and its file list.
 */
export async function lookUpScan(folder: string, authors: readonly string[], store: ScanResultStore, now?: () => number): Promise<ScanLookup | undefined> {
  // Its own small bundle: the engine loads only when something changed.
  const { folderFingerprint, createGitRunner } = scanReuseModule();
  const fingerprint = await folderFingerprint(folder, createGitRunner(folder), [`engine ${engineIdentity()}`, `authors ${[...authors].sort().join(' ')}`], now);
  if (fingerprint === undefined) {
    return undefined;
  }
  return {
    stored: store.read(folder, fingerprint.key),
    asked: { files: { files: fingerprint.files, source: 'git' }, gitConfig: fingerprint.config },
    keep(scan) {
      if (fingerprint.settled && keepable(scan)) {
        store.write(folder, fingerprint.key, scan);
      }
    },
  };
}

/**
 * Only a complete, quiet scan is kept: one with a warning (git failed, a listing fell back to a crawl, a
 * limit was reached) may come out differently next time.
 */
export function keepable(scan: FolderScan): boolean {
  return scan.warnings.length === 0 && scan.durationMs < MAX_KEPT_SCAN_MS && scan.files?.source !== 'crawl';
}

/** The engine that made a result: its version and its bundle's file, so a rebuilt or updated engine never reuses one. */
export function engineIdentity(file: string = bundleFile('detection')): string {
  try {
    const stat = statSync(file, { bigint: true });
    return `${packageVersion()} ${file} ${stat.size} ${stat.mtimeNs}`;
  } catch {
    return `${packageVersion()} ${file} missing`;
  }
}

/** `$XDG_CACHE_HOME/backend-roadmap/scans` or `~/.cache/backend-roadmap/scans`. */
export function defaultScanStoreFolder(): string {
  return userCacheFolder('scans');
}
