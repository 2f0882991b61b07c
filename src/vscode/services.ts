import * as vscode from 'vscode';
import { COMPILED_MARKDOWN_FILE, COMPILED_ROADMAP_FILE } from '../core/compiled/compiledRoadmap';
import { ContextKey, VIEW_ID } from '../core/view/commandIds';
import { registerCommands } from './commands';
import { getConfig, onDidChangeConfig } from './config';
import { nothingStarted } from '../core/progress/stats';
import { notifyCompleted } from './detection/completionNotifier';
import { detectionInfo } from './detection/detectionInfo';
import { DetectionService } from './detection/detectionService';
import { Disposable } from './lifecycle';
import { Logger } from './logger';
import { ProgressService } from './progressService';
import { RoadmapService } from './roadmapService';
import { ProgressStatusBar } from './statusBar';
import { Storage } from './storage';
import { SkillNode } from './tree/nodes';
import type { RoadmapNode } from './tree/nodes';
import { RoadmapTreeProvider } from './tree/roadmapTreeProvider';
import { DetailsPanel } from './webview/detailsPanel';

/**
 * The extension's object graph. Cheap pieces are made up front; the rest on first use from getters,
 * registered for disposal then (gitlens' container pattern).
 */
export class Services extends Disposable {
  readonly logger = this._register(new Logger());
  readonly storage: Storage;
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  private treeView: vscode.TreeView<RoadmapNode> | undefined;
  private treeProvider: RoadmapTreeProvider | undefined;
  private lazyPanel: DetailsPanel | undefined;
  private lazyDetection: DetectionService | undefined;
  private statusBar: ProgressStatusBar | undefined;

  constructor(readonly context: vscode.ExtensionContext) {
    super();
    this.storage = this._register(new Storage(context.globalState));
    this.roadmaps = this._register(new RoadmapService(vscode.Uri.joinPath(context.extensionUri, 'dist', COMPILED_ROADMAP_FILE), vscode.Uri.joinPath(context.extensionUri, 'dist', COMPILED_MARKDOWN_FILE), this.logger));
    this.progress = this._register(new ProgressService(this.storage, this.logger));
  }

  get panel(): DetailsPanel {
    if (this.lazyPanel === undefined) {
      const panel = this._register(new DetailsPanel(this.context.extensionUri, this.roadmaps, this.progress, () => detectionInfo(this.detection), this.logger));
      this._register(panel.onDidPassQuiz(() => void this.detection.quizPassed()));
      this.lazyPanel = panel;
    }
    return this.lazyPanel;
  }

  get detection(): DetectionService {
    if (this.lazyDetection === undefined) {
      const detection = this._register(
        new DetectionService({ roadmap: async () => (await this.roadmaps.load()).roadmap, progress: this.progress, storage: this.storage, logger: this.logger }),
      );
      this._register(
        detection.onDidChange(() => {
          this.lazyPanel?.refresh();
          this.setViewMessage(detection.viewMessage());
        }),
      );
      this._register(detection.onDidComplete((completed) => notifyCompleted(completed, this.progress)));
      this.setViewMessage(detection.viewMessage());
      this.lazyDetection = detection;
    }
    return this.lazyDetection;
  }

  /** Creates the views; no I/O happens until VS Code asks the tree for its children. */
  createViews(): void {
    this.treeProvider = this._register(new RoadmapTreeProvider(this.roadmaps, this.progress));
    this.treeView = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.treeProvider, showCollapseAll: true }));
    this.statusBar = this._register(new ProgressStatusBar(this.roadmaps, this.progress));
    this._register(
      vscode.window.registerWebviewPanelSerializer('backendRoadmap.details', {
        deserializeWebviewPanel: (panel, state: unknown) => {
          const skillId = typeof state === 'object' && state !== null && 'skillId' in state && typeof state.skillId === 'string' ? state.skillId : undefined;
          this.panel.restore(panel, skillId ? { skillId } : {});
          return Promise.resolve();
        },
      }),
    );
    const updateWelcome = (): void => {
      const roadmap = this.roadmaps.current;
      if (roadmap) {
        void vscode.commands.executeCommand('setContext', ContextKey.NothingStarted, nothingStarted(roadmap, this.progress.all));
      }
    };
    this._register(this.progress.onDidChange(updateWelcome));
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) {
          this.progress.reloadIfChangedElsewhere();
        }
      }),
    );
    const updateFilter = (): void => void vscode.commands.executeCommand('setContext', ContextKey.HideFinished, getConfig('tree.hideFinished'));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('tree.hideFinished')) {
          updateFilter();
        }
      }),
    );
    setImmediate(updateFilter);
    // The roadmap loads in the background; the welcome view appears once it is known what is started.
    void this.roadmaps.load().then(updateWelcome);
  }

  registerCommands(): void {
    for (const command of registerCommands(this)) {
      this._register(command);
    }
  }

  /** A line above the tree, for what is off and why (Restricted Mode, checks disabled). */
  setViewMessage(message: string | undefined): void {
    if (this.treeView) {
      this.treeView.message = message;
    }
  }

  statusBarText(): string {
    return this.statusBar?.text ?? '';
  }

  selectedSkillId(): string | undefined {
    const selected = this.treeView?.selection[0];
    return selected instanceof SkillNode ? selected.skill.id : undefined;
  }

  async revealSkill(skillId: string): Promise<void> {
    const roadmap = this.roadmaps.current;
    const node = roadmap && this.treeProvider?.skillNode(roadmap, skillId);
    if (node && this.treeView?.visible) {
      await this.treeView.reveal(node, { select: true, focus: false, expand: true });
    }
  }
}
