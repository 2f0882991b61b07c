import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { Services } from '../services';
import type { DetectionInfo, MilestoneStatus } from '../webview/viewModels';

/** Automatic milestone detection in the open workspace (being built; see issue 4). */
export class DetectionService extends Disposable {
  constructor(private readonly services: Services) {
    super();
  }

  start(): void {
    // Watchers start here.
  }

  info(): DetectionInfo {
    return {
      milestoneStatus: (): MilestoneStatus => ({ status: 'unknown', detail: 'not checked yet' }),
      limitation: undefined,
    };
  }

  recheckAll(_interactive: boolean): Promise<void> {
    return Promise.resolve();
  }

  runMyTests(): Promise<void> {
    return Promise.resolve();
  }

  async showEvidence(skillId?: string, index?: number): Promise<void> {
    if (skillId === undefined) {
      return;
    }
    const evidence = this.services.progress.get(skillId).evidence[index ?? 0];
    if (evidence?.folder && evidence.path) {
      const uri = vscode.Uri.joinPath(vscode.Uri.file(evidence.folder), evidence.path);
      const line = Math.max(0, (evidence.line ?? 1) - 1);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
    }
  }
}
