import * as vscode from 'vscode';
import type { SkillsCompleted } from '../../core/detection/detectionCore';
import type { Skill } from '../../core/roadmap/model';
import { CommandId } from '../../core/view/commandIds';
import { completedMessage, learnerDecidesMessage } from '../../core/view/notices';
import type { Completed } from '../../core/view/notices';
import { getConfig } from '../config';
import type { ProgressService } from '../progressService';

/** Completions gathered while a command that reports them itself (Re-check, Run My Tests) is running. */
export interface HeldCompletions {
  /** Stops holding and returns what completed meanwhile. */
  release(): Completed;
}

/**
 * Quiet notifications when evidence completes skills (setting backendRoadmap.detection.notifications).
 * A command that says what it found holds them, so the learner gets one notification, not two.
 */
export class CompletionNotifier {
  private readonly holders = new Set<{ markedDone: Skill[]; learnerDecides: Skill[] }>();

  constructor(private readonly progress: ProgressService) {}

  completed(completed: SkillsCompleted): void {
    if (this.holders.size > 0) {
      for (const holder of this.holders) {
        holder.markedDone.push(...completed.markedDone);
        holder.learnerDecides.push(...completed.learnerDecides);
      }
      return;
    }
    if (getConfig('detection.notifications')) {
      notifyCompleted(completed, this.progress);
    }
  }

  hold(): HeldCompletions {
    const holder = { markedDone: [] as Skill[], learnerDecides: [] as Skill[] };
    this.holders.add(holder);
    return {
      release: () => {
        this.holders.delete(holder);
        return { markedDone: unique(holder.markedDone), learnerDecides: unique(holder.learnerDecides) };
      },
    };
  }
}

function unique(skills: readonly Skill[]): Skill[] {
  return [...new Map(skills.map((skill) => [skill.id, skill])).values()];
}

function notifyCompleted({ markedDone, learnerDecides }: SkillsCompleted, progress: ProgressService): void {
  const [first] = markedDone;
  const message = completedMessage(markedDone, first === undefined ? undefined : progress.get(first.id).evidence[0]?.summary);
  if (first !== undefined && message !== undefined) {
    const showEvidence = vscode.l10n.t('Show Evidence');
    const action = markedDone.length === 1 ? showEvidence : vscode.l10n.t('Open Dashboard');
    void vscode.window.showInformationMessage(message, action).then((choice) => {
      if (choice === showEvidence) {
        void vscode.commands.executeCommand(CommandId.ShowSkill, first.id);
      } else if (choice) {
        void vscode.commands.executeCommand(CommandId.OpenDashboard);
      }
    });
  }
  for (const skill of learnerDecides.slice(0, 2)) {
    const markDone = vscode.l10n.t('Mark Done');
    void vscode.window.showInformationMessage(learnerDecidesMessage(skill), markDone, vscode.l10n.t('Show Evidence')).then((choice) => {
      if (choice === markDone) {
        void vscode.commands.executeCommand(CommandId.MarkDone, skill.id);
      } else if (choice) {
        void vscode.commands.executeCommand(CommandId.ShowSkill, skill.id);
      }
    });
  }
}
