// Self-checks in stage files: the schema's shape (3 to 6 questions, 2 to 6 choices), answers in range
// reported at file:line, the model's normalised answers, and every shipped skill having one.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRoadmapFromDirectory, parseRoadmap } from '../../src/core/roadmap/loader';
import { formatProblem } from '../../src/core/roadmap/problems';
import { locate, oneStage } from './helpers/roadmapFixtures';

interface QuestionSpec {
  readonly choices?: readonly string[];
  readonly answer: string;
  readonly extra?: string;
}

/** A `quiz:` value in block style, one question per spec, so positions are predictable. */
function quizYaml(questions: readonly QuestionSpec[]): string {
  const lines = questions.flatMap((q, index) => [
    `      - question: "Question ${index + 1}: what happens?"`,
    '        choices:',
    ...(q.choices ?? ['First', 'Second', 'Third']).map((choice) => `          - ${JSON.stringify(choice)}`),
    `        answer: ${q.answer}`,
    `        explain: "Because of reason ${index + 1}."`,
    ...(q.extra === undefined ? [] : [`        ${q.extra}`]),
  ]);
  return `\n${lines.join('\n')}`;
}

function load(questions: readonly QuestionSpec[]) {
  const sources = oneStage([{ id: 'big-o', extra: { quiz: quizYaml(questions) } }]);
  return { text: sources[0]?.text ?? '', result: parseRoadmap(sources) };
}

const THREE: QuestionSpec[] = [{ answer: '0' }, { answer: '[2, 0]' }, { answer: '1' }];

describe('self-check in stage files', () => {
  it('loads a valid quiz with answers normalised to ascending lists', () => {
    const { result } = load(THREE);
    assert.deepEqual(result.problems.map(formatProblem), []);
    const skill = result.roadmap?.skillById.get('big-o');
    assert.deepEqual(
      skill?.quiz.map((q) => q.answer),
      [[0], [0, 2], [1]],
    );
    assert.deepEqual(skill.quiz.at(0), { question: 'Question 1: what happens?', choices: ['First', 'Second', 'Third'], answer: [0], explain: 'Because of reason 1.' });
  });

  it('gives a skill without a quiz an empty one (the schema allows that for custom roadmaps)', () => {
    const result = parseRoadmap(oneStage([{ id: 'big-o' }]));
    assert.deepEqual(result.roadmap?.skillById.get('big-o')?.quiz, []);
  });

  it('reports an answer past the last choice at its line, saying choices count from 0', () => {
    const { text, result } = load([{ answer: '0' }, { answer: '3' }, { answer: '1' }]);
    assert.equal(result.roadmap, undefined);
    assert.equal(result.problems.length, 1);
    const [problem] = result.problems;
    assert.ok(problem);
    assert.equal(problem.line, locate(text, 'answer: 3').line);
    assert.match(problem.message, /skill "big-o" quiz question 2 has answer 3, but its choices are numbered 0 to 2/);
    assert.match(formatProblem(problem), /^stage\.yaml:\d+:\d+: /);
  });

  it('reports an out-of-range index inside a list of answers at that index', () => {
    const { text, result } = load([{ answer: '0' }, { answer: '[0, 5]' }, { answer: '1' }]);
    assert.equal(result.problems.length, 1);
    assert.deepEqual([result.problems[0]?.line, result.problems[0]?.column], [locate(text, '5]').line, locate(text, '5]').column]);
  });

  it('rejects a question with fewer than 2 or more than 6 choices', () => {
    const one = load([{ answer: '0', choices: ['Only'] }, ...THREE.slice(1)]);
    assert.equal(one.result.roadmap, undefined);
    assert.match(one.result.problems.map((p) => p.message).join('\n'), /skills\.0\.quiz\.0\.choices must NOT have fewer than 2 items/);
    const seven = load([{ answer: '0', choices: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, ...THREE.slice(1)]);
    assert.match(seven.result.problems.map((p) => p.message).join('\n'), /choices must NOT have more than 6 items/);
  });

  it('rejects fewer than 3 or more than 6 questions', () => {
    assert.match(load(THREE.slice(0, 2)).result.problems.map((p) => p.message).join('\n'), /quiz must NOT have fewer than 3 items/);
    const seven = Array.from({ length: 7 }, () => ({ answer: '0' }));
    assert.match(load(seven).result.problems.map((p) => p.message).join('\n'), /quiz must NOT have more than 6 items/);
  });

  it('rejects a negative, fractional, empty or repeated answer, a missing explanation and an unknown key', () => {
    for (const answer of ['-1', '1.5', '[]', '[1, 1]', '"1"']) {
      assert.notEqual(load([{ answer }, ...THREE.slice(1)]).result.problems.length, 0, `answer: ${answer}`);
    }
    const unknown = load([{ answer: '0', extra: 'hint: "look closely"' }, ...THREE.slice(1)]);
    assert.match(unknown.result.problems.map((p) => p.message).join('\n'), /unknown property "hint"/);
    const noExplain = parseRoadmap(oneStage([{ id: 'big-o', extra: { quiz: quizYaml(THREE).replace('        explain: "Because of reason 1."\n', '') } }]));
    assert.match(noExplain.problems.map((p) => p.message).join('\n'), /missing the required property "explain"/);
  });

  it('accepts quiz.passed as a milestone in a rule', () => {
    const result = parseRoadmap(oneStage([{ id: 'big-o', detect: { all: ['quiz.passed'] }, extra: { quiz: quizYaml(THREE) } }]));
    assert.deepEqual(result.problems.map(formatProblem), []);
  });
});

describe('shipped roadmap self-checks', () => {
  it('gives every shipped skill a self-check (3 to 6 questions)', async () => {
    const loaded = await loadRoadmapFromDirectory(path.join(path.resolve(__dirname, '../../..'), 'roadmap'));
    assert.ok(loaded.roadmap, loaded.problems.map(formatProblem).join('\n'));
    const without = loaded.roadmap.skills.filter((skill) => skill.quiz.length === 0).map((skill) => `${skill.id} (${path.basename(loaded.roadmap?.stageById.get(skill.stageId)?.source ?? '')})`);
    assert.ok(without.length === 0, `${without.length} of ${loaded.roadmap.skills.length} skills have no quiz:\n  ${without.join('\n  ')}`);
  });
});
