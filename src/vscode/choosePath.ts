import * as vscode from 'vscode';
import { isStack } from '../core/plan/path';
import { STACK_LABELS, parseHoursPerWeek, stackChoices } from '../core/view/choosePath';
import { getConfig, setConfig } from './config';

interface StackItem extends vscode.QuickPickItem {
  readonly stack: string;
}

/**
 * "Choose Your Path": the stack you learn with and the hours a week you can give, kept in the settings
 * `backendRoadmap.plan.stack` and `backendRoadmap.plan.hoursPerWeek`. Escape at any step changes nothing.
 */
export async function choosePath(): Promise<void> {
  const current = getConfig('plan.stack');
  const items: StackItem[] = stackChoices().map(({ stack, label }) => ({ label, stack, ...(stack === current ? { description: 'your stack now' } : {}) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Choose your path (1/2): your stack',
    placeHolder: 'The language and ecosystem you build backends with; skills of other stacks stay reachable',
  });
  if (!picked) {
    return;
  }
  const hours = await vscode.window.showInputBox({
    title: 'Choose your path (2/2): hours a week',
    prompt: 'How many hours a week can you study? Plans and estimates use it.',
    value: String(getConfig('plan.hoursPerWeek')),
    validateInput: (text) => {
      const parsed = parseHoursPerWeek(text);
      return parsed.ok ? undefined : parsed.problem;
    },
  });
  const parsed = hours === undefined ? undefined : parseHoursPerWeek(hours);
  if (!parsed?.ok) {
    return;
  }
  await setConfig('plan.stack', picked.stack);
  await setConfig('plan.hoursPerWeek', parsed.hours);
  const label = isStack(picked.stack) ? STACK_LABELS[picked.stack] : picked.stack;
  void vscode.window.showInformationMessage(`Your path: ${label}, ${parsed.hours} h a week. Change it any time with "Backend Roadmap: Choose Your Path".`);
}
