import * as vscode from 'vscode';
import { nothingNextMessage } from '../../core/plan/nextPicks';
import { skillsOnPath } from '../../core/plan/path';
import { noReviewDueText, reviewsDueText } from '../../core/plan/reviewText';
import { isFinished, progressOf } from '../../core/progress/rules';
import type { Skill } from '../../core/roadmap/model';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import type { PlanService } from './planService';

export interface PlanCommandDeps {
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  readonly plan: PlanService;
  /** Opens a skill in the details panel (which reveals it in the tree). */
  readonly showSkill: (skill: Skill) => void;
}

interface NextItem extends vscode.QuickPickItem {
  readonly skill: Skill;
}

/** Skills offered by Suggest Next: enough to choose from, few enough to read. */
const NEXT_PICKS = 7;

/**
 * "Suggest Next Skill": the open skills on the learner's path whose prerequisites are finished, best first
 * (in progress, partly proved by the workspace, path order), each with why; the pick opens in the panel.
 * Returns the id of the skill opened.
 */
export async function suggestNext(deps: PlanCommandDeps): Promise<string | undefined> {
  const roadmap = await deps.roadmaps.require();
  const next = deps.plan.whatNext(NEXT_PICKS);
  if (next.length === 0) {
    const path = deps.plan.currentPath();
    const open = skillsOnPath(roadmap, path).filter((skill) => !isFinished(progressOf(deps.progress.all, skill.id).state)).length;
    void vscode.window.showInformationMessage(nothingNextMessage(path, open));
    return undefined;
  }
  const items: NextItem[] = next.map(({ skill, reason }) => ({
    label: skill.title,
    description: reason,
    detail: roadmap.stageById.get(skill.stageId)?.title ?? '',
    skill,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('What next: open skills on your path whose prerequisites are finished'),
    placeHolder: vscode.l10n.t('Best first: in progress, then partly proved by your workspace, then path order'),
    matchOnDescription: true,
  });
  if (!picked) {
    return undefined;
  }
  deps.showSkill(picked.skill);
  return picked.skill.id;
}

/**
 * "Start Review": opens the longest overdue self-check in the details panel; submitting it there records the
 * review (src/vscode/plan/quizSubmission.ts). Returns the id of the skill opened.
 */
export async function startReview(deps: PlanCommandDeps): Promise<string | undefined> {
  const roadmap = await deps.roadmaps.require();
  if (!deps.plan.reviewsEnabled()) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Reviews are off. Turn on the setting "backendRoadmap.review.enabled" to bring passed self-checks back for review.'));
    return undefined;
  }
  const due = deps.plan.dueReviews();
  const first = due[0];
  const skill = first === undefined ? undefined : roadmap.skillById.get(first.skillId);
  if (!skill) {
    void vscode.window.showInformationMessage(noReviewDueText(deps.plan.nextReview()?.dueDay));
    return undefined;
  }
  deps.showSkill(skill);
  const more = reviewsDueText(due.length - 1);
  void vscode.window.setStatusBarMessage(
    vscode.l10n.t('$(history) Review "{0}": answer its self-check under "Check yourself" and submit.{1}', skill.title, more === undefined ? '' : ` ${more}`),
    10000,
  );
  return skill.id;
}
