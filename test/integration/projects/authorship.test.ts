import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BackendRoadmapApi } from '../../../src/vscode/extension';
import { screenshot, webviewText } from '../driver';
import { git, LEARNER_EMAIL } from '../gitFixture';
import { activateExtension, shippedRoadmap, skillTitle, waitFor } from '../helpers';

/**
 * A multi-root workspace (scripts/code-server/projectsWorkspace.mjs): someone else's cloned project, and
 * two projects of the learner that each hold half of the git-hosting rule. Only the learner's own work,
 * inside one project, proves a skill.
 */
describe('Evidence you can trust: your own work, per project', function () {
  this.timeout(120_000);
  let api: BackendRoadmapApi;

  function folder(name: string): string {
    const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
    assert.ok(found, `workspace folder ${name} is open`);
    return found.uri.fsPath;
  }

  before(async () => {
    api = await activateExtension();
    assert.equal(vscode.workspace.workspaceFolders?.length, 3);
    // The first scan of all three folders has run when the demo's milestones are known.
    await waitFor('the first scan', async () => {
      await api.detectionIdle();
      return api.milestoneStatus('docker.file').status === 'notCredited' ? true : undefined;
    }, 60_000);
    await api.detectionIdle();
  });

  it('gives no credit for a cloned project: nothing it shows marks a skill done', async () => {
    const roadmap = await shippedRoadmap();
    const demo = folder('cloned-demo');
    for (const skill of roadmap.skills) {
      const record = api.progressOf(skill.id);
      assert.ok(!record.evidence.some((e) => e.folder === demo), `${skill.id} got evidence from someone else's project: ${JSON.stringify(record.evidence)}`);
    }
    for (const id of ['dockerfile', 'docker-compose', 'git-basics', 'git-branching', 'git-hosting']) {
      assert.equal(api.progressOf(id).state, 'notStarted', id);
    }
    // Presence keeps its meaning: the milestones are seen, and said to be someone else's.
    assert.match(api.milestoneStatus('docker.file').detail, /seen in cloned-demo, written by someone else/);
    assert.match(api.milestoneStatus('git.history').detail, /cloned-demo/);
  });

  it('the details panel says why: seen in the clone, written by someone else', async () => {
    const roadmap = await shippedRoadmap();
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'dockerfile');
    await waitFor('the panel to show the Dockerfile skill', async () => ((await webviewText('#skill-title')) === skillTitle(roadmap, 'dockerfile') ? true : undefined));
    const note = await webviewText('#detection-note');
    assert.match(note, /Seen in cloned-demo, but written by someone else/);
    assert.match(await webviewText('li[data-milestone="docker.file"]'), /written by someone else/);
    await screenshot('not-yours');
  });

  it('never combines two projects into one proof (README in one, pushed remote in the other)', async () => {
    assert.equal(api.milestoneStatus('docs.readme').status, 'present');
    assert.equal(api.milestoneStatus('git.remote').status, 'present', api.milestoneStatus('git.remote').detail);
    assert.equal(api.milestoneStatus('git.hosted').status, 'present', api.milestoneStatus('git.hosted').detail);
    assert.equal(api.progressOf('git-hosting').state, 'notStarted');
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'git-hosting');
    await waitFor('the panel to explain git-hosting', async () => ((await webviewText('#detection-note')).includes('not all in one') ? true : undefined));
    await screenshot('split-across-projects');
  });

  it('the learner commits a Dockerfile under their own email: "Writing a Dockerfile" is done, with that commit as evidence', async () => {
    const api2 = folder('api-half');
    writeFileSync(path.join(api2, 'Dockerfile'), 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n');
    git(api2, 'add', 'Dockerfile');
    git(api2, 'commit', '-q', '-m', 'Containerise the API');
    const sha = git(api2, 'rev-parse', 'HEAD').trim();
    const record = await waitFor('dockerfile to be done', () => (api.progressOf('dockerfile').state === 'done' ? api.progressOf('dockerfile') : undefined), 30_000);
    assert.equal(record.setBy, 'detector');
    const proof = record.evidence.find((e) => e.milestone === 'docker.file');
    assert.ok(proof, JSON.stringify(record.evidence));
    assert.equal(proof.folder, api2);
    assert.equal(proof.path, 'Dockerfile');
    assert.equal(proof.yours, true);
    assert.equal(proof.commit, sha, `the learner's commit (${LEARNER_EMAIL}) is the evidence`);
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'dockerfile');
    await waitFor('the panel to show Done', async () => ((await webviewText('#skill-state')).includes('Done') ? true : undefined));
    await screenshot('dockerfile-yours');
  });
});
