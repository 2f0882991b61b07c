import * as vscode from 'vscode';
import { describePath, isStack } from '../core/plan/path';
import { planSentences } from '../core/plan/planText';
import { suggestStack } from '../core/plan/stackSuggestion';
import type { PathScope } from '../core/plan/path';
import type { Stack } from '../core/roadmap/model';
import { CommandId } from '../core/view/commandIds';
import { parseHoursPerWeek } from '../core/view/choosePath';
import { scopeChoiceList, stackChoiceList } from '../core/view/pathChoices';
import { getConfig, setConfig } from './config';
import type { PlanService } from './plan/planService';
import { workspaceLanguageCounts } from './plan/workspaceLanguages';
import type { ProgressService } from './progressService';
import type { RoadmapService } from './roadmapService';

interface StackItem extends vscode.QuickPickItem {
  readonly stack: Stack | '';
}

interface ScopeItem extends vscode.QuickPickItem {
  readonly scope: PathScope;
}

export interface ChoosePathDeps {
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  readonly plan: PlanService;
}

/**
 * "Choose Your Path": the stack you learn with (suggested from the languages of the open workspace), the
 * hours a week you can give, and the core path or everything, kept in the settings `backendRoadmap.plan.stack`,
 * `.plan.hoursPerWeek` and `.plan.path`. Escape at any step changes nothing.
 */
export async function choosePath(deps: ChoosePathDeps): Promise<void> {
  const roadmap = await deps.roadmaps.require();
  const suggested = suggestStack(await workspaceLanguageCounts());
  const current = getConfig('plan.stack');
  const items: StackItem[] = stackChoiceList(current, suggested).map((choice) => ({ label: choice.label, stack: choice.stack, description: choice.description }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Choose your path (1/3): your stack'),
    placeHolder: vscode.l10n.t('The language and ecosystem you build backends with; skills of other stacks stay reachable'),
  });
  if (!picked) {
    return;
  }
  const hours = await vscode.window.showInputBox({
    title: vscode.l10n.t('Choose your path (2/3): hours a week'),
    prompt: vscode.l10n.t('How many hours a week can you study? Plans and finish dates use it.'),
    value: String(deps.plan.hoursPerWeek()),
    validateInput: (text) => {
      const parsed = parseHoursPerWeek(text);
      return parsed.ok ? undefined : parsed.problem;
    },
  });
  const parsed = hours === undefined ? undefined : parseHoursPerWeek(hours);
  if (!parsed?.ok) {
    return;
  }
  const stack = isStack(picked.stack) ? picked.stack : undefined;
  const currentScope = deps.plan.currentPath().scope;
  const scopes: ScopeItem[] = scopeChoiceList(roadmap, deps.progress.all, stack, parsed.hours).map((choice) => ({
    label: choice.label,
    detail: choice.detail,
    scope: choice.scope,
    ...(choice.scope === currentScope ? { description: vscode.l10n.t('your choice now') } : {}),
  }));
  const scope = await vscode.window.showQuickPick(scopes, {
    title: vscode.l10n.t('Choose your path (3/3): how much of the roadmap'),
    placeHolder: vscode.l10n.t('The core path fits most learners; skills off your path stay reachable'),
  });
  if (!scope) {
    return;
  }
  await setConfig('plan.stack', picked.stack);
  await setConfig('plan.hoursPerWeek', parsed.hours);
  await setConfig('plan.path', scope.scope);
  const path = deps.plan.currentPath();
  const plan = deps.plan.plan();
  const summary = plan === undefined ? '' : ` ${planSentences(plan, path).slice(0, 2).join(' ')}`;
  const showPathOnly = vscode.l10n.t('Show My Path Only');
  // describePath names the stack, or says none was chosen.
  const message = vscode.l10n.t('Your path: {0}, {1} h a week.{2} Change it any time with "Backend Roadmap: Choose Your Path".', describePath(path), parsed.hours, summary);
  void vscode.window.showInformationMessage(message, ...(getConfig('tree.pathOnly') ? [] : [showPathOnly])).then((answer) => (answer === showPathOnly ? vscode.commands.executeCommand(CommandId.ShowPathOnly) : undefined));
}
