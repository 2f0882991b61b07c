import * as vscode from 'vscode';
import { STATE_LABELS } from '../core/progress/model';
import type { Roadmap, Skill } from '../core/roadmap/model';
import { STATE_ICONS } from '../core/view/stateIcons';
import { readText } from '../core/roadmap/readText';
import type { ProgressService } from './progressService';

interface SkillPickItem extends vscode.QuickPickItem {
  readonly skill?: Skill;
}

/** A quick pick over every skill, grouped by stage, searchable by title, stage and subtopic. */
export async function pickSkill(roadmap: Roadmap, progress: ProgressService, placeHolder: string): Promise<Skill | undefined> {
  const items: SkillPickItem[] = roadmap.stages.flatMap((stage) => [
    { label: `${stage.order}. ${stage.title}`, kind: vscode.QuickPickItemKind.Separator },
    ...stage.skills.map((skill): SkillPickItem => {
      const state = progress.get(skill.id).state;
      // Without its texts (a damaged install) a skill is still found by title and stage.
      const subtopics = readText(() => skill.subtopics.join(' · '));
      return {
        label: `$(${STATE_ICONS[state].codicon}) ${skill.title}`,
        description: state === 'notStarted' ? stage.title : `${STATE_LABELS[state]} · ${stage.title}`,
        detail: subtopics.ok ? subtopics.value : '',
        skill,
      };
    }),
  ]);
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.skill;
}
