// The "Check yourself" section as the host builds it: questions without the answer key, results after
// grading, and the page's submission message checked before use.
import * as assert from 'node:assert/strict';
import { judgeSkill } from '../../src/core/detection/projectRules';
import type { ProgressMap } from '../../src/core/progress/model';
import { gradeQuiz } from '../../src/core/quiz/grade';
import { applyQuizPass, quizPassEvidence } from '../../src/core/quiz/passRecord';
import { createRoadmap } from '../../src/core/roadmap/model';
import type { Skill } from '../../src/core/roadmap/model';
import { isWebviewMessage } from '../../src/core/view/protocol';
import { buildQuizResultView } from '../../src/core/view/quizViews';
import { buildSkillView } from '../../src/core/view/viewModels';
import type { DetectionInfo } from '../../src/core/view/viewModels';
import { modelSkill } from './helpers/roadmapFixtures';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const SECRET_EXPLAIN = 'Explanation only after answering';

function skillWithQuiz(detect?: { all?: string[]; any?: string[] }): Skill {
  return {
    ...modelSkill('fundamentals', { id: 'big-o', ...(detect ? { detect } : {}) }),
    quiz: [
      { question: 'What does `O(n)` mean?', choices: ['Constant', 'Grows **linearly**', 'Quadratic'], answer: [1], explain: `${SECRET_EXPLAIN} 1.` },
      { question: 'Which are O(1)? Select all that apply.', choices: ['Array index', 'Linear search', 'Hash lookup (average)'], answer: [0, 2], explain: `${SECRET_EXPLAIN} 2.` },
      { question: 'Binary search on sorted data is…', choices: ['O(log n)', 'O(n)'], answer: [0], explain: `${SECRET_EXPLAIN} 3.` },
    ],
  };
}

const detection: DetectionInfo = {
  milestoneStatus: () => ({ status: 'missing', detail: 'not seen' }),
  judge: (skill) => judgeSkill(skill.detect, [], 'yourWork'),
  limitation: undefined,
};

function view(skill: Skill, progress: ProgressMap = {}) {
  const roadmap = createRoadmap([{ id: 'fundamentals', title: 'Fundamentals', summary: 's', order: 1, projectIdeas: [], source: 'f.yaml', skills: [skill] }]);
  return buildSkillView(roadmap, progress, skill, detection);
}

describe('"Check yourself" view model', () => {
  it('sends questions and choices as rendered Markdown, and checkboxes only where several are right', () => {
    const quiz = view(skillWithQuiz()).quiz;
    assert.ok(quiz);
    assert.equal(quiz.questions.length, 3);
    assert.match(quiz.questions[0]?.questionHtml ?? '', /<code>O\(n\)<\/code>/);
    assert.equal(quiz.questions[0]?.choicesHtml[1], 'Grows <strong>linearly</strong>');
    assert.deepEqual(
      quiz.questions.map((q) => q.multiple),
      [false, true, false],
    );
  });

  it('sends the page no answer key and no explanation before the learner submits', () => {
    const sent = JSON.stringify(view(skillWithQuiz()));
    assert.ok(!sent.includes(SECRET_EXPLAIN), 'explanations stay on the host');
    assert.ok(!sent.includes('"answer"'), 'no answer field');
    for (const question of view(skillWithQuiz()).quiz?.questions ?? []) {
      assert.deepEqual(Object.keys(question).sort(), ['choicesHtml', 'multiple', 'questionHtml']);
    }
  });

  it('escapes raw HTML in questions (roadmaps can be the learner’s own)', () => {
    const skill = skillWithQuiz();
    const hostile: Skill = { ...skill, quiz: skill.quiz.map((q) => ({ ...q, question: '<img src=x onerror=alert(1)> why?', choices: ['<script>x</script>', 'b'] })) };
    const sent = JSON.stringify(view(hostile).quiz);
    assert.ok(!sent.includes('<img') && !sent.includes('<script>'));
  });

  it('has no section for a skill without a self-check', () => {
    assert.equal(view({ ...skillWithQuiz(), quiz: [] }).quiz, undefined);
  });

  it('says what passing does: proves the skill, or is practice beside its real evidence', () => {
    assert.match(view(skillWithQuiz({ all: ['quiz.passed'] })).quiz?.note ?? '', /3 of 3 right passes.*Passing proves this skill/);
    assert.match(view(skillWithQuiz({ all: ['docker.file'] })).quiz?.note ?? '', /This is practice/);
  });

  it('shows a quiz.passed check from the skill’s own record, not from a project', () => {
    const skill = skillWithQuiz({ all: ['quiz.passed'] });
    const before = view(skill);
    assert.deepEqual(
      before.checks.map((c) => [c.id, c.status]),
      [['quiz.passed', 'missing']],
    );
    assert.match(before.detectionNote, /pass the self-check/);
    const passed = applyQuizPass({}, skill, quizPassEvidence(gradeQuiz(skill, [1, [0, 2], 0]), NOW), NOW).progress;
    const after = view(skill, passed);
    assert.equal(after.checks[0]?.status, 'present');
    assert.match(after.checks.at(0)?.detail ?? '', /self-check passed \(3\/3\)/);
    assert.equal(after.state, 'done');
    assert.equal(after.evidence[0]?.summary, 'self-check passed (3/3)');
  });
});

describe('self-check result view', () => {
  const skill = skillWithQuiz();

  it('after grading, gives right or wrong per question with its explanation and what the learner chose', () => {
    const result = buildQuizResultView(gradeQuiz(skill, [1, [0], null]), undefined);
    assert.equal(result.passed, false);
    assert.equal(result.total, 3);
    assert.deepEqual(
      result.results.map((r) => [r.answered, r.correct, r.chosen]),
      [
        [true, true, [1]],
        [true, false, [0]],
        [false, false, []],
      ],
    );
    assert.match(result.results[1]?.explainHtml ?? '', /Explanation only after answering 2/);
    assert.match(result.message, /1 of 3 right \(33%\), 1 not answered: answer every question to pass/);
    assert.ok(!JSON.stringify(result).includes('"answer"'), 'the key itself is never sent');
  });

  it('tells a failed attempt how many are needed and a pass what it did', () => {
    assert.match(buildQuizResultView(gradeQuiz(skill, [0, [0, 2], 0]), undefined).message, /2 of 3 right \(67%\): 3 are needed to pass/);
    const passed = gradeQuiz(skill, [1, [2, 0], 0]);
    assert.match(buildQuizResultView(passed, 'markedDone').message, /^Passed: 3 of 3 right \(100%\)\. .*marked done/);
    assert.match(buildQuizResultView(passed, 'learnerDecides').message, /mark it done above/);
    assert.match(buildQuizResultView(passed, 'evidenceAdded').message, /recorded as evidence/);
  });
});

describe('page protocol: submitQuiz', () => {
  it('accepts answers as indices, lists of indices or null', () => {
    assert.equal(isWebviewMessage({ type: 'submitQuiz', skillId: 'big-o', answers: [1, [0, 2], null] }), true);
    assert.equal(isWebviewMessage({ type: 'submitQuiz', skillId: 'big-o', answers: [] }), true);
  });

  it('refuses anything else', () => {
    for (const answers of [undefined, 'a', [1.5], [-1], ['1'], [[0, 'x']], [{}], Array.from({ length: 21 }, () => 0), [Array.from({ length: 11 }, () => 0)]]) {
      assert.equal(isWebviewMessage({ type: 'submitQuiz', skillId: 'big-o', answers }), false, JSON.stringify(answers));
    }
    assert.equal(isWebviewMessage({ type: 'submitQuiz', answers: [0] }), false);
  });
});
