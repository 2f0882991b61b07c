// "What should I learn next?": the first unfinished skill in roadmap order whose prerequisites are finished.
import * as assert from 'node:assert/strict';
import type { ProgressMap, SkillState } from '../../src/core/progress/model';
import type { Skill } from '../../src/core/roadmap/model';
import { followingSkill, openPrerequisites, suggestNextSkill } from '../../src/core/progress/nextSkill';
import { modelRoadmap } from './helpers/roadmapFixtures';

function states(entries: Readonly<Record<string, SkillState>>): ProgressMap {
  return Object.fromEntries(Object.entries(entries).map(([id, state]) => [id, { state, setBy: 'learner' as const, at: '2024-01-01T00:00:00.000Z', evidence: [] }]));
}

// Stage order is deliberately not the order of the list: createRoadmap sorts by `order`.
const roadmap = modelRoadmap([
  { id: 'later', order: 2, skills: [{ id: 'docker', prerequisites: ['linux'] }, { id: 'compose', prerequisites: ['docker', 'git'] }] },
  { id: 'basics', order: 1, skills: [{ id: 'git' }, { id: 'linux', prerequisites: ['git'] }, { id: 'http' }] },
]);

function skill(id: string): Skill {
  const found = roadmap.skillById.get(id);
  assert.ok(found, `no skill ${id}`);
  return found;
}

describe('next skill', () => {
  describe('suggestNextSkill', () => {
    it('suggests the first skill of the first stage when nothing is started', () => {
      assert.equal(suggestNextSkill(roadmap, {})?.id, 'git');
    });

    it('suggests a skill that is in progress (it is not finished)', () => {
      assert.equal(suggestNextSkill(roadmap, states({ git: 'inProgress' }))?.id, 'git');
    });

    it('suggests the skill after a finished one when its prerequisite is done', () => {
      assert.equal(suggestNextSkill(roadmap, states({ git: 'done' }))?.id, 'linux');
      assert.equal(suggestNextSkill(roadmap, states({ git: 'done', linux: 'done' }))?.id, 'http');
    });

    it('skips a skill whose prerequisite is not finished, for a later one that is ready', () => {
      // a needs c, which comes later: b is first ready, then c, and a only once c is finished.
      const blocked = modelRoadmap([{ id: 's', skills: [{ id: 'a', prerequisites: ['c'] }, { id: 'b' }, { id: 'c' }] }]);
      assert.equal(suggestNextSkill(blocked, {})?.id, 'b');
      assert.equal(suggestNextSkill(blocked, states({ b: 'done' }))?.id, 'c');
      assert.equal(suggestNextSkill(blocked, states({ b: 'done', c: 'inProgress' }))?.id, 'c');
      assert.equal(suggestNextSkill(blocked, states({ b: 'done', c: 'done' }))?.id, 'a');
      assert.equal(suggestNextSkill(blocked, states({ b: 'done', c: 'skipped' }))?.id, 'a');
    });

    it('waits for every prerequisite, not just one', () => {
      const two = modelRoadmap([{ id: 's', skills: [{ id: 'both', prerequisites: ['x', 'y'] }, { id: 'x' }, { id: 'y' }] }]);
      assert.equal(suggestNextSkill(two, states({ x: 'done' }))?.id, 'y');
      assert.equal(suggestNextSkill(two, states({ x: 'done', y: 'skipped' }))?.id, 'both');
    });

    it('moves to the next stage once the first is finished, counting skipped as finished', () => {
      assert.equal(suggestNextSkill(roadmap, states({ git: 'done', linux: 'skipped', http: 'done' }))?.id, 'docker');
    });

    it('gives undefined when every skill is finished', () => {
      assert.equal(suggestNextSkill(roadmap, states({ git: 'done', linux: 'skipped', http: 'done', docker: 'done', compose: 'skipped' })), undefined);
    });
  });

  describe('followingSkill', () => {
    it('gives the next skill in roadmap order, across stages', () => {
      assert.equal(followingSkill(roadmap, skill('git'))?.id, 'linux');
      assert.equal(followingSkill(roadmap, skill('http'))?.id, 'docker');
    });

    it('gives undefined after the last skill', () => {
      assert.equal(followingSkill(roadmap, skill('compose')), undefined);
    });
  });

  describe('openPrerequisites', () => {
    it('lists the prerequisites that are not finished, in the order they are declared', () => {
      assert.deepEqual(
        openPrerequisites(roadmap, {}, skill('compose')).map((s) => s.id),
        ['docker', 'git'],
      );
      assert.deepEqual(
        openPrerequisites(roadmap, states({ git: 'skipped', docker: 'inProgress' }), skill('compose')).map((s) => s.id),
        ['docker'],
      );
    });

    it('is empty when every prerequisite is finished, or there are none', () => {
      assert.deepEqual(openPrerequisites(roadmap, states({ git: 'done', docker: 'skipped' }), skill('compose')), []);
      assert.deepEqual(openPrerequisites(roadmap, {}, skill('http')), []);
    });
  });
});
