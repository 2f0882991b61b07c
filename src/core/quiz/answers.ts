import type { Skill } from '../roadmap/model';
import type { QuizAnswer } from './grade';

export type ParsedAnswers = { readonly ok: true; readonly answers: readonly QuizAnswer[] } | { readonly ok: false; readonly problem: string };

const ANSWER = /^\d+(\+\d+)*$/;

/**
 * Reads answers written as text, one per question in order, separated by commas: `0,2,1`. A question with
 * several right choices takes them joined by `+` (`0+2`); an empty entry or `-` leaves a question unanswered.
 */
export function parseAnswerList(text: string): ParsedAnswers {
  const answers: QuizAnswer[] = [];
  for (const [position, raw] of text.split(',').entries()) {
    const token = raw.trim();
    if (token === '' || token === '-') {
      answers.push(null);
    } else if (ANSWER.test(token)) {
      const indices = token.split('+').map(Number);
      answers.push(indices.length === 1 ? (indices[0] ?? null) : indices);
    } else {
      return { ok: false, problem: `answer ${position + 1} is "${token}": give each answer as a choice number counted from 0 (0,2,1), several right choices joined by + (0+2), or - to leave one out` };
    }
  }
  return { ok: true, answers };
}

/** Why the answers cannot be graded against this skill's self-check (too many, or a choice that does not exist). */
export function answersProblem(skill: Pick<Skill, 'id' | 'quiz'>, answers: readonly QuizAnswer[]): string | undefined {
  if (answers.length > skill.quiz.length) {
    return `${answers.length} answers given, but the self-check of "${skill.id}" has ${skill.quiz.length} questions`;
  }
  for (const [index, answer] of answers.entries()) {
    const choices = skill.quiz[index]?.choices.length ?? 0;
    const list = answer === null || answer === undefined ? [] : typeof answer === 'number' ? [answer] : answer;
    const outside = list.find((choice) => !Number.isSafeInteger(choice) || choice < 0 || choice >= choices);
    if (outside !== undefined) {
      return `question ${index + 1} has choices 0 to ${choices - 1}, not ${outside}`;
    }
  }
  return undefined;
}
