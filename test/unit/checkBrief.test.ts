// Checking a project brief in the learner's workspace: a check is found only in one folder, by the learner's
// own work under the credit policy; self-checks come from progress; a brief split across folders is not complete.
import * as assert from 'node:assert/strict';
import { briefComplete, checkBrief } from '../../src/core/briefs/checkBrief';
import { judgeBrief } from '../../src/core/briefs/judgeBrief';
import { briefMilestones, briefQuizSkills } from '../../src/core/briefs/roadmapBriefs';
import type { MilestoneFact, ProjectFacts } from '../../src/core/detection/projectRules';
import type { Evidence, ProgressMap } from '../../src/core/progress/model';
import type { ProjectBrief } from '../../src/core/roadmap/model';

const AT = '2026-12-01T10:00:00.000Z';

const BRIEF: ProjectBrief = {
  id: 'containerise-api',
  title: 'Containerise your API',
  description: 'Package it.',
  goal: 'Anyone starts it with one command.',
  skills: ['dockerfile', 'docker-compose'],
  criteria: [
    { text: 'A Dockerfile builds the API.', checks: ['docker.file'] },
    { text: 'Compose starts the stack.', checks: ['docker.compose', 'quiz:docker-compose'] },
    { text: 'The README says how to start it.', checks: [] },
  ],
};

function evidence(milestone: string, yours: boolean | null, extra: Partial<Evidence> = {}): Evidence {
  return { milestone, summary: milestone, folder: '/work/api', path: `${milestone}.txt`, line: 1, commit: 'abc1234', at: AT, yours, ...extra };
}

function fact(milestone: string, yours: boolean | null): MilestoneFact {
  return { present: true, checked: true, evidence: [evidence(milestone, yours)] };
}

function project(folder: string, facts: Record<string, MilestoneFact>, repository = true): ProjectFacts {
  return { folder, repository, milestones: new Map(Object.entries(facts)) };
}

const QUIZ_PASSED: ProgressMap = {
  'docker-compose': { state: 'inProgress', setBy: 'learner', at: AT, evidence: [{ milestone: 'quiz.passed', kind: 'quiz', summary: 'self-check passed (4/4)', score: 1, at: AT, yours: true }] },
};

describe('project brief checks', () => {
  it('finds every check in one folder of the learner\'s own work, with its evidence, and completes the brief', () => {
    const status = checkBrief(BRIEF, project('/work/api', { 'docker.file': fact('docker.file', true), 'docker.compose': fact('docker.compose', true) }), { policy: 'yourWork', progress: QUIZ_PASSED });
    assert.deepEqual(
      status.criteria.map((criterion) => [criterion.status, criterion.checks.map((check) => check.status)]),
      [
        ['found', ['found']],
        ['found', ['found', 'found']],
        ['checkYourself', []],
      ],
    );
    const dockerfile = status.criteria[0]?.checks[0]?.evidence[0];
    assert.deepEqual([dockerfile?.path, dockerfile?.line, dockerfile?.commit], ['docker.file.txt', 1, 'abc1234']);
    assert.equal(status.criteria[1]?.checks[1]?.evidence[0]?.kind, 'quiz');
    assert.deepEqual([status.folder, status.checksFound, status.checksTotal, status.complete], ['/work/api', 3, 3, true]);
  });

  it('reports missing checks, an unpassed self-check and a milestone not checked, with what to do', () => {
    const status = checkBrief(
      BRIEF,
      project('/work/api', { 'docker.file': { present: false, checked: true, evidence: [] }, 'docker.compose': { present: false, checked: false, evidence: [], reason: 'git commands are not run' } }),
      { policy: 'yourWork', progress: {} },
    );
    assert.deepEqual(
      status.criteria.flatMap((criterion) => criterion.checks.map((check) => [check.check, check.status, check.reason])),
      [
        ['docker.file', 'missing', undefined],
        ['docker.compose', 'notChecked', 'git commands are not run'],
        ['quiz:docker-compose', 'missing', "pass the skill's self-check in its details panel"],
      ],
    );
    assert.deepEqual([status.criteria[0]?.status, status.checksFound, status.complete], ['missing', 0, false]);
  });

  it('does not count someone else\'s work, but shows it; anyCode counts it', () => {
    const cloned = project('/work/clone', { 'docker.file': fact('docker.file', false), 'docker.compose': fact('docker.compose', false) });
    const status = checkBrief(BRIEF, cloned, { policy: 'yourWork', progress: QUIZ_PASSED });
    const dockerfile = status.criteria[0]?.checks[0];
    assert.deepEqual([dockerfile?.status, dockerfile?.reason, dockerfile?.evidence.length], ['notYours', 'written by someone else', 1]);
    assert.equal(status.complete, false);
    assert.equal(checkBrief(BRIEF, cloned, { policy: 'anyCode', progress: QUIZ_PASSED }).complete, true);
  });

  it('counts files of a folder without git under yourWork but not under verifiedOnly', () => {
    const plain = project('/work/plain', { 'docker.file': fact('docker.file', null), 'docker.compose': fact('docker.compose', null) }, false);
    assert.equal(checkBrief(BRIEF, plain, { policy: 'yourWork', progress: QUIZ_PASSED }).complete, true);
    assert.equal(checkBrief(BRIEF, plain, { policy: 'verifiedOnly', progress: QUIZ_PASSED }).complete, false);
  });

  it('never completes a brief whose checks are split across two folders, and says so', () => {
    const api = project('/work/api', { 'docker.file': fact('docker.file', true) });
    const infra = project('/work/infra', { 'docker.compose': fact('docker.compose', true) });
    const verdict = judgeBrief(BRIEF, [api, infra], { policy: 'yourWork', progress: QUIZ_PASSED });
    assert.deepEqual(verdict.folders.map((status) => [status.folder, status.checksFound, status.complete]), [
      ['/work/api', 2, false],
      ['/work/infra', 2, false],
    ]);
    assert.deepEqual([verdict.best.folder, verdict.best.complete, verdict.onlyAcrossFolders], ['/work/api', false, true]);
    const together = project('/work/api', { 'docker.file': fact('docker.file', true), 'docker.compose': fact('docker.compose', true) });
    const done = judgeBrief(BRIEF, [infra, together], { policy: 'yourWork', progress: QUIZ_PASSED });
    assert.deepEqual([done.best.folder, done.best.complete, done.onlyAcrossFolders], ['/work/api', true, false]);
  });

  it('checks with no folder open: everything but self-checks is missing, with a hint to open one', () => {
    const verdict = judgeBrief(BRIEF, [], { policy: 'yourWork', progress: QUIZ_PASSED });
    assert.deepEqual([verdict.best.folder, verdict.best.checksFound, verdict.best.complete], [undefined, 1, false]);
    assert.equal(verdict.best.criteria[0]?.checks[0]?.reason, 'open the project folder in the workspace');
  });

  it('never completes a brief without checks', () => {
    assert.equal(briefComplete({ checksFound: 0, checksTotal: 0 }), false);
    const unchecked: ProjectBrief = { ...BRIEF, criteria: [{ text: 'Explain it to a friend.', checks: [] }] };
    assert.equal(checkBrief(unchecked, project('/work/api', {}), { policy: 'anyCode', progress: {} }).complete, false);
  });

  it('lists the milestones and self-checks a brief depends on, for deciding which re-checks matter', () => {
    assert.deepEqual([...briefMilestones(BRIEF)], ['docker.file', 'docker.compose']);
    assert.deepEqual([...briefQuizSkills(BRIEF)], ['docker-compose']);
  });
});
