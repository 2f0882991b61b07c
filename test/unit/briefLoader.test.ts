// Project briefs in the roadmap: the schema and the loader accept briefs and plain ideas, and refuse a brief
// that names what does not exist (a milestone, a skill, a self-check) or reuses an id, at the exact position.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MILESTONE_IDS } from '../../src/core/milestones/catalog';
import { parseBriefCheck } from '../../src/core/briefs/briefChecks';
import { roadmapBriefs } from '../../src/core/briefs/roadmapBriefs';
import { loadRoadmapFromDirectory, parseRoadmap } from '../../src/core/roadmap/loader';
import type { RoadmapSource } from '../../src/core/roadmap/loader';
import { isProjectBrief } from '../../src/core/roadmap/model';
import { locate, problemAt as at, problemsOf, stageSource } from './helpers/roadmapFixtures';

const REPO_ROOT = path.resolve(__dirname, '../../..');

const QUIZ = `[${[1, 2, 3].map((n) => `{ question: "Q${n}?", choices: ["a", "b"], answer: 0, explain: "Because." }`).join(', ')}]`;

/** A stage whose project ideas are `ideas` (raw YAML lines), with skills `a` (with a self-check) and `b` (without). */
function stageWithIdeas(file: string, id: string, order: number, ideas: string): RoadmapSource {
  return stageSource(file, {
    id,
    order,
    skills: order === 1 ? [{ id: 'a', extra: { quiz: QUIZ } }, { id: 'b' }] : [{ id: `${id}-skill` }],
    raw: { projectIdeas: ideas === '' ? '[]' : `\n${ideas}` },
  });
}

function brief(id: string, checks: string, skills = '[a]'): string {
  return [
    `  - title: "Build ${id}"`,
    `    description: "A project."`,
    `    id: ${id}`,
    `    goal: "Ship **${id}**."`,
    `    criteria:`,
    `      - text: "It has a Dockerfile."`,
    `        checks: ${checks}`,
    `      - text: "You can explain it."`,
    `    skills: ${skills}`,
  ].join('\n');
}



describe('project briefs in the roadmap', () => {
  it('loads a brief with its checklist, criteria without checks getting an empty list', () => {
    const { roadmap, problems } = parseRoadmap([stageWithIdeas('s.yaml', 'basics', 1, brief('box-it', '[docker.file, "quiz:a"]'))]);
    assert.deepEqual(problems, []);
    const idea = roadmap?.stages[0]?.projectIdeas[0];
    assert.ok(idea && isProjectBrief(idea));
    assert.deepEqual(
      { id: idea.id, goal: idea.goal, skills: idea.skills, criteria: idea.criteria },
      {
        id: 'box-it',
        goal: 'Ship **box-it**.',
        skills: ['a'],
        criteria: [
          { text: 'It has a Dockerfile.', checks: ['docker.file', 'quiz:a'] },
          { text: 'You can explain it.', checks: [] },
        ],
      },
    );
  });

  it('still loads a plain idea (title and description only): it has no checklist', () => {
    const { roadmap, problems } = parseRoadmap([stageWithIdeas('s.yaml', 'basics', 1, '  - title: "Old idea"\n    description: "No brief."')]);
    assert.deepEqual(problems, []);
    assert.ok(roadmap);
    assert.deepEqual(roadmap.stages[0]?.projectIdeas, [{ title: 'Old idea', description: 'No brief.' }]);
    assert.deepEqual(roadmapBriefs(roadmap), []);
  });

  it('refuses unknown milestones, quiz.passed, self-checks of unknown or quiz-less skills, and unknown skills, each where it is written', () => {
    const source = stageWithIdeas('s.yaml', 'basics', 1, brief('bad', '[docker.nope, quiz.passed, "quiz:zz", "quiz:b"]', '[a, nope]'));
    assert.deepEqual(problemsOf([source]), [
      at(source, 'docker.nope', 'project brief "bad" names an unknown milestone "docker.nope"'),
      at(source, 'quiz.passed', 'project brief "bad" names "quiz.passed", which belongs to no brief: write quiz:SKILL_ID for a skill\'s self-check'),
      at(source, '"quiz:zz"', 'project brief "bad" checks the self-check of an unknown skill "zz"'),
      at(source, '"quiz:b"', 'project brief "bad" checks the self-check of skill "b", which has no quiz: add one to the skill, or remove the check'),
      at(source, 'nope]', 'project brief "bad" exercises an unknown skill "nope"'),
    ]);
  });

  it('refuses a brief id used twice, in the same file or another', () => {
    const first = stageWithIdeas('10-first.yaml', 'first', 1, brief('twice', '[docker.file]'));
    const second = stageWithIdeas('20-second.yaml', 'second', 2, brief('twice', '[git.repo]', '[second-skill]'));
    assert.deepEqual(problemsOf([first, second]), [at(second, 'twice', 'duplicate project brief id "twice" (also in 10-first.yaml)', 2)]);
  });

  it('refuses a half brief and a malformed check through the schema, with messages that say what to write', () => {
    const half = stageWithIdeas('s.yaml', 'basics', 1, '  - title: "Half"\n    description: "d"\n    id: half\n    goal: "g"');
    const problems = problemsOf([half]);
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['criteria', 'skills'].map((missing) => `projectIdeas.0 has "id" but not "${missing}": a project brief needs id, goal, criteria and skills (a plain idea has only title and description)`),
    );
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.column]),
      [Object.values(locate(half.text, 'title: "Half"')), Object.values(locate(half.text, 'title: "Half"'))],
    );
    const malformed = stageWithIdeas('s.yaml', 'basics', 1, brief('m', '["Docker File"]'));
    assert.deepEqual(problemsOf([malformed]), [
      at(malformed, '"Docker File"', 'projectIdeas.0.criteria.0.checks.0 must be a milestone id (like docker.file) or quiz:SKILL_ID (that skill\'s self-check passed)'),
    ]);
  });

  describe('the shipped roadmap', () => {
    it('makes every project idea a brief of 3 to 6 criteria, with checks the detectors prove and skills of the roadmap', async () => {
      const { roadmap, problems } = await loadRoadmapFromDirectory(path.join(REPO_ROOT, 'roadmap'));
      assert.deepEqual(problems, []);
      assert.ok(roadmap);
      const ideas = roadmap.stages.flatMap((stage) => stage.projectIdeas.map((idea) => ({ idea, stage: stage.id })));
      const plain = ideas.filter(({ idea }) => !isProjectBrief(idea)).map(({ idea, stage }) => `${stage}: ${idea.title}`);
      assert.deepEqual(plain, []);
      const briefs = roadmapBriefs(roadmap).map(({ brief: b }) => b);
      const wrongSize = briefs.filter((b) => b.criteria.length < 3 || b.criteria.length > 6).map((b) => b.id);
      assert.deepEqual(wrongSize, []);
      const uncheckable = briefs.filter((b) => b.criteria.every((c) => c.checks.length === 0)).map((b) => b.id);
      assert.deepEqual(uncheckable, [], 'every brief checks at least one criterion itself');
      const checks = briefs.flatMap((b) => b.criteria.flatMap((c) => c.checks.map((check) => ({ brief: b.id, check: parseBriefCheck(check) }))));
      const unknown = checks.filter(({ check }) => (check.kind === 'milestone' ? !MILESTONE_IDS.has(check.id) || check.id === 'quiz.passed' : !roadmap.skillById.has(check.skillId)));
      assert.deepEqual(unknown, []);
      const unknownSkills = briefs.flatMap((b) => b.skills.filter((id) => !roadmap.skillById.has(id)).map((id) => `${b.id}: ${id}`));
      assert.deepEqual(unknownSkills, []);
      assert.equal(new Set(briefs.map((b) => b.id)).size, briefs.length);
    });
  });
});
