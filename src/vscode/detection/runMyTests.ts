import * as vscode from 'vscode';
import { detectionModule } from '../../core/lazy/modules';
import type { Logger } from '../logger';
import { localFolders } from './localFolders';

/** The task type of "Run My Tests"; declared in package.json `taskDefinitions`. */
export const TEST_TASK_TYPE = 'backendRoadmap';

/**
 * Finds the project's test command (npm test, pytest, go test ./..., mvn test, ...) and runs it as a
 * test task in the terminal, where the learner sees the output. A pass becomes evidence through the
 * task-end listener. Never runs in an untrusted workspace.
 */
export async function runMyTests(logger: Logger): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage('Backend Roadmap runs your tests only in a trusted workspace: test commands execute code from the project.', 'Manage Workspace Trust');
    if (choice) {
      await vscode.commands.executeCommand('workbench.trust.manage');
    }
    return;
  }
  const folders = localFolders();
  const folder = folders.length <= 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Run the tests of which folder?' });
  if (!folder) {
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Open your project folder first, then run "Backend Roadmap: Run My Tests".');
    }
    return;
  }
  const { describeTestRunners, detectTestCommand } = detectionModule();
  const command = await detectTestCommand(folder.uri.fsPath);
  if (!command) {
    void vscode.window.showInformationMessage(`Backend Roadmap found no test command in "${folder.name}". It looks for ${describeTestRunners()}. Add tests and try again, or run them in the terminal: a passing run is noticed there too.`);
    return;
  }
  logger.info(`Running ${command.display} in ${folder.uri.fsPath} (from ${command.source})`);
  const task = new vscode.Task({ type: TEST_TASK_TYPE, purpose: 'test' }, folder, `Run my tests (${command.display})`, 'Backend Roadmap', new vscode.ProcessExecution(command.command, [...command.args], { cwd: folder.uri.fsPath }), []);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
  await vscode.tasks.executeTask(task);
}
