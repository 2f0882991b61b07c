import * as vscode from 'vscode';
import type { SkillState } from '../../core/progress/model';
import type { ProgressCounts } from '../../core/progress/stats';

/** Codicons coloured by theme colours, so every theme (and high contrast) gets fitting colours. */
export function skillStateIcon(state: SkillState): vscode.ThemeIcon {
  switch (state) {
    case 'done':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'inProgress':
      return new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.yellow'));
    case 'skipped':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    case 'notStarted':
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

export function stageIcon(counts: ProgressCounts): vscode.ThemeIcon {
  if (counts.all > 0 && counts.done === counts.total) {
    return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  }
  if (counts.done > 0 || counts.inProgress > 0) {
    return new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.yellow'));
  }
  return new vscode.ThemeIcon('circle-large-outline');
}
