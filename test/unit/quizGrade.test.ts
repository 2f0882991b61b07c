// Grading a skill's self-check, recording a pass on the skill, and `quiz.passed` in rules.
import * as assert from 'node:assert/strict';
import { judgeSkill } from '../../src/core/detection/projectRules';
import type { ProjectFacts } from '../../src/core/detection/projectRules';
import type { ProgressMap, SkillProgress } from '../../src/core/progress/model';
import { readEvidence } from '../../src/core/progress/validate';
import { answersProblem, parseAnswerList } from '../../src/core/quiz/answers';
import { gradeQuiz } from '../../src/core/quiz/grade';
import { applyQuizPass, quizPassEvidence, quizPassed, quizPassProvesSkill } from '../../src/core/quiz/passRecord';
import type { QuizQuestion, Skill } from '../../src/core/roadmap/model';
import { modelSkill } from './helpers/roadmapFixtures';

const NOW = new Date('2026-05-01T10:00:00.000Z');

function question(answer: number[], choices = 4): QuizQuestion {
  return { question: `Which? (${answer.join('+')})`, choices: Array.from({ length: choices }, (_, i) => `choice ${i}`), answer, explain: `Because ${answer.join(' and ')}.` };
}

function quizSkill(answers: number[][], detect?: { all?: string[]; any?: string[] }): Skill {
  return { ...modelSkill('basics', { id: 'cap-theorem', ...(detect ? { detect } : {}) }), quiz: answers.map((answer) => question(answer)) };
}

/** Five questions; the fourth has two right choices. */
const FIVE = quizSkill([[0], [2], [1], [0, 3], [1]]);

describe('self-check grading', () => {
  it('passes when every answer is right, with score 1 and the explanations', () => {
    const grade = gradeQuiz(FIVE, [0, 2, 1, [3, 0], 1]);
    assert.equal(grade.passed, true);
    assert.equal(grade.score, 1);
    assert.equal(grade.correctCount, 5);
    assert.deepEqual(
      grade.results.map((r) => [r.correct, r.explain]),
      FIVE.quiz.map((q) => [true, q.explain]),
    );
  });

  it('passes at exactly 80% (4 of 5) and fails below it (3 of 5)', () => {
    const four = gradeQuiz(FIVE, [0, 2, 1, [0, 3], 3]);
    assert.equal(four.correctCount, 4);
    assert.equal(four.score, 0.8);
    assert.equal(four.passed, true);
    const three = gradeQuiz(FIVE, [0, 2, 3, [0, 3], 3]);
    assert.equal(three.correctCount, 3);
    assert.equal(three.passed, false);
    assert.deepEqual(
      three.results.map((r) => r.correct),
      [true, true, false, true, false],
    );
  });

  it('fails 2 of 3 (67%) and passes 3 of 3', () => {
    const three = quizSkill([[0], [1], [2]]);
    assert.equal(gradeQuiz(three, [0, 1, 0]).passed, false);
    assert.equal(gradeQuiz(three, [0, 1, 2]).passed, true);
  });

  it('counts a multi-answer question right only with exactly its right choices, in any order and once each', () => {
    const results = (answer: number | number[]) => gradeQuiz(FIVE, [0, 2, 1, answer, 1]).results[3];
    assert.equal(results([3, 0])?.correct, true);
    assert.equal(results([0, 3, 3])?.correct, true, 'a repeated choice is the same choice');
    assert.equal(results([0])?.correct, false, 'partly right is not right');
    assert.equal(results(0)?.correct, false);
    assert.equal(results([0, 1, 3])?.correct, false, 'one choice too many is not right');
    assert.deepEqual(results([3, 0])?.chosen, [0, 3]);
  });

  it('treats a single answer given as a one-item list like the number', () => {
    assert.equal(gradeQuiz(FIVE, [[0], [2], [1], [0, 3], [1]]).passed, true);
  });

  it('never passes with a question unanswered, even when the rest are all right', () => {
    const sixRight = quizSkill([[0], [0], [0], [0], [0], [0]]);
    const grade = gradeQuiz(sixRight, [0, 0, 0, 0, 0, null]);
    assert.equal(grade.correctCount, 5);
    assert.ok(grade.score > 0.8);
    assert.equal(grade.allAnswered, false);
    assert.equal(grade.passed, false);
    assert.deepEqual(
      grade.results.map((r) => r.answered),
      [true, true, true, true, true, false],
    );
    assert.equal(gradeQuiz(sixRight, [0, 0, 0, 0, 0]).passed, false, 'a missing entry is unanswered');
    assert.equal(gradeQuiz(sixRight, [0, 0, 0, 0, 0, []]).passed, false, 'an empty list is unanswered');
  });

  it('counts an out-of-range or negative choice as wrong, not as an error', () => {
    const grade = gradeQuiz(FIVE, [9, -1, 1, [0, 3], 1]);
    assert.deepEqual(
      grade.results.map((r) => [r.answered, r.correct]),
      [
        [true, false],
        [false, false],
        [true, true],
        [true, true],
        [true, true],
      ],
    );
  });

  it('never passes a skill without questions', () => {
    const grade = gradeQuiz(quizSkill([]), []);
    assert.deepEqual([grade.passed, grade.score, grade.total], [false, 0, 0]);
  });
});

describe('answers written as text (CLI)', () => {
  it('reads one answer per question, + for several choices and - or nothing for none', () => {
    assert.deepEqual(parseAnswerList('0,2,1'), { ok: true, answers: [0, 2, 1] });
    assert.deepEqual(parseAnswerList('0, 2+0 ,-,'), { ok: true, answers: [0, [2, 0], null, null] });
  });

  it('rejects anything else with the position and how to write it', () => {
    const parsed = parseAnswerList('0,b,1');
    assert.ok(!parsed.ok);
    assert.match(parsed.problem, /answer 2 is "b".*counted from 0/);
    assert.equal(parseAnswerList('1,-1').ok, false);
    assert.equal(parseAnswerList('0+').ok, false);
  });

  it('reports too many answers and a choice the question does not have', () => {
    assert.match(answersProblem(FIVE, [0, 0, 0, 0, 0, 0]) ?? '', /6 answers given, but the self-check of "cap-theorem" has 5 questions/);
    assert.match(answersProblem(FIVE, [0, [1, 4]]) ?? '', /question 2 has choices 0 to 3, not 4/);
    assert.equal(answersProblem(FIVE, [0, null, [1, 3]]), undefined);
  });
});

describe('a passed self-check on its skill', () => {
  const pass = quizPassEvidence(gradeQuiz(FIVE, [0, 2, 1, [0, 3], 3]), NOW);

  it('is evidence of quiz.passed, yours, with kind, score and time, that stored progress accepts', () => {
    assert.deepEqual(pass, { milestone: 'quiz.passed', summary: 'self-check passed (4/5)', kind: 'quiz', score: 0.8, at: NOW.toISOString(), yours: true });
    const read = readEvidence(pass, NOW);
    assert.ok(read.ok, read.ok ? '' : read.problem);
    assert.deepEqual(read.value, pass);
  });

  it('is appended without changing the state when the skill is proved by other evidence', () => {
    const skill = quizSkill([[0], [1], [2]], { all: ['docker.file'] });
    const record: SkillProgress = { state: 'inProgress', setBy: 'learner', at: '2026-04-01T00:00:00.000Z', evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', at: '2026-04-01T00:00:00.000Z' }] };
    const result = applyQuizPass({ [skill.id]: record }, skill, pass, NOW);
    assert.equal(result.outcome, 'evidenceAdded');
    const after = result.progress[skill.id];
    assert.ok(after);
    assert.equal(after.state, 'inProgress');
    assert.equal(after.at, record.at);
    assert.deepEqual(after.evidence, [pass, ...record.evidence]);
    assert.equal(quizPassed(after), true);
  });

  it('on a skill without a record, records it and leaves the skill not started', () => {
    const result = applyQuizPass({}, FIVE, pass, NOW);
    assert.equal(result.progress[FIVE.id]?.state, 'notStarted');
    assert.equal(quizPassed(result.progress[FIVE.id]), true);
    assert.equal(quizPassed(undefined), false);
  });

  it('replaces an earlier pass instead of piling passes up', () => {
    const first = applyQuizPass({}, FIVE, pass, NOW).progress;
    const later = quizPassEvidence(gradeQuiz(FIVE, [0, 2, 1, [0, 3], 1]), new Date('2026-05-02T10:00:00.000Z'));
    const evidence = applyQuizPass(first, FIVE, later, NOW).progress[FIVE.id]?.evidence ?? [];
    assert.deepEqual(evidence, [later]);
  });

  it('marks the skill done when its rule is met by the pass alone, but never over a state set by hand', () => {
    const skill = quizSkill([[0], [1], [2]], { all: ['quiz.passed'] });
    assert.equal(quizPassProvesSkill(skill), true);
    const fresh = applyQuizPass({}, skill, pass, NOW);
    assert.equal(fresh.outcome, 'markedDone');
    assert.deepEqual(fresh.progress[skill.id], { state: 'done', setBy: 'detector', at: NOW.toISOString(), evidence: [pass] });

    const byHand: ProgressMap = { [skill.id]: { state: 'inProgress', setBy: 'learner', at: '2026-04-01T00:00:00.000Z', evidence: [] } };
    const asked = applyQuizPass(byHand, skill, pass, NOW);
    assert.equal(asked.outcome, 'learnerDecides');
    assert.equal(asked.progress[skill.id]?.state, 'inProgress');
  });

  it('proves a skill only when the rule needs nothing else', () => {
    assert.equal(quizPassProvesSkill(quizSkill([[0]], { any: ['practice.dns', 'quiz.passed'] })), true);
    assert.equal(quizPassProvesSkill(quizSkill([[0]], { all: ['practice.dns', 'quiz.passed'] })), false);
    assert.equal(quizPassProvesSkill(quizSkill([[0]], { all: ['docker.file'] })), false);
    assert.equal(quizPassProvesSkill(FIVE), false, 'no rule at all');
  });

  it('does not count evidence that only names the milestone without being a self-check', () => {
    assert.equal(quizPassed({ state: 'done', setBy: 'learner', at: '', evidence: [{ milestone: 'quiz.passed', summary: 'typed by hand', at: '' }] }), false);
  });
});

describe('quiz.passed in a rule (judgeSkill)', () => {
  const folder = '/work/api';
  const project = (ids: string[]): ProjectFacts => ({
    folder,
    repository: true,
    milestones: new Map(ids.map((id) => [id, { present: true, checked: true, evidence: [{ milestone: id, summary: id, folder, at: NOW.toISOString(), yours: true }] }])),
  });
  const rule = { all: ['practice.dns', 'quiz.passed'], any: [] };

  it('is met by the skill’s own pass in every project, combined with that project’s evidence', () => {
    assert.equal(judgeSkill(rule, [project(['practice.dns'])], 'yourWork').complete, false);
    const verdict = judgeSkill(rule, [project(['practice.dns'])], 'yourWork', true);
    assert.equal(verdict.complete, true);
    assert.equal(verdict.project, folder);
  });

  it('proves a quiz-only rule without projects and names no project for it', () => {
    const quizOnly = { all: ['quiz.passed'], any: [] };
    assert.equal(judgeSkill(quizOnly, [], 'yourWork').complete, false);
    assert.equal(judgeSkill(quizOnly, [], 'yourWork', true).complete, true);
    const inProject = judgeSkill(quizOnly, [project(['docker.file'])], 'yourWork', true);
    assert.equal(inProject.complete, true);
    assert.equal(inProject.project, undefined);
    assert.deepEqual(inProject.evidence, []);
  });
});
