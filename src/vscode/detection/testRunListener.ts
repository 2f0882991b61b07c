import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectionModule } from '../../core/lazy/modules';
import type { Evidence } from '../../core/progress/model';
import { Disposable } from '../lifecycle';
import type { Logger } from '../logger';
import { TEST_TASK_TYPE } from './runMyTests';
import { workspaceFolderOf } from './workspaceFolderOf';

/**
 * Turns a test run that passed into evidence: a test command typed in the integrated terminal (shell
 * integration reports its command line and exit code) or a test task that exits with 0. Runs that
 * fail are ignored: only passing tests prove anything.
 */
export class TestRunListener extends Disposable {
  constructor(
    private readonly onPassed: (folder: string, evidence: Evidence) => void,
    private readonly logger: Logger,
  ) {
    super();
    this._register(
      vscode.window.onDidEndTerminalShellExecution((event) => {
        const commandLine = event.execution.commandLine.value.trim();
        const { isTestCommandLine, testPassingEvidence } = detectionModule();
        // Task terminals report " *  Executing task: …" too; tasks are handled below.
        if (event.exitCode !== 0 || commandLine.startsWith('*') || !isTestCommandLine(commandLine)) {
          return;
        }
        const cwd = event.execution.cwd ?? event.terminal.shellIntegration?.cwd;
        const folder = workspaceFolderOf(cwd);
        if (folder) {
          this.onPassed(folder, testPassingEvidence(folder, commandLine, 0, new Date()));
        } else {
          // The line itself is never logged: it can hold tokens and passwords.
          this.logger.info(`A test run passed in ${cwd?.toString() ?? 'an unknown folder'}, outside the workspace folders: not counted`);
        }
      }),
    );
    this._register(
      vscode.tasks.onDidEndTaskProcess((event) => {
        const task = event.execution.task;
        if (event.exitCode !== 0) {
          return;
        }
        const commandLine = taskCommandLine(task);
        const { isTestCommandLine, testPassingEvidence } = detectionModule();
        const isTest = task.definition.type === TEST_TASK_TYPE || task.group?.id === vscode.TaskGroup.Test.id || (commandLine !== undefined && isTestCommandLine(commandLine));
        const folder = typeof task.scope === 'object' ? task.scope.uri.fsPath : workspaceFolderOf(undefined);
        if (isTest && folder) {
          const evidence = testPassingEvidence(folder, commandLine ?? task.name, 0, new Date());
          this.onPassed(folder, { ...evidence, summary: `test task "${task.name}" exited with 0` });
        }
      }),
    );
  }
}

function taskCommandLine(task: vscode.Task): string | undefined {
  const execution = task.execution;
  if (execution instanceof vscode.ShellExecution) {
    if (execution.commandLine) {
      return execution.commandLine;
    }
    // Typed as always set, but a ShellExecution made from a command line has no `command` at run time.
    const { command, args } = execution as { command?: string | vscode.ShellQuotedString; args?: (string | vscode.ShellQuotedString)[] };
    return command === undefined ? undefined : [command, ...(args ?? [])].map((part) => (typeof part === 'string' ? part : part.value)).join(' ');
  }
  if (execution instanceof vscode.ProcessExecution) {
    return [path.basename(execution.process), ...execution.args].join(' ');
  }
  return undefined;
}
