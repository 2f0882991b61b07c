import * as vscode from 'vscode';
import { detectionModule } from '../../core/lazy/modules';
import { CommandId } from '../../core/view/commandIds';
import { testRunNotice } from '../../core/view/notices';
import type { Completed } from '../../core/view/notices';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import type { CompletionNotifier, HeldCompletions } from './completionNotifier';
import type { DetectionService } from './detectionService';
import { localFolders } from './localFolders';

/** The task type of "Run My Tests"; declared in package.json `taskDefinitions`. */
export const TEST_TASK_TYPE = 'backendRoadmap';

export interface RunMyTestsDeps {
  readonly logger: Logger;
  readonly detection: DetectionService;
  readonly notifier: CompletionNotifier;
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
}

/**
 * Finds the project's test command (npm test, pytest, go test ./..., mvn test, ...) and runs it as a
 * test task in the terminal, where the learner sees the output. A pass becomes evidence through the
 * task-end listener. When the run ends, one notification says how it went and what it proved or would
 * prove. Never runs in an untrusted workspace. Resolves once the task has started.
 */
export async function runMyTests(deps: RunMyTestsDeps): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Backend Roadmap runs your tests only in a trusted workspace: test commands execute code from the project.'), vscode.l10n.t('Manage Workspace Trust'));
    if (choice) {
      await vscode.commands.executeCommand('workbench.trust.manage');
    }
    return;
  }
  const folders = localFolders();
  const folder = folders.length <= 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Run the tests of which folder?') });
  if (!folder) {
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open your project folder first, then run "Backend Roadmap: Run My Tests".'));
    }
    return;
  }
  const { describeTestRunners, detectTestCommand } = detectionModule();
  const command = await detectTestCommand(folder.uri.fsPath);
  if (!command) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Backend Roadmap found no test command in "{0}". It looks for {1}. Add tests and try again, or run them in the terminal: a passing run is noticed there too.', folder.name, describeTestRunners()));
    return;
  }
  deps.logger.info(`Running ${command.display} in ${folder.uri.fsPath} (from ${command.source})`);
  const task = new vscode.Task({ type: TEST_TASK_TYPE, purpose: 'test' }, folder, vscode.l10n.t('Run my tests ({0})', command.display), 'Backend Roadmap', new vscode.ProcessExecution(command.command, [...command.args], { cwd: folder.uri.fsPath }), []);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
  const ending = new TaskEnd(deps.notifier);
  try {
    const execution = await vscode.tasks.executeTask(task);
    void ending.of(execution).then((end) => report(deps, command.display, end), (error: unknown) => deps.logger.error('Reporting the test run failed', error));
  } catch (error) {
    ending.dispose();
    throw error;
  }
}

/** How a task ended: its exit code (undefined when it was stopped), and what its run completed. */
interface Ended {
  readonly exitCode: number | undefined;
  readonly held: HeldCompletions;
}

/**
 * Waits for one task execution to end. Listening starts before the task does, so a quick run is not missed;
 * completions are held from the moment the process ends, when the test-run listener records the pass.
 */
class TaskEnd implements vscode.Disposable {
  private readonly ended = new Map<vscode.TaskExecution, Ended>();
  private wake: (() => void) | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(notifier: CompletionNotifier) {
    this.listeners = [
      vscode.tasks.onDidEndTaskProcess((event) => {
        this.ended.set(event.execution, { exitCode: event.exitCode, held: notifier.hold() });
        this.wake?.();
      }),
      vscode.tasks.onDidEndTask((event) => {
        if (!this.ended.has(event.execution)) {
          this.ended.set(event.execution, { exitCode: undefined, held: notifier.hold() });
        }
        this.wake?.();
      }),
    ];
  }

  async of(execution: vscode.TaskExecution): Promise<Ended> {
    try {
      for (;;) {
        const end = this.ended.get(execution);
        if (end !== undefined) {
          this.ended.delete(execution);
          return end;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    for (const listener of this.listeners.splice(0)) {
      listener.dispose();
    }
    // Other tasks that ended meanwhile hold nothing back.
    for (const end of this.ended.values()) {
      end.held.release();
    }
  }
}

async function report(deps: RunMyTestsDeps, command: string, end: Ended): Promise<void> {
  let completed: Completed;
  try {
    // The test-run listener records a pass on the same event: wait until it is judged.
    await new Promise((resolve) => setImmediate(resolve));
    await deps.detection.eventsSettled();
  } finally {
    completed = end.held.release();
  }
  const roadmap = await deps.roadmaps.require();
  const notice = testRunNotice({ command, exitCode: end.exitCode, completed }, roadmap, deps.progress.all);
  const skillId = notice.skillId;
  const actions = skillId === undefined ? [] : [vscode.l10n.t('Show Skill')];
  const shown = notice.severity === 'warning' ? vscode.window.showWarningMessage(notice.text, ...actions) : vscode.window.showInformationMessage(notice.text, ...actions);
  void shown.then((choice) => {
    if (choice !== undefined && skillId !== undefined) {
      void vscode.commands.executeCommand(CommandId.ShowSkill, skillId);
    }
  });
}
