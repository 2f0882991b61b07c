import * as vscode from 'vscode';
import type { SkillState } from '../../core/progress/model';
import { STATE_ICONS } from '../../core/view/stateIcons';

/** The state's codicon coloured by a theme colour, so every theme (and high contrast) gets fitting colours. */
export function stateIcon(state: SkillState): vscode.ThemeIcon {
  const { codicon, color } = STATE_ICONS[state];
  return new vscode.ThemeIcon(codicon, color === undefined ? undefined : new vscode.ThemeColor(color));
}
