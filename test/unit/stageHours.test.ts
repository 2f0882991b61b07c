import * as assert from 'node:assert/strict';
import { stageHours } from '../../src/core/roadmap/stageHours';
import { modelRoadmap } from './helpers/roadmapFixtures';

describe('stageHours', () => {
  it('adds up the estimated hours of the stage skills', () => {
    const roadmap = modelRoadmap([{ id: 'basics', skills: [{ id: 'a', estimatedHours: 3 }, { id: 'b', estimatedHours: 4.5 }] }]);
    const stage = roadmap.stageById.get('basics');
    assert.ok(stage);
    assert.equal(stageHours(stage), 7.5);
  });

  it('is 0 for a stage without skills', () => {
    assert.equal(stageHours({ skills: [] }), 0);
  });
});
