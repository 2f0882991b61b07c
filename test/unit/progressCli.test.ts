// `backend-roadmap status|next|plan --progress FILE`: the plan from a progress export, headlessly.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NextJson, PlanJson, StatusJson } from '../../src/cli/progressCommands';
import { exportProgress } from '../../src/core/progress/exchange';
import type { ProgressMap } from '../../src/core/progress/model';
import { runCli } from './helpers/cli';
import { stageYaml } from './helpers/roadmapFixtures';

const progress: ProgressMap = {
  git: { state: 'done', setBy: 'learner', at: '2024-05-20T18:00:00.000Z', evidence: [] },
  http: { state: 'inProgress', setBy: 'learner', at: '2024-05-25T09:00:00.000Z', evidence: [] },
  'old-skill': { state: 'done', setBy: 'learner', at: '2024-05-21T09:00:00.000Z', evidence: [] },
};

describe('CLI: status, next, plan', () => {
  let dir: string;
  let roadmapDir: string;
  let file: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'br-plan-'));
    roadmapDir = path.join(dir, 'roadmap');
    await mkdir(path.join(roadmapDir, 'stages'), { recursive: true });
    await writeFile(path.join(roadmapDir, 'stages', '01.yaml'), stageYaml({ id: 'basics', order: 1, skills: [{ id: 'git', estimatedHours: 4 }, { id: 'http', estimatedHours: 6, prerequisites: ['git'] }] }));
    await writeFile(path.join(roadmapDir, 'stages', '02.yaml'), stageYaml({ id: 'later', order: 2, skills: [{ id: 'docker', estimatedHours: 10, prerequisites: ['http'] }, { id: 'sql', estimatedHours: 5 }] }));
    file = path.join(dir, 'progress.json');
    await writeFile(file, exportProgress(progress, new Date('2024-06-01T12:00:00.000Z')));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const on = (today: string, command: string, ...extra: string[]): string[] => [command, '--progress', file, '--roadmap', roadmapDir, '--today', today, ...extra];
  const args = (command: string, ...extra: string[]): string[] => on('2024-06-01', command, ...extra);

  it('status --json counts skills and stages by the one stage rule, and lists retired records', async () => {
    const result = await runCli(args('status', '--json'));
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as StatusJson;
    assert.deepEqual(report, {
      total: 4,
      done: 1,
      inProgress: 1,
      skipped: 0,
      stages: [
        { id: 'basics', done: 1, total: 2, state: 'inProgress' },
        { id: 'later', done: 0, total: 2, state: 'notStarted' },
      ],
      retired: ['old-skill'],
    });
  });

  it('status as text names the path, each stage, and the retired records', async () => {
    const result = await runCli(args('status'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^The whole roadmap: 1 of 4 skills done \(25%\), 1 in progress, 0 skipped\.$/m);
    assert.match(result.stdout, /^ {2}In progress {2}Basics \(1\/2\)$/m);
    assert.match(result.stdout, /1 record is for skills this roadmap no longer has \(old-skill\)/);
  });

  it('next --json ranks what is ready, best first, with reasons', async () => {
    const result = await runCli(args('next', '--json'));
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as NextJson;
    assert.deepEqual(report, {
      skills: [
        { id: 'http', title: 'Http', reason: 'in progress' },
        { id: 'sql', title: 'Sql', reason: 'next on your path' },
      ],
    });
    const text = await runCli(args('next'));
    assert.match(text.stdout, /^ {2}1\. Http \(http\): in progress$/m);
  });

  it('plan --json gives hours, weeks and dates at the stated and the measured pace, per stage', async () => {
    const result = await runCli(args('plan', '--hours', '5', '--json'));
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as PlanJson;
    assert.deepEqual(report, {
      hoursLeft: 21,
      weeksLeft: 4.2,
      finishDate: '2024-07-01',
      // git's 4 hours in the last 28 days: 1 hour a week.
      measured: { hoursPerWeek: 1, finishDate: '2024-10-26' },
      stages: [
        { id: 'basics', hoursLeft: 6 },
        { id: 'later', hoursLeft: 15 },
      ],
    });
  });

  it('plan gives null measured figures when nothing was finished in the last 28 days, and says why in text', async () => {
    const json = await runCli(on('2024-08-01', 'plan', '--json'));
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual((JSON.parse(json.stdout) as PlanJson).measured, { hoursPerWeek: null, finishDate: null });
    const text = await runCli(on('2024-08-01', 'plan'));
    assert.match(text.stdout, /At 10 hours a week: 2\.1 weeks, done by 2024-08-16\./);
    assert.match(text.stdout, /No date at your own pace yet: no skill finished in the last 28 days\./);
  });

  it('--stack chooses the core path by default and --path all widens it', async () => {
    const core = await runCli(args('status', '--stack', 'python', '--json'));
    assert.equal(core.code, 0, core.stderr);
    assert.equal((JSON.parse(core.stdout) as StatusJson).total, 4);
    const all = await runCli(args('status', '--stack', 'python', '--path', 'all'));
    assert.match(all.stdout, /^Every skill for Python: /);
  });

  it('exits 2 with what to do for a missing file, a file that is not an export, and bad options', async () => {
    const missing = await runCli(['status', '--progress', path.join(dir, 'nope.json'), '--roadmap', roadmapDir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.json: there is no such file\. Export your progress in VS Code with "Backend Roadmap: Export Progress\.\.\."/);

    const notExport = path.join(dir, 'other.json');
    await writeFile(notExport, '{"name": "not progress"}');
    const refused = await runCli(['plan', '--progress', notExport, '--roadmap', roadmapDir]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /not a Backend Roadmap progress export/);
    assert.equal(refused.stdout, '');

    for (const [argv, message] of [
      [args('plan', '--today', '2024-02-30'), /--today must be a real date as YYYY-MM-DD/],
      [args('next', '--stack', 'cobol'), /Unknown stack "cobol": --stack must be one of node, python, java, csharp, go, php, ruby, rust\./],
      [args('plan', '--hours', '0'), /--hours must be the hours you study a week/],
      [args('plan', '--path', 'some'), /--path must be one of core, all/],
      [['status', '--json'], /status needs --progress FILE/],
      [args('status', 'extra'), /Unexpected argument for status: extra/],
    ] as const) {
      const result = await runCli(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
    }
  });

  it('counts a record under a former id for the renamed skill, and lists a removed skill as retired', async () => {
    const renamedDir = path.join(dir, 'renamed');
    await mkdir(path.join(renamedDir, 'stages'), { recursive: true });
    // "git" was renamed "version-control" (formerIds: [git]); "old-skill" is in no roadmap.
    await writeFile(
      path.join(renamedDir, 'stages', '01.yaml'),
      stageYaml({ id: 'basics', order: 1, skills: [{ id: 'version-control', estimatedHours: 4, extra: { formerIds: '[git]' } }, { id: 'http', estimatedHours: 6, prerequisites: ['version-control'] }] }),
    );
    const run = (command: string): Promise<{ code: number; stdout: string; stderr: string }> => runCli([command, '--progress', file, '--roadmap', renamedDir, '--today', '2024-06-01', '--json']);
    const status = await run('status');
    assert.equal(status.code, 0, status.stderr);
    const report = JSON.parse(status.stdout) as StatusJson;
    assert.equal(report.done, 1, 'the record under "git" counts for "version-control"');
    assert.deepEqual(report.stages, [{ id: 'basics', done: 1, total: 2, state: 'inProgress' }]);
    assert.deepEqual(report.retired, ['old-skill'], 'a former id is not retired; a removed skill is');
    const next = JSON.parse((await run('next')).stdout) as NextJson;
    assert.deepEqual(
      next.skills.map((skill) => skill.id),
      ['http'],
      'http is ready: its prerequisite is done under its former id',
    );
    const plan = JSON.parse((await run('plan')).stdout) as PlanJson;
    assert.equal(plan.hoursLeft, 6, 'the renamed skill\'s hours are done');
  });

  it('help lists the three commands', async () => {
    const result = await runCli(['--help']);
    assert.match(result.stdout, /backend-roadmap status\|next\|plan --progress FILE/);
  });
});
