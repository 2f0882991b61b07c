import * as vscode from 'vscode';
import type { Evidence, ProgressMap, SkillProgress, SkillState } from '../core/progress/model';
import { applyCompletingEvidence, progressOf, setStateByLearner } from '../core/progress/rules';
import type { EvidenceResult } from '../core/progress/rules';
import { readSnapshot, toSnapshot } from '../core/progress/snapshot';
import { CommandId } from './commandIds';
import { Disposable } from './lifecycle';
import type { Logger } from './logger';
import type { Storage } from './storage';

/** Which skills changed; undefined means "everything" (import, reset). */
export interface ProgressChange {
  readonly skillIds?: readonly string[];
}

/**
 * The learner's progress: read once from storage, kept in memory, written back after every change in
 * order. Unreadable saved progress is moved to a backup key before anything new is written.
 */
export class ProgressService extends Disposable {
  private progress: ProgressMap | undefined;
  private writes: Promise<void> = Promise.resolve();
  private readonly changed = this._register(new vscode.EventEmitter<ProgressChange>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  get all(): ProgressMap {
    this.progress ??= this.read();
    return this.progress;
  }

  /**
   * Settings Sync (or another window) may have changed the stored progress behind our back: take it
   * when it differs from what this window last wrote. Called when the window gains focus.
   */
  reloadIfChangedElsewhere(): void {
    if (this.progress === undefined) {
      return;
    }
    const raw = this.storage.get('progress');
    if (raw === undefined || JSON.stringify(raw) === JSON.stringify(toSnapshot(this.progress))) {
      return;
    }
    const result = readSnapshot(raw, this.now());
    if (result.ok) {
      this.logger.info('Progress changed in storage (Settings Sync or another window): reloaded');
      this.progress = result.progress;
      this.changed.fire({});
    }
  }

  get(skillId: string): SkillProgress {
    return progressOf(this.all, skillId);
  }

  async setState(skillId: string, state: SkillState, note?: string): Promise<void> {
    await this.replace(setStateByLearner(this.all, skillId, state, this.now(), note), [skillId]);
  }

  async setNote(skillId: string, note: string): Promise<void> {
    const current = this.get(skillId);
    const { note: _previousNote, ...rest } = current;
    const record: SkillProgress = note.trim() === '' ? rest : { ...rest, note: note.trim() };
    await this.replace({ ...this.all, [skillId]: { ...record, at: current.at || this.now().toISOString() } }, [skillId]);
  }

  async addCompletingEvidence(skillId: string, evidence: readonly Evidence[]): Promise<EvidenceResult> {
    const result = applyCompletingEvidence(this.all, skillId, evidence, this.now());
    if (result.outcome !== 'unchanged') {
      await this.replace(result.progress, [skillId]);
    }
    return result;
  }

  /** Replaces everything (import, reset). */
  async replaceAll(progress: ProgressMap): Promise<void> {
    await this.replace(progress, undefined);
  }

  /** Resolves when every write so far has reached storage. */
  flush(): Promise<void> {
    return this.writes;
  }

  private async replace(progress: ProgressMap, skillIds: readonly string[] | undefined): Promise<void> {
    this.progress = progress;
    this.changed.fire(skillIds ? { skillIds } : {});
    const snapshot = toSnapshot(progress);
    this.writes = this.writes.then(
      () => this.storage.set('progress', snapshot),
      () => this.storage.set('progress', snapshot),
    );
    try {
      await this.writes;
    } catch (error) {
      this.logger.error('Could not save progress', error);
      void vscode.window.showErrorMessage(`Backend Roadmap could not save your progress: ${error instanceof Error ? error.message : String(error)}. Use "Backend Roadmap: Export Progress" to keep a copy.`);
    }
  }

  private read(): ProgressMap {
    const raw = this.storage.get('progress');
    const result = readSnapshot(raw, this.now());
    if (result.ok) {
      if (result.migratedFrom !== undefined) {
        this.logger.info(`Progress migrated from version ${result.migratedFrom}`);
        void this.storage.set('progress', toSnapshot(result.progress));
      }
      return result.progress;
    }
    // Keep what we could not read, verbatim, before anything overwrites it; never replace an older backup.
    const backup = { savedAt: this.now().toISOString(), reason: result.reason, data: raw };
    if (this.storage.get('progressBackup') === undefined) {
      void this.storage.set('progressBackup', backup);
    }
    this.logger.error(`Saved progress could not be read: ${result.reason}`);
    void vscode.window
      .showWarningMessage(
        `Backend Roadmap could not read your saved progress (${result.reason}). It was kept as a backup and nothing was deleted; progress starts empty for now.`,
        'Export the Backup',
      )
      .then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand(CommandId.ExportProgress, { backup: true });
        }
      });
    return {};
  }
}
