// Former ids in roadmap content: the loader carries them into the model, refuses clashes with a problem at the
// exact former id (its own id, an id still in use, one claimed twice; for skills and for stages), and the lookup
// maps each former id to the item that has it now. Then the rule that combines one skill's records.
import * as assert from 'node:assert/strict';
import { parseRoadmapFile, roadmapFileText } from '../../src/core/compiled/compiledRoadmap';
import { textsInMemory } from './helpers/compiledFiles';
import { combineSkillRecords } from '../../src/core/progress/formerIds';
import type { Evidence, SkillProgress } from '../../src/core/progress/model';
import { currentSkillId, formerSkillIds, formerStageIds, isKnownSkillId } from '../../src/core/roadmap/formerIds';
import { parseRoadmap } from '../../src/core/roadmap/loader';
import { problemAt as at, problemsOf, stageSource } from './helpers/roadmapFixtures';



describe('former ids', () => {
  describe('in the loader', () => {
    const one = stageSource('one.yaml', {
      id: 'basics',
      order: 1,
      extra: { formerIds: '[first-steps]' },
      skills: [{ id: 'git', extra: { formerIds: '[version-control, git-basics]' } }, { id: 'shell' }],
    });
    const two = stageSource('two.yaml', { id: 'web', order: 2, skills: [{ id: 'http', extra: { formerIds: '[web-protocols]' } }] });

    it('carries formerIds into the model and leaves them out where none are given', () => {
      const { roadmap, problems } = parseRoadmap([one, two]);
      assert.deepEqual(problems, []);
      assert.ok(roadmap);
      assert.deepEqual(roadmap.skillById.get('git')?.formerIds, ['version-control', 'git-basics']);
      assert.equal(Object.hasOwn(roadmap.skillById.get('shell') ?? {}, 'formerIds'), false);
      assert.deepEqual(roadmap.stageById.get('basics')?.formerIds, ['first-steps']);
      assert.equal(Object.hasOwn(roadmap.stageById.get('web') ?? {}, 'formerIds'), false);
    });

    it('looks former ids up across files: former → current', () => {
      const { roadmap } = parseRoadmap([one, two]);
      assert.ok(roadmap);
      assert.deepEqual([...formerSkillIds(roadmap)], [
        ['version-control', 'git'],
        ['git-basics', 'git'],
        ['web-protocols', 'http'],
      ]);
      assert.deepEqual([...formerStageIds(roadmap)], [['first-steps', 'basics']]);
      assert.equal(currentSkillId(roadmap, 'git-basics'), 'git');
      assert.equal(currentSkillId(roadmap, 'shell'), 'shell');
      assert.equal(currentSkillId(roadmap, 'gone'), undefined);
      assert.equal(isKnownSkillId(roadmap, 'web-protocols'), true);
      assert.equal(isKnownSkillId(roadmap, 'first-steps'), false, 'a former stage id is not a skill id');
    });

    it('keeps former ids through the compiled roadmap the build writes', () => {
      const { roadmap } = parseRoadmap([one, two]);
      assert.ok(roadmap);
      const built = { stages: roadmap.stages, markdown: { block: [], inline: [] } };
      const compiled = parseRoadmapFile(Buffer.from(roadmapFileText(built)), textsInMemory(built));
      assert.deepEqual([...formerSkillIds(compiled)], [...formerSkillIds(roadmap)]);
      assert.deepEqual([...formerStageIds(compiled)], [['first-steps', 'basics']]);
    });

    it('reports two skills claiming one former id at the second claim, naming both', () => {
      const a = stageSource('a.yaml', { id: 'a', order: 1, skills: [{ id: 'docker', extra: { formerIds: '[containers]' } }] });
      const b = stageSource('b.yaml', { id: 'b', order: 2, skills: [{ id: 'podman', extra: { formerIds: '[oci, containers]' } }] });
      assert.deepEqual(problemsOf([a, b]), [
        at(b, 'containers', 'former id "containers" is claimed by skills "docker" (in a.yaml) and "podman": progress under it can move to only one skill; keep it in one formerIds list'),
      ]);
    });

    it('reports a former id that is still the id of another skill, at the former id', () => {
      const a = stageSource('a.yaml', { id: 'a', order: 1, skills: [{ id: 'sql' }, { id: 'databases', extra: { formerIds: '[sql]' } }] });
      assert.deepEqual(problemsOf([a]), [
        at(a, 'sql]', 'former id "sql" of skill "databases" is still the id of a skill (in a.yaml): a former id must no longer be in use; remove it from formerIds, or rename that skill'),
      ]);
    });

    it('reports a skill listing its own id as a former id', () => {
      const a = stageSource('a.yaml', { id: 'a', order: 1, skills: [{ id: 'redis', extra: { formerIds: '[cache, redis]' } }] });
      assert.deepEqual(problemsOf([a]), [at(a, 'redis]', 'skill "redis" lists its own id as a former id: remove it from formerIds')]);
    });

    it('applies the same rules to stages, in their own namespace', () => {
      const a = stageSource('a.yaml', { id: 'a', order: 1, extra: { formerIds: '[old, b]' }, skills: [{ id: 'x' }] });
      const b = stageSource('b.yaml', { id: 'b', order: 2, extra: { formerIds: '[old, b]' }, skills: [{ id: 'y' }] });
      assert.deepEqual(problemsOf([a, b]), [
        at(a, 'b]', 'former id "b" of stage "a" is still the id of a stage (in b.yaml): a former id must no longer be in use; remove it from formerIds, or rename that stage'),
        at(b, 'old', 'former id "old" is claimed by stages "a" (in a.yaml) and "b": progress under it can move to only one stage; keep it in one formerIds list'),
        at(b, 'b]', 'stage "b" lists its own id as a former id: remove it from formerIds'),
      ]);
      const skillNamedLikeStage = stageSource('c.yaml', { id: 'c', order: 1, skills: [{ id: 'z', extra: { formerIds: '[c]' } }] });
      assert.deepEqual(parseRoadmap([skillNamedLikeStage]).problems, [], 'a skill may take over an id that is also a stage id');
    });

    it('lets the schema refuse a former id that is not kebab-case, or listed twice', () => {
      const a = stageSource('a.yaml', { id: 'a', order: 1, skills: [{ id: 'x', extra: { formerIds: '[Old_Id, gone, gone]' } }] });
      const messages = problemsOf([a]).map((problem) => problem.message);
      assert.ok(messages.includes('skills.0.formerIds.0 must be a kebab-case id (lowercase letters, digits and single hyphens)'), messages.join('\n'));
      assert.ok(
        messages.some((message) => message.startsWith('skills.0.formerIds must NOT have duplicate items')),
        messages.join('\n'),
      );
    });
  });

  describe('combineSkillRecords', () => {
    const T1 = '2024-01-01T00:00:00.000Z';
    const T2 = '2024-02-01T00:00:00.000Z';
    const T3 = '2024-03-01T00:00:00.000Z';
    const ev = (summary: string): Evidence => ({ milestone: 'git.history', summary, at: T1 });
    const rec = (state: SkillProgress['state'], at: string, evidence: readonly Evidence[], extra: Partial<SkillProgress> = {}): SkillProgress => ({ state, setBy: 'learner', at, evidence, ...extra });

    it('takes a lone former record as it is (a rename)', () => {
      const former = rec('done', T1, [ev('a')], { note: 'n' });
      assert.equal(combineSkillRecords(undefined, [former]), former);
    });

    it('lets the newest record give the state, unites evidence and reviews, and keeps every note once', () => {
      const a = rec('done', T1, [ev('a'), ev('shared')], { note: 'about A', reviews: [{ at: T1, passed: true }] });
      const b = rec('inProgress', T2, [ev('shared'), ev('b')], { note: 'about B\n\nabout A', reviews: [{ at: T2, passed: false }] });
      assert.deepEqual(combineSkillRecords(undefined, [a, b]), {
        state: 'inProgress',
        setBy: 'learner',
        at: T2,
        evidence: [ev('shared'), ev('b'), ev('a')],
        reviews: [
          { at: T1, passed: true },
          { at: T2, passed: false },
        ],
        note: 'about B\n\nabout A',
      });
    });

    it('keeps the current record when no former record changed after it, so a later change is never undone', () => {
      const current = rec('inProgress', T2, [ev('a')], { note: 'edited' });
      const former = rec('done', T1, [ev('a'), ev('old')], { note: 'original' });
      assert.equal(combineSkillRecords(current, [former]), current);
    });

    it('takes in a former record changed after the current one (work under the old id elsewhere)', () => {
      const current = rec('inProgress', T2, [ev('a')], { note: 'here' });
      const former = rec('done', T3, [ev('b')], { note: 'there' });
      assert.deepEqual(combineSkillRecords(current, [former]), rec('done', T3, [ev('b'), ev('a')], { note: 'there\n\nhere' }));
    });

    it('prefers the current record, then formerIds order, on equal times', () => {
      const current = rec('skipped', '', []);
      const a = rec('done', '', [ev('a')]);
      assert.equal(combineSkillRecords(current, [a]), current, 'a record of unknown age never replaces the current one');
      const b = rec('inProgress', '', [ev('b')]);
      assert.equal(combineSkillRecords(undefined, [a, b]).state, 'done');
    });
  });
});
