import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MILESTONES } from '../../src/core/milestones/catalog';
import { runCli as run, SHIPPING_STAGE as STAGE } from './helpers/cli';
import { makeTree, removeTree, writeTree } from './helpers/scanFixtures';

describe('CLI', function () {
  this.timeout(30_000);
  let project: string;
  let roadmap: string;
  before(async () => {
    project = await makeTree({ 'Dockerfile': 'FROM node:20\n', 'package.json': '{"dependencies":{"express":"4"}}' });
    roadmap = await makeTree({});
    await writeTree(roadmap, { 'stages/01-shipping.yaml': STAGE });
  });
  after(async () => {
    await removeTree(project);
    await removeTree(roadmap);
  });

  it('prints a readable report: present with evidence, skills by stage, then what is missing', async () => {
    const result = await run(['scan', project, '--roadmap', roadmap, '--no-git']);
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /^Backend Roadmap scan of /);
    assert.match(out, /\[x\] docker\.file: A Dockerfile\n {8}Dockerfile\n/);
    assert.match(out, /\[x\] framework\.web: .*\n {8}express in package\.json \(dependencies\)\n/);
    assert.match(out, /Skills this proves \(1\):\n {2}Shipping\n {4}- Writing a Dockerfile \(dockerfiles\)\n/);
    assert.match(out, /Not present \(\d+\):\n(.*\n)*? {2}\[ \] docker\.compose: A Compose file\n/);
    assert.match(out, /Not checked \(\d+\):\n(.*\n)* {2}\[\?\] git\.history: git commands are not run/);
    assert.ok(out.indexOf('Present (') < out.indexOf('Skills this proves') && out.indexOf('Skills this proves') < out.indexOf('Not present'));
  });

  it('prints JSON with every catalog milestone exactly once, proved skills and warnings', async () => {
    const result = await run(['scan', project, '--json', `--roadmap=${roadmap}`, '--no-git']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      folder: string;
      milestones: { id: string; title: string; present: boolean; checked: boolean; evidence: { summary: string; path?: string; yours?: boolean | null }[] }[];
      skills: { id: string; title: string; stage: string; yours: boolean }[];
      warnings: string[];
    };
    assert.equal(report.folder, project);
    assert.deepEqual(report.milestones.map((m) => m.id), MILESTONES.map((m) => m.id));
    const docker = report.milestones.find((m) => m.id === 'docker.file');
    assert.deepEqual([docker?.present, docker?.checked, docker?.title, docker?.evidence[0]?.summary, docker?.evidence[0]?.path], [true, true, 'A Dockerfile', 'Dockerfile', 'Dockerfile']);
    assert.equal(report.milestones.find((m) => m.id === 'git.history')?.checked, false);
    // Not under git: whose files they are cannot be told, and under the default policy they count.
    assert.deepEqual(report.skills, [{ id: 'dockerfiles', title: 'Writing a Dockerfile', stage: 'shipping', yours: true }]);
    assert.equal(docker?.evidence[0]?.yours, null);
    assert.deepEqual(report.warnings, []);
  });

  it('loads the shipped roadmap by default', async () => {
    const result = await run(['scan', project, '--json', '--no-git']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { skills: { stage: string }[] };
    assert.ok(Array.isArray(report.skills));
  });

  it('exits 2 with a message for a missing folder', async () => {
    const missing = path.join(project, 'nope');
    const result = await run(['scan', missing]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `backend-roadmap: no such folder: ${missing}\n`);
  });

  it('exits 2 for a file instead of a folder', async () => {
    const result = await run(['scan', path.join(project, 'Dockerfile')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not a folder: .*Dockerfile/);
  });

  it('exits 2 for a roadmap folder that does not load', async () => {
    const result = await run(['scan', project, '--roadmap', path.join(project, 'no-roadmap')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot load the roadmap/);
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [[], ['frobnicate'], ['scan', '--bogus'], ['scan', 'a', 'b'], ['scan', '--roadmap']]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /^backend-roadmap: .*\n\nUsage:/, argv.join(' '));
    }
  });

  it('prints help and version', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /backend-roadmap scan \[dir\] \[--json\] \[--author EMAIL\]\.\.\. \[--credit POLICY\]\n +\[--run-tests\] \[--no-git\] \[--no-cache\] \[--roadmap DIR\]/);
    assert.match(help.stdout, /--run-tests +Run the project's own test/);
    const version = await run(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
