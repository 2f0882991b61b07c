import * as assert from 'node:assert/strict';
import { isCredited } from '../../src/core/detection/credit';
import { judgeSkill } from '../../src/core/detection/projectRules';
import type { ProjectFacts } from '../../src/core/detection/projectRules';
import { evaluateRule } from '../../src/core/progress/detection';
import type { Evidence } from '../../src/core/progress/model';

const at = '2026-05-01T10:00:00.000Z';

function project(folder: string, repository: boolean, facts: Record<string, boolean | null>): ProjectFacts {
  return {
    folder,
    repository,
    milestones: new Map(Object.entries(facts).map(([id, yours]) => [id, { present: true, checked: true, evidence: [{ milestone: id, summary: id, folder, at, yours }] }])),
  };
}

describe('rules judged per project, with credit', () => {
  it('credit policies: yourWork, verifiedOnly, anyCode', () => {
    const e = (yours: boolean | null | undefined): Evidence => ({ milestone: 'docker.file', summary: 'Dockerfile', at, ...(yours === undefined ? {} : { yours }) });
    const table = [true, false, null, undefined].map((yours) => [
      isCredited(e(yours), 'yourWork', true),
      isCredited(e(yours), 'yourWork', false),
      isCredited(e(yours), 'verifiedOnly', false),
      isCredited(e(yours), 'anyCode', true),
    ]);
    assert.deepEqual(table, [
      [true, true, true, true],
      [false, false, false, true],
      [false, true, false, true],
      [false, true, false, true],
    ]);
  });

  it('atLeast: a large skill needs several of its signals', () => {
    const rule = { all: ['git.history'], any: ['docker.file', 'ci.workflow', 'test.present', 'db.migrations'], atLeast: 3 };
    assert.equal(evaluateRule(rule, new Set(['git.history', 'docker.file', 'ci.workflow'])).complete, false);
    assert.equal(evaluateRule(rule, new Set(['git.history', 'docker.file', 'ci.workflow', 'test.present'])).complete, true);
    assert.equal(evaluateRule({ all: [], any: ['a.x', 'b.y'] }, new Set(['b.y'])).complete, true, 'one of any by default');
  });

  it('picks the project that proves the rule, and reports the nearest one otherwise', () => {
    const rule = { all: ['docker.file', 'docker.compose'], any: [] };
    const verdict = judgeSkill(rule, [project('/a', true, { 'docker.file': true }), project('/b', true, { 'docker.file': true, 'docker.compose': true })], 'yourWork');
    assert.equal(verdict.complete, true);
    assert.equal(verdict.project, '/b');
    assert.ok(verdict.evidence.every((e) => e.folder === '/b'));
    const near = judgeSkill(rule, [project('/a', true, { 'docker.file': true }), project('/c', true, {})], 'yourWork');
    assert.equal(near.complete, false);
    assert.equal(near.project, '/a');
    assert.deepEqual(near.status.missingAll, ['docker.compose']);
  });

  it('a milestone made of several pieces (three HTTP methods) is credited only when every piece shown is the learner\'s', () => {
    const methods = (yours: (boolean | null)[]): ProjectFacts => ({
      folder: '/api',
      repository: true,
      milestones: new Map([['api.rest-methods', { present: true, checked: true, evidence: yours.map((y, i) => ({ milestone: 'api.rest-methods', summary: `method ${i}`, folder: '/api', at, yours: y })) }]]),
    });
    const rule = { all: ['api.rest-methods'], any: [] };
    assert.equal(judgeSkill(rule, [methods([false, false, true])], 'yourWork').complete, false, 'one line of the learner\'s beside two of someone else\'s');
    assert.equal(judgeSkill(rule, [methods([true, true, true])], 'yourWork').complete, true);
    assert.equal(judgeSkill(rule, [methods([false, false, true])], 'anyCode').complete, true);
  });

  it('lists projects where the milestones are seen but not credited', () => {
    const verdict = judgeSkill({ all: ['docker.file'], any: [] }, [project('/clone', true, { 'docker.file': false }), project('/mine', true, {})], 'yourWork');
    assert.equal(verdict.complete, false);
    assert.deepEqual(verdict.seenNotCredited, ['/clone']);
    assert.equal(verdict.onlyAcrossProjects, false);
  });
});
