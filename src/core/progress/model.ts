/** What the learner has achieved. Stored globally (it belongs to the learner, not to a folder). */

export const SKILL_STATES = ['notStarted', 'inProgress', 'done', 'skipped'] as const;
export type SkillState = (typeof SKILL_STATES)[number];

export const STATE_LABELS: Readonly<Record<SkillState, string>> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

/** Who set a state: the learner by hand, or a detector from evidence in a workspace. */
export type StateSetter = 'learner' | 'detector';

/**
 * One fact that proved a milestone. `summary` is what a learner reads ("Dockerfile", "express in
 * package.json", "commit 1a2b3c4 Add login"); the optional fields let the UI open the exact place.
 */
export interface Evidence {
  readonly milestone: string;
  readonly summary: string;
  /** Absolute path of the workspace folder the evidence came from. */
  readonly folder?: string;
  /** Path relative to `folder`, with forward slashes. */
  readonly path?: string;
  /** 1-based line in `path`. */
  readonly line?: number;
  readonly commit?: string;
  readonly command?: string;
  readonly exitCode?: number;
  /** ISO 8601 time the evidence was seen. */
  readonly at: string;
  /**
   * Whose work it is: true when the learner made it (their commit, their uncommitted change, a command they
   * ran), false when someone else did, null when it cannot be told (no git, git not allowed, no identity).
   * Absent on records from before authorship was checked.
   */
  readonly yours?: boolean | null;
  /** Set on evidence that is not a milestone seen in a project: `quiz` is a passed self-check (src/core/quiz). */
  readonly kind?: 'quiz';
  /** For a passed self-check: the share of questions answered right, 0 to 1. */
  readonly score?: number;
}

export interface SkillProgress {
  readonly state: SkillState;
  readonly setBy: StateSetter;
  /** ISO 8601 time of the last change of state. */
  readonly at: string;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
  /** Spaced reviews of the skill's passed self-check, oldest first (src/core/plan/review.ts); absent before the first. */
  readonly reviews?: readonly ReviewResult[];
}

/** One review of a passed self-check: when, and whether it was passed again. */
export interface ReviewResult {
  /** ISO 8601 time of the review. */
  readonly at: string;
  readonly passed: boolean;
}

export type ProgressMap = Readonly<Record<string, SkillProgress>>;
