import { milestonesOfKind } from '../../src/core/milestones/catalog';
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { MILESTONES } from '../../src/core/milestones/catalog';
import { allDetectors } from '../../src/core/milestones/detectors';
import { changedPathTest, milestonesAffectedByPath, scanFolder } from '../../src/core/milestones/engine';
import { pathMatchesRule } from '../../src/core/milestones/pathRule';
import { git, makeTree, removeTree } from './helpers/scanFixtures';

describe('detection engine', function () {
  this.timeout(30_000);
  let root: string;
  afterEach(async () => {
    if (root !== '') {
      await removeTree(root);
      root = '';
    }
  });

  it('gives every catalog milestone exactly once, in catalog order, with absolute folder and the given time', async () => {
    root = await makeTree({ 'Dockerfile': 'FROM node:20\n' });
    const scan = await scanFolder(root, { allowGit: false, now: () => new Date('2024-01-02T03:04:05Z') });
    assert.deepEqual(scan.milestones.map((result) => result.id), MILESTONES.map((milestone) => milestone.id));
    const docker = scan.milestones.find((result) => result.id === 'docker.file');
    assert.deepEqual(docker?.evidence, [{ milestone: 'docker.file', summary: 'Dockerfile', folder: root, path: 'Dockerfile', at: '2024-01-02T03:04:05.000Z' }]);
    assert.equal(scan.folder, root);
    assert.equal(scan.filesListed, 1);
  });

  it('re-checks only the ids in `only`', async () => {
    root = await makeTree({ 'Dockerfile': 'FROM x\n', 'package.json': '{"dependencies":{"express":"4"}}' });
    const scan = await scanFolder(root, { allowGit: false, only: new Set(['framework.web', 'docker.file']) });
    assert.deepEqual(scan.milestones.map((result) => [result.id, result.present]), [
      ['framework.web', true],
      ['docker.file', true],
    ]);
  });

  it('rejects when aborted, before or during the scan', async () => {
    root = await makeTree({ 'package.json': '{}' });
    const before = new AbortController();
    before.abort();
    await assert.rejects(scanFolder(root, { allowGit: false, signal: before.signal }), { name: 'AbortError' });
    const during = new AbortController();
    const pending = scanFolder(root, { allowGit: false, signal: during.signal });
    during.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });

  it('ignores a manifest larger than the size cap', async () => {
    const filler = ' '.repeat(300 * 1024);
    root = await makeTree({ 'package.json': `{"dependencies":{"express":"4"}${filler}}` });
    const scan = await scanFolder(root, { allowGit: false, only: new Set(['framework.web', 'lang.node']) });
    assert.deepEqual(scan.milestones.map((result) => [result.id, result.present]), [
      ['lang.node', true],
      ['framework.web', false],
    ]);
  });

  it('does not take a tracked file deleted from disk as evidence', async () => {
    root = await makeTree({ 'Dockerfile': 'FROM x\n', 'a.txt': '' });
    await git(root, 'init', '-q');
    await git(root, 'add', '-A');
    await git(root, 'commit', '-q', '-m', 'init');
    await fs.rm(`${root}/Dockerfile`);
    const scan = await scanFolder(root, { allowGit: true, only: new Set(['docker.file']) });
    assert.equal(scan.milestones[0]?.present, false);
  });

  it('rejects a path that is not a folder', async () => {
    root = await makeTree({ 'file.txt': '' });
    await assert.rejects(scanFolder(`${root}/file.txt`, { allowGit: false }), /Not a folder/);
    await assert.rejects(scanFolder(`${root}/missing`, { allowGit: false }), /No such folder/);
  });

  const affected = (file: string): string[] => [...milestonesAffectedByPath(file)].sort();

  describe('milestonesAffectedByPath', () => {
    it('maps files to the milestones that read them', () => {
      for (const id of ['docker.file', 'docker.multistage', 'docker.volumes', 'obs.health', 'arch.microservices']) {
        assert.ok(affected('Dockerfile').includes(id), `Dockerfile should re-check ${id}`);
      }
      assert.ok(!affected('Dockerfile').includes('docker.compose'));
      assert.deepEqual(affected('.gitignore'), ['git.ignore']);
      assert.deepEqual(affected('docs/README.md'), []);
      assert.deepEqual(affected('README.md'), ['docs.readme']);
      for (const id of ['ci.workflow', 'ci.deploy', 'ci.environments', 'docker.registry']) {
        assert.ok(affected('.github/workflows/ci.yml').includes(id), `a workflow should re-check ${id}`);
      }
      assert.ok(!affected('.github/workflows/ci.yml').includes('docker.file'));
      assert.ok(affected('package.json').includes('framework.web'));
      assert.ok(affected('package.json').includes('lang.node'));
      assert.ok(affected('services/api/go.mod').includes('db.sql'));
      assert.ok(affected('src/routes/users.ts').includes('api.rest'));
      assert.ok(affected('src/routes/users.ts').includes('lang.typescript'));
      assert.ok(affected('src\\app.py').includes('api.rest'), 'Windows separators');
      assert.ok(affected('db/migrate/20240101_x.rb').includes('db.migrations'));
    });
    it('maps .git paths to the git milestones', () => {
      // Every git-kind milestone of the catalog, and whether the folder is a repository.
      const gitKind = [...milestonesOfKind('git'), 'git.repo'].sort();
      assert.ok(gitKind.includes('git.history') && gitKind.includes('git.undo'));
      assert.deepEqual(affected('.git/HEAD'), gitKind);
      assert.deepEqual(affected('.git'), gitKind);
    });
    it('maps nothing inside ignored folders', () => {
      assert.deepEqual(affected('node_modules/express/package.json'), []);
      assert.deepEqual(affected('vendor/x/Dockerfile'), []);
      assert.deepEqual(affected('notes.txt'), []);
    });
  });

  describe('what the file watchers re-check', () => {
    // The editor's watchers report every change and re-check what milestonesAffectedByPath names.
    const watched = (file: string): boolean => milestonesAffectedByPath(file).size > 0;
    const samples = [
      'Dockerfile', 'api/Dockerfile.dev', 'docker-compose.yml', 'compose.yaml', '.github/workflows/ci.yml', '.gitlab-ci.yml', 'Jenkinsfile', 'package.json', 'apps/web/package.json',
      'requirements.txt', 'requirements/base.txt', 'pyproject.toml', 'Pipfile', 'go.mod', 'pom.xml', 'build.gradle.kts', 'gradle/libs.versions.toml', 'Api/Api.csproj', 'composer.json',
      'Gemfile', 'Cargo.toml', 'src/app.ts', 'app/main.py', 'main.go', 'src/main/java/x/A.java', 'Program.cs', 'routes/api.php', 'config/routes.rb', 'src/main.rs', '.gitignore',
      'README.md', '.env.example', 'eslint.config.mjs', '.golangci.yml', 'k8s/deploy.yaml', 'charts/api/Chart.yaml', 'nginx/nginx.conf', 'Caddyfile', 'infra/main.tf', 'fly.toml',
      'Procfile', 'proto/users.proto', 'schema.graphql', 'openapi.yaml', 'db/migrate/1_x.rb', 'prisma/migrations/1/migration.sql', 'tests/test_x.py', '.git/HEAD', '.git/config',
    ];
    it('covers every file some detector reads', () => {
      for (const sample of samples) {
        assert.ok(milestonesAffectedByPath(sample).size > 0, `${sample} affects no milestone`);
      }
    });
    it('stays tight: unrelated files are not watched', () => {
      for (const unrelated of ['notes.txt', 'image.png', 'styles.css', 'docs/guide.md', 'data.csv']) {
        assert.equal(watched(unrelated), false, unrelated);
      }
    });

    it("names, path by path, exactly the milestones whose detectors' own rules match (each shared rule tested once)", () => {
      const folders = ['', 'src/', 'app/api/', 'services/users/', 'test/', 'tests/unit/', '__tests__/', 'spec/', 'db/migrations/', 'migrations/', 'prisma/', '.github/workflows/', '.circleci/', 'k8s/', 'deploy/', 'docs/', 'fixtures/', 'test/fixtures/app/', 'src/main/resources/', 'src/main/java/com/x/', 'config/', 'nginx/', 'infra/'];
      const names = [
        ...samples.map((sample) => sample.slice(sample.lastIndexOf('/') + 1)),
        'index.ts', 'server.js', 'app.module.ts', 'users.controller.ts', 'users.service.spec.ts', 'auth.test.js', 'types.d.ts', 'bundle.min.js', 'conftest.py', 'test_api.py', 'settings.py',
        'models.py', 'views.py', 'handler_test.go', 'UserController.java', 'application.yml', 'application-prod.properties', 'appsettings.Development.json', 'Startup.cs', 'redis.conf',
        'nginx.conf.template', 'default.conf', 'values-prod.yaml', 'kustomization.yaml', '.env', '.env.production', 'tsconfig.json', 'jest.config.ts', 'vitest.config.mts', 'openapi.json',
        'api.postman_collection.json', '20240101000000_init.sql', 'V1__init.sql', 'schema.prisma', 'ecosystem.config.js', 'gunicorn.conf.py', 'Makefile', 'LICENSE', 'CHANGELOG.md', 'logo.svg',
        'notes.txt', 'data.csv', 'styles.css', 'Dockerfile.prod', 'worker.dockerfile', 'docker-compose.override.yml', 'requirements-dev.txt', 'setup.cfg', 'package-lock.json', 'yarn.lock',
      ];
      const paths = folders.flatMap((folder) => names.map((name) => `${folder}${name}`));
      const detectors = allDetectors();
      for (const file of paths) {
        const byOwnRules = detectors.filter((detector) => detector.watch.some((rule) => pathMatchesRule(rule, file))).map((detector) => detector.id);
        assert.deepEqual(affected(file), [...byOwnRules].sort(), file);
      }
      assert.ok(paths.length > 2000);
    });

    it('gives the watchers their test once every detector is built', async () => {
      const test = await changedPathTest();
      for (const file of [...samples, 'notes.txt', 'docs/guide.md']) {
        assert.equal(test(file), watched(file), file);
      }
    });
  });
});

