import type { QuizQuestion } from './model';
import type { QuizQuestionDocument } from './stageDocument';

/** A problem the schema cannot see: an answer index past the last choice. Path is relative to the skill. */
export interface QuizProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export function quizProblems(skillId: string, quiz: readonly QuizQuestionDocument[]): QuizProblem[] {
  const problems: QuizProblem[] = [];
  quiz.forEach((question, q) => {
    const indices = answerIndices(question.answer);
    indices.forEach((index, position) => {
      if (index >= question.choices.length) {
        const path = Array.isArray(question.answer) ? ['quiz', q, 'answer', position] : ['quiz', q, 'answer'];
        problems.push({
          path,
          message: `skill "${skillId}" quiz question ${q + 1} has answer ${index}, but its choices are numbered 0 to ${question.choices.length - 1}: answers count choices from 0`,
        });
      }
    });
  });
  return problems;
}

/** The model's form: answers as an ascending list of indices. */
export function toQuiz(quiz: readonly QuizQuestionDocument[] | undefined): QuizQuestion[] {
  return (quiz ?? []).map((question) => ({
    question: question.question,
    choices: question.choices,
    answer: [...answerIndices(question.answer)].sort((a, b) => a - b),
    explain: question.explain,
  }));
}

function answerIndices(answer: number | readonly number[]): readonly number[] {
  return typeof answer === 'number' ? [answer] : answer;
}
