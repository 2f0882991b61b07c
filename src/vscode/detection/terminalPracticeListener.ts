import * as vscode from 'vscode';
import { detectionModule } from '../../core/lazy/modules';
import type { Evidence } from '../../core/progress/model';
import { getConfig } from '../config';
import { Disposable } from '../lifecycle';
import type { Logger } from '../logger';
import { workspaceFolderOf } from './workspaceFolderOf';

/** Receives the practice evidence of one command line: program and subcommand only, `yours: true`, exit code 0. */
export type PracticeCallback = (folder: string | undefined, evidence: Evidence[]) => void;

/**
 * Turns commands the learner runs in the integrated terminal (`dig`, `curl -v https://…`, `git revert`)
 * into practice evidence, through shell integration's command line and exit code. Off when
 * `backendRoadmap.detection.terminal` or `backendRoadmap.detection.enabled` is false. The command line
 * itself is neither stored nor logged: it can hold tokens and hostnames.
 */
export class TerminalPracticeListener extends Disposable {
  constructor(
    private readonly onPractised: PracticeCallback,
    private readonly logger: Logger,
  ) {
    super();
    this._register(vscode.window.onDidEndTerminalShellExecution((event) => this.ended(event)));
  }

  private ended(event: vscode.TerminalShellExecutionEndEvent): void {
    if (event.exitCode !== 0 || !getConfig('detection.enabled') || !getConfig('detection.terminal')) {
      return;
    }
    const commandLine = event.execution.commandLine;
    // Low confidence: read back from the screen and possibly cut or mixed with the prompt.
    if (commandLine.confidence === vscode.TerminalShellExecutionCommandLineConfidence.Low) {
      return;
    }
    const line = commandLine.value.trim();
    if (line.startsWith('*')) {
      return; // " *  Executing task: …" in task terminals: tasks are not typed practice
    }
    const folder = workspaceFolderOf(event.execution.cwd ?? event.terminal.shellIntegration?.cwd);
    const evidence = detectionModule().practiceEvidence(line, event.exitCode, folder, new Date());
    if (evidence.length > 0) {
      this.logger.info(`Terminal practice: ran ${[...new Set(evidence.map((e) => e.command))].join(', ')} (${evidence.map((e) => e.milestone).join(', ')})`);
      this.onPractised(folder, evidence);
    }
  }
}
