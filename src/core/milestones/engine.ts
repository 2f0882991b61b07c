import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Evidence } from '../progress/model';
import { FileIndex } from '../scan/fileIndex';
import { listFiles } from '../scan/fileList';
import { createGitRunner } from '../scan/gitRunner';
import { isIgnoredPath } from '../scan/ignoredPaths';
import type { MilestoneId } from './catalog';
import type { Detector, DetectOutcome } from './detector';
import { ALL_DETECTORS } from './detectors';
import { readGitFacts } from './gitFacts';
import { findGitRepository } from './gitRepository';
import { pathMatchesRule } from './pathRule';
import { createScanContext } from './scanContext';

export interface ScanOptions {
  /** False in untrusted workspaces (and with --no-git): then no git process runs at all. */
  readonly allowGit: boolean;
  /** Run the project's test command to decide `test.passing` (CLI --run-tests). */
  readonly runTests?: boolean;
  /** Check only these milestone ids (incremental re-checks); results are given for these only. */
  readonly only?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

export interface MilestoneResult {
  readonly id: MilestoneId;
  readonly present: boolean;
  readonly evidence: readonly Evidence[];
  /** False when the check was skipped, e.g. git in an untrusted workspace. */
  readonly checked: boolean;
  /** Why it was not checked. */
  readonly reason?: string;
}

export interface FolderScan {
  readonly folder: string;
  readonly milestones: readonly MilestoneResult[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
  readonly filesListed: number;
}

const GIT_FACT_IDS: ReadonlySet<string> = new Set(['git.history', 'git.branching', 'git.remote']);
const GIT_NOT_ALLOWED = 'git commands are not run in untrusted workspaces (or with --no-git)';
const GIT_MISSING = 'git is not installed or not on PATH';

/**
 * Scans one folder for every milestone (or those in `options.only`). Never throws for what it finds;
 * rejects when the folder is not a readable directory, and with the signal's reason when aborted.
 */
export async function scanFolder(folder: string, options: ScanOptions): Promise<FolderScan> {
  const started = performance.now();
  const signal = options.signal;
  signal?.throwIfAborted();
  const absolute = path.resolve(folder);
  await assertDirectory(absolute);
  const only = options.only;
  const detectors = only === undefined ? ALL_DETECTORS : ALL_DETECTORS.filter((detector) => only.has(detector.id));
  const warnings: string[] = [];
  const git = options.allowGit ? createGitRunner(absolute, signal) : undefined;

  // Git history, branches and remotes are read while the files are listed.
  const wantsFacts = detectors.some((detector) => GIT_FACT_IDS.has(detector.id));
  const gitFacts = git !== undefined && wantsFacts && (await findGitRepository(absolute)) !== undefined ? readGitFacts(git) : undefined;
  // Git facts and test runs need no file list; skip listing when only those are asked for.
  const needsFiles = detectors.some((detector) => detector.watch.length > 0 || detector.id === 'git.ignore');
  const listing = needsFiles ? await listFiles(absolute, { ...(git === undefined ? {} : { git }), ...(signal === undefined ? {} : { signal }) }) : undefined;
  warnings.push(...(listing?.warnings ?? []));
  const index = await FileIndex.build(listing?.files ?? [], signal);
  const gitUnavailableReason = !options.allowGit ? GIT_NOT_ALLOWED : listing?.gitMissing === true ? GIT_MISSING : undefined;
  const context = createScanContext({
    folder: absolute,
    index,
    signal,
    runTests: options.runTests ?? false,
    git,
    gitUnavailableReason,
    at: (options.now?.() ?? new Date()).toISOString(),
    warnings,
    ...(gitFacts === undefined ? {} : { gitFacts }),
  });

  const milestones: MilestoneResult[] = [];
  for (const detector of detectors) {
    signal?.throwIfAborted();
    milestones.push(toResult(detector.id, await runDetector(detector, context, warnings)));
  }
  return {
    folder: absolute,
    milestones,
    warnings,
    durationMs: Math.round(performance.now() - started),
    filesListed: listing?.files.length ?? 0,
  };
}

async function assertDirectory(folder: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `No such folder: ${folder}` : `Cannot read ${folder}: ${code ?? String(error)}`, { cause: error });
  }
  if (!stat.isDirectory()) {
    throw new Error(`Not a folder: ${folder}`);
  }
  try {
    await fs.access(folder, fs.constants.R_OK | fs.constants.X_OK);
  } catch (error: unknown) {
    throw new Error(`Cannot read folder: ${folder}`, { cause: error });
  }
}

async function runDetector(detector: Detector, context: ReturnType<typeof createScanContext>, warnings: string[]): Promise<DetectOutcome> {
  try {
    return await detector.detect(context);
  } catch (error: unknown) {
    context.signal?.throwIfAborted();
    // One broken detector must not hide the others' results.
    const message = error instanceof Error ? error.message : String(error);
    warnings.push(`${detector.id}: check failed (${message})`);
    return { kind: 'notChecked', reason: `check failed: ${message}` };
  }
}

function toResult(id: MilestoneId, outcome: DetectOutcome): MilestoneResult {
  if (outcome.kind === 'notChecked') {
    return { id, present: false, evidence: [], checked: false, reason: outcome.reason };
  }
  return { id, present: outcome.evidence.length > 0, evidence: outcome.evidence, checked: true };
}

const GIT_IDS: ReadonlySet<MilestoneId> = new Set<MilestoneId>(['git.repo', 'git.history', 'git.branching', 'git.remote']);

/**
 * Milestones whose result a created, changed or deleted file can change (for file watchers).
 * `.git/…` paths affect the git milestones; files in ignored folders affect none.
 */
export function milestonesAffectedByPath(relativePath: string): ReadonlySet<MilestoneId> {
  const normalized = relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (normalized === '.git' || normalized.startsWith('.git/')) {
    return GIT_IDS;
  }
  if (normalized === '' || isIgnoredPath(normalized)) {
    return new Set();
  }
  const affected = new Set<MilestoneId>();
  for (const detector of ALL_DETECTORS) {
    if (detector.watch.some((rule) => pathMatchesRule(rule, normalized))) {
      affected.add(detector.id);
    }
  }
  return affected;
}
