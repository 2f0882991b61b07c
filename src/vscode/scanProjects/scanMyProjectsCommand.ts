import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProjectsScan } from '../../core/detection/scanMyProjects';
import { detectionModule } from '../../core/lazy/modules';
import { scanImportProgress } from '../../core/progress/scanImport';
import type { Roadmap } from '../../core/roadmap/model';
import { plural } from '../../core/text/plural';
import { scanSummary } from '../../core/view/scanSummary';
import { getConfig } from '../config';
import type { DetectionService } from '../detection/detectionService';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';

export interface ScanMyProjectsDeps {
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  readonly detection: () => DetectionService;
  readonly logger: Logger;
}

/** What happened, for callers and tests. */
export interface ScanMyProjectsOutcome {
  readonly repositories: number;
  /** Every skill the learner's own work proves in some repository, in roadmap order. */
  readonly proved: readonly string[];
  /** Those of them that were not done yet. */
  readonly newlyDone: readonly string[];
  readonly recorded: boolean;
}

/**
 * Scan My Projects: the learner picks a folder (or `root` is given); every git repository under it is scanned
 * for their own work (a cancellable notification, one repository at a time); a summary says what it would mark
 * done, and only when they agree (`confirmed` skips the question, for tests) is it merged like an import.
 */
export async function scanMyProjectsCommand(deps: ScanMyProjectsDeps, root?: vscode.Uri, options?: { readonly confirmed?: boolean }): Promise<ScanMyProjectsOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Scan My Projects runs git in every repository it finds, to tell your own work from others\', so it works only in a trusted workspace. Trust this workspace, then run it again.'),
      manage,
    );
    if (choice === manage) {
      await vscode.commands.executeCommand('workbench.trust.manage');
    }
    return undefined;
  }
  const roadmap = await deps.roadmaps.require();
  const folder =
    root ??
    (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Scan My Projects: choose the folder that holds your projects'),
        openLabel: vscode.l10n.t('Scan This Folder'),
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: vscode.Uri.file(os.homedir()),
      })
    )?.[0];
  if (folder === undefined) {
    return undefined;
  }
  if (folder.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Scan My Projects reads folders on this machine only: choose a local folder.'));
    return undefined;
  }
  const scan = await scanWithProgress(deps, folder.fsPath, roadmap);
  if (scan === undefined) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Backend Roadmap: Scan My Projects cancelled, nothing was recorded'), 4000);
    return undefined;
  }
  logScan(deps.logger, scan);
  const plan = scanImportProgress(scan.credited, deps.progress.all, new Date());
  const summary = scanSummary(roadmap, scan, plan);
  const outcome = { repositories: scan.repositories.length, proved: scan.credited.map((entry) => entry.skill.id), newlyDone: plan.newlyDone };
  if (summary.newlyDone === 0) {
    void vscode.window.showInformationMessage(summary.message, { modal: options?.confirmed !== true, detail: summary.detail });
    return { ...outcome, recorded: false };
  }
  const markDone = vscode.l10n.t('Mark Done');
  const agreed = options?.confirmed === true || (await vscode.window.showInformationMessage(summary.message, { modal: true, detail: summary.detail }, markDone)) === markDone;
  if (!agreed) {
    return { ...outcome, recorded: false };
  }
  const merged = await deps.progress.importProgress(plan.progress, (id) => roadmap.skillById.has(id));
  deps.logger.info(`Scan My Projects recorded ${plan.newlyDone.length} skills (${merged.added} added, ${merged.updated} updated)`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Backend Roadmap marked {0} done from your projects, each with its evidence. Reset Skill undoes any of them.', plural(plan.newlyDone.length, 'skill')),
  );
  return { ...outcome, recorded: true };
}

async function scanWithProgress(deps: ScanMyProjectsDeps, root: string, roadmap: Roadmap): Promise<ProjectsScan | undefined> {
  const lazy = detectionModule();
  const detection = deps.detection();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Backend Roadmap: scanning your projects'), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      progress.report({ message: vscode.l10n.t('looking for git repositories in {0}…', path.basename(root) || root) });
      try {
        return await lazy.scanMyProjects(root, roadmap, {
          scan: (folder, scanOptions) => lazy.scanFolder(folder, scanOptions),
          // Tests never run: that would run the code of every repository found.
          scanOptions: { allowGit: true, authorship: { extraEmails: getConfig('identity.emails').filter((email): email is string => typeof email === 'string') } },
          credit: detection.creditPolicy(),
          signal: controller.signal,
          onRepository: (folder, index, total) => progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', index + 1, total, path.basename(folder)), increment: 100 / total }),
        });
      } catch (error) {
        if (controller.signal.aborted) {
          return undefined;
        }
        throw error;
      } finally {
        cancel.dispose();
      }
    },
  );
}

function logScan(logger: Logger, scan: ProjectsScan): void {
  logger.info(`Scan My Projects: ${scan.repositories.length} repositories under ${scan.root}`);
  for (const outcome of scan.repositories) {
    if ('error' in outcome) {
      logger.warn(`  ${outcome.folder}: ${outcome.error}`);
      continue;
    }
    logger.info(`  ${outcome.folder}: ${outcome.credit.skills.length} skills proved by your own work${outcome.credit.notYours.length > 0 ? `, ${outcome.credit.notYours.length} only by someone else's` : ''}`);
    outcome.warnings.forEach((warning) => logger.warn(`  ${outcome.folder}: ${warning}`));
  }
}
