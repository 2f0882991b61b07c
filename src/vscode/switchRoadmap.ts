import * as path from 'node:path';
import * as vscode from 'vscode';
import { agree, plural } from '../core/text/plural';
import type { RoadmapService } from './roadmapService';

interface RoadmapItem extends vscode.QuickPickItem {
  /** The roadmap to switch to; undefined for a folder that cannot be used yet (picking it opens the Problems panel). */
  readonly roadmapId: string | undefined;
}

/**
 * The Switch Roadmap quick pick (the view's title bar): the shipped roadmap and the learner's own, with their
 * titles. The tree, dashboard, status bar, plan and detection follow the choice (RoadmapService.onDidChange).
 */
export async function switchRoadmap(roadmaps: RoadmapService): Promise<void> {
  const { choices, selected, unusable } = await roadmaps.choices();
  const items: RoadmapItem[] = choices.map((choice) => ({
    roadmapId: choice.id,
    label: choice.title,
    description: [choice.id === selected?.id ? vscode.l10n.t('in use') : undefined, choice.folder === undefined ? vscode.l10n.t('shipped with Backend Roadmap') : vscode.workspace.asRelativePath(choice.folder)]
      .filter((text) => text !== undefined)
      .join(' · '),
    detail: [
      choice.description,
      choice.stale ? vscode.l10n.t('Its folder has problems (see the Problems panel): its last good version is in use until they are fixed.') : undefined,
    ]
      .filter((text) => text !== undefined)
      .join(' '),
  }));
  for (const state of unusable) {
    items.push({
      roadmapId: undefined,
      label: `$(warning) ${path.basename(state.folder) === '.backend-roadmap' ? vscode.workspace.asRelativePath(state.folder) : state.folder}`,
      description: vscode.l10n.t('{0}: fix {1} in the Problems panel to use it', plural(state.problems.length, 'problem'), agree(state.problems.length, 'it', 'them')),
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Switch Roadmap'),
    placeHolder:
      choices.length > 1
        ? vscode.l10n.t('Choose the roadmap to follow: progress on a skill counts in every roadmap that has it')
        : vscode.l10n.t('Only the shipped roadmap is here: add a .backend-roadmap folder to your project (see the README) to write your own'),
    matchOnDescription: true,
  });
  if (picked === undefined) {
    return;
  }
  if (picked.roadmapId === undefined) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  await roadmaps.select(picked.roadmapId);
}
