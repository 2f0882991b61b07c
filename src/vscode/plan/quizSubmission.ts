import type { EvidenceOutcome } from '../../core/progress/rules';
import type { QuizGrade } from '../../core/quiz/grade';
import { quizPassEvidence } from '../../core/quiz/passRecord';
import { quizRecording, reviewResultMessage } from '../../core/plan/reviewSubmission';
import type { Skill } from '../../core/roadmap/model';
import type { ProgressService } from '../progressService';
import type { PlanService } from './planService';
import { localUtcOffsetMinutes } from './planService';

export interface RecordedSubmission {
  /** What recording a pass did to the skill; undefined for a review or a fail. */
  readonly recorded: EvidenceOutcome | undefined;
  /** A new pass was recorded (rules naming `quiz.passed` may now be met). */
  readonly passRecorded: boolean;
  /** Set when the submission was a due review: the result message to show instead of the usual one. */
  readonly reviewMessage?: string;
}

/**
 * Records a graded self-check: as the due review when one is due (reviewSubmission.ts), else a pass as a
 * pass. Called by the details panel when the learner submits.
 */
export async function recordQuizSubmission(progress: ProgressService, plan: PlanService, skill: Skill, grade: QuizGrade, now = new Date()): Promise<RecordedSubmission> {
  const offset = localUtcOffsetMinutes(now);
  const recording = quizRecording(progress.all, skill.id, grade.passed, now, offset, plan.reviewsEnabled());
  switch (recording.kind) {
    case 'review':
      await progress.recordReview(skill.id, recording.passed);
      return { recorded: undefined, passRecorded: false, reviewMessage: reviewResultMessage(progress.all, skill.id, grade, offset) };
    case 'pass':
      return { recorded: (await progress.recordQuizPass(skill, quizPassEvidence(grade, now))).outcome, passRecorded: true };
    case 'nothing':
      return { recorded: undefined, passRecorded: false };
  }
}
