// Learning paths (core or all, for a stack) and the stack suggested from the workspace's files.
import * as assert from 'node:assert/strict';
import { defaultPath, describePath, isOnPath, skillsOnPath } from '../../src/core/plan/path';
import type { LearningPath } from '../../src/core/plan/path';
import { MANIFEST_WEIGHT, countLanguages, suggestStack } from '../../src/core/plan/stackSuggestion';
import { modelRoadmap, modelSkill } from './helpers/roadmapFixtures';

const roadmap = modelRoadmap([
  { id: 'basics', skills: [{ id: 'git' }, { id: 'regex', level: 'optional' }] },
  {
    id: 'frameworks',
    skills: [
      { id: 'express', stacks: ['node'] },
      { id: 'django', stacks: ['python'] },
      { id: 'fastapi', stacks: ['python'], level: 'optional' },
      { id: 'orm', stacks: ['python', 'java'] },
      { id: 'types' },
    ],
  },
]);

function ids(path: LearningPath): string[] {
  return skillsOnPath(roadmap, path).map((skill) => skill.id);
}

describe('plan: learning path', () => {
  it('core for a stack: core skills for every stack and the core skills of that stack, in roadmap order', () => {
    assert.deepEqual(ids({ stack: 'python', scope: 'core' }), ['git', 'django', 'orm', 'types']);
    assert.deepEqual(ids({ stack: 'node', scope: 'core' }), ['git', 'express', 'types']);
  });

  it('all for a stack: every skill for that stack, optional ones too, and none of another stack', () => {
    assert.deepEqual(ids({ stack: 'python', scope: 'all' }), ['git', 'regex', 'django', 'fastapi', 'orm', 'types']);
  });

  it('without a stack: core holds only the skills for every stack; all is the whole roadmap', () => {
    assert.deepEqual(ids({ scope: 'core' }), ['git', 'types']);
    assert.deepEqual(ids({ scope: 'all' }), ['git', 'regex', 'express', 'django', 'fastapi', 'orm', 'types']);
  });

  it('isOnPath agrees with skillsOnPath for a skill built alone', () => {
    assert.equal(isOnPath(modelSkill('s', { id: 'x', stacks: ['go'] }), { stack: 'go', scope: 'core' }), true);
    assert.equal(isOnPath(modelSkill('s', { id: 'x', stacks: ['go'] }), { stack: 'rust', scope: 'all' }), false);
  });

  it('defaults to the core path with a stack and to everything without one, and names it', () => {
    assert.deepEqual(defaultPath('python'), { stack: 'python', scope: 'core' });
    assert.deepEqual(defaultPath(undefined), { scope: 'all' });
    assert.equal(describePath(defaultPath('python')), 'the core path for Python');
    assert.equal(describePath(defaultPath(undefined)), 'the whole roadmap');
  });
});

describe('plan: stack suggestion', () => {
  it('counts source files per language and manifests as several files, leaving dependencies out', () => {
    const counts = countLanguages(['src/app.ts', 'src/db.ts', 'tools/x.py', 'package.json', 'node_modules/a/index.js', 'README.md', 'src/types.d.ts']);
    assert.deepEqual(counts, { js: 2 + MANIFEST_WEIGHT, python: 1 });
  });

  it('suggests the stack that has at least half of the files', () => {
    assert.equal(suggestStack({ js: 40, python: 3 }), 'node');
    assert.equal(suggestStack({ java: 5, kotlin: 6, python: 10 }), 'java');
    assert.equal(suggestStack(countLanguages(['manage.py', 'requirements.txt', 'static/a.js', 'static/b.js', 'static/c.js'])), 'python');
  });

  it('suggests nothing for an empty, tiny or mixed workspace, nor on a tie', () => {
    assert.equal(suggestStack({}), undefined);
    assert.equal(suggestStack({ go: 2 }), undefined);
    assert.equal(suggestStack({ go: 10, rust: 10 }), undefined);
    assert.equal(suggestStack({ go: 10, rust: 8, php: 8 }), undefined);
  });

  it('ignores keys that are not languages and counts that are not positive numbers', () => {
    const runtime = JSON.parse('{"typescript": 50, "python": 5, "go": -3, "ruby": "many"}') as Record<string, number>;
    assert.equal(suggestStack(runtime), 'python');
  });
});
