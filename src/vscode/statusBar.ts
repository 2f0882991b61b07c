import * as vscode from 'vscode';
import { reviewsDueText } from '../core/plan/reviewText';
import { percent, roadmapCounts } from '../core/progress/stats';
import { VIEW_ID } from '../core/view/commandIds';
import { getConfig, onDidChangeConfig } from './config';
import { Disposable } from './lifecycle';
import type { PlanService } from './plan/planService';
import type { ProgressService } from './progressService';
import type { RoadmapService } from './roadmapService';

/**
 * Overall progress in the status bar, with the count of self-checks due for review when there are any;
 * the tooltip holds the plan (hours and weeks left, finish dates). A click opens the roadmap view.
 */
export class ProgressStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('backendRoadmap.progress', vscode.StatusBarAlignment.Left, 10));
  private tooltipText = '';

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressService,
    private readonly plan: PlanService,
  ) {
    super();
    this.item.name = vscode.l10n.t('Backend Roadmap progress');
    this.item.command = `${VIEW_ID}.focus`;
    // The plan changes with progress, the plan and review settings, and the roadmap loading.
    this._register(plan.onDidChange(() => this.update()));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('statusBar.enabled')) {
          this.update();
        }
      }),
    );
    void roadmaps.load().then(() => this.update());
  }

  /** The text shown, for tests and screen readers. */
  get text(): string {
    return this.item.text;
  }

  /** The tooltip as plain text, one line per paragraph, for tests. */
  get tooltip(): string {
    return this.tooltipText;
  }

  private update(): void {
    const roadmap = this.roadmaps.current;
    if (!roadmap || !getConfig('statusBar.enabled')) {
      this.item.hide();
      return;
    }
    const counts = roadmapCounts(roadmap, this.progress.all);
    const pct = percent(counts);
    const due = this.plan.dueReviews().length;
    const reviews = reviewsDueText(due);
    this.item.text = `$(mortar-board) ${counts.done}/${counts.total} · ${pct}%${due > 0 ? ` · $(history) ${due}` : ''}`;
    const progressLine = vscode.l10n.t(
      'Backend Roadmap: {0} of {1} skills done ({2}%){3}.',
      counts.done,
      counts.total,
      pct,
      counts.inProgress > 0 ? vscode.l10n.t(', {0} in progress', counts.inProgress) : '',
    );
    const lines = [progressLine, '', ...this.plan.planText(), ...(reviews === undefined ? [] : ['', reviews]), '', vscode.l10n.t('Click to open the roadmap; change your path or pace with "Backend Roadmap: Choose Your Path".')];
    this.tooltipText = lines.join('\n');
    // appendText escapes Markdown and makes each line a paragraph, so the hover shows one sentence a line.
    this.item.tooltip = new vscode.MarkdownString().appendText(this.tooltipText);
    const reviewLabel = due > 0 ? vscode.l10n.t(', {0} self-checks due for review', due) : '';
    this.item.accessibilityInformation = { label: vscode.l10n.t('Backend Roadmap progress: {0} of {1} skills done, {2} percent{3}', counts.done, counts.total, pct, reviewLabel) };
    this.item.show();
  }
}
