import * as vscode from 'vscode';
import { CommandId, DETAILS_PANEL_TYPE } from '../../core/view/commandIds';
import { Disposable, DisposableStore, MutableDisposable } from '../lifecycle';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import { panelHtml } from './html';
import { isWebviewMessage } from '../../core/view/protocol';
import type { HostMessage, PanelState, PanelView, SubmittedAnswer, WebviewMessage } from '../../core/view/protocol';
import { gradeQuiz } from '../../core/quiz/grade';
import { recordQuizSubmission } from '../plan/quizSubmission';
import { buildQuizResultView } from '../../core/view/quizViews';
import { buildSkillView } from '../../core/view/viewModels';
import type { DetectionInfo } from '../../core/view/viewModels';
import type { PlanService } from '../plan/planService';
import type { BriefPanelSource } from '../briefs/briefService';
import { findBrief } from '../../core/briefs/roadmapBriefs';
import { dashboardData } from './dashboardData';
import { errorMessage } from '../../core/errorMessage';

type Showing = { readonly kind: 'skill'; readonly skillId: string } | { readonly kind: 'dashboard' } | { readonly kind: 'brief'; readonly briefId: string };

/** An open panel and the listeners that belong to it, released together (the listeners first). */
class OpenPanel extends DisposableStore {
  constructor(readonly panel: vscode.WebviewPanel) {
    super();
    this.add(panel);
  }
}

/**
 * The one details panel, reused for every skill and for the dashboard. The page renders nothing until
 * it posts "ready"; the host then sends the view, and sends it again whenever progress changes.
 */
export class DetailsPanel extends Disposable {
  private readonly open = this._register(new MutableDisposable<OpenPanel>());
  private showing: Showing = { kind: 'dashboard' };
  private ready = false;
  private readonly quizPassedEmitter = this._register(new vscode.EventEmitter<string>());
  /** A self-check passed in the panel (skill id): detection judges the rules that name `quiz.passed` again. */
  readonly onDidPassQuiz = this.quizPassedEmitter.event;
  private readonly shownEmitter = this._register(new vscode.EventEmitter<string>());
  /** A skill was brought into the panel (from the tree, the dashboard, a notification, a command): the tree reveals it. */
  readonly onDidShowSkill = this.shownEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressService,
    private readonly detection: () => DetectionInfo,
    private readonly logger: Logger,
    private readonly plan: PlanService,
    private readonly briefs: () => BriefPanelSource,
  ) {
    super();
    // The dashboard follows the plan service, which also fires on every progress change (one redraw, not two).
    this._register(progress.onDidChange(() => (this.showing.kind === 'dashboard' ? undefined : void this.render())));
    this._register(plan.onDidChange(() => (this.showing.kind === 'dashboard' ? void this.render() : undefined)));
  }

  private get panel(): vscode.WebviewPanel | undefined {
    return this.open.value?.panel;
  }

  /** The skill shown in the panel, when the panel is open on a skill. */
  get currentSkillId(): string | undefined {
    return this.panel && this.showing.kind === 'skill' ? this.showing.skillId : undefined;
  }

  showSkill(skillId: string, preserveFocus = false): void {
    this.show({ kind: 'skill', skillId }, preserveFocus);
  }

  showDashboard(): void {
    this.show({ kind: 'dashboard' }, false);
  }

  /** A project brief and its checklist (src/vscode/briefs/briefService.ts). */
  showBrief(briefId: string): void {
    this.show({ kind: 'brief', briefId }, false);
  }

  /** Re-renders with fresh detection status (after a scan). */
  refresh(): void {
    void this.render();
  }

  /** Restores a panel VS Code kept across a reload (see registerWebviewPanelSerializer). */
  restore(panel: vscode.WebviewPanel, state: PanelState | undefined): void {
    this.showing = state?.skillId ? { kind: 'skill', skillId: state.skillId } : { kind: 'dashboard' };
    this.adopt(panel);
  }

  private show(showing: Showing, preserveFocus: boolean): void {
    this.showing = showing;
    if (showing.kind === 'skill') {
      this.shownEmitter.fire(showing.skillId);
    }
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      this.panel.title = this.title();
      void this.render();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DETAILS_PANEL_TYPE, this.title(), { viewColumn: vscode.ViewColumn.Active, preserveFocus }, { enableScripts: true, localResourceRoots: this.resourceRoots() });
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    // Replacing the open panel disposes the previous one with its listeners.
    const open = new OpenPanel(panel);
    this.open.value = open;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: this.resourceRoots() };
    panel.title = this.title();
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, (base, ...parts) => vscode.Uri.joinPath(base, ...parts));
    open.add(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isWebviewMessage(message)) {
          void this.handle(message);
        } else {
          this.logger.warn(`Ignored an unexpected message from the details page: ${JSON.stringify(message)}`);
        }
      }),
    );
    // The learner closed the panel: release its listeners (a later panel has its own).
    open.add(
      panel.onDidDispose(() => {
        if (this.open.value === open) {
          this.open.clear();
        }
      }),
    );
  }

  private resourceRoots(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'media')];
  }

  private title(): string {
    if (this.showing.kind === 'skill') {
      return this.roadmaps.current?.skillById.get(this.showing.skillId)?.title ?? vscode.l10n.t('Skill');
    }
    if (this.showing.kind === 'brief') {
      return (this.roadmaps.current && findBrief(this.roadmaps.current, this.showing.briefId)?.brief.title) ?? vscode.l10n.t('Project');
    }
    return vscode.l10n.t('Backend Roadmap');
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel || !this.ready) {
      return;
    }
    let view: PanelView | undefined;
    try {
      view = await this.view();
    } catch (error) {
      // A damaged install (the texts of the compiled roadmap are read when first shown): the page says what
      // to do, where the learner looks (a notification alone left the page on "Loading…").
      const reason = errorMessage(error);
      this.logger.error(`The details panel cannot be shown: ${reason}`);
      const message: HostMessage = { type: 'unavailable', message: vscode.l10n.t('Backend Roadmap cannot show this page: {0}', reason) };
      await panel.webview.postMessage(message);
      return;
    }
    if (view) {
      panel.title = this.title();
      const message: HostMessage = { type: 'render', view };
      await panel.webview.postMessage(message);
    }
  }

  private async view(): Promise<PanelView | undefined> {
    const roadmap = (await this.roadmaps.loadForDisplay()).roadmap;
    if (!roadmap) {
      return undefined;
    }
    if (this.showing.kind === 'skill') {
      const skill = roadmap.skillById.get(this.showing.skillId);
      if (skill) {
        return buildSkillView(roadmap, this.progress.all, skill, this.detection());
      }
      // A restored panel may name a skill a newer roadmap no longer has.
      this.showing = { kind: 'dashboard' };
    }
    if (this.showing.kind === 'brief') {
      const brief = this.briefs().view(roadmap, this.showing.briefId);
      if (brief) {
        return brief;
      }
      this.showing = { kind: 'dashboard' };
    }
    const shipped = this.roadmaps.shipped;
    return dashboardData(roadmap, this.progress.all, this.plan, shipped === undefined || shipped === roadmap ? [] : [shipped]);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.render();
        return;
      case 'setState':
        await this.progress.setState(message.skillId, message.state);
        return;
      case 'openSkill':
        this.showSkill(message.skillId);
        return;
      case 'openDashboard':
        this.showDashboard();
        return;
      case 'openExternal':
        await openExternalLink(message.url);
        return;
      case 'openEvidence':
        await vscode.commands.executeCommand(CommandId.ShowEvidence, message.skillId, message.index);
        return;
      case 'editNote':
        await vscode.commands.executeCommand(CommandId.EditNote, message.skillId);
        return;
      case 'recheck':
        await vscode.commands.executeCommand(CommandId.RecheckWorkspace);
        return;
      case 'runTests':
        await vscode.commands.executeCommand(CommandId.RunMyTests);
        return;
      case 'choosePath':
        await vscode.commands.executeCommand(CommandId.ChoosePath);
        return;
      case 'startReview':
        await vscode.commands.executeCommand(CommandId.StartReview);
        return;
      case 'startProject':
        await vscode.commands.executeCommand(CommandId.StartProject, message.briefId);
        return;
      case 'openBriefEvidence':
        await this.briefs().openEvidence(message.briefId, message.index);
        return;
      case 'exportPortfolio':
        await vscode.commands.executeCommand(CommandId.ExportPortfolio);
        return;
      case 'submitQuiz':
        await this.gradeQuiz(message.skillId, message.answers);
        return;
    }
  }

  /** The host grades: the page never holds the answer key. A pass is recorded before the result is shown. */
  private async gradeQuiz(skillId: string, answers: readonly SubmittedAnswer[]): Promise<void> {
    const skill = (await this.roadmaps.loadForDisplay()).roadmap?.skillById.get(skillId);
    if (!skill || skill.quiz.length === 0) {
      this.logger.warn(`Ignored answers for "${skillId}": the roadmap has no self-check for it.`);
      return;
    }
    const grade = gradeQuiz(skill, answers);
    // While a review is due, the submission is that review (src/vscode/plan/quizSubmission.ts), not a new pass.
    const submission = await recordQuizSubmission(this.progress, this.plan, skill, grade);
    if (submission.passRecorded) {
      this.quizPassedEmitter.fire(skill.id);
    }
    const result = buildQuizResultView(grade, submission.recorded);
    const message: HostMessage = { type: 'quizResult', skillId, result: submission.reviewMessage === undefined ? result : { ...result, message: submission.reviewMessage } };
    await this.panel?.webview.postMessage(message);
  }
}

/** Only http(s) links leave the editor; anything else in roadmap content is refused. */
export async function openExternalLink(url: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'https' && uri.scheme !== 'http') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Backend Roadmap opens only http and https links, not "{0}:" links.', uri.scheme));
    return false;
  }
  return vscode.env.openExternal(uri);
}
