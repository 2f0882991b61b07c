import * as vscode from 'vscode';
import { MILESTONES } from '../../core/milestones/catalog';
import { scanFolder } from '../../core/milestones/engine';
import type { FolderScan } from '../../core/milestones/engine';
import { MilestoneLedger } from '../../core/milestones/ledger';
import { RecheckQueue } from '../../core/milestones/recheckQueue';
import type { Evidence } from '../../core/progress/model';
import { evaluateRule, skillsUsingMilestones } from '../../core/progress/detection';
import type { Skill } from '../../core/roadmap/model';
import { CommandId } from '../commandIds';
import { getConfig, onDidChangeConfig } from '../config';
import { Disposable } from '../lifecycle';
import type { Services } from '../services';
import type { DetectionInfo } from '../webview/viewModels';
import { showEvidence } from './evidenceViewer';
import { FolderWatchers } from './folderWatchers';
import { localFolders } from './localFolders';
import { runMyTests } from './runMyTests';
import { TestRunListener } from './testRunListener';

const ALL_MILESTONES: ReadonlySet<string> = new Set(MILESTONES.map((m) => m.id));

/** Startup scans wait a little so they never compete with the window opening. */
const STARTUP_DELAY_MS = 1500;

/**
 * Automatic milestone detection in the open workspace: scans each folder, re-checks only what a change
 * can affect, listens for test runs, and turns completed `detect` rules into done skills with evidence.
 */
export class DetectionService extends Disposable {
  private readonly ledger = new MilestoneLedger();
  private readonly queue = new RecheckQueue(async (folder, ids) => {
    await this.scan(folder, ids);
  });
  private watchers: FolderWatchers | undefined;
  private started = false;
  private scanning = 0;
  private readonly scanned = this._register(new vscode.EventEmitter<FolderScan>());
  /** Fires after every scan, full or partial (tests wait on it). */
  readonly onDidScan = this.scanned.event;

  constructor(private readonly services: Services) {
    super();
    this._register({ dispose: () => this.queue.dispose() });
  }

  /** Called from activate(): sets up listeners only; the first scan runs later, off the activation path. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this._register(new TestRunListener((folder, evidence) => void this.recordEvent(folder, evidence), this.services.logger));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) {
        this.ledger.forget(removed.uri.fsPath);
      }
      this.restartWatchers();
      for (const added of event.added) {
        this.queue.add(added.uri.fsPath, ALL_MILESTONES, 0);
      }
    }));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      this.updateViewMessage();
      void this.recheckAll(false);
    }));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('detection.enabled')) {
          this.restartWatchers();
          this.updateViewMessage();
          if (getConfig('detection.enabled')) {
            void this.recheckAll(false);
          }
        }
      }),
    );
    this.updateViewMessage();
    const timer = setTimeout(() => {
      this.restartWatchers();
      if (getConfig('detection.enabled')) {
        void this.recheckAll(false);
      }
    }, STARTUP_DELAY_MS);
    this._register({ dispose: () => clearTimeout(timer) });
  }

  /** Scans every folder from scratch. */
  async recheckAll(interactive: boolean): Promise<void> {
    const folders = localFolders();
    if (folders.length === 0) {
      if (interactive) {
        void vscode.window.showInformationMessage('Backend Roadmap checks your own projects: open a folder (File > Open Folder) and run "Re-check Workspace" again.');
      }
      return;
    }
    if (!getConfig('detection.enabled') && interactive) {
      void vscode.window.showInformationMessage('Automatic checks are off. Turn on the setting "backendRoadmap.detection.enabled" to let Backend Roadmap check your workspace.');
      return;
    }
    const before = this.ledger.present().size;
    const newlyDone: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Backend Roadmap: checking workspace' }, async () => {
      for (const folder of folders) {
        newlyDone.push(...(await this.scan(folder.uri.fsPath, ALL_MILESTONES)));
      }
    });
    if (interactive) {
      const present = this.ledger.present().size;
      const proved = newlyDone.length > 0 ? ` ${newlyDone.length} skill(s) newly proved.` : ' No new skills proved.';
      void vscode.window.showInformationMessage(`Backend Roadmap checked ${folders.length} folder(s): ${present} of ${ALL_MILESTONES.size} milestones present${present > before ? ` (${present - before} new)` : ''}.${proved}`);
    }
  }

  /** Waits until queued and running re-checks are done (for tests and the CLI-like command). */
  async idle(): Promise<void> {
    await this.queue.idle();
    while (this.scanning > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  runMyTests(): Promise<void> {
    return runMyTests(this.services.logger);
  }

  showEvidence(skillId?: string, index?: number): Promise<void> {
    return showEvidence(this.services, skillId, index);
  }

  info(): DetectionInfo {
    return {
      milestoneStatus: (id) => this.ledger.summary(id),
      limitation: this.limitation(),
    };
  }

  private limitation(): string | undefined {
    if (!getConfig('detection.enabled')) {
      return 'Automatic checks are off (setting "backendRoadmap.detection.enabled"). Mark the skill yourself, or turn them on.';
    }
    if (localFolders().length === 0) {
      return 'Open a project folder: Backend Roadmap checks your own code and marks skills it proves.';
    }
    if (!vscode.workspace.isTrusted) {
      return 'This workspace is in Restricted Mode: git and test commands do not run, so git and test milestones are not checked. File-based checks still work. Trust the folder to turn them on.';
    }
    return undefined;
  }

  private updateViewMessage(): void {
    const message = !getConfig('detection.enabled') ? 'Automatic checks are off.' : !vscode.workspace.isTrusted ? 'Restricted Mode: git and test checks are off until you trust this folder; file checks still run.' : undefined;
    this.services.setViewMessage(message);
  }

  private restartWatchers(): void {
    this.watchers?.dispose();
    this.watchers = undefined;
    if (getConfig('detection.enabled')) {
      this.watchers = new FolderWatchers(localFolders(), (folder, ids, quietMs) => this.queue.add(folder, ids, quietMs));
    }
  }

  /** Scans `ids` in `folder`, records the facts, and applies completed rules. Returns newly done skill ids. */
  private async scan(folder: string, ids: ReadonlySet<string>): Promise<string[]> {
    if (!getConfig('detection.enabled')) {
      return [];
    }
    this.scanning++;
    try {
      const result = await scanFolder(folder, { allowGit: vscode.workspace.isTrusted, only: ids });
      for (const warning of result.warnings) {
        this.services.logger.warn(`${folder}: ${warning}`);
      }
      this.services.logger.info(`Checked ${ids.size === ALL_MILESTONES.size ? 'all milestones' : [...ids].join(', ')} in ${folder} (${result.filesListed} files, ${result.durationMs} ms)`);
      this.ledger.record(folder, result.milestones);
      const done = await this.applyRules(new Set(result.milestones.map((m) => m.id)));
      this.scanned.fire(result);
      this.services.panel.refresh();
      return done;
    } catch (error) {
      this.services.logger.error(`Checking ${folder} failed`, error);
      return [];
    } finally {
      this.scanning--;
    }
  }

  private async recordEvent(folder: string, evidence: Evidence): Promise<void> {
    this.ledger.addEvidence(folder, evidence);
    this.services.logger.info(`${evidence.summary} in ${folder}`);
    await this.applyRules(new Set([evidence.milestone]));
    this.services.panel.refresh();
  }

  /** Marks skills whose rules the ledger now completes; returns the ids a detector newly marked done. */
  private async applyRules(changed: ReadonlySet<string>): Promise<string[]> {
    const roadmap = (await this.services.roadmaps.load()).roadmap;
    if (!roadmap) {
      return [];
    }
    const present = this.ledger.present();
    const markedDone: Skill[] = [];
    const learnerDecides: Skill[] = [];
    for (const skill of skillsUsingMilestones(roadmap, changed)) {
      if (!skill.detect || !evaluateRule(skill.detect, present).complete) {
        continue;
      }
      // What just changed comes first: it is what completed the rule, and what the notification cites.
      const evidence = [...this.ledger.evidenceFor(skill.detect)].sort((a, b) => Number(changed.has(b.milestone)) - Number(changed.has(a.milestone)));
      const result = await this.services.progress.addCompletingEvidence(skill.id, evidence);
      if (result.outcome === 'markedDone') {
        markedDone.push(skill);
      } else if (result.outcome === 'learnerDecides') {
        learnerDecides.push(skill);
      }
    }
    this.notify(markedDone, learnerDecides);
    return markedDone.map((skill) => skill.id);
  }

  private notify(markedDone: readonly Skill[], learnerDecides: readonly Skill[]): void {
    if (!getConfig('detection.notifications')) {
      return;
    }
    const [first] = markedDone;
    if (first && markedDone.length === 1) {
      const proof = this.services.progress.get(first.id).evidence[0];
      void vscode.window.showInformationMessage(`Backend Roadmap: "${first.title}" is done${proof ? `, proved by ${proof.summary}` : ''}.`, 'Show Evidence').then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand(CommandId.ShowSkill, first.id);
        }
      });
    } else if (markedDone.length > 1) {
      const names = markedDone.slice(0, 4).map((skill) => skill.title).join(', ');
      void vscode.window.showInformationMessage(`Backend Roadmap: your workspace proves ${markedDone.length} skills: ${names}${markedDone.length > 4 ? ', …' : ''}.`, 'Open Dashboard').then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand(CommandId.OpenDashboard);
        }
      });
    }
    for (const skill of learnerDecides.slice(0, 2)) {
      void vscode.window.showInformationMessage(`Backend Roadmap: your workspace shows "${skill.title}", which you set by hand. Mark it done?`, 'Mark Done', 'Show Evidence').then((choice) => {
        if (choice === 'Mark Done') {
          void vscode.commands.executeCommand(CommandId.MarkDone, skill.id);
        } else if (choice) {
          void vscode.commands.executeCommand(CommandId.ShowSkill, skill.id);
        }
      });
    }
  }

  override dispose(): void {
    this.watchers?.dispose();
    super.dispose();
  }
}
