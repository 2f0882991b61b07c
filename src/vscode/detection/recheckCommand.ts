import * as vscode from 'vscode';
import { getConfig } from '../config';
import type { DetectionService } from './detectionService';
import { localFolders } from './localFolders';

/** "Re-check Workspace": scans every folder now and says what came of it. */
export async function recheckWorkspace(detection: DetectionService): Promise<void> {
  if (localFolders().length === 0) {
    void vscode.window.showInformationMessage('Backend Roadmap checks your own projects: open a folder (File > Open Folder) and run "Re-check Workspace" again.');
    return;
  }
  if (!getConfig('detection.enabled')) {
    void vscode.window.showInformationMessage('Automatic checks are off. Turn on the setting "backendRoadmap.detection.enabled" to let Backend Roadmap check your workspace.');
    return;
  }
  const { folders, newlyDone } = await detection.recheckAll();
  // Skills newly done already have their own notification; this one only reports the check.
  if (newlyDone.length === 0) {
    const present = detection.presentMilestones().size;
    const where = folders === 1 ? 'your folder' : `${folders} folders`;
    void vscode.window.showInformationMessage(`Backend Roadmap checked ${where}: ${present} milestones present, no new skills proved.`);
  }
}
