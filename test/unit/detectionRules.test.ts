// Detect rules: every milestone of `all` and one of `any` (when given) complete a skill; which skills a set of
// milestones proves, and which skills to re-evaluate when milestones change.
import * as assert from 'node:assert/strict';
import { evaluateRule, ruleMilestones, skillsProvedBy, skillsUsingMilestones } from '../../src/core/progress/detection';
import type { DetectRule } from '../../src/core/roadmap/model';
import { modelRoadmap } from './helpers/roadmapFixtures';

function rule(all: readonly string[], any: readonly string[]): DetectRule {
  return { all, any };
}

function present(...ids: string[]): ReadonlySet<string> {
  return new Set(ids);
}

describe('detect rules', () => {
  describe('evaluateRule', () => {
    it('completes an `all` rule only when every id is present', () => {
      const docker = rule(['docker.file', 'docker.compose'], []);
      assert.deepEqual(evaluateRule(docker, present('docker.file', 'docker.compose', 'git.repo')), {
        complete: true,
        presentAll: ['docker.file', 'docker.compose'],
        missingAll: [],
        presentAny: [],
        missingAny: [],
      });
      assert.deepEqual(evaluateRule(docker, present('docker.compose')), {
        complete: false,
        presentAll: ['docker.compose'],
        missingAll: ['docker.file'],
        presentAny: [],
        missingAny: [],
      });
    });

    it('completes an `any` rule with one id present, listing the present ones', () => {
      const db = rule([], ['db.sql', 'db.nosql', 'db.migrations']);
      assert.deepEqual(evaluateRule(db, present('db.nosql', 'db.migrations')), {
        complete: true,
        presentAll: [],
        missingAll: [],
        presentAny: ['db.nosql', 'db.migrations'],
        missingAny: [],
      });
    });

    it('lists every `any` id as missing when none is present', () => {
      const db = rule([], ['db.sql', 'db.nosql']);
      assert.deepEqual(evaluateRule(db, present('git.repo')), {
        complete: false,
        presentAll: [],
        missingAll: [],
        presentAny: [],
        missingAny: ['db.sql', 'db.nosql'],
      });
    });

    it('needs both parts when a rule has `all` and `any`', () => {
      const api = rule(['framework.web'], ['api.rest', 'api.graphql']);
      const outcomes = [
        present('framework.web', 'api.graphql'),
        present('framework.web'),
        present('api.rest', 'api.graphql'),
        present(),
      ].map((ids) => {
        const status = evaluateRule(api, ids);
        return [status.complete, status.missingAll, status.missingAny];
      });
      assert.deepEqual(outcomes, [
        [true, [], []],
        [false, [], ['api.rest', 'api.graphql']],
        [false, ['framework.web'], []],
        [false, ['framework.web'], ['api.rest', 'api.graphql']],
      ]);
    });

    it('treats an empty rule as complete (the schema forbids it in content)', () => {
      assert.equal(evaluateRule(rule([], []), present()).complete, true);
    });
  });

  describe('ruleMilestones', () => {
    it('lists `all` first, then `any` without repeats', () => {
      assert.deepEqual(ruleMilestones(rule(['git.repo', 'git.history'], ['git.history', 'git.remote'])), ['git.repo', 'git.history', 'git.remote']);
    });
  });

  describe('on a small roadmap', () => {
    const roadmap = modelRoadmap([
      {
        id: 'tools',
        skills: [
          { id: 'git-basics', detect: { all: ['git.repo', 'git.history'] } },
          { id: 'reading' },
          { id: 'git-remote', detect: { any: ['git.remote'] } },
        ],
      },
      {
        id: 'ship',
        skills: [
          { id: 'containers', detect: { all: ['docker.file'], any: ['docker.compose', 'deploy.k8s'] } },
          { id: 'databases', detect: { any: ['db.sql', 'db.nosql'] } },
        ],
      },
    ]);
    const ids = (skills: readonly { id: string }[]): string[] => skills.map((skill) => skill.id);

    it('finds the skills a set of milestones proves, in roadmap order', () => {
      assert.deepEqual(ids(skillsProvedBy(roadmap, present('db.nosql', 'git.repo', 'git.history', 'docker.file'))), ['git-basics', 'databases']);
      assert.deepEqual(ids(skillsProvedBy(roadmap, present('docker.file', 'deploy.k8s', 'git.remote'))), ['git-remote', 'containers']);
    });

    it('proves nothing without milestones, and never a skill without a rule', () => {
      assert.deepEqual(ids(skillsProvedBy(roadmap, present())), []);
      const all = present('git.repo', 'git.history', 'git.remote', 'docker.file', 'docker.compose', 'db.sql');
      assert.deepEqual(ids(skillsProvedBy(roadmap, all)), ['git-basics', 'git-remote', 'containers', 'databases']);
    });

    it('finds the skills whose rules mention changed milestones, from `all` or `any`', () => {
      assert.deepEqual(ids(skillsUsingMilestones(roadmap, present('git.history'))), ['git-basics']);
      assert.deepEqual(ids(skillsUsingMilestones(roadmap, present('deploy.k8s', 'db.sql'))), ['containers', 'databases']);
      assert.deepEqual(ids(skillsUsingMilestones(roadmap, present('git.repo', 'git.remote', 'docker.file'))), ['git-basics', 'git-remote', 'containers']);
    });

    it('finds no skills for milestones no rule mentions', () => {
      assert.deepEqual(ids(skillsUsingMilestones(roadmap, present('search.engine', 'obs.logging'))), []);
      assert.deepEqual(ids(skillsUsingMilestones(roadmap, present())), []);
    });
  });
});
