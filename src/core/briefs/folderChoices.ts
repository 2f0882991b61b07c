import * as path from 'node:path';
import type { ProjectFacts } from '../detection/projectRules';
import type { ProjectBrief } from '../roadmap/model';
import { plural } from '../text/plural';
import type { BriefCheckOptions } from './checkBrief';
import { judgeBrief } from './judgeBrief';

export interface BriefFolderChoice {
  readonly folder: string;
  readonly name: string;
  /** "3 of 5 checks found", or why nothing is known yet. */
  readonly description: string;
  /** The folder that comes closest to completing the brief (judgeBrief's best), when one is checked. */
  readonly suggested: boolean;
}

/**
 * The open workspace folders to build a brief in, the one that comes closest first (then in workspace order):
 * the learner picks where their project lives, and the checklist is checked there from then on.
 */
export function briefFolderChoices(brief: ProjectBrief, openFolders: readonly string[], projects: readonly ProjectFacts[], options: BriefCheckOptions): BriefFolderChoice[] {
  const checked = projects.filter((project) => openFolders.includes(project.folder));
  const verdict = judgeBrief(brief, checked, options);
  const best = checked.length > 0 ? verdict.best.folder : undefined;
  const choices = openFolders.map((folder): BriefFolderChoice => {
    const status = verdict.folders.find((candidate) => candidate.folder === folder);
    return {
      folder,
      name: path.basename(folder) || folder,
      description: status === undefined ? 'not checked yet' : `${status.checksFound} of ${plural(status.checksTotal, 'check')} found`,
      suggested: folder === best,
    };
  });
  return [...choices.filter((choice) => choice.suggested), ...choices.filter((choice) => !choice.suggested)];
}
