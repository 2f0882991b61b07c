import * as assert from 'node:assert/strict';
import type { ProgressMap } from '../../src/core/progress/model';
import { retiredSkills } from '../../src/core/progress/retired';
import { modelRoadmap } from './helpers/roadmapFixtures';

describe('retired skills', () => {
  const shipped = modelRoadmap([{ id: 'git', skills: [{ id: 'git-basics' }, { id: 'docker-compose' }] }]);
  const custom = modelRoadmap([{ id: 'ship-it', skills: [{ id: 'docker-compose' }, { id: 'team-review' }] }]);
  const record = { state: 'done', setBy: 'learner', at: '2026-11-01T10:00:00.000Z', evidence: [] } as const;
  const progress: ProgressMap = { 'git-basics': record, 'docker-compose': record, 'old-skill': record };

  it('lists records whose skill no roadmap has', () => {
    assert.deepEqual(retiredSkills(shipped, progress), ['old-skill']);
  });

  it('under a custom roadmap, keeps shipped skills it leaves out current, not retired', () => {
    assert.deepEqual(retiredSkills(custom, progress), ['git-basics', 'old-skill']);
    assert.deepEqual(retiredSkills(custom, progress, [shipped]), ['old-skill']);
  });
});
