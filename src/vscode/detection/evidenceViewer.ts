import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Services } from '../services';

const execFileAsync = promisify(execFile);

/**
 * Opens what proved a skill: the file at its line, the commit (git show, trusted workspaces only), or
 * the command that ran. Without an index it shows the skill, whose panel lists all evidence.
 */
export async function showEvidence(services: Services, skillId: string | undefined, index: number | undefined): Promise<void> {
  if (skillId === undefined) {
    return;
  }
  const evidence = services.progress.get(skillId).evidence[index ?? -1];
  if (!evidence) {
    await vscode.commands.executeCommand(CommandId.ShowSkill, skillId);
    return;
  }
  if (evidence.folder && evidence.path) {
    const uri = vscode.Uri.joinPath(vscode.Uri.file(evidence.folder), ...evidence.path.split('/'));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showWarningMessage(`${evidence.path} is no longer in ${evidence.folder}. The skill stays done: it was proved on ${new Date(evidence.at).toLocaleString()}.`);
      return;
    }
    const line = Math.max(0, (evidence.line ?? 1) - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), preview: true });
    return;
  }
  if (evidence.folder && evidence.commit) {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(`Commit ${evidence.commit.slice(0, 10)}: ${evidence.summary}. (Git does not run in Restricted Mode, so the commit is not shown.)`);
      return;
    }
    try {
      const { stdout } = await execFileAsync('git', ['-c', 'core.pager=cat', 'show', '--stat', '--format=fuller', '--no-color', evidence.commit, '--'], { cwd: evidence.folder, maxBuffer: 4 * 1024 * 1024, timeout: 10000 });
      const document = await vscode.workspace.openTextDocument({ content: stdout, language: 'git-commit' });
      await vscode.window.showTextDocument(document, { preview: true });
    } catch (error) {
      services.logger.error(`git show ${evidence.commit} failed`, error);
      void vscode.window.showWarningMessage(`Could not show commit ${evidence.commit.slice(0, 10)} (${evidence.summary}): is git installed and the repository still there?`);
    }
    return;
  }
  const ran = evidence.command ? ` \`${evidence.command}\` exited with ${evidence.exitCode ?? 0}.` : '';
  void vscode.window.showInformationMessage(`${evidence.summary}.${ran} Seen ${new Date(evidence.at).toLocaleString()}${evidence.folder ? ` in ${evidence.folder}` : ''}.`);
}
