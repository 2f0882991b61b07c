import type { QuizQuestion, Skill } from '../roadmap/model';

/** The learner's answer to one question: a choice index, a list of them (multi-answer), or none. */
export type QuizAnswer = number | readonly number[] | null | undefined;

/** The share of questions that must be right to pass, with every question answered. */
export const PASS_SHARE = 0.8;

export interface QuestionResult {
  /** 0-based position of the question. */
  readonly index: number;
  readonly answered: boolean;
  readonly correct: boolean;
  /** The choices the learner picked, ascending and without repeats. */
  readonly chosen: readonly number[];
  /** The right choices, ascending. */
  readonly answer: readonly number[];
  readonly explain: string;
}

export interface QuizGrade {
  readonly results: readonly QuestionResult[];
  readonly correctCount: number;
  readonly total: number;
  /** correctCount / total, 0 for a skill without questions. */
  readonly score: number;
  readonly allAnswered: boolean;
  /** Every question answered and at least PASS_SHARE of them right. */
  readonly passed: boolean;
}

/**
 * Grades answers given in question order; missing entries count as unanswered. A multi-answer question is
 * right only when exactly its right choices are picked, so partly right is wrong.
 */
export function gradeQuiz(skill: Pick<Skill, 'quiz'>, answers: readonly QuizAnswer[]): QuizGrade {
  const results = skill.quiz.map((question, index) => gradeQuestion(question, index, answers[index]));
  const total = results.length;
  const correctCount = results.filter((result) => result.correct).length;
  const allAnswered = results.every((result) => result.answered);
  return {
    results,
    correctCount,
    total,
    score: total === 0 ? 0 : correctCount / total,
    allAnswered,
    // Compared in whole numbers: 4/5 must pass, whatever 4 / 5 >= 0.8 does in floating point.
    passed: total > 0 && allAnswered && correctCount * 10 >= total * PASS_SHARE * 10,
  };
}

function gradeQuestion(question: QuizQuestion, index: number, answer: QuizAnswer): QuestionResult {
  const chosen = chosenIndices(answer);
  const correct = chosen.length === question.answer.length && chosen.every((choice, i) => choice === question.answer[i]);
  return { index, answered: chosen.length > 0, correct, chosen, answer: question.answer, explain: question.explain };
}

function chosenIndices(answer: QuizAnswer): number[] {
  if (answer === null || answer === undefined) {
    return [];
  }
  const list = typeof answer === 'number' ? [answer] : answer;
  return [...new Set(list.filter((choice) => Number.isSafeInteger(choice) && choice >= 0))].sort((a, b) => a - b);
}
