import * as vscode from 'vscode';
import { CommandId } from '../../core/view/commandIds';
import { recheckMessage } from '../../core/view/notices';
import { getConfig } from '../config';
import type { CompletionNotifier } from './completionNotifier';
import type { DetectionService } from './detectionService';
import { localFolders } from './localFolders';

/** "Re-check Workspace": scans every folder now and says what came of it, in one notification. */
export async function recheckWorkspace(detection: DetectionService, notifier: CompletionNotifier): Promise<void> {
  if (localFolders().length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Backend Roadmap checks your own projects: open a folder (File > Open Folder) and run "Re-check Workspace" again.'));
    return;
  }
  if (!getConfig('detection.enabled')) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Automatic checks are off. Turn on the setting "backendRoadmap.detection.enabled" to let Backend Roadmap check your workspace.'));
    return;
  }
  // The skills this check completes are reported here, not in notifications of their own.
  const held = notifier.hold();
  const checked = await detection.recheckAll().catch((error: unknown) => {
    held.release();
    throw error;
  });
  const completed = held.release();
  const message = recheckMessage(checked.folders, detection.presentMilestones().size, completed);
  const [first] = [...completed.markedDone, ...completed.learnerDecides];
  const showEvidence = vscode.l10n.t('Show Evidence');
  const action = first === undefined ? undefined : completed.markedDone.length + completed.learnerDecides.length === 1 ? showEvidence : vscode.l10n.t('Open Dashboard');
  void vscode.window.showInformationMessage(message, ...(action === undefined ? [] : [action])).then((choice) => {
    if (choice === showEvidence && first !== undefined) {
      void vscode.commands.executeCommand(CommandId.ShowSkill, first.id);
    } else if (choice) {
      void vscode.commands.executeCommand(CommandId.OpenDashboard);
    }
  });
}
