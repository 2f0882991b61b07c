import { renderInlineMarkdown, renderMarkdown } from '../content/markdown';
import { milestoneTitle } from '../milestones/catalog';
import type { EvidenceOutcome } from '../progress/rules';
import type { SkillProgress } from '../progress/model';
import type { QuizGrade } from '../quiz/grade';
import { PASS_SHARE } from '../quiz/grade';
import { QUIZ_PASSED, isQuizPassEvidence, quizPassProvesSkill } from '../quiz/passRecord';
import type { Skill } from '../roadmap/model';
import type { MilestoneCheckView, QuizResultView, QuizView } from './protocol';

/** The questions as the page may see them before the learner answers: no answer key, no explanations. */
export function buildQuizView(skill: Skill): QuizView | undefined {
  if (skill.quiz.length === 0) {
    return undefined;
  }
  const needed = rightNeeded(skill.quiz.length);
  const pass = `Answer every question; ${needed} of ${skill.quiz.length} right passes.`;
  const note = quizPassProvesSkill(skill)
    ? `${pass} Passing proves this skill: it is marked done (unless you set its state by hand).`
    : skill.detect !== undefined
      ? `${pass} This is practice: the skill is proved by your own work (see "Why is this (not) done?"); a pass is kept as evidence.`
      : `${pass} A pass is kept as evidence on this skill.`;
  return {
    questions: skill.quiz.map((question) => ({
      questionHtml: renderMarkdown(question.question),
      choicesHtml: question.choices.map(renderInlineMarkdown),
      multiple: question.answer.length > 1,
    })),
    note,
  };
}

/** The grading the page shows; `recorded` is what recording a pass did to the skill (undefined when not passed). */
export function buildQuizResultView(grade: QuizGrade, recorded: EvidenceOutcome | undefined): QuizResultView {
  return {
    total: grade.total,
    passed: grade.passed,
    score: grade.score,
    message: resultMessage(grade, recorded),
    results: grade.results.map((result) => ({
      answered: result.answered,
      correct: result.correct,
      chosen: result.chosen,
      explainHtml: renderMarkdown(result.explain),
    })),
  };
}

function resultMessage(grade: QuizGrade, recorded: EvidenceOutcome | undefined): string {
  const tally = `${grade.correctCount} of ${grade.total} right (${Math.round(grade.score * 100)}%)`;
  if (grade.passed) {
    switch (recorded) {
      case 'markedDone':
        return `Passed: ${tally}. The self-check proves this skill, so it is marked done.`;
      case 'learnerDecides':
        return `Passed: ${tally}. The self-check proves this skill; you set its state by hand, so mark it done above when you are ready.`;
      default:
        return `Passed: ${tally}. The pass is recorded as evidence on this skill.`;
    }
  }
  if (!grade.allAnswered) {
    const unanswered = grade.results.filter((result) => !result.answered).length;
    return `${tally}, ${unanswered} not answered: answer every question to pass. Choose "Try again" and answer them all.`;
  }
  return `${tally}: ${rightNeeded(grade.total)} are needed to pass. Read the explanations, then choose "Try again".`;
}

function rightNeeded(total: number): number {
  return Math.ceil(total * PASS_SHARE - 1e-9);
}

/** The `quiz.passed` check of a skill's rule: decided by the skill's own record, not by any project. */
export function quizCheck(record: SkillProgress, group: 'all' | 'any'): MilestoneCheckView {
  const pass = record.evidence.find(isQuizPassEvidence);
  return {
    id: QUIZ_PASSED,
    title: milestoneTitle(QUIZ_PASSED),
    status: pass ? 'present' : 'missing',
    detail: pass ? `${pass.summary}, ${new Date(pass.at).toLocaleString()}` : 'Pass the self-check in "Check yourself" above.',
    group,
  };
}
