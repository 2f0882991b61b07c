import * as vscode from 'vscode';
import type { MergeSummary } from '../core/progress/exchange';
import type { Evidence, ProgressMap, SkillProgress, SkillState } from '../core/progress/model';
import { ProgressStore } from '../core/progress/progressStore';
import type { ProgressChange, ProgressNotice } from '../core/progress/progressStore';
import type { EvidenceResult } from '../core/progress/rules';
import type { ProgressBackup } from '../core/progress/storedState';
import type { Roadmap, Skill } from '../core/roadmap/model';
import { unreadableMessage } from '../core/progress/storedState';
import { CommandId } from '../core/view/commandIds';
import { plural } from '../core/text/plural';
import { Disposable } from './lifecycle';
import type { Logger } from './logger';
import type { Storage } from './storage';
import { errorMessage } from '../core/errorMessage';

export type { ProgressChange } from '../core/progress/progressStore';

/**
 * The learner's progress in this window: the core ProgressStore (one write chain, merge on every write,
 * backups of whatever cannot be read) over globalState, with its notices shown to the learner.
 */
export class ProgressService extends Disposable {
  private readonly core: ProgressStore;
  private readonly changed = this._register(new vscode.EventEmitter<ProgressChange>());
  readonly onDidChange = this.changed.event;

  constructor(
    storage: Storage,
    private readonly logger: Logger,
    now: () => Date = () => new Date(),
  ) {
    super();
    this.core = new ProgressStore(storage.keyValueStore(), {
      now,
      onChange: (change) => this.changed.fire(change),
      onNotice: (notice) => this.show(notice),
    });
  }

  get all(): ProgressMap {
    return this.core.all;
  }

  get(skillId: string): SkillProgress {
    return this.core.get(skillId);
  }

  /** Settings Sync or another window may have changed the stored progress: merge it in. Called when the window gains focus. */
  reloadIfChangedElsewhere(): void {
    this.core.reloadIfChangedElsewhere();
  }

  setState(skillId: string, state: SkillState, note?: string): Promise<void> {
    return this.core.setState(skillId, state, note);
  }

  setNote(skillId: string, note: string): Promise<void> {
    return this.core.setNote(skillId, note);
  }

  addCompletingEvidence(skillId: string, evidence: readonly Evidence[]): Promise<EvidenceResult> {
    return this.core.addCompletingEvidence(skillId, evidence);
  }

  /** A passed self-check: appends its evidence, and marks the skill done when its rule is met by the pass alone. */
  recordQuizPass(skill: Skill, evidence: Evidence): Promise<EvidenceResult> {
    return this.core.recordQuizPass(skill, evidence);
  }

  /** Records a spaced review of the skill's passed self-check; the state stays as it is. */
  recordReview(skillId: string, passed: boolean): Promise<void> {
    return this.core.recordReview(skillId, passed);
  }

  importProgress(imported: ProgressMap, knownSkill: (id: string) => boolean): Promise<MergeSummary> {
    return this.core.importProgress(imported, knownSkill);
  }

  /**
   * Reads progress for this roadmap from now on: records kept under a skill's former ids count for its
   * current id (and stay stored under the old ids). Call it whenever the roadmap loads or changes.
   */
  useRoadmap(roadmap: Roadmap): Promise<void> {
    return this.core.useRoadmap(roadmap);
  }

  /** Replaces everything (reset). */
  replaceAll(progress: ProgressMap): Promise<void> {
    return this.core.replaceAll(progress);
  }

  /** The unreadable stored values kept aside, oldest first. */
  backups(): readonly ProgressBackup[] {
    return this.core.backups();
  }

  /** Resolves when every write so far (changes, migration, backups) has reached storage. */
  flush(): Promise<void> {
    return this.core.flush();
  }

  private show(notice: ProgressNotice): void {
    switch (notice.kind) {
      case 'migrated':
        this.logger.info(`Progress migrated from version ${notice.from}`);
        return;
      case 'reloaded':
        this.logger.info(`Progress changed in storage (Settings Sync or another window): merged ${plural(notice.skillIds.length, 'skill')}`);
        return;
      case 'saveFailed': {
        this.logger.error('Could not save progress', notice.error);
        const why = errorMessage(notice.error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Backend Roadmap could not save your progress: {0}. Use "Backend Roadmap: Export Progress" to keep a copy.', why));
        return;
      }
      case 'unreadable': {
        const message = unreadableMessage(notice);
        this.logger.error(message);
        const choices = notice.backup.kept ? [vscode.l10n.t('Export the Backup')] : [];
        void vscode.window.showWarningMessage(message, ...choices).then((choice) => {
          if (choice) {
            void vscode.commands.executeCommand(CommandId.ExportProgress, { backup: true });
          }
        });
        return;
      }
    }
  }
}
