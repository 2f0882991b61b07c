import * as vscode from 'vscode';
import { STATE_LABELS } from '../core/progress/model';
import type { Roadmap, Skill } from '../core/roadmap/model';
import type { ProgressService } from './progressService';

const STATE_ICON = { notStarted: '$(circle-large-outline)', inProgress: '$(play-circle)', done: '$(pass-filled)', skipped: '$(circle-slash)' } as const;

interface SkillPickItem extends vscode.QuickPickItem {
  readonly skill?: Skill;
}

/** A quick pick over every skill, grouped by stage, searchable by title, stage and subtopic. */
export async function pickSkill(roadmap: Roadmap, progress: ProgressService, placeHolder: string): Promise<Skill | undefined> {
  const items: SkillPickItem[] = roadmap.stages.flatMap((stage) => [
    { label: `${stage.order}. ${stage.title}`, kind: vscode.QuickPickItemKind.Separator },
    ...stage.skills.map((skill): SkillPickItem => {
      const state = progress.get(skill.id).state;
      return {
        label: `${STATE_ICON[state]} ${skill.title}`,
        description: state === 'notStarted' ? stage.title : `${STATE_LABELS[state]} · ${stage.title}`,
        detail: skill.subtopics.join(' · '),
        skill,
      };
    }),
  ]);
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.skill;
}
