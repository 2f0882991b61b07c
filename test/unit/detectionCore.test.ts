import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DetectionCore } from '../../src/core/detection/detectionCore';
import type { DetectionCoreDeps, DetectionSettings, SkillsCompleted } from '../../src/core/detection/detectionCore';
import type { FolderScan, MilestoneResult, ScanOptions } from '../../src/core/milestones/engine';
import { MILESTONES } from '../../src/core/milestones/catalog';
import type { Evidence } from '../../src/core/progress/model';
import type { EvidenceResult } from '../../src/core/progress/rules';
import { createRoadmap } from '../../src/core/roadmap/model';
import type { DetectRule, Skill } from '../../src/core/roadmap/model';
import { makeTree, removeTree } from './helpers/scanFixtures';

const at = '2026-05-01T10:00:00.000Z';

function skill(id: string, all: string[], any: string[] = []): Skill {
  return { id, stageId: 'ops', title: id, summary: '', whyItMatters: '', subtopics: [], resources: [], practice: [], estimatedHours: 1, level: 'core', prerequisites: [], detect: { all, any }, quiz: [] };
}

/** A skill with its rule, as the panel asks about it. */
function ruled(id: string, all: string[]): Skill & { readonly detect: DetectRule } {
  return { ...skill(id, all), detect: { all, any: [] } };
}

const ROADMAP = createRoadmap([
  { id: 'ops', title: 'Ops', summary: '', order: 1, projectIdeas: [], source: 'ops.yaml', skills: [skill('containers', ['docker.file', 'docker.compose']), skill('testing', ['test.present', 'test.passing']), skill('dns', ['practice.dns', 'quiz.passed'])] },
]);

type Facts = Record<string, { yours: boolean | null }>;

/** A scan that reports the given milestones per folder (present with one piece of evidence each). */
function fakeScan(byFolder: Record<string, { repository: boolean; facts: Facts; files?: string[] }>, calls: { folder: string; options: ScanOptions }[]) {
  return (folder: string, options: ScanOptions): Promise<FolderScan> => {
    calls.push({ folder, options });
    const entry = byFolder[folder] ?? { repository: false, facts: {} };
    const ids = [...(options.only ?? new Set(Object.keys(entry.facts)))];
    const milestones = ids.map((id): MilestoneResult => {
      const fact = entry.facts[id];
      return { id: id as MilestoneResult['id'], present: fact !== undefined, checked: true, evidence: fact === undefined ? [] : [{ milestone: id, summary: `${id} in ${path.basename(folder)}`, folder, at, yours: fact.yours }] };
    });
    const files = options.files?.files ?? entry.files ?? [];
    return Promise.resolve({ folder, milestones, warnings: [], durationMs: 1, filesListed: files.length, repository: entry.repository, learnerEmails: [], files: { files, source: 'crawl' } });
  };
}

function harness(byFolder: Parameters<typeof fakeScan>[0], settings: Partial<DetectionSettings> = {}, stored: Evidence[] = [], passedQuizzes = new Set<string>()) {
  const completed: [string, readonly Evidence[]][] = [];
  const calls: { folder: string; options: ScanOptions }[] = [];
  const saved: (readonly Evidence[])[] = [];
  const events: SkillsCompleted[] = [];
  const deps: DetectionCoreDeps = {
    roadmap: () => Promise.resolve(ROADMAP),
    addCompletingEvidence: (skillId, evidence) => {
      completed.push([skillId, evidence]);
      return Promise.resolve({ outcome: 'markedDone' } as EvidenceResult);
    },
    settings: () => ({ enabled: true, allowGit: true, credit: 'yourWork', extraEmails: [], ...settings }),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    events: { load: () => stored, save: (evidence) => { saved.push(evidence); return Promise.resolve(); } },
    scan: fakeScan(byFolder, calls),
    quizPassed: (skillId) => passedQuizzes.has(skillId),
  };
  const core = new DetectionCore(deps);
  core.onDidComplete((e) => events.push(e));
  return { core, completed, calls, saved, events };
}

describe('DetectionCore', () => {
  it('never combines evidence from two projects into one proof', async () => {
    const { core, completed } = harness({
      '/work/api': { repository: true, facts: { 'docker.file': { yours: true } } },
      '/work/web': { repository: true, facts: { 'docker.compose': { yours: true } } },
    });
    await core.checkNow('/work/api');
    await core.checkNow('/work/web');
    assert.deepEqual(completed, []);
    const verdict = core.judge(ruled('containers', ['docker.file', 'docker.compose']));
    assert.equal(verdict.complete, false);
    assert.equal(verdict.onlyAcrossProjects, true);
  });

  it('completes a rule met inside one project by the learner\'s own work, citing that project only', async () => {
    const { core, completed, events } = harness({
      '/work/api': { repository: true, facts: { 'docker.file': { yours: true }, 'docker.compose': { yours: true } } },
      '/work/web': { repository: true, facts: { 'docker.file': { yours: true } } },
    });
    await core.checkNow('/work/web');
    await core.checkNow('/work/api');
    assert.deepEqual(completed.map(([id]) => id), ['containers']);
    assert.ok(completed[0]?.[1].every((e) => e.folder === '/work/api'));
    assert.equal(core.judge(ruled('containers', ['docker.file', 'docker.compose'])).project, '/work/api');
    assert.deepEqual(events.map((e) => e.markedDone.map((s) => s.id)), [['containers']]);
  });

  it('gives no credit for someone else\'s project under yourWork and verifiedOnly, and does under anyCode', async () => {
    const facts = { 'docker.file': { yours: false }, 'docker.compose': { yours: false } };
    for (const credit of ['yourWork', 'verifiedOnly'] as const) {
      const { core, completed } = harness({ '/clone': { repository: true, facts } }, { credit });
      await core.checkNow('/clone');
      assert.deepEqual(completed, [], credit);
      const verdict = core.judge(ruled('dockerfile', ['docker.file']));
      assert.deepEqual(verdict.seenNotCredited, ['/clone']);
      assert.equal(core.milestoneStatus('docker.file').status, 'notCredited');
    }
    const { core, completed } = harness({ '/clone': { repository: true, facts } }, { credit: 'anyCode' });
    await core.checkNow('/clone');
    assert.deepEqual(completed.map(([id]) => id), ['containers']);
  });

  it('credits files of unknown authorship in a folder without git (yourWork) but not verifiedOnly', async () => {
    const facts = { 'docker.file': { yours: null }, 'docker.compose': { yours: null } };
    const plain = harness({ '/plain': { repository: false, facts } });
    await plain.core.checkNow('/plain');
    assert.deepEqual(plain.completed.map(([id]) => id), ['containers']);
    const strict = harness({ '/plain': { repository: false, facts } }, { credit: 'verifiedOnly' });
    await strict.core.checkNow('/plain');
    assert.deepEqual(strict.completed, []);
  });

  it('keeps a terminal test run across a reload (persisted with its time) and completes the rule with the folder\'s tests', async () => {
    const first = harness({ '/w': { repository: true, facts: {} } });
    const run: Evidence = { milestone: 'test.passing', summary: '`npm test` exited with 0', folder: '/w', command: 'npm test', exitCode: 0, at };
    await first.core.recordEvent([run]);
    await first.core.idle();
    const stored = first.saved.at(-1) ?? [];
    assert.deepEqual(stored.map((e) => [e.milestone, e.yours, e.at]), [['test.passing', true, at]]);

    const reloaded = harness({ '/w': { repository: true, facts: { 'test.present': { yours: true } } } }, {}, [...stored]);
    assert.ok(reloaded.core.presentMilestones().has('test.passing'));
    await reloaded.core.checkNow('/w');
    assert.deepEqual(reloaded.completed.map(([id]) => id), ['testing']);
  });

  it('takes only event milestones from stored evidence, oldest first so the newest stays first', () => {
    const run = (at: string): Evidence => ({ milestone: 'test.passing', summary: `run at ${at}`, folder: '/w', command: 'npm test', exitCode: 0, at });
    const forged: Evidence = { milestone: 'docker.file', summary: 'Dockerfile', folder: '/w', at, yours: true };
    const { core } = harness({}, {}, [run('2026-05-03T00:00:00.000Z'), forged, run('2026-05-01T00:00:00.000Z'), run('2026-05-02T00:00:00.000Z')]);
    assert.ok(!core.presentMilestones().has('docker.file'), 'stored state cannot make a file milestone present');
    assert.deepEqual(core.eventEvidence().map((e) => e.at), ['2026-05-03T00:00:00.000Z', '2026-05-02T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
  });

  it('passes changed paths through the queue and updates the file list instead of listing the folder again', async () => {
    const root = await makeTree({ 'README.md': '# x\n' });
    try {
      const { core, calls } = harness({ [root]: { repository: false, facts: {}, files: ['README.md'] } });
      await core.checkNow(root);
      assert.equal(calls[0]?.options.files, undefined, 'the first check lists the folder');
      await fs.writeFile(path.join(root, 'Dockerfile'), 'FROM node:20\n');
      core.pathsChanged(root, ['Dockerfile'], 5);
      await core.idle();
      const second = calls[1];
      assert.ok(second);
      assert.ok(second.options.only?.has('docker.file'));
      assert.deepEqual([...(second.options.files?.files ?? [])].sort(), ['Dockerfile', 'README.md']);
      await fs.rm(path.join(root, 'README.md'));
      core.pathsChanged(root, ['README.md'], 5);
      await core.idle();
      assert.deepEqual(calls[2]?.options.files?.files, ['Dockerfile']);
    } finally {
      await removeTree(root);
    }
  });

  it('a rule naming quiz.passed is met by the skill\'s own self-check with the other evidence, judged again when the quiz passes', async () => {
    const passed = new Set<string>();
    const { core, completed } = harness({}, {}, [], passed);
    await core.recordEvent([{ milestone: 'practice.dns', summary: 'ran `dig` in the terminal', command: 'dig', exitCode: 0, at }]);
    assert.deepEqual(completed, [], 'the terminal practice alone is not enough');
    passed.add('dns');
    assert.deepEqual(await core.reevaluate(['quiz.passed']), ['dns']);
    assert.equal(core.judge({ ...skill('dns', ['practice.dns', 'quiz.passed']), detect: { all: ['practice.dns', 'quiz.passed'], any: [] } }).complete, true);
  });

  it('a deleted folder takes its files out of the list and re-checks what they proved', async () => {
    const root = await makeTree({ 'README.md': '# x\n', 'deploy/Dockerfile': 'FROM node:20\n' });
    try {
      const { core, calls } = harness({ [root]: { repository: false, facts: {}, files: ['README.md', 'deploy/Dockerfile'] } });
      await core.checkNow(root);
      await fs.rm(path.join(root, 'deploy'), { recursive: true });
      core.pathsChanged(root, ['deploy'], 5);
      await core.idle();
      const after = calls[1];
      assert.ok(after?.options.only?.has('docker.file'), 'the Dockerfile that went is checked again');
      assert.deepEqual(after?.options.files?.files, ['README.md']);
    } finally {
      await removeTree(root);
    }
  });

  it('many deleted folders at once: what the files of each proved is checked again, and nothing else', async () => {
    const folders = Array.from({ length: 12 }, (_, i) => `svc${String(i)}`);
    const files = [...folders.map((folder) => `${folder}/Dockerfile`), 'README.md', 'docs/notes.txt'];
    const { core, calls } = harness({ '/w': { repository: false, facts: {}, files } });
    await core.checkNow('/w');
    core.pathsChanged('/w', [...folders, 'docs/old.txt'], 5);
    await core.idle();
    const only = calls[1]?.options.only;
    assert.ok(only?.has('docker.file'), 'the Dockerfiles that went are checked again');
    assert.ok(only !== undefined && !only.has('docs.readme') && only.size < MILESTONES.length, 'only what their files can prove');
  });

  it('a deleted .github folder re-checks the workflows it held (a name that starts like .git is no git change)', async () => {
    const { core, calls } = harness({ '/w': { repository: false, facts: {}, files: ['README.md', '.github/workflows/ci.yml'] } });
    await core.checkNow('/w');
    core.pathsChanged('/w', ['.github'], 5);
    await core.idle();
    assert.ok(calls[1]?.options.only?.has('ci.workflow'), JSON.stringify([...(calls[1]?.options.only ?? [])]));
  });

  it('a deleted folder of more than 500 files checks every milestone again instead of asking about each file', async () => {
    const files = ['README.md', ...Array.from({ length: 501 }, (_, i) => `gen/f${String(i)}.txt`)];
    const { core, calls } = harness({ '/w': { repository: false, facts: {}, files } });
    await core.checkNow('/w');
    core.pathsChanged('/w', ['gen'], 5);
    await core.idle();
    assert.equal(calls[1]?.options.only?.size, MILESTONES.length);
  });

  it('a deleted file that proved nothing and held nothing asks for no check', async () => {
    const { core, calls } = harness({ '/w': { repository: false, facts: {}, files: ['README.md', 'notes.txt'] } });
    await core.checkNow('/w');
    core.pathsChanged('/w', ['notes.txt'], 5);
    await core.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(calls.length, 1);
  });

  it('does nothing while detection is off', async () => {
    const { core, calls } = harness({ '/w': { repository: false, facts: { 'docker.file': { yours: null } } } }, { enabled: false });
    await core.checkNow('/w');
    assert.equal(calls.length, 0);
  });
});
