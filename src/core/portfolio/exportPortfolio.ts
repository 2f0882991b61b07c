/**
 * "Export Portfolio" (the editor) and `backend-roadmap portfolio` (the CLI) both call this: the Markdown
 * page, the same as a standalone HTML page, and the proof file, from the roadmap and the learner's progress.
 */
import type { ProgressMap } from '../progress/model';
import type { Roadmap } from '../roadmap/model';
import { renderPortfolioHtml } from './html';
import { renderPortfolioMarkdown } from './markdown';
import type { FinishedBrief, FolderFacts } from './model';
import { buildPortfolio } from './model';
import type { ProofFile } from './proof';
import { buildProof, proofText } from './proof';
import type { RepositoryResolver } from './repositories';

export interface PortfolioExportInput {
  readonly roadmap: Roadmap;
  readonly progress: ProgressMap;
  /**
   * Git facts of an evidence folder (remote, prefix, commit authors); resolve to undefined when the folder
   * is not on this machine or git may not run (an untrusted workspace): the portfolio then has no links
   * for it and the proof no claim from it. `gitRepositoryResolver(createGitRunner)` is the usual one.
   */
  readonly repositoryOf: RepositoryResolver;
  readonly now: Date;
  /** Finished project briefs, when the learner has any. */
  readonly briefs?: readonly FinishedBrief[];
  /** Show the learner's notes (default true). */
  readonly includeNotes?: boolean;
}

export interface PortfolioExport {
  readonly markdown: string;
  readonly html: string;
  readonly proof: ProofFile;
  /** The proof file's text, ready to write. */
  readonly proofText: string;
  /** Evidence of the learner's with a commit that could not become a claim (its folder is not on this machine). */
  readonly notClaimed: number;
}

export async function exportPortfolio(input: PortfolioExportInput): Promise<PortfolioExport> {
  const folders = new Map<string, FolderFacts>();
  for (const folder of evidenceFolders(input.progress)) {
    const repository = await input.repositoryOf(folder);
    if (repository !== undefined) {
      folders.set(folder, { prefix: repository.prefix, ...(repository.remoteUrl === undefined ? {} : { remoteUrl: repository.remoteUrl }) });
    }
  }
  const portfolio = buildPortfolio({
    roadmap: input.roadmap,
    progress: input.progress,
    folders,
    now: input.now,
    ...(input.briefs === undefined ? {} : { briefs: input.briefs }),
    ...(input.includeNotes === undefined ? {} : { includeNotes: input.includeNotes }),
  });
  const { proof, notClaimed } = await buildProof(input.roadmap, input.progress, input.repositoryOf, input.now);
  return { markdown: renderPortfolioMarkdown(portfolio), html: renderPortfolioHtml(portfolio), proof, proofText: proofText(proof), notClaimed };
}

/** The folders the learner's own evidence on finished skills came from. */
function evidenceFolders(progress: ProgressMap): Set<string> {
  const folders = new Set<string>();
  for (const record of Object.values(progress)) {
    if (record.state !== 'done') {
      continue;
    }
    for (const evidence of record.evidence) {
      if (evidence.yours === true && evidence.folder !== undefined) {
        folders.add(evidence.folder);
      }
    }
  }
  return folders;
}
