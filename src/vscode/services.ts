import * as vscode from 'vscode';
import { COMPILED_MARKDOWN_FILE, COMPILED_ROADMAP_FILE } from '../core/compiled/compiledRoadmap';
import { whenDetectionLoads } from '../core/lazy/modules';
import type { Evidence } from '../core/progress/model';
import { nothingStarted } from '../core/progress/stats';
import { CommandId, ContextKey, VIEW_ID } from '../core/view/commandIds';
import { isShown, treeFilterNotes } from '../core/view/treeFilter';
import { walkthroughFacts } from '../core/view/walkthrough';
import { getConfig, onDidChangeConfig } from './config';
import { BriefService } from './briefs/briefService';
import { CompletionNotifier } from './detection/completionNotifier';
import { detectionInfo } from './detection/detectionInfo';
import { DetectionService } from './detection/detectionService';
import { Disposable } from './lifecycle';
import { Logger } from './logger';
import { PlanService } from './plan/planService';
import { ReviewBadge } from './plan/reviewBadge';
import { ProgressService } from './progressService';
import { RoadmapService } from './roadmapService';
import { ProgressStatusBar } from './statusBar';
import { Storage } from './storage';
import { SkillNode } from './tree/nodes';
import type { RoadmapNode } from './tree/nodes';
import { RoadmapTreeProvider } from './tree/roadmapTreeProvider';
import { DetailsPanel } from './webview/detailsPanel';
import { errorMessage } from '../core/errorMessage';

/**
 * The extension's object graph. Cheap pieces are made up front; the rest on first use from getters,
 * registered for disposal then (gitlens' container pattern).
 */
export class Services extends Disposable {
  readonly logger = this._register(new Logger());
  readonly storage: Storage;
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  readonly notifier: CompletionNotifier;
  /** Path, plan, what next and reviews (src/vscode/plan/planService.ts): the status bar, tree, commands and dashboard read it. */
  readonly plan: PlanService;
  private treeView: vscode.TreeView<RoadmapNode> | undefined;
  private treeProvider: RoadmapTreeProvider | undefined;
  private lazyPanel: DetailsPanel | undefined;
  private lazyBriefs: BriefService | undefined;
  private lazyDetection: DetectionService | undefined;
  private statusBar: ProgressStatusBar | undefined;
  /** Event evidence as of the last detection change (read only once detection is running). */
  private events: readonly Evidence[] = [];
  /** Context keys already set to true: walkthrough steps, once complete, stay complete. */
  private readonly contextSet = new Set<ContextKey>();
  /** What detection says is off (Restricted Mode, checks disabled), shown above the tree. */
  private detectionMessage: string | undefined;

  /** `activatedAt`: when the loader's activate() ran (Date.now()); the roadmap logs how long after it it was ready. */
  constructor(
    readonly context: vscode.ExtensionContext,
    activatedAt: number,
  ) {
    super();
    this.storage = this._register(new Storage(context.globalState));
    this.roadmaps = this._register(new RoadmapService(vscode.Uri.joinPath(context.extensionUri, 'dist', COMPILED_ROADMAP_FILE), vscode.Uri.joinPath(context.extensionUri, 'dist', COMPILED_MARKDOWN_FILE), this.logger, this.storage, activatedAt));
    this.progress = this._register(new ProgressService(this.storage, this.logger));
    this.notifier = new CompletionNotifier(this.progress);
    this.plan = this._register(new PlanService({ roadmaps: this.roadmaps, progress: this.progress, detection: () => this.detection }));
    // A fork from the host's own thread stalls every extension for 35–73 ms per git process: in the host,
    // git starts from a worker thread (src/core/scan/gitWorkerClient.ts), set up when detection first loads.
    whenDetectionLoads((detection) => {
      const launcher = detection.gitWorkerLauncher({ onFallback: (why) => this.logger.warn(`Git now starts from the extension host's own thread, which pauses other extensions briefly per command: its worker thread failed (${why}).`) });
      detection.startGitFrom(this._register(launcher).launch);
    });
  }

  get panel(): DetailsPanel {
    if (this.lazyPanel === undefined) {
      const panel = this._register(new DetailsPanel(this.context.extensionUri, this.roadmaps, this.progress, () => detectionInfo(this.detection), this.logger, this.plan, () => this.briefs));
      this._register(panel.onDidPassQuiz(() => void this.detection.quizPassed()));
      this._register(
        panel.onDidShowSkill((skillId) => {
          this.setContextOnce(ContextKey.SkillOpened);
          void this.revealSkill(skillId);
        }),
      );
      this.lazyPanel = panel;
    }
    return this.lazyPanel;
  }

  /** Project briefs: Start Project, the brief's page, its completion (made on first use, or at start-up when one is active). */
  get briefs(): BriefService {
    this.lazyBriefs ??= this._register(
      new BriefService({
        roadmaps: this.roadmaps,
        progress: this.progress,
        storage: this.storage,
        detection: () => this.detection,
        logger: this.logger,
        showBrief: (briefId) => this.panel.showBrief(briefId),
        refresh: () => this.lazyPanel?.refresh(),
      }),
    );
    return this.lazyBriefs;
  }

  get detection(): DetectionService {
    if (this.lazyDetection === undefined) {
      const detection = this._register(
        new DetectionService({ roadmap: () => this.roadmaps.forDetection(), progress: this.progress, storage: this.storage, logger: this.logger }),
      );
      this._register(
        detection.onDidChange(() => {
          this.lazyPanel?.refresh();
          this.setViewMessage(detection.viewMessage());
          this.events = detection.eventEvidence();
          this.updateWalkthroughFacts();
        }),
      );
      this._register(detection.onDidComplete((completed) => this.notifier.completed(completed)));
      this.setViewMessage(detection.viewMessage());
      this.lazyDetection = detection;
    }
    return this.lazyDetection;
  }

  /** Creates the views; no I/O happens until VS Code asks the tree for its children. */
  createViews(): void {
    // Registered before the views and the status bar ask for the roadmap, so they never read progress without it:
    // records kept under former skill ids count for the current ids (src/core/progress/formerIds.ts).
    void this.roadmaps.load().then(({ roadmap }) => (roadmap ? this.progress.useRoadmap(roadmap) : undefined));
    // Switching roadmaps (src/vscode/switchRoadmap.ts): the former ids of the new one apply, and the views and
    // detection follow it (the tree and the plan, hence the status bar, listen themselves).
    this._register(
      this.roadmaps.onDidChange((roadmap) => {
        void this.progress.useRoadmap(roadmap);
        this.lazyPanel?.refresh();
        void this.lazyDetection?.roadmapChanged();
        this.updateTreeDescription();
      }),
    );
    this.treeProvider = this._register(new RoadmapTreeProvider(this.roadmaps, this.progress, () => this.plan.treeFilter()));
    this.treeView = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.treeProvider, showCollapseAll: true }));
    this.statusBar = this._register(new ProgressStatusBar(this.roadmaps, this.progress, this.plan));
    this._register(new ReviewBadge(this.plan, this.treeView));
    this._register(
      this.progress.onDidChange(() => {
        this.updateTreeDescription();
        this.updateWalkthroughFacts();
      }),
    );
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) {
          this.progress.reloadIfChangedElsewhere();
        }
      }),
    );
    const updateFilter = (): void => {
      void vscode.commands.executeCommand('setContext', ContextKey.HideFinished, getConfig('tree.hideFinished'));
      void vscode.commands.executeCommand('setContext', ContextKey.PathOnly, getConfig('tree.pathOnly'));
      this.updateTreeDescription();
    };
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('tree.hideFinished') || affects('tree.pathOnly') || affects('plan.stack') || affects('plan.path')) {
          updateFilter();
        }
      }),
    );
    setImmediate(updateFilter);
    // The roadmap loads in the background; what depends on it follows.
    void this.roadmaps.load().then(() => {
      this.updateTreeDescription();
      this.updateWalkthroughFacts();
      this.offerWalkthroughOnce();
      // A brief started in an earlier session completes as the learner works in this one.
      if (this.storage.get('activeBrief') !== undefined) {
        this.briefs.checkCompletionSoon();
      }
    });
  }

  /** A line above the tree, for what is off and why (Restricted Mode, checks disabled). */
  setViewMessage(message: string | undefined): void {
    this.detectionMessage = message;
    this.updateTreeDescription();
  }

  statusBarText(): string {
    return this.statusBar?.text ?? '';
  }

  /** The status bar tooltip (progress, the plan, reviews due) as plain text. */
  statusBarTooltip(): string {
    return this.statusBar?.tooltip ?? '';
  }

  selectedSkillId(): string | undefined {
    const selected = this.treeView?.selection[0];
    return selected instanceof SkillNode ? selected.skill.id : undefined;
  }

  /** Selects the skill in the tree, expanding its stage (and showing the view), unless the filter hides it. */
  async revealSkill(skillId: string): Promise<void> {
    const roadmap = this.roadmaps.current;
    const node = roadmap && this.treeProvider?.skillNode(roadmap, skillId);
    if (!node || !this.treeView || !isShown(node.skill, this.progress.all, this.plan.treeFilter())) {
      return;
    }
    try {
      await this.treeView.reveal(node, { select: true, focus: false, expand: true });
    } catch (error) {
      this.logger.warn(`Could not reveal "${skillId}" in the Roadmap view: ${errorMessage(error)}`);
    }
  }

  /** While a filter is on (hide finished, my path only), the view says so beside its title and above the tree. */
  private updateTreeDescription(): void {
    if (!this.treeView) {
      return;
    }
    const roadmap = this.roadmaps.current;
    const notes = roadmap ? treeFilterNotes(roadmap, this.progress.all, this.plan.treeFilter(), this.detectionMessage) : { message: this.detectionMessage };
    this.treeView.description = notes.description;
    this.treeView.message = notes.message;
    this.treeView.title = this.roadmaps.customTitle() ?? vscode.l10n.t('Roadmap');
  }

  private updateWalkthroughFacts(): void {
    const facts = walkthroughFacts(this.progress.all, this.events);
    if (facts.milestoneProved) {
      this.setContextOnce(ContextKey.MilestoneProved);
    }
    if (facts.testsPassed) {
      this.setContextOnce(ContextKey.TestsPassed);
    }
  }

  private setContextOnce(key: ContextKey): void {
    if (!this.contextSet.has(key)) {
      this.contextSet.add(key);
      void vscode.commands.executeCommand('setContext', key, true);
    }
  }

  /**
   * A learner who has not started anything gets the Get Started walkthrough once (it stays in the Welcome
   * page and the view's menu). Not under test runs, and not when the learner turned such pages off.
   */
  private offerWalkthroughOnce(): void {
    const roadmap = this.roadmaps.current;
    if (
      this.context.extensionMode === vscode.ExtensionMode.Test ||
      this.storage.get('walkthroughOffered') === true ||
      !roadmap ||
      !nothingStarted(roadmap, this.progress.all) ||
      vscode.workspace.getConfiguration('workbench').get<boolean>('welcomePage.walkthroughs.openOnInstall') === false
    ) {
      return;
    }
    void this.storage.set('walkthroughOffered', true);
    void vscode.commands.executeCommand(CommandId.OpenWalkthrough);
  }
}
