import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../progress/validate';
import type { FolderScan } from './engine';

/**
 * The last scan of each folder, kept with the fingerprint of what it read (src/core/scan/folderFingerprint.ts),
 * so that `backend-roadmap scan` of a repository in which nothing changed answers with that scan instead
 * of doing it again. Only an exactly equal fingerprint returns a result: a result is never patched or
 * guessed. The files hold what the scan report shows (paths, lines, commits, the learner's emails) and
 * nothing else, readable by their owner only.
 */
export interface ScanResultStore {
  /** The scan kept for `folder` under exactly `key`; undefined when there is none, or it cannot be read. */
  read(folder: string, key: string): StoredScan | undefined;
  /** Keeps `scan` for `folder` under `key`, replacing the folder's previous one; failures are ignored. */
  write(folder: string, key: string, scan: FolderScan): void;
}

/** A kept scan and when it ran. */
export interface StoredScan {
  readonly scan: FolderScan;
  readonly savedAt: string;
}

/** Bumped whenever FolderScan or the key's parts change meaning: older files are then never read. */
const STORE_FORMAT = 1;
/** Folders kept at most; the least recently written go first. */
export const MAX_STORED_FOLDERS = 64;

interface StoredFile {
  readonly format: number;
  readonly folder: string;
  readonly key: string;
  readonly savedAt: string;
  readonly scan: FolderScan;
}

export function scanResultStoreIn(directory: string, now: () => Date = () => new Date()): ScanResultStore {
  const fileOf = (folder: string): string => path.join(directory, `${folderName(folder)}.json`);
  return {
    read(folder, key) {
      let stored: unknown;
      try {
        stored = JSON.parse(readFileSync(fileOf(folder), 'utf8'));
      } catch {
        return undefined;
      }
      return isStoredFile(stored) && stored.format === STORE_FORMAT && stored.folder === folder && stored.key === key ? { scan: stored.scan, savedAt: stored.savedAt } : undefined;
    },
    write(folder, key, scan) {
      // The file list is for the extension's incremental re-checks; a report never needs it.
      const stored: StoredFile = { format: STORE_FORMAT, folder, key, savedAt: now().toISOString(), scan: { ...scan, files: undefined } };
      try {
        mkdirSync(directory, { recursive: true, mode: 0o700 });
        const file = fileOf(folder);
        // Written aside and renamed: two scans at once never read half a file.
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, JSON.stringify(stored), { mode: 0o600 });
        renameSync(partial, file);
        prune(directory);
      } catch {
        // A read-only home or a full disk: the next scan just runs in full.
      }
    },
  };
}

/** Removes the least recently written files past MAX_STORED_FOLDERS. */
function prune(directory: string): void {
  const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
  if (files.length <= MAX_STORED_FOLDERS) {
    return;
  }
  const byAge = files.map((name) => ({ name, mtime: statSync(path.join(directory, name)).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
  for (const { name } of byAge.slice(0, files.length - MAX_STORED_FOLDERS)) {
    unlinkSync(path.join(directory, name));
  }
}

/**
 * A file name for a folder's path: FNV-1a, twice with different seeds (no node:crypto to load). The path
 * itself is stored and compared, so two folders with the same name only replace each other's scan.
 */
function folderName(folder: string): string {
  const fnv = (seed: number): string => {
    let hash = seed;
    for (let i = 0; i < folder.length; i++) {
      hash ^= folder.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return `${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
}

function isStoredFile(value: unknown): value is StoredFile {
  if (!isRecord(value) || !isRecord(value.scan)) {
    return false;
  }
  const scan = value.scan;
  return (
    typeof value.format === 'number' &&
    typeof value.folder === 'string' &&
    typeof value.key === 'string' &&
    typeof value.savedAt === 'string' &&
    typeof scan.folder === 'string' &&
    Array.isArray(scan.milestones) &&
    Array.isArray(scan.warnings) &&
    Array.isArray(scan.learnerEmails) &&
    typeof scan.durationMs === 'number' &&
    typeof scan.filesListed === 'number' &&
    typeof scan.repository === 'boolean'
  );
}
