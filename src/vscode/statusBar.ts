import * as vscode from 'vscode';
import { percent, roadmapCounts } from '../core/progress/stats';
import { VIEW_ID } from '../core/view/commandIds';
import { getConfig, onDidChangeConfig } from './config';
import { Disposable } from './lifecycle';
import type { ProgressService } from './progressService';
import type { RoadmapService } from './roadmapService';

/** Overall progress in the status bar; a click opens the roadmap view. */
export class ProgressStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('backendRoadmap.progress', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressService,
  ) {
    super();
    this.item.name = 'Backend Roadmap progress';
    this.item.command = `${VIEW_ID}.focus`;
    this._register(progress.onDidChange(() => this.update()));
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

  private update(): void {
    const roadmap = this.roadmaps.current;
    if (!roadmap || !getConfig('statusBar.enabled')) {
      this.item.hide();
      return;
    }
    const counts = roadmapCounts(roadmap, this.progress.all);
    const pct = percent(counts);
    this.item.text = `$(mortar-board) ${counts.done}/${counts.total} · ${pct}%`;
    this.item.tooltip = `Backend Roadmap: ${counts.done} of ${counts.total} skills done (${pct}%)${counts.inProgress > 0 ? `, ${counts.inProgress} in progress` : ''}. Click to open the roadmap.`;
    this.item.accessibilityInformation = { label: `Backend Roadmap progress: ${counts.done} of ${counts.total} skills done, ${pct} percent` };
    this.item.show();
  }
}
