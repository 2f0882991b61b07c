import type { SkillState } from '../progress/model';

export interface StateIcon {
  /** Codicon name, as in `$(name)` labels, `codicon-name` classes and `ThemeIcon` ids. */
  readonly codicon: string;
  /** Theme colour id for the tree's icon; themes (and high contrast) supply the colour. */
  readonly color?: string;
}

/** The one picture of each state: the tree, the skill picker and the details page all read it here. */
export const STATE_ICONS: Readonly<Record<SkillState, StateIcon>> = {
  notStarted: { codicon: 'circle-large-outline' },
  inProgress: { codicon: 'play-circle', color: 'charts.yellow' },
  done: { codicon: 'pass-filled', color: 'testing.iconPassed' },
  skipped: { codicon: 'circle-slash', color: 'disabledForeground' },
};
