// The project brief page the details panel shows, the records the editor keeps about briefs, the folder
// choice of Start Project, the Scan My Projects summary and the portfolio's file names: all decided in the core.
import * as assert from 'node:assert/strict';
import { activeBrief, finishedBriefsForPortfolio, readActiveBrief, readFinishedBriefs, withFinished } from '../../src/core/briefs/briefRecords';
import type { FinishedBriefRecord } from '../../src/core/briefs/briefRecords';
import { briefFolderChoices } from '../../src/core/briefs/folderChoices';
import { findBrief } from '../../src/core/briefs/roadmapBriefs';
import type { StageBrief } from '../../src/core/briefs/roadmapBriefs';
import type { MilestoneFact, ProjectFacts } from '../../src/core/detection/projectRules';
import type { ProjectsScan } from '../../src/core/detection/scanMyProjects';
import { portfolioFileNames } from '../../src/core/portfolio/portfolioFiles';
import type { Evidence, ProgressMap } from '../../src/core/progress/model';
import { scanImportProgress } from '../../src/core/progress/scanImport';
import { createRoadmap } from '../../src/core/roadmap/model';
import type { ProjectBrief, Roadmap } from '../../src/core/roadmap/model';
import { buildBriefView } from '../../src/core/view/briefView';
import type { BriefViewInput } from '../../src/core/view/briefView';
import { isWebviewMessage } from '../../src/core/view/protocol';
import { scanSummary } from '../../src/core/view/scanSummary';
import { modelRoadmap } from './helpers/roadmapFixtures';

const AT = '2026-12-01T10:00:00.000Z';
const API = '/work/api';
const INFRA = '/work/infra';

const BRIEF: ProjectBrief = {
  id: 'containerise-your-api',
  title: 'Containerise your API',
  description: 'Package the API with `docker`.',
  goal: 'Anyone starts it with **one** command.',
  skills: ['dockerfile', 'docker-compose', 'not-in-roadmap'],
  criteria: [
    { text: 'A multi-stage Dockerfile builds the API.', checks: ['docker.multistage'] },
    { text: 'Compose starts the stack, with a volume.', checks: ['docker.compose', 'docker.volumes'] },
    { text: 'You passed the Compose self-check.', checks: ['quiz:docker-compose'] },
    { text: 'The image is small.', checks: [] },
  ],
};

function roadmapWithBrief(): Roadmap {
  const base = modelRoadmap([{ id: 'containers', skills: [{ id: 'dockerfile' }, { id: 'docker-compose' }] }]);
  return createRoadmap(base.stages.map((stage) => ({ ...stage, projectIdeas: [BRIEF, { title: 'A plain idea', description: 'No checklist.' }] })));
}

const ROADMAP = roadmapWithBrief();
const ENTRY: StageBrief = findBrief(ROADMAP, BRIEF.id) ?? assert.fail('the fixture roadmap has the brief');

function evidence(milestone: string, folder: string, yours: boolean | null): Evidence {
  return { milestone, summary: `${milestone} in Dockerfile`, folder, path: 'Dockerfile', line: 3, commit: 'abcdef1234567', at: AT, yours };
}

function fact(milestone: string, folder: string, yours: boolean | null): MilestoneFact {
  return { present: true, checked: true, evidence: [evidence(milestone, folder, yours)] };
}

function project(folder: string, facts: Record<string, MilestoneFact>): ProjectFacts {
  return { folder, repository: true, milestones: new Map(Object.entries(facts)) };
}

const QUIZ_PASSED: ProgressMap = {
  'docker-compose': { state: 'inProgress', setBy: 'learner', at: AT, evidence: [{ milestone: 'quiz.passed', kind: 'quiz', summary: 'self-check passed (4/4)', score: 1, at: AT, yours: true }] },
};

const EVERYTHING_IN_API = project(API, {
  'docker.multistage': fact('docker.multistage', API, true),
  'docker.compose': fact('docker.compose', API, true),
  'docker.volumes': fact('docker.volumes', API, true),
});

function input(overrides: Partial<BriefViewInput>): BriefViewInput {
  return { roadmap: ROADMAP, entry: ENTRY, progress: {}, policy: 'yourWork', projects: [], openFolders: [API], active: true, chosenFolder: API, finished: [], ...overrides };
}

describe('project brief page', () => {
  it('shows each criterion found, missing, someone else\'s work or check yourself, with evidence the host can open', () => {
    const api = project(API, {
      'docker.multistage': fact('docker.multistage', API, true),
      'docker.compose': fact('docker.compose', API, false),
      'docker.volumes': { present: false, checked: true, evidence: [] },
    });
    const { view, evidence } = buildBriefView(input({ projects: [api] }));
    assert.deepEqual(
      view.criteria.map((criterion) => [criterion.status, criterion.statusLabel, criterion.checks.map((check) => check.status)]),
      [
        ['found', 'Found', ['found']],
        ['missing', 'Missing', ['notYours', 'missing']],
        ['missing', 'Missing', ['missing']],
        ['checkYourself', 'Check yourself', []],
      ],
    );
    const found = view.criteria[0]?.checks[0];
    assert.equal(found?.title, 'A multi-stage Dockerfile (two or more FROM stages)');
    assert.deepEqual(found.evidence.map((item) => [item.location, item.commit, item.openable, item.folderName]), [['Dockerfile:3', 'abcdef1', true, 'api']]);
    // Indexes point into the list the host keeps, so a click opens exactly that evidence.
    const notYours = view.criteria[1]?.checks[0];
    assert.equal(notYours?.reason, 'written by someone else');
    assert.equal(evidence[notYours.evidence[0]?.index ?? -1]?.milestone, 'docker.compose');
    assert.equal(evidence[found.evidence[0]?.index ?? -1]?.milestone, 'docker.multistage');
    assert.equal(view.criteria[2]?.checks[0]?.title, 'Self-check passed: Docker Compose');
    assert.deepEqual([view.checksFound, view.checksTotal, view.complete], [1, 4, false]);
    assert.equal(view.summary, 'Checked in api: 1 of 4 checks found. The list updates as you work.');
    assert.ok(view.notes.some((note) => note.includes('"Check yourself"')));
  });

  it('says someone else\'s work when that is all that holds a criterion back', () => {
    const api = project(API, { 'docker.compose': fact('docker.compose', API, false), 'docker.volumes': fact('docker.volumes', API, true) });
    const criterion = buildBriefView(input({ projects: [api] })).view.criteria[1];
    assert.deepEqual([criterion?.status, criterion?.statusLabel], ['notYours', "Someone else's work"]);
  });

  it('says "Brief complete" when every check is found in the chosen folder by the learner\'s own work', () => {
    const finished: FinishedBriefRecord[] = [{ briefId: BRIEF.id, title: BRIEF.title, folder: API, completedAt: AT }];
    const { view } = buildBriefView(input({ projects: [EVERYTHING_IN_API], progress: QUIZ_PASSED, finished }));
    assert.deepEqual([view.complete, view.checksFound, view.checksTotal, view.completedOn], [true, 4, 4, '2026-12-01']);
    assert.match(view.summary, /^Brief complete: every check is found in api by your own work/);
    assert.equal(view.criteria[2]?.checks[0]?.evidence[0]?.openable, false, 'a self-check pass has no file to open');
  });

  it('never says complete for a folder the learner did not choose, but suggests the closest one', () => {
    const { view } = buildBriefView(input({ active: false, chosenFolder: undefined, openFolders: [INFRA, API], projects: [project(INFRA, {}), EVERYTHING_IN_API], progress: QUIZ_PASSED }));
    assert.deepEqual([view.complete, view.active, view.folder], [false, false, { name: 'api', chosen: false, open: true }]);
    assert.equal(view.summary, 'Not started. api comes closest: 4 of 4 checks found. Use Start project to choose the folder you build it in.');
  });

  it('explains a chosen folder that is not checked yet, or not open, and what limits detection', () => {
    const checking = buildBriefView(input({ projects: [], limitation: 'This workspace is in Restricted Mode.' })).view;
    assert.match(checking.summary, /^Checking api…/);
    assert.equal(checking.notes[0], 'This workspace is in Restricted Mode.');
    assert.deepEqual(
      checking.criteria[0]?.checks.map((check) => [check.status, check.reason]),
      [['missing', undefined]],
    );
    const closed = buildBriefView(input({ openFolders: [INFRA], projects: [EVERYTHING_IN_API], progress: QUIZ_PASSED })).view;
    assert.deepEqual([closed.complete, closed.folder?.open], [false, false]);
    assert.match(closed.summary, /^api is not open in this window/);
  });

  it('says so when the checks are found only between folders', () => {
    const api = project(API, { 'docker.multistage': fact('docker.multistage', API, true) });
    const infra = project(INFRA, { 'docker.compose': fact('docker.compose', INFRA, true), 'docker.volumes': fact('docker.volumes', INFRA, true) });
    const { view } = buildBriefView(input({ openFolders: [API, INFRA], projects: [api, infra], progress: QUIZ_PASSED }));
    assert.equal(view.complete, false);
    assert.ok(view.notes.some((note) => note.includes('only between them')), view.notes.join(' | '));
  });

  it('renders the goal and links the skills the roadmap has', () => {
    const { view } = buildBriefView(input({ progress: QUIZ_PASSED }));
    assert.match(view.goalHtml, /<strong>one<\/strong>/);
    assert.match(view.descriptionHtml, /<code>docker<\/code>/);
    assert.deepEqual(view.skills.map((skill) => [skill.id, skill.state]), [['dockerfile', 'notStarted'], ['docker-compose', 'inProgress']]);
    assert.deepEqual([view.stage.id, view.kind, view.id], ['containers', 'brief', BRIEF.id]);
  });
});

describe('project brief records', () => {
  it('reads back what it wrote, and nothing that does not read correctly', () => {
    const active = activeBrief(BRIEF.id, API, new Date(AT));
    assert.deepEqual(readActiveBrief(JSON.parse(JSON.stringify(active))), active);
    assert.deepEqual(readActiveBrief(activeBrief(BRIEF.id, undefined, new Date(AT))), { version: 1, briefId: BRIEF.id, startedAt: AT });
    for (const bad of [undefined, null, 'x', { ...active, version: 2 }, { ...active, briefId: '' }, { ...active, folder: 3 }]) {
      assert.equal(readActiveBrief(bad), undefined, JSON.stringify(bad));
    }
    const stored = withFinished([], { briefId: 'a', title: 'A', folder: API, completedAt: AT });
    assert.deepEqual(readFinishedBriefs({ ...stored, briefs: [...stored.briefs, { briefId: 'b' }, 'junk'] }), stored.briefs);
    assert.deepEqual(readFinishedBriefs({ version: 9, briefs: stored.briefs }), []);
  });

  it('keeps one record per brief and folder, and gives the portfolio each brief once, titled as the roadmap titles it now', () => {
    let records: readonly FinishedBriefRecord[] = [];
    records = withFinished(records, { briefId: BRIEF.id, title: 'Old title', folder: API, repositoryUrl: 'https://github.com/me/api', completedAt: AT }).briefs;
    records = withFinished(records, { briefId: BRIEF.id, title: 'Old title', folder: INFRA, completedAt: AT }).briefs;
    records = withFinished(records, { briefId: 'retired-brief', title: 'Retired brief', folder: API, completedAt: AT }).briefs;
    records = withFinished(records, { briefId: BRIEF.id, title: 'Old title', folder: API, repositoryUrl: 'https://github.com/me/api2', completedAt: AT }).briefs;
    assert.equal(records.length, 3);
    assert.deepEqual(finishedBriefsForPortfolio(ROADMAP, records), [
      { title: 'Containerise your API', repositoryUrl: 'https://github.com/me/api2' },
      { title: 'Retired brief' },
    ]);
  });
});

describe('Start Project folder choice', () => {
  it('puts the folder that comes closest first, marked as suggested, and says what is known of each', () => {
    const choices = briefFolderChoices(BRIEF, [INFRA, API, '/work/new'], [project(INFRA, {}), EVERYTHING_IN_API], { policy: 'yourWork', progress: {} });
    assert.deepEqual(
      choices.map((choice) => [choice.name, choice.description, choice.suggested]),
      [
        ['api', '3 of 4 checks found', true],
        ['infra', '0 of 4 checks found', false],
        ['new', 'not checked yet', false],
      ],
    );
  });

  it('suggests nothing before any folder is checked', () => {
    assert.deepEqual(briefFolderChoices(BRIEF, [API], [], { policy: 'yourWork', progress: {} }).map((choice) => choice.suggested), [false]);
  });
});

describe('Scan My Projects summary', () => {
  const roadmap = modelRoadmap([{ id: 'basics', skills: [{ id: 'git-basics' }, { id: 'dockerfile' }, { id: 'unit-testing' }] }]);
  const skill = (id: string) => roadmap.skillById.get(id) ?? assert.fail(id);
  const proof = (): Evidence => ({ milestone: 'git.history', summary: 'history', folder: '/p/one', at: AT, yours: true });
  const scan: ProjectsScan = {
    root: '/p',
    repositories: [
      { folder: '/p/one', credit: { folder: '/p/one', skills: [], milestones: [], notYours: [] }, warnings: [] },
      { folder: '/p/two', error: 'scan failed: boom' },
    ],
    credited: ['git-basics', 'dockerfile', 'unit-testing'].map((id) => ({ skill: skill(id), folder: '/p/one', evidence: [proof()] })),
  };

  it('asks before recording, naming the skills it would mark done and what else happened', () => {
    const plan = scanImportProgress(scan.credited, { 'unit-testing': { state: 'done', setBy: 'learner', at: AT, evidence: [] } }, new Date(AT));
    const summary = scanSummary(roadmap, scan, plan);
    assert.equal(summary.newlyDone, 2);
    assert.equal(summary.message, 'Scanned 2 repositories: your own work proves 2 skills not done yet. Mark them done?');
    const lines = summary.detail.split('\n');
    assert.equal(lines[0], 'Git Basics, Dockerfile.');
    assert.ok(lines.includes('1 repository could not be scanned (see the Backend Roadmap output).'), summary.detail);
    assert.ok(lines.includes('1 more skill is proved too, and already done.'), summary.detail);
  });

  it('has nothing to ask when nothing new is proved, or no repository is found', () => {
    const done = Object.fromEntries(['git-basics', 'dockerfile', 'unit-testing'].map((id) => [id, { state: 'done' as const, setBy: 'learner' as const, at: AT, evidence: [] }]));
    const nothingNew = scanSummary(roadmap, scan, scanImportProgress(scan.credited, done, new Date(AT)));
    assert.deepEqual([nothingNew.newlyDone, nothingNew.message], [0, 'Scanned 2 repositories: nothing new to record.']);
    assert.match(nothingNew.detail, /already done/);
    const empty = scanSummary(roadmap, { root: '/p', repositories: [], credited: [] }, scanImportProgress([], {}, new Date(AT)));
    assert.deepEqual([empty.newlyDone, empty.message], [0, 'No git repository found under /p.']);
  });

  it('lists at most 25 titles and counts the rest', () => {
    const many = modelRoadmap([{ id: 'big', skills: Array.from({ length: 30 }, (_, i) => ({ id: `skill-${i}` })) }]);
    const credited = many.skills.map((s) => ({ skill: s, folder: '/p/one', evidence: [proof()] }));
    const summary = scanSummary(many, { ...scan, credited }, scanImportProgress(credited, {}, new Date(AT)));
    assert.match(summary.detail.split('\n')[0] ?? '', /Skill 24, and 5 more\.$/);
  });
});

describe('portfolio file names', () => {
  it('writes PORTFOLIO.* into a folder, and the three files on the base of a chosen name', () => {
    assert.deepEqual(portfolioFileNames(), { markdown: 'PORTFOLIO.md', html: 'PORTFOLIO.html', proof: 'PORTFOLIO.proof.json' });
    assert.deepEqual(portfolioFileNames('me.md'), { markdown: 'me.md', html: 'me.html', proof: 'me.proof.json' });
    assert.deepEqual(portfolioFileNames('me'), { markdown: 'me.md', html: 'me.html', proof: 'me.proof.json' });
    assert.deepEqual(portfolioFileNames('.md'), portfolioFileNames());
  });
});

describe('brief page messages', () => {
  it('accepts Start project, evidence and export messages only with the fields they need', () => {
    assert.equal(isWebviewMessage({ type: 'startProject', briefId: 'x' }), true);
    assert.equal(isWebviewMessage({ type: 'startProject' }), false);
    assert.equal(isWebviewMessage({ type: 'openBriefEvidence', briefId: 'x', index: 2 }), true);
    assert.equal(isWebviewMessage({ type: 'openBriefEvidence', briefId: 'x', index: 1.5 }), false);
    assert.equal(isWebviewMessage({ type: 'exportPortfolio' }), true);
  });
});
