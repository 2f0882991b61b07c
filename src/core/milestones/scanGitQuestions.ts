import { filesHistoryArgs, WORK_TREE_ARGS, workingTreeStatusArgs } from '../detection/authorship';
import { gitListArgs } from '../scan/fileList';
import { BRANCH_TIPS_ARGS, PUSHED_LOG_ARGS } from './gitFacts';
import { HEAD_LOG_ARGS } from './headLog';

/**
 * What a scan of a small repository asks git, besides its configuration (`GitRunner.config`) and who wrote
 * a line where its file's history cannot say (blame, and whether a commit renamed a file: lineHistory.ts), in
 * the engine's own words: for the bench's design floor (scripts/bench/scanFloor.mjs), which must ask exactly
 * this and nothing less; a copy of the arguments there drifted from the engine's once.
 */
export const SCAN_GIT_QUESTIONS = {
  /** Asked at once when the scan starts: history, branches, the work tree, the listing. */
  atStart: [HEAD_LOG_ARGS, BRANCH_TIPS_ARGS, WORK_TREE_ARGS, gitListArgs('all')],
  /** Asked once the branches are known, when there are remote ones. */
  whenRemotes: PUSHED_LOG_ARGS,
  /** Asked about the files the evidence names: their status and their history. */
  forEvidence: (paths: readonly string[]): readonly (readonly string[])[] => [workingTreeStatusArgs(paths), filesHistoryArgs(paths, true)],
} as const;
