import { SKILL_STATES } from '../progress/model';
import type { DashboardView } from './dashboardView';
import type { BriefView } from './briefViewTypes';
import type { SkillState } from '../progress/model';

/**
 * Messages between the extension host and the details webview, typed both ways. This file is shared
 * by the page script (media/src) and must not import `vscode`.
 */

export interface SkillLink {
  readonly id: string;
  readonly title: string;
  readonly state: SkillState;
}

export interface EvidenceView {
  readonly index: number;
  readonly milestoneTitle: string;
  readonly summary: string;
  readonly folderName?: string;
  readonly location?: string;
  readonly at: string;
  /** True when the host can open it (a file, a commit). */
  readonly openable: boolean;
}

/** One milestone of a skill's detect rule, present or not: the "Why is this (not) done?" view. */
export interface MilestoneCheckView {
  readonly id: string;
  readonly title: string;
  /** 'present' | 'missing' | 'unknown' (not checked yet, or not checkable here). */
  /** `notCredited`: present in a project, but not the learner's work (so it proves nothing). */
  readonly status: 'present' | 'notCredited' | 'missing' | 'unknown';
  readonly detail: string;
  /** Whether the skill needs all of these or one of a group. */
  readonly group: 'all' | 'any';
  /** A command that can settle this check now, shown as a button beside it (`runTests`: Run My Tests). */
  readonly action?: 'runTests';
}

/** One self-check question as the page sees it before answering: no answer key, no explanation. */
export interface QuizQuestionView {
  readonly questionHtml: string;
  readonly choicesHtml: readonly string[];
  /** Several choices are right: the page shows checkboxes instead of radio buttons. */
  readonly multiple: boolean;
}

export interface QuizView {
  readonly questions: readonly QuizQuestionView[];
  /** What passing does for this skill (proves it, or is practice beside its real evidence). */
  readonly note: string;
}

/** The host's grading of a submission: right or wrong per question, with the explanation (never the key itself). */
export interface QuizResultView {
  /** The number of questions graded, to tell a result from an older version of the quiz. */
  readonly total: number;
  readonly passed: boolean;
  readonly score: number;
  readonly message: string;
  readonly results: readonly {
    readonly answered: boolean;
    readonly correct: boolean;
    /** What the learner picked, to show it again. */
    readonly chosen: readonly number[];
    readonly explainHtml: string;
  }[];
}

/** A submission: one entry per question, in order; null when unanswered, a list for a multi-answer question. */
export type SubmittedAnswer = number | readonly number[] | null;

export interface SkillView {
  readonly kind: 'skill';
  readonly id: string;
  readonly title: string;
  readonly stage: { readonly id: string; readonly title: string; readonly order: number };
  readonly summaryHtml: string;
  readonly whyHtml: string;
  readonly subtopics: readonly string[];
  readonly resources: readonly { readonly title: string; readonly url: string; readonly kind: string }[];
  readonly practiceHtml: readonly string[];
  /** `briefId`: the idea is a project brief, with a Start project button. */
  readonly projectIdeas: readonly { readonly title: string; readonly descriptionHtml: string; readonly briefId?: string }[];
  readonly estimatedHours: number;
  /** "about 6 h of study": the estimate as the page shows it. */
  readonly estimate: string;
  readonly state: SkillState;
  readonly stateLabel: string;
  /** "Set by you on …" / "Proved automatically on …", empty when not started. */
  readonly stateDetail: string;
  readonly note?: string;
  readonly prerequisites: readonly SkillLink[];
  readonly next?: SkillLink;
  readonly evidence: readonly EvidenceView[];
  readonly checks: readonly MilestoneCheckView[];
  /** Explains automatic detection for this skill (or its absence, or why it is off). */
  readonly detectionNote: string;
  /** The "Check yourself" section; absent when the roadmap has no self-check for the skill. */
  readonly quiz?: QuizView;
}

/** The dashboard's view (src/core/view/dashboardView.ts). */
export type { DashboardView } from './dashboardView';

/** A project brief and its checklist (src/core/view/briefViewTypes.ts, built by briefView.ts). */
export type { BriefView } from './briefViewTypes';

export type PanelView = SkillView | DashboardView | BriefView;

export type HostMessage =
  | { readonly type: 'render'; readonly view: PanelView }
  /** The page cannot be shown (a damaged install): what to do, in place of the page. */
  | { readonly type: 'unavailable'; readonly message: string }
  | { readonly type: 'quizResult'; readonly skillId: string; readonly result: QuizResultView };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setState'; readonly skillId: string; readonly state: SkillState }
  | { readonly type: 'openSkill'; readonly skillId: string }
  | { readonly type: 'openDashboard' }
  | { readonly type: 'openExternal'; readonly url: string }
  | { readonly type: 'openEvidence'; readonly skillId: string; readonly index: number }
  | { readonly type: 'editNote'; readonly skillId: string }
  | { readonly type: 'recheck' }
  | { readonly type: 'runTests' }
  | { readonly type: 'choosePath' }
  | { readonly type: 'startReview' }
  | { readonly type: 'submitQuiz'; readonly skillId: string; readonly answers: readonly SubmittedAnswer[] }
  | { readonly type: 'startProject'; readonly briefId: string }
  | { readonly type: 'openBriefEvidence'; readonly briefId: string; readonly index: number }
  | { readonly type: 'exportPortfolio' };

/** State the page keeps through `vscode.setState`, so a restored panel shows the same thing. */
export interface PanelState {
  readonly skillId?: string;
  /** The last self-check result per skill id, shown again when the learner comes back. */
  readonly quizResults?: Readonly<Record<string, QuizResultView>>;
}

const WEBVIEW_MESSAGE_TYPES: ReadonlySet<string> = new Set(['ready', 'setState', 'openSkill', 'openDashboard', 'openExternal', 'openEvidence', 'editNote', 'recheck', 'runTests', 'submitQuiz', 'choosePath', 'startReview', 'startProject', 'openBriefEvidence', 'exportPortfolio']);

/** Bounds on a submission: more than any valid quiz has, small enough to check cheaply. */
const MAX_SUBMITTED_ANSWERS = 20;
const MAX_CHOICES = 10;

function isChoiceIndex(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isSubmittedAnswers(value: unknown): value is readonly SubmittedAnswer[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_SUBMITTED_ANSWERS &&
    value.every((answer: unknown) => answer === null || isChoiceIndex(answer) || (Array.isArray(answer) && answer.length <= MAX_CHOICES && answer.every(isChoiceIndex)))
  );
}

/** Messages from the page are checked before use: a webview is a separate, less trusted context. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null || !('type' in value) || typeof value.type !== 'string' || !WEBVIEW_MESSAGE_TYPES.has(value.type)) {
    return false;
  }
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'setState':
      return typeof message.skillId === 'string' && SKILL_STATES.some((state) => state === message.state);
    case 'openSkill':
    case 'editNote':
      return typeof message.skillId === 'string';
    case 'openExternal':
      return typeof message.url === 'string';
    case 'startProject':
      return typeof message.briefId === 'string';
    case 'openBriefEvidence':
      return typeof message.briefId === 'string' && Number.isInteger(message.index);
    case 'openEvidence':
      return typeof message.skillId === 'string' && Number.isInteger(message.index);
    case 'submitQuiz':
      return typeof message.skillId === 'string' && isSubmittedAnswers(message.answers);
    default:
      return true;
  }
}
