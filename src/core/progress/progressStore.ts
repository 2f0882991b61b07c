import { plural } from '../text/plural';
import { mergeProgress } from './exchange';
import type { MergeSummary } from './exchange';
import { changedSkillIds, combineWithStored } from './merge';
import { applyFormerIds } from './formerIds';
import { isKnownSkillId } from '../roadmap/formerIds';
import type { Evidence, ProgressMap, SkillProgress, SkillState } from './model';
import { applyCompletingEvidence, progressOf, setStateByLearner } from './rules';
import { applyQuizPass } from '../quiz/passRecord';
import type { Roadmap, Skill } from '../roadmap/model';
import type { EvidenceResult } from './rules';
import { describeSkipped, readSnapshot, toSnapshot } from './snapshot';
import type { SkippedRecord } from './snapshot';
import { addBackup, isAlreadyKept, jsonOf, readBackupList, storableCopy } from './storedState';
import type { ProgressBackup, UnreadableProgress } from './storedState';
import { recordReview } from '../plan/review';
import { errorMessage } from '../errorMessage';

/** What the store needs from storage; VS Code's `Memento` (globalState) satisfies it. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The keys the store uses, relative to whatever prefix the KeyValueStore adds. */
export const PROGRESS_KEYS = {
  progress: 'progress',
  backups: 'progressBackups',
  /** The single backup older versions kept; folded into the list on the next backup. */
  legacyBackup: 'progressBackup',
} as const;

/** Which skills changed; undefined means "everything" (import, reset, a reload). */
export interface ProgressChange {
  readonly skillIds?: readonly string[];
}

export type ProgressNotice =
  | ({ readonly kind: 'unreadable' } & UnreadableProgress)
  | { readonly kind: 'migrated'; readonly from: number }
  | { readonly kind: 'reloaded'; readonly skillIds: readonly string[] }
  | { readonly kind: 'saveFailed'; readonly error: unknown };

export interface ProgressStoreOptions {
  readonly now: () => Date;
  readonly onChange: (change: ProgressChange) => void;
  readonly onNotice: (notice: ProgressNotice) => void;
}

interface StoredValue {
  readonly raw: unknown;
  readonly json: string | undefined;
  /** Every readable record of the stored value. */
  readonly progress: ProgressMap;
  /** False when the value, or any record in it, could not be read. */
  readonly readable: boolean;
  readonly reason?: string;
  readonly skipped: readonly SkippedRecord[];
  readonly migratedFrom?: number;
}

/** How often a write retries backing up a stored value that keeps changing under it before giving up. */
const BACKUP_ATTEMPTS = 5;

/**
 * The learner's progress, shared by every window (and, through Settings Sync, every machine) in one
 * stored value. It is kept in memory and written through one chain of writes, in order:
 * - every write first reads what is stored and merges per skill (this window's unwritten changes win,
 *   other skills take the newer record, evidence is united), so no window writes a stale copy over
 *   another's change;
 * - a stored value that cannot be read completely is backed up before anything overwrites it, and its
 *   readable records are kept;
 * - migration and backup writes go through the same chain, so `flush()` waits for every write.
 */
export class ProgressStore {
  private memory: ProgressMap | undefined;
  /** Skills changed in this window and not written yet; 'all' after a reset. */
  private unwritten: Set<string> | 'all' = new Set();
  private chain: Promise<void> = Promise.resolve();
  private pendingSteps = 0;
  private reloadQueued = false;
  /** The stored value as this window last read or wrote it. */
  private lastSeenJson: string | undefined;
  /** The unreadable value last reported, so one value is reported once. */
  private reportedJson: string | undefined;
  /** The last unreadable value backed up, for values JSON cannot compare (too deep). */
  private lastKeptRaw: unknown;
  /** The roadmap progress is read for: records under its skills' former ids are taken in by the current ids. */
  private roadmap: Roadmap | undefined;

  constructor(
    private readonly storage: KeyValueStore,
    private readonly options: ProgressStoreOptions,
  ) {}

  get all(): ProgressMap {
    if (this.memory === undefined) {
      return this.load();
    }
    return this.memory;
  }

  get(skillId: string): SkillProgress {
    return progressOf(this.all, skillId);
  }

  /** The unreadable values kept aside, oldest first (including the one backup older versions kept). */
  backups(): readonly ProgressBackup[] {
    return [...readBackupList(this.storage.get(PROGRESS_KEYS.legacyBackup)), ...readBackupList(this.storage.get(PROGRESS_KEYS.backups))];
  }

  setState(skillId: string, state: SkillState, note?: string): Promise<void> {
    return this.change(setStateByLearner(this.all, skillId, state, this.options.now(), note), [skillId]);
  }

  setNote(skillId: string, note: string): Promise<void> {
    const current = this.get(skillId);
    const { note: _previousNote, ...rest } = current;
    const record: SkillProgress = note.trim() === '' ? rest : { ...rest, note: note.trim() };
    return this.change({ ...this.all, [skillId]: { ...record, at: current.at || this.options.now().toISOString() } }, [skillId]);
  }

  async addCompletingEvidence(skillId: string, evidence: readonly Evidence[]): Promise<EvidenceResult> {
    const result = applyCompletingEvidence(this.all, skillId, evidence, this.options.now());
    if (result.outcome !== 'unchanged') {
      await this.change(result.progress, [skillId]);
    }
    return result;
  }

  /** Records a passed self-check on its skill (src/core/quiz/passRecord.ts decides whether that marks it done). */
  async recordQuizPass(skill: Skill, evidence: Evidence): Promise<EvidenceResult> {
    const result = applyQuizPass(this.all, skill, evidence, this.options.now());
    await this.change(result.progress, [skill.id]);
    return result;
  }

  /** Records a spaced review of the skill's passed self-check (src/core/plan/review.ts); the state stays as it is. */
  recordReview(skillId: string, passed: boolean): Promise<void> {
    return this.change(recordReview(this.all, skillId, passed, this.options.now()), [skillId]);
  }

  /**
   * Merges imported progress into the freshest copy (newest record per skill wins) and saves it. Records of
   * skills the roadmap does not have are kept too (retired); a record under a former id counts as known.
   */
  async importProgress(imported: ProgressMap, knownSkill: (id: string) => boolean): Promise<MergeSummary> {
    this.reloadIfChangedElsewhere();
    const before = this.all;
    const roadmap = this.roadmap;
    const summary = mergeProgress(before, imported, (id) => knownSkill(id) || (roadmap !== undefined && isKnownSkillId(roadmap, id)));
    const progress = this.forRoadmap(summary.progress);
    await this.change(progress, changedSkillIds(before, progress));
    return { ...summary, progress };
  }

  /**
   * Reads progress for `roadmap` from now on (call it whenever the roadmap loads or changes): a skill with
   * records under former ids gets their combined record under its current id, saved through the one write
   * chain. The records under the former ids are never removed, so going back to older content finds them
   * as they were (src/core/progress/formerIds.ts).
   */
  useRoadmap(roadmap: Roadmap): Promise<void> {
    this.roadmap = roadmap;
    if (this.memory === undefined) {
      // Not read yet: load() applies it.
      return this.chain;
    }
    const before = this.memory;
    const after = this.forRoadmap(before);
    const changed = changedSkillIds(before, after);
    return changed.length === 0 ? this.chain : this.change(after, changed);
  }

  /** Replaces everything (reset): what other windows stored is not merged back. */
  replaceAll(progress: ProgressMap): Promise<void> {
    this.memory = progress;
    this.unwritten = 'all';
    this.options.onChange({});
    return this.enqueue(() => this.persist());
  }

  /** Resolves when every write so far (changes, migration, backups) has reached storage. */
  flush(): Promise<void> {
    return this.chain;
  }

  /**
   * Takes what another window or Settings Sync stored, merged per skill with this window's progress.
   * While this window's own writes are queued it waits for them (they merge what is stored anyway).
   */
  reloadIfChangedElsewhere(): void {
    if (this.memory === undefined) {
      return;
    }
    if (this.pendingSteps > 0) {
      if (!this.reloadQueued) {
        this.reloadQueued = true;
        void this.enqueue(() => {
          this.reloadQueued = false;
          return this.persist();
        });
      }
      return;
    }
    const stored = this.readStored();
    if (stored.json !== undefined && stored.json === this.lastSeenJson) {
      return;
    }
    // Unreadable values are backed up first, and changes left unwritten by a failed write must win: both in the chain.
    if (!stored.readable || this.unwritten === 'all' || this.unwritten.size > 0) {
      void this.enqueue(() => this.persist());
      return;
    }
    const merged = this.absorb(stored);
    this.lastSeenJson = stored.json;
    if (changedSkillIds(stored.progress, merged).length > 0) {
      void this.enqueue(() => this.persist());
    }
  }

  private load(): ProgressMap {
    const stored = this.readStored();
    const progress = this.forRoadmap(stored.progress);
    this.memory = progress;
    this.lastSeenJson = stored.json;
    if (stored.migratedFrom !== undefined) {
      this.options.onNotice({ kind: 'migrated', from: stored.migratedFrom });
    }
    if (!stored.readable || stored.migratedFrom !== undefined || progress !== stored.progress) {
      void this.enqueue(() => this.persist());
    }
    return progress;
  }

  /** `progress` with former ids read under current ones, when a roadmap is known; the same object when nothing changes. */
  private forRoadmap(progress: ProgressMap): ProgressMap {
    return this.roadmap === undefined ? progress : applyFormerIds(this.roadmap, progress);
  }

  private change(progress: ProgressMap, skillIds: readonly string[]): Promise<void> {
    this.memory = progress;
    if (this.unwritten !== 'all') {
      for (const id of skillIds) {
        this.unwritten.add(id);
      }
    }
    this.options.onChange({ skillIds });
    return this.enqueue(() => this.persist());
  }

  /** Adds a step to the one write chain. The chain never rejects: a failed step is reported and the next one runs. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    this.pendingSteps++;
    const run = this.chain
      .then(step)
      .catch((error: unknown) => {
        this.options.onNotice({ kind: 'saveFailed', error });
      })
      .finally(() => {
        this.pendingSteps--;
      });
    this.chain = run;
    return run;
  }

  /**
   * One step of the chain: back up what is stored if it is unreadable, merge it with this window's
   * progress, and write the result when it holds something the stored value lacks.
   */
  private async persist(): Promise<void> {
    const stored = await this.readStoredKeepingUnreadable();
    // From here to the write nothing awaits: no change can slip in between the read and the merge.
    const unwritten = this.unwritten;
    this.unwritten = new Set();
    const merged = unwritten === 'all' ? this.all : this.absorb(stored, unwritten);
    const hasNews = unwritten === 'all' || unwritten.size > 0 || (stored.readable && (stored.migratedFrom !== undefined || changedSkillIds(stored.progress, merged).length > 0));
    if (!hasNews) {
      this.lastSeenJson = stored.json;
      return;
    }
    const snapshot = toSnapshot(merged);
    try {
      await this.storage.update(PROGRESS_KEYS.progress, snapshot);
    } catch (error) {
      this.markUnwritten(unwritten);
      throw error;
    }
    this.lastSeenJson = jsonOf(snapshot);
  }

  private markUnwritten(ids: Set<string> | 'all'): void {
    if (ids === 'all' || this.unwritten === 'all') {
      this.unwritten = 'all';
      return;
    }
    for (const id of ids) {
      this.unwritten.add(id);
    }
  }

  /** Merges the stored records into memory (this window's unwritten skills win) and tells listeners what changed. */
  private absorb(stored: StoredValue, changedHere: ReadonlySet<string> = new Set()): ProgressMap {
    const before = this.all;
    // Stored records may include former ids (another window or machine with older content): read them for this roadmap.
    const merged = this.forRoadmap(combineWithStored(before, stored.progress, changedHere));
    const changed = changedSkillIds(before, merged);
    this.memory = merged;
    if (changed.length > 0) {
      this.options.onNotice({ kind: 'reloaded', skillIds: changed });
      this.options.onChange({ skillIds: changed });
    }
    return merged;
  }

  private readStored(): StoredValue {
    const raw = this.storage.get(PROGRESS_KEYS.progress);
    const json = jsonOf(raw);
    const read = readSnapshot(raw, this.options.now());
    if (!read.ok) {
      return { raw, json, progress: {}, readable: false, reason: read.reason, skipped: [] };
    }
    const base = { raw, json, progress: read.progress, readable: read.skipped.length === 0, skipped: read.skipped };
    return read.migratedFrom === undefined ? base : { ...base, migratedFrom: read.migratedFrom };
  }

  /** Reads the stored value, first backing it up if it is unreadable and not kept yet. */
  private async readStoredKeepingUnreadable(): Promise<StoredValue> {
    for (let attempt = 0; attempt < BACKUP_ATTEMPTS; attempt++) {
      const stored = this.readStored();
      if (stored.readable || !(await this.keepBackup(stored))) {
        return stored;
      }
      // Writing the backup took time: read again, in case the stored value changed meanwhile.
    }
    throw new Error('the saved progress kept changing while it was being backed up; nothing was overwritten');
  }

  /** Keeps an unreadable stored value in the backup list. Returns false when it was kept already. */
  private async keepBackup(stored: StoredValue): Promise<boolean> {
    const legacy = readBackupList(this.storage.get(PROGRESS_KEYS.legacyBackup));
    const backups = [...legacy, ...readBackupList(this.storage.get(PROGRESS_KEYS.backups))];
    const salvaged = Object.keys(stored.progress).length;
    const base = { skipped: stored.skipped, salvaged, ...(stored.reason !== undefined ? { reason: stored.reason } : {}) };
    if (isAlreadyKept(backups, stored.json) || (stored.json === undefined && stored.raw === this.lastKeptRaw)) {
      this.report(stored.json, { ...base, backup: { kept: true, count: backups.length } });
      return false;
    }
    const reason = stored.reason ?? `${plural(stored.skipped.length, 'record')} could not be read: ${describeSkipped(stored.skipped)}`;
    const { backups: next, dropped } = addBackup(backups, { savedAt: this.options.now().toISOString(), reason, data: storableCopy(stored.raw) });
    try {
      await this.storage.update(PROGRESS_KEYS.backups, next);
      if (legacy.length > 0) {
        await this.storage.update(PROGRESS_KEYS.legacyBackup, undefined);
      }
    } catch (error) {
      this.report(stored.json, { ...base, backup: { kept: false, error: errorMessage(error) } });
      throw error;
    }
    this.lastKeptRaw = stored.raw;
    this.report(stored.json, { ...base, backup: { kept: true, count: next.length, ...(dropped ? { dropped } : {}) } });
    return true;
  }

  private report(json: string | undefined, notice: UnreadableProgress): void {
    if (json !== undefined && json === this.reportedJson && notice.backup.kept) {
      return;
    }
    this.reportedJson = json;
    this.options.onNotice({ kind: 'unreadable', ...notice });
  }
}
