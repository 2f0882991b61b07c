// "Scan My Projects": finding the repositories under a folder, `scan --all DIR` crediting only the learner's own
// work in each, and the import built from it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CreditedSkill } from '../../src/core/detection/repositoryCredit';
import type { ProgressMap } from '../../src/core/progress/model';
import { mergeProgress } from '../../src/core/progress/exchange';
import { scanImportProgress } from '../../src/core/progress/scanImport';
import { findRepositories } from '../../src/core/scan/findRepositories';
import { scanMyProjects } from '../../src/core/detection/scanMyProjects';
import type { FolderScan } from '../../src/core/milestones/engine';
import { modelRoadmap, modelSkill } from './helpers/roadmapFixtures';
import { runCli, SHIPPING_STAGE } from './helpers/cli';
import { git, makeTree, removeTree, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';

describe('scan my projects', function () {
  this.timeout(60_000);

  describe('findRepositories', () => {
    let root: string;
    before(async () => {
      root = await makeTree({
        'api/.git/HEAD': 'ref: refs/heads/main\n',
        'api/src/index.js': '',
        'api/node_modules/dep/.git/HEAD': 'x',
        'api/experiments/nested/.git': 'gitdir: ../../.git/modules/nested\n',
        'work/client/site/.git/HEAD': 'x',
        'work/vendor/lib/.git/HEAD': 'x',
        '.hidden/secret/.git/HEAD': 'x',
        'deep/a/b/c/d/e/.git/HEAD': 'x',
        'notes/readme.md': 'no repository here',
      });
    });
    after(() => removeTree(root));

    it('finds repositories and nested ones, skipping dependencies, vendor and hidden folders', async () => {
      const found = await findRepositories(root);
      assert.deepEqual(
        found.repositories.map((folder) => path.relative(root, folder)),
        [path.join('api'), path.join('api', 'experiments', 'nested'), path.join('work', 'client', 'site')],
      );
      assert.equal(found.stoppedEarly, undefined);
    });

    it('counts the root itself when it is a repository', async () => {
      const found = await findRepositories(path.join(root, 'api'), { maxDepth: 0 });
      assert.deepEqual(found.repositories, [path.join(root, 'api')]);
    });

    it('stops at the bounds of depth, repositories and folders, and says why', async () => {
      assert.ok((await findRepositories(root, { maxDepth: 6 })).repositories.includes(path.join(root, 'deep', 'a', 'b', 'c', 'd', 'e')));
      assert.ok(!(await findRepositories(root, { maxDepth: 5 })).repositories.includes(path.join(root, 'deep', 'a', 'b', 'c', 'd', 'e')));
      const few = await findRepositories(root, { maxRepositories: 1 });
      assert.deepEqual(few.repositories, [path.join(root, 'api')]);
      assert.match(few.stoppedEarly ?? '', /stopped at 1 repositories: choose a folder with fewer projects/);
      const small = await findRepositories(root, { maxFolders: 3 });
      assert.match(small.stoppedEarly ?? '', /stopped after reading 3 folders/);
    });

    it('finds nothing in a missing folder instead of failing', async () => {
      assert.deepEqual(await findRepositories(path.join(root, 'missing')), { repositories: [] });
    });
  });

  describe('backend-roadmap scan --all', () => {
    let root: string;
    let roadmap: string;
    before(async () => {
      root = await makeTree({});
      roadmap = await makeTree({ 'stages/01-shipping.yaml': SHIPPING_STAGE });
      const mine = path.join(root, 'mine');
      const theirs = path.join(root, 'theirs');
      await writeTree(mine, { 'Dockerfile': 'FROM node:20\n' });
      await writeTree(theirs, { 'Dockerfile': 'FROM python:3.12\n', 'docker-compose.yml': 'services:\n  app:\n    build: .\n' });
      for (const [folder, email] of [[mine, LEARNER], [theirs, 'someone@example.invalid']] as const) {
        await git(folder, 'init', '-q');
        await git(folder, 'add', '-A');
        await git(folder, '-c', `user.email=${email}`, '-c', 'user.name=Author', 'commit', '-q', '-m', 'Initial', `--author=Author <${email}>`);
      }
    });
    after(async () => {
      await removeTree(root);
      await removeTree(roadmap);
    });

    it('prints per repository the skills of your own work, and their union; someone else\'s Dockerfile does not count', async () => {
      const result = await runCli(['scan', '--all', root, '--json', '--roadmap', roadmap, '--author', LEARNER]);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { root: string; repositories: { folder: string; skills: string[]; milestones: string[]; notYours: string[] }[]; skills: string[] };
      assert.equal(report.root, root);
      const byName = new Map(report.repositories.map((repository) => [path.basename(repository.folder), repository]));
      assert.deepEqual([...byName.keys()], ['mine', 'theirs']);
      assert.deepEqual(byName.get('mine')?.skills, ['dockerfiles']);
      assert.ok(byName.get('mine')?.milestones.includes('docker.file'));
      assert.deepEqual(byName.get('theirs')?.skills, []);
      assert.ok(!byName.get('theirs')?.milestones.includes('docker.file'));
      assert.deepEqual(byName.get('theirs')?.notYours, ['dockerfiles', 'compose']);
      assert.deepEqual(report.skills, ['dockerfiles']);
    });

    it('prints a readable summary that says nothing was recorded', async () => {
      const result = await runCli(['scan', root, '--all', '--roadmap', roadmap, '--author', LEARNER]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^Backend Roadmap: scanned 2 repositories under /);
      assert.match(result.stdout, /\n {2}mine\n {4}your own work proves 1: Writing a Dockerfile\n/);
      assert.match(result.stdout, /\n {2}theirs\n {4}no skill proved by your own work\n {4}seen, but someone else's work \(not credited\): Writing a Dockerfile, Docker Compose\n/);
      assert.match(result.stdout, /Skills your own work proves \(1\):\n {2}Shipping\n {4}- Writing a Dockerfile \(dockerfiles\)\n/);
      assert.match(result.stdout, /Nothing was recorded\./);
    });

    it('says what to do when no repository is found', async () => {
      const empty = await makeTree({ 'notes.txt': 'x' });
      try {
        const result = await runCli(['scan', '--all', empty, '--roadmap', roadmap]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^No git repository found under .*\nChoose the folder that holds your projects/);
      } finally {
        await removeTree(empty);
      }
    });

    it('refuses --run-tests and a missing folder with --all', async () => {
      const tests = await runCli(['scan', '--all', root, '--run-tests']);
      assert.equal(tests.code, 2);
      assert.match(tests.stderr, /--run-tests cannot be used with --all/);
      const missing = await runCli(['scan', '--all']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /--all needs exactly one folder/);
    });
  });

  describe('scanMyProjects', () => {
    it('scans each repository found, keeps going past one that fails, and credits each skill once', async () => {
      const root = await makeTree({ 'a/.git/HEAD': 'x', 'b/.git/HEAD': 'x', 'c/.git/HEAD': 'x' });
      try {
        const roadmap = modelRoadmap([{ id: 'shipping', skills: [{ id: 'dockerfiles', detect: { all: ['docker.file'] } }] }]);
        const scanOf = (folder: string): FolderScan => ({
          folder,
          milestones: [{ id: 'docker.file', present: true, checked: true, evidence: [{ milestone: 'docker.file', summary: 'Dockerfile', folder, path: 'Dockerfile', at: '2026-12-01T10:00:00.000Z', yours: true }] }],
          warnings: [],
          durationMs: 1,
          filesListed: 1,
          repository: true,
          learnerEmails: [LEARNER],
          files: undefined,
        });
        const seen: string[] = [];
        const projects = await scanMyProjects(root, roadmap, {
          scan: (folder, options) => {
            assert.equal(options.runTests, false);
            return path.basename(folder) === 'b' ? Promise.reject(new Error('not readable')) : Promise.resolve(scanOf(folder));
          },
          scanOptions: { allowGit: true, authorship: { onlyEmails: [LEARNER] } },
          credit: 'yourWork',
          onRepository: (folder, index, total) => seen.push(`${path.basename(folder)} ${index + 1}/${total}`),
        });
        assert.deepEqual(seen, ['a 1/3', 'b 2/3', 'c 3/3']);
        assert.deepEqual(projects.repositories.map((outcome) => ('error' in outcome ? outcome.error : outcome.credit.skills.map((entry) => entry.skill.id).join())), ['dockerfiles', 'scan failed: not readable', 'dockerfiles']);
        assert.deepEqual(projects.credited.map((entry) => [entry.skill.id, path.basename(entry.folder)]), [['dockerfiles', 'a']]);
      } finally {
        await removeTree(root);
      }
    });
  });

  describe('the import built from a scan', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const dockerfile = modelSkill('shipping', { id: 'dockerfiles', detect: { all: ['docker.file'] } });
    const compose = modelSkill('shipping', { id: 'compose', detect: { all: ['docker.compose'] } });
    const helm = modelSkill('shipping', { id: 'helm', detect: { all: ['deploy.helm'] } });
    const evidence = { milestone: 'docker.file', summary: 'Dockerfile', folder: '/work/mine', path: 'Dockerfile', at, yours: true };
    const credited: CreditedSkill[] = [
      { skill: dockerfile, folder: '/work/mine', evidence: [evidence] },
      { skill: compose, folder: '/work/mine', evidence: [{ ...evidence, milestone: 'docker.compose', summary: 'compose.yaml', path: 'compose.yaml' }] },
      { skill: helm, folder: '/work/mine', evidence: [{ ...evidence, milestone: 'deploy.helm', summary: 'Chart.yaml', path: 'Chart.yaml' }] },
    ];
    const current: ProgressMap = {
      dockerfiles: { state: 'done', setBy: 'learner', at: '2026-01-01T00:00:00.000Z', evidence: [] },
      compose: { state: 'inProgress', setBy: 'learner', at: '2026-01-01T00:00:00.000Z', note: 'half way', evidence: [{ milestone: 'quiz.passed', kind: 'quiz', summary: 'self-check passed (3/3)', score: 1, at, yours: true }] },
    };

    it('records done by the detector with its evidence, keeps notes and earlier evidence, and leaves done skills alone', () => {
      const now = new Date('2026-12-02T08:00:00.000Z');
      const imported = scanImportProgress(credited, current, now);
      assert.deepEqual(imported.newlyDone, ['compose', 'helm']);
      assert.deepEqual(imported.alreadyDone, ['dockerfiles']);
      assert.deepEqual(Object.keys(imported.progress), ['compose', 'helm']);
      assert.deepEqual(imported.progress.compose, {
        state: 'done',
        setBy: 'detector',
        at: now.toISOString(),
        note: 'half way',
        evidence: [credited[1]?.evidence[0], current.compose?.evidence[0]],
      });
      const merged = mergeProgress(current, imported.progress, () => true);
      assert.deepEqual([merged.added, merged.updated, merged.progress.compose?.state, merged.progress.helm?.state, merged.progress.dockerfiles], [1, 1, 'done', 'done', current.dockerfiles]);
    });

    it('imports nothing when nothing was credited', () => {
      assert.deepEqual(scanImportProgress([], current, new Date()), { progress: {}, newlyDone: [], alreadyDone: [] });
    });
  });
});
