import * as os from 'node:os';
import * as vscode from 'vscode';
import { finishedBriefsForPortfolio, readFinishedBriefs } from '../../core/briefs/briefRecords';
import { detectionModule } from '../../core/lazy/modules';
import { portfolioFileNames } from '../../core/portfolio/portfolioFiles';
import type { RepositoryResolver } from '../../core/portfolio/repositories';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import type { Storage } from '../storage';

export interface ExportPortfolioDeps {
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  readonly storage: Storage;
  readonly logger: Logger;
}

/** Where the three files went (paths on disk), for callers and tests. */
export interface ExportedPortfolio {
  readonly markdown: string;
  readonly html: string;
  readonly proof: string;
}

/**
 * Export Portfolio: asks where to save (or takes `target`, a folder or a .md file), then writes the Markdown
 * page, the same as standalone HTML, and the proof file beside them, and offers to open the page.
 * Git runs only in a trusted workspace: untrusted, the portfolio has no commit links and the proof no claims.
 */
export async function exportPortfolioCommand(deps: ExportPortfolioDeps, target?: vscode.Uri): Promise<ExportedPortfolio | undefined> {
  const roadmap = await deps.roadmaps.require();
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Portfolio: the HTML page and the proof file are saved beside the Markdown file'),
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), portfolioFileNames().markdown),
      filters: { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Export Portfolio'),
    }));
  if (destination === undefined) {
    return undefined;
  }
  const folder = (await isDirectory(destination)) ? destination : vscode.Uri.joinPath(destination, '..');
  const names = portfolioFileNames(folder === destination ? undefined : destination.path.split('/').pop());
  const trusted = vscode.workspace.isTrusted;
  const lazy = detectionModule();
  const repositoryOf: RepositoryResolver = trusted ? lazy.gitRepositoryResolver((dir) => lazy.createGitRunner(dir)) : () => Promise.resolve(undefined);
  const exported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Backend Roadmap: exporting your portfolio') }, () =>
    lazy.exportPortfolio({
      roadmap,
      progress: deps.progress.all,
      repositoryOf,
      now: new Date(),
      briefs: finishedBriefsForPortfolio(roadmap, readFinishedBriefs(deps.storage.get('finishedBriefs'))),
    }),
  );
  const uris = { markdown: vscode.Uri.joinPath(folder, names.markdown), html: vscode.Uri.joinPath(folder, names.html), proof: vscode.Uri.joinPath(folder, names.proof) };
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(uris.markdown, encoder.encode(exported.markdown));
  await vscode.workspace.fs.writeFile(uris.html, encoder.encode(exported.html));
  await vscode.workspace.fs.writeFile(uris.proof, encoder.encode(exported.proofText));
  deps.logger.info(`Portfolio exported to ${uris.markdown.fsPath} (${exported.proof.claims.length} proof claims, ${exported.notClaimed} not claimed)`);
  offerToOpen(uris, exportNotes(trusted, exported.notClaimed));
  return { markdown: uris.markdown.fsPath, html: uris.html.fsPath, proof: uris.proof.fsPath };
}

function exportNotes(trusted: boolean, notClaimed: number): string {
  if (!trusted) {
    return vscode.l10n.t('Restricted Mode: git did not run, so there are no commit links and no proof claims. Trust the workspace and export again to add them.');
  }
  return notClaimed > 0 ? vscode.l10n.t('{0} pieces of evidence have no proof claim: their folders are not on this machine. Export on the machine that has them to add them.', notClaimed) : '';
}

function offerToOpen(uris: { readonly markdown: vscode.Uri; readonly html: vscode.Uri }, notes: string): void {
  const open = vscode.l10n.t('Open');
  const preview = vscode.l10n.t('Preview Markdown');
  const message = vscode.l10n.t('Portfolio saved: {0}, with the HTML page and the proof file beside it.', uris.markdown.fsPath);
  void vscode.window.showInformationMessage(notes === '' ? message : `${message} ${notes}`, open, preview).then(async (choice) => {
    // The HTML page opens in the browser; where that is not possible (a remote window), the Markdown preview shows it.
    if (choice === open && (await vscode.env.openExternal(uris.html))) {
      return;
    }
    if (choice !== undefined) {
      await vscode.commands.executeCommand('markdown.showPreview', uris.markdown);
    }
  });
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
  } catch {
    return false;
  }
}
