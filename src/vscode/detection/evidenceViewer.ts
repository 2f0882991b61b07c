import * as vscode from 'vscode';
import { detectionModule } from '../../core/lazy/modules';
import { CommandId } from '../../core/view/commandIds';
import { plainText } from '../../core/view/inlineCode';
import { endSentence } from '../../core/text/sentences';
import type { Evidence } from '../../core/progress/model';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';

/**
 * Opens what proved a skill: the file at its line, the commit (git show, trusted workspaces only), or
 * the command that ran. Without an index it shows the skill, whose panel lists all evidence.
 */
export async function showEvidence(deps: { readonly progress: ProgressService; readonly logger: Logger }, skillId: string | undefined, index: number | undefined): Promise<void> {
  if (skillId === undefined) {
    return;
  }
  const evidence = deps.progress.get(skillId).evidence[index ?? -1];
  if (!evidence) {
    await vscode.commands.executeCommand(CommandId.ShowSkill, skillId);
    return;
  }
  await openEvidence(evidence, deps.logger);
}

/** Opens one piece of evidence: the file at its line, the commit (trusted workspaces only), or a note of the command that ran. */
export async function openEvidence(evidence: Evidence, logger: Logger): Promise<void> {
  if (evidence.folder && evidence.path) {
    const uri = vscode.Uri.joinPath(vscode.Uri.file(evidence.folder), ...evidence.path.split('/'));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer in {1}. The skill stays done: it was proved on {2}.', evidence.path, evidence.folder, new Date(evidence.at).toLocaleString()));
      return;
    }
    const line = Math.max(0, (evidence.line ?? 1) - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), preview: true });
    return;
  }
  if (evidence.folder && evidence.commit) {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Commit {0}: {1} Git does not run in Restricted Mode, so the commit is not shown: trust the folder to see it.', evidence.commit.slice(0, 10), endSentence(plainText(evidence.summary))));
      return;
    }
    const shown = await detectionModule().createGitRunner(evidence.folder).run(['show', '--stat', '--format=fuller', '--no-color', evidence.commit, '--']);
    if (shown.ok) {
      const document = await vscode.workspace.openTextDocument({ content: shown.stdout, language: 'git-commit' });
      await vscode.window.showTextDocument(document, { preview: true });
    } else {
      logger.error(`git show ${evidence.commit} failed: ${shown.message}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not show commit {0} ({1}): {2} Is the repository still there?', evidence.commit.slice(0, 10), plainText(evidence.summary), endSentence(shown.message)));
    }
    return;
  }
  const ran = evidence.command && !evidence.summary.includes(`\`${evidence.command}\``) ? vscode.l10n.t(' "{0}" exited with {1}.', evidence.command, evidence.exitCode ?? 0) : '';
  const summary = endSentence(capitalise(plainText(evidence.summary)));
  const seen = new Date(evidence.at).toLocaleString();
  void vscode.window.showInformationMessage(evidence.folder ? vscode.l10n.t('{0}{1} Seen {2} in {3}.', summary, ran, seen, evidence.folder) : vscode.l10n.t('{0}{1} Seen {2}.', summary, ran, seen));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
