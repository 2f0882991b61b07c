import type { ProjectFacts } from '../detection/projectRules';
import type { ProjectBrief } from '../roadmap/model';
import { checkBrief } from './checkBrief';
import type { BriefCheckOptions, BriefStatus } from './checkBrief';

/** How a brief fares across the learner's workspace folders. */
export interface BriefVerdict {
  /** The folder that completes the brief, or that comes closest (the first of equals); its checklist. */
  readonly best: BriefStatus;
  /** Every folder's checklist, in the order given. */
  readonly folders: readonly BriefStatus[];
  /** Every check is found somewhere, but in no single folder: a brief is never completed across folders. */
  readonly onlyAcrossFolders: boolean;
}

/** Checks the brief in each folder (no folder chosen yet, or to suggest one); never combines folders into a proof. */
export function judgeBrief(brief: ProjectBrief, projects: readonly ProjectFacts[], options: BriefCheckOptions): BriefVerdict {
  const folders = projects.map((project) => checkBrief(brief, project, options));
  const best = folders.reduce<BriefStatus | undefined>((top, status) => (top === undefined || status.checksFound > top.checksFound ? status : top), undefined) ?? checkBrief(brief, undefined, options);
  const foundSomewhere = new Set(folders.flatMap((status) => status.criteria.flatMap((criterion) => criterion.checks.filter((c) => c.status === 'found').map((c) => c.check))));
  const every = brief.criteria.flatMap((criterion) => criterion.checks);
  return { best, folders, onlyAcrossFolders: !best.complete && every.length > 0 && every.every((check) => foundSomewhere.has(check)) };
}
