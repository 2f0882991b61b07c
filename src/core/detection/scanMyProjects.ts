import type { FolderScan, ScanOptions } from '../milestones/engine';
import type { Roadmap } from '../roadmap/model';
import { findRepositories } from '../scan/findRepositories';
import type { FindRepositoriesOptions } from '../scan/findRepositories';
import type { CreditPolicy } from './credit';
import { creditRepository, creditedUnion } from './repositoryCredit';
import type { CreditedSkill, RepositoryCredit } from './repositoryCredit';
import { errorMessage } from '../errorMessage';

/** One repository's outcome: what it credits to the learner, or why it could not be scanned. */
export type RepositoryOutcome =
  | { readonly folder: string; readonly credit: RepositoryCredit; readonly warnings: readonly string[] }
  | { readonly folder: string; readonly error: string };

export interface ProjectsScan {
  readonly root: string;
  /** In the order found (sorted paths). */
  readonly repositories: readonly RepositoryOutcome[];
  /** Every skill the learner's own work proves in some repository, once, in roadmap order: what an import records. */
  readonly credited: readonly CreditedSkill[];
  /** Set when the search for repositories stopped at a bound. */
  readonly stoppedEarly?: string;
}

export interface ScanMyProjectsOptions {
  /** The engine (`detectionModule().scanFolder`, a lazily loaded bundle); replaced in tests. */
  readonly scan: (folder: string, options: ScanOptions) => Promise<FolderScan>;
  /** Options for each scan; give `authorship` so that only the learner's own work is credited. Tests never run. */
  readonly scanOptions: Omit<ScanOptions, 'runTests' | 'only' | 'files' | 'signal'>;
  readonly credit: CreditPolicy;
  readonly find?: FindRepositoriesOptions;
  readonly signal?: AbortSignal;
  /** Called before each repository is scanned (a progress notification). */
  readonly onRepository?: (folder: string, index: number, total: number) => void;
}

/**
 * "Scan My Projects": finds the git repositories under `root`, scans each one (one at a time: each runs git and
 * reads many files, in parallel they would only compete), and works out what each credits to the learner.
 * Records nothing: turn `credited` into an import with `scanImportProgress` once the learner agrees.
 */
export async function scanMyProjects(root: string, roadmap: Roadmap, options: ScanMyProjectsOptions): Promise<ProjectsScan> {
  const found = await findRepositories(root, { ...options.find, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  const repositories: RepositoryOutcome[] = [];
  for (const [index, folder] of found.repositories.entries()) {
    options.signal?.throwIfAborted();
    options.onRepository?.(folder, index, found.repositories.length);
    repositories.push(await scanOne(roadmap, folder, options));
  }
  const credits = repositories.flatMap((outcome) => ('credit' in outcome ? [outcome.credit] : []));
  return { root, repositories, credited: creditedUnion(roadmap, credits), ...(found.stoppedEarly === undefined ? {} : { stoppedEarly: found.stoppedEarly }) };
}

async function scanOne(roadmap: Roadmap, folder: string, options: ScanMyProjectsOptions): Promise<RepositoryOutcome> {
  let scan: FolderScan;
  try {
    scan = await options.scan(folder, { ...options.scanOptions, runTests: false, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  } catch (error: unknown) {
    options.signal?.throwIfAborted();
    return { folder, error: `scan failed: ${errorMessage(error)}` };
  }
  return { folder, credit: creditRepository(roadmap, scan, options.credit), warnings: scan.warnings };
}
