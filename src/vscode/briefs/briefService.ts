import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeBrief, isFinished, readActiveBrief, readFinishedBriefs, withFinished } from '../../core/briefs/briefRecords';
import type { ActiveBrief, FinishedBriefRecord } from '../../core/briefs/briefRecords';
import { checkBrief } from '../../core/briefs/checkBrief';
import { briefFolderChoices } from '../../core/briefs/folderChoices';
import { findBrief, roadmapBriefs } from '../../core/briefs/roadmapBriefs';
import type { StageBrief } from '../../core/briefs/roadmapBriefs';
import { detectionModule } from '../../core/lazy/modules';
import type { Evidence } from '../../core/progress/model';
import type { Roadmap } from '../../core/roadmap/model';
import { buildBriefView } from '../../core/view/briefView';
import type { BriefView } from '../../core/view/briefViewTypes';
import { CommandId } from '../../core/view/commandIds';
import { getConfig } from '../config';
import { openEvidence } from '../detection/evidenceViewer';
import type { DetectionService } from '../detection/detectionService';
import { localFolders } from '../detection/localFolders';
import { Disposable } from '../lifecycle';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import type { Storage } from '../storage';

/** What the details panel asks of project briefs. */
export interface BriefPanelSource {
  /** The brief's page, checked as of now; undefined when the roadmap has no such brief. */
  view(roadmap: Roadmap, briefId: string): BriefView | undefined;
  /** Opens one piece of evidence of the brief on screen (an index of its last view). */
  openEvidence(briefId: string, index: number): Promise<void>;
}

export interface BriefServiceDeps {
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  readonly storage: Storage;
  readonly detection: () => DetectionService;
  readonly logger: Logger;
  /** Brings the brief into the details panel. */
  readonly showBrief: (briefId: string) => void;
  /** Re-renders the details panel when it is open (a completion was recorded). */
  readonly refresh: () => void;
}

/** The result of Start Project, for callers (tests, other commands). */
export interface StartedBrief {
  readonly briefId: string;
  readonly folder: string | undefined;
}

/**
 * Project briefs in the editor: Start Project (which brief, which folder), the brief's page, and its completion.
 * The checklist itself is decided in src/core/briefs from the detection core's per-folder facts; this only feeds
 * it and remembers what the learner chose, through the storage wrapper.
 */
export class BriefService extends Disposable implements BriefPanelSource {
  /** The evidence behind the indexes of the brief page last built. */
  private shown: { readonly briefId: string; readonly evidence: readonly Evidence[] } | undefined;
  private recording: Promise<void> | undefined;

  constructor(private readonly deps: BriefServiceDeps) {
    super();
    // Checks finished, events recorded (test runs) and self-checks passed can each complete the active brief.
    this._register(deps.detection().onDidChange(() => this.checkCompletionSoon()));
    this._register(deps.progress.onDidChange(() => this.checkCompletionSoon()));
  }

  active(): ActiveBrief | undefined {
    return readActiveBrief(this.deps.storage.get('activeBrief'));
  }

  finished(): readonly FinishedBriefRecord[] {
    return readFinishedBriefs(this.deps.storage.get('finishedBriefs'));
  }

  /**
   * Start Project: the brief (asked when not given), the workspace folder it is built in (asked when there are
   * several, the closest first), remembered; then the brief opens in the details panel.
   */
  async start(briefId?: string, folder?: vscode.Uri | string): Promise<StartedBrief | undefined> {
    const roadmap = await this.deps.roadmaps.require();
    const entry = briefId === undefined ? await this.pickBrief(roadmap) : findBrief(roadmap, briefId);
    if (entry === undefined) {
      if (briefId !== undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Backend Roadmap has no project brief "{0}". Run "Backend Roadmap: Start Project" to pick one.', briefId));
      }
      return undefined;
    }
    const chosen = folder === undefined ? await this.pickFolder(entry) : { folder: typeof folder === 'string' ? folder : folder.fsPath };
    if (chosen === undefined) {
      return undefined;
    }
    await this.deps.storage.set('activeBrief', activeBrief(entry.brief.id, chosen.folder, new Date()));
    this.deps.logger.info(`Project brief "${entry.brief.title}" started${chosen.folder === undefined ? '' : ` in ${chosen.folder}`}`);
    const detection = this.deps.detection();
    if (chosen.folder !== undefined && getConfig('detection.enabled') && !detection.projects().some((project) => project.folder === chosen.folder)) {
      // Not checked yet (the window just opened): check now rather than after the start-up delay.
      void detection.recheckAll();
    }
    this.deps.showBrief(entry.brief.id);
    this.checkCompletionSoon();
    return { briefId: entry.brief.id, folder: chosen.folder };
  }

  view(roadmap: Roadmap, briefId: string): BriefView | undefined {
    const entry = findBrief(roadmap, briefId);
    if (entry === undefined) {
      return undefined;
    }
    const active = this.active();
    const isActive = active?.briefId === briefId;
    const detection = this.deps.detection();
    const limitation = detection.limitation();
    const built = buildBriefView({
      roadmap,
      entry,
      progress: this.deps.progress.all,
      policy: detection.creditPolicy(),
      projects: detection.projects(),
      openFolders: localFolders().map((folder) => folder.uri.fsPath),
      active: isActive,
      ...(isActive && active.folder !== undefined ? { chosenFolder: active.folder } : {}),
      ...(limitation === undefined ? {} : { limitation }),
      finished: this.finished(),
    });
    this.shown = { briefId, evidence: built.evidence };
    return built.view;
  }

  async openEvidence(briefId: string, index: number): Promise<void> {
    const evidence = this.shown?.briefId === briefId ? this.shown.evidence[index] : undefined;
    if (evidence === undefined) {
      this.deps.logger.warn(`Ignored a request to open evidence ${index} of brief "${briefId}": the page is out of date.`);
      return;
    }
    await openEvidence(evidence, this.deps.logger);
  }

  /** Records the active brief's completion when every check is now found in its folder (the panel shows it at once). */
  checkCompletionSoon(): void {
    this.checkCompletion().catch((error: unknown) => this.deps.logger.error('Could not record the completed project brief', error));
  }

  private async checkCompletion(): Promise<void> {
    if (this.recording !== undefined) {
      return this.recording;
    }
    const active = this.active();
    const roadmap = this.deps.roadmaps.current;
    const entry = roadmap === undefined || active === undefined ? undefined : findBrief(roadmap, active.briefId);
    const folder = active?.folder;
    if (entry === undefined || folder === undefined || isFinished(this.finished(), entry.brief.id, folder) || !localFolders().some((open) => open.uri.fsPath === folder)) {
      return;
    }
    const detection = this.deps.detection();
    const facts = detection.projects().find((project) => project.folder === folder);
    if (facts === undefined || !checkBrief(entry.brief, facts, { policy: detection.creditPolicy(), progress: this.deps.progress.all }).complete) {
      return;
    }
    this.recording = this.recordCompletion(entry, folder).finally(() => {
      this.recording = undefined;
    });
    return this.recording;
  }

  private async recordCompletion(entry: StageBrief, folder: string): Promise<void> {
    const repositoryUrl = await this.repositoryUrl(folder);
    const record: FinishedBriefRecord = { briefId: entry.brief.id, title: entry.brief.title, folder, ...(repositoryUrl === undefined ? {} : { repositoryUrl }), completedAt: new Date().toISOString() };
    await this.deps.storage.set('finishedBriefs', withFinished(this.finished(), record));
    this.deps.logger.info(`Project brief "${entry.brief.title}" complete in ${folder}${repositoryUrl === undefined ? '' : ` (${repositoryUrl})`}`);
    this.deps.refresh();
    const exportPortfolio = vscode.l10n.t('Export Portfolio');
    const show = vscode.l10n.t('Show Brief');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Brief complete: "{0}". Every check is found in {1} by your own work, and the brief is in your portfolio now.', entry.brief.title, path.basename(folder)), exportPortfolio, show)
      .then((choice) => {
        if (choice === exportPortfolio) {
          void vscode.commands.executeCommand(CommandId.ExportPortfolio);
        } else if (choice === show) {
          this.deps.showBrief(entry.brief.id);
        }
      });
  }

  /** The folder's public remote (no credentials), for the portfolio; none in Restricted Mode, where git does not run. */
  private async repositoryUrl(folder: string): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) {
      return undefined;
    }
    const lazy = detectionModule();
    const remote = (await lazy.gitRepositoryResolver((dir) => lazy.createGitRunner(dir))(folder))?.remoteUrl;
    return remote === undefined ? undefined : lazy.publicRemoteUrl(remote);
  }

  private async pickBrief(roadmap: Roadmap): Promise<StageBrief | undefined> {
    const active = this.active();
    const finished = new Set(this.finished().map((record) => record.briefId));
    const items = roadmapBriefs(roadmap).map((entry) => ({
      label: entry.brief.title,
      description: [
        vscode.l10n.t('Stage {0}: {1}', entry.stage.order, entry.stage.title),
        ...(active?.briefId === entry.brief.id ? [vscode.l10n.t('started')] : []),
        ...(finished.has(entry.brief.id) ? [vscode.l10n.t('complete')] : []),
      ].join(' · '),
      detail: entry.brief.description,
      entry,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Start Project'), placeHolder: vscode.l10n.t('Pick a project brief to build: type a title or a stage'), matchOnDescription: true });
    return picked?.entry;
  }

  /** The folder to build the brief in: undefined when the learner cancelled; `{ folder: undefined }` when none is open. */
  private async pickFolder(entry: StageBrief): Promise<{ readonly folder: string | undefined } | undefined> {
    const open = localFolders().map((folder) => folder.uri.fsPath);
    if (open.length <= 1) {
      return { folder: open[0] };
    }
    const detection = this.deps.detection();
    const choices = briefFolderChoices(entry.brief, open, detection.projects(), { policy: detection.creditPolicy(), progress: this.deps.progress.all });
    const picked = await vscode.window.showQuickPick(
      choices.map((choice) => ({
        label: choice.name,
        description: choice.suggested ? vscode.l10n.t('{0} · suggested', choice.description) : choice.description,
        detail: choice.folder,
        folder: choice.folder,
      })),
      { title: vscode.l10n.t('Start Project: {0}', entry.brief.title), placeHolder: vscode.l10n.t('Which folder do you build it in? Its checklist is checked there as you work.') },
    );
    return picked === undefined ? undefined : { folder: picked.folder };
  }
}
