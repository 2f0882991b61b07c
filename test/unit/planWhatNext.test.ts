// "What next": open skills whose prerequisites are finished, in progress first, then partly proved, then path order.
import * as assert from 'node:assert/strict';
import { ruleProgress, ruleProgressBySkill, whatNext } from '../../src/core/plan/whatNext';
import type { RuleProgress } from '../../src/core/plan/whatNext';
import type { ProgressMap, SkillProgress, SkillState } from '../../src/core/progress/model';
import { modelRoadmap } from './helpers/roadmapFixtures';

const roadmap = modelRoadmap([
  {
    id: 'basics',
    skills: [
      { id: 'git' },
      { id: 'linux', prerequisites: ['git'] },
      { id: 'http', detect: { all: ['http.a', 'http.b', 'http.c'] } },
      { id: 'dns', detect: { all: ['dns.a', 'dns.b'] } },
      { id: 'tls', prerequisites: ['http'] },
      { id: 'regex', level: 'optional', detect: { all: ['re.a', 're.b'] } },
    ],
  },
  { id: 'later', skills: [{ id: 'docker', prerequisites: ['linux'] }, { id: 'compose', prerequisites: ['docker'] }, { id: 'sql' }] },
]);

function record(state: SkillState): SkillProgress {
  return { state, setBy: 'learner', at: '2024-05-01T00:00:00.000Z', evidence: [] };
}

describe('plan: what next', () => {
  it('ranks in progress first, then partly proved (larger share first), then path order, each with its reason', () => {
    const progress: ProgressMap = { git: record('done'), docker: record('inProgress'), linux: record('skipped') };
    const rules = new Map<string, RuleProgress>([
      ['http', { found: 1, needed: 3 }],
      ['dns', { found: 1, needed: 2 }],
      ['regex', { found: 1, needed: 2 }],
    ]);
    const ranked = whatNext(roadmap, progress, { scope: 'core' }, rules);
    assert.deepEqual(
      ranked.map((next) => [next.skill.id, next.why, next.reason]),
      [
        ['docker', 'inProgress', 'in progress'],
        ['dns', 'partlyProved', '1 of 2 milestones found in your workspace'],
        ['http', 'partlyProved', '1 of 3 milestones found in your workspace'],
        ['sql', 'pathOrder', 'next on your path'],
      ],
    );
  });

  it('leaves out finished skills, skills waiting for a prerequisite, and skills off the path', () => {
    const ranked = whatNext(roadmap, { git: record('done'), sql: record('skipped') }, { scope: 'core' }).map((next) => next.skill.id);
    // linux is ready (git done); tls waits for http, docker for linux; regex is optional; sql is skipped.
    assert.deepEqual(ranked, ['linux', 'http', 'dns']);
    assert.deepEqual(
      whatNext(roadmap, { git: record('done'), sql: record('skipped') }, { scope: 'all' }).map((next) => next.skill.id),
      ['linux', 'http', 'dns', 'regex'],
    );
  });

  it('counts a skipped prerequisite as finished, and says both when a skill in progress is partly proved', () => {
    const ranked = whatNext(roadmap, { http: record('skipped'), tls: record('inProgress') }, { scope: 'all' }, new Map([['tls', { found: 2, needed: 3 }]]));
    assert.deepEqual(ranked[0] && [ranked[0].skill.id, ranked[0].reason], ['tls', 'in progress; 2 of 3 milestones found in your workspace']);
  });

  it('does not call a rule with nothing found, or everything found, partly proved', () => {
    const ranked = whatNext(roadmap, {}, { scope: 'core' }, new Map([['http', { found: 0, needed: 3 }], ['dns', { found: 2, needed: 2 }]]));
    assert.deepEqual(ranked.map((next) => next.why), ['pathOrder', 'pathOrder', 'pathOrder', 'pathOrder']);
  });

  it('measures a rule: every `all` id and `atLeast` of `any`, found never above needed', () => {
    const rule = { all: ['a', 'b'], any: ['c', 'd', 'e'], atLeast: 2 };
    assert.deepEqual(ruleProgress(rule, new Set(['a', 'c'])), { found: 2, needed: 4 });
    assert.deepEqual(ruleProgress(rule, new Set(['a', 'b', 'c', 'd', 'e'])), { found: 4, needed: 4 });
    assert.deepEqual(ruleProgress({ all: [], any: ['x', 'y'] }, new Set(['y'])), { found: 1, needed: 1 });
    const bySkill = ruleProgressBySkill(roadmap, new Set(['http.a', 'http.b']));
    assert.deepEqual(bySkill.get('http'), { found: 2, needed: 3 });
    assert.equal(bySkill.has('git'), false, 'a skill without a rule has no rule progress');
  });
});
