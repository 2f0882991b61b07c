// The view models the host sends to the details page, and the page's messages it accepts.
import * as assert from 'node:assert/strict';
import type { ProgressMap, SkillProgress } from '../../src/core/progress/model';
import { SKILL_STATES } from '../../src/core/progress/model';
import { isWebviewMessage } from '../../src/core/view/protocol';
import { STATE_ICONS } from '../../src/core/view/stateIcons';
import { buildDashboardView } from '../../src/core/view/viewModels';
import { modelRoadmap } from './helpers/roadmapFixtures';

const record = (state: SkillProgress['state']): SkillProgress => ({ state, setBy: 'learner', at: '2024-01-01T10:00:00.000Z', evidence: [] });

describe('view models', () => {
  it('sends each stage state from the one rule, so a fully skipped stage is skipped, not "not started"', () => {
    const roadmap = modelRoadmap([
      { id: 'skipped', skills: [{ id: 'a' }, { id: 'b' }] },
      { id: 'done', skills: [{ id: 'c' }, { id: 'd' }] },
      { id: 'started', skills: [{ id: 'e' }, { id: 'f' }] },
      { id: 'fresh', skills: [{ id: 'g' }] },
    ]);
    const progress: ProgressMap = { a: record('skipped'), b: record('skipped'), c: record('done'), d: record('skipped'), e: record('inProgress') };
    const stages = buildDashboardView(roadmap, progress).stages;
    assert.deepEqual(
      stages.map((stage) => [stage.id, stage.state, stage.percent]),
      [
        ['skipped', 'skipped', 100],
        ['done', 'done', 100],
        ['started', 'inProgress', 0],
        ['fresh', 'notStarted', 0],
      ],
    );
  });

  it('gives every state its own icon', () => {
    const codicons = SKILL_STATES.map((state) => STATE_ICONS[state].codicon);
    assert.equal(new Set(codicons).size, SKILL_STATES.length);
  });
});

describe('page protocol', () => {
  it('accepts a state change to every skill state and nothing else', () => {
    for (const state of SKILL_STATES) {
      assert.equal(isWebviewMessage({ type: 'setState', skillId: 'a', state }), true, state);
    }
    assert.equal(isWebviewMessage({ type: 'setState', skillId: 'a', state: 'exploded' }), false);
    assert.equal(isWebviewMessage({ type: 'setState', skillId: 'a' }), false);
    assert.equal(isWebviewMessage({ type: 'launch' }), false);
  });
});
