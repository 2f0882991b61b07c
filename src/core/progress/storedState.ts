import { agree, plural } from '../text/plural';
import { describeSkipped } from './snapshot';
import type { SkippedRecord } from './snapshot';
import { isRecord } from './validate';

/**
 * Stored values that could not be read are kept aside, verbatim, in a bounded list (newest last) in
 * storage that is not synced: nothing unreadable is ever overwritten without a copy being kept first.
 */
export interface ProgressBackup {
  readonly savedAt: string;
  readonly reason: string;
  readonly data: unknown;
}

export const MAX_BACKUPS = 5;

/** The JSON text of a value, or undefined when it has none (too deep, cyclic): the key for "already kept". */
export function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads a stored list of backups without losing any entry: an entry that is not a backup (or a value
 * that is not a list) is itself kept, wrapped as a backup.
 */
export function readBackupList(raw: unknown): ProgressBackup[] {
  if (raw === undefined || raw === null) {
    return [];
  }
  const entries: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  return entries.map((entry) =>
    isRecord(entry) && typeof entry.savedAt === 'string' && typeof entry.reason === 'string' && Object.hasOwn(entry, 'data')
      ? { savedAt: entry.savedAt, reason: entry.reason, data: entry.data }
      : { savedAt: '', reason: 'a backup entry in an unknown shape', data: entry },
  );
}

/** A copy of `data` that storage can hold: the value itself through JSON, or a note of why it could not be copied. */
export function storableCopy(data: unknown): unknown {
  const json = jsonOf(data);
  return json === undefined ? { notStorable: 'the unreadable value could not be converted to JSON (too deeply nested or cyclic)' } : (JSON.parse(json) as unknown);
}

export interface BackupAdded {
  readonly backups: readonly ProgressBackup[];
  /** The oldest backup, dropped to stay within the bound. */
  readonly dropped?: ProgressBackup;
}

export function addBackup(backups: readonly ProgressBackup[], backup: ProgressBackup): BackupAdded {
  const all = [...backups, backup];
  return all.length > MAX_BACKUPS ? { backups: all.slice(1), dropped: all[0] } : { backups: all };
}

export function isAlreadyKept(backups: readonly ProgressBackup[], json: string | undefined): boolean {
  return json !== undefined && backups.some((backup) => jsonOf(backup.data) === json);
}

/** What the learner is told when stored progress could not be read completely. */
export interface UnreadableProgress {
  /** Why the value as a whole could not be read, when it could not. */
  readonly reason?: string;
  readonly skipped: readonly SkippedRecord[];
  readonly salvaged: number;
  readonly backup: { readonly kept: true; readonly count: number; readonly dropped?: ProgressBackup } | { readonly kept: false; readonly error: string };
}

/** The truth about unreadable saved progress: what could not be read, what was kept and where, what to do. */
export function unreadableMessage(notice: UnreadableProgress): string {
  const what =
    notice.reason !== undefined
      ? `Backend Roadmap could not read your saved progress (${notice.reason}).`
      : `Backend Roadmap could not read ${plural(notice.skipped.length, 'record')} of your saved progress: ${describeSkipped(notice.skipped)}.`;
  const salvaged = notice.reason !== undefined ? ' Progress starts empty in this window for now.' : ` The ${plural(notice.salvaged, 'readable record')} ${agree(notice.salvaged, 'was', 'were')} kept.`;
  if (!notice.backup.kept) {
    return `${what}${salvaged} The unreadable value could NOT be backed up (${notice.backup.error}), so it was left as it is: nothing is saved until it can be. Close other Backend Roadmap windows and reload this one.`;
  }
  const dropped = notice.backup.dropped ? ` The oldest backup (saved ${notice.backup.dropped.savedAt || 'at an unknown time'}) was dropped to make room; at most ${MAX_BACKUPS} are kept.` : '';
  return `${what}${salvaged} The whole stored value was kept as a backup in this machine's extension storage (${plural(notice.backup.count, 'backup')} kept, not synced).${dropped} Choose "Export the Backup" to save the backups to a file; "Backend Roadmap: Import Progress" reads that file back.`;
}
