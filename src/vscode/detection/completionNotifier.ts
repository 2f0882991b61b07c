import * as vscode from 'vscode';
import type { SkillsCompleted } from '../../core/detection/detectionCore';
import { CommandId } from '../../core/view/commandIds';
import { getConfig } from '../config';
import type { ProgressService } from '../progressService';

/** Quiet notifications when evidence completes skills (setting backendRoadmap.detection.notifications). */
export function notifyCompleted({ markedDone, learnerDecides }: SkillsCompleted, progress: ProgressService): void {
  if (!getConfig('detection.notifications')) {
    return;
  }
  const [first] = markedDone;
  if (first && markedDone.length === 1) {
    const proof = progress.get(first.id).evidence[0];
    void vscode.window.showInformationMessage(`Backend Roadmap: "${first.title}" is done${proof ? `, proved by ${proof.summary}` : ''}.`, 'Show Evidence').then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand(CommandId.ShowSkill, first.id);
      }
    });
  } else if (markedDone.length > 1) {
    const names = markedDone.slice(0, 4).map((skill) => skill.title).join(', ');
    const more = markedDone.length > 4 ? ` and ${markedDone.length - 4} more` : '';
    void vscode.window.showInformationMessage(`Backend Roadmap: your work proves ${markedDone.length} skills: ${names}${more}.`, 'Open Dashboard').then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand(CommandId.OpenDashboard);
      }
    });
  }
  for (const skill of learnerDecides.slice(0, 2)) {
    void vscode.window.showInformationMessage(`Backend Roadmap: your work shows "${skill.title}", which you set by hand. Mark it done?`, 'Mark Done', 'Show Evidence').then((choice) => {
      if (choice === 'Mark Done') {
        void vscode.commands.executeCommand(CommandId.MarkDone, skill.id);
      } else if (choice) {
        void vscode.commands.executeCommand(CommandId.ShowSkill, skill.id);
      }
    });
  }
}
