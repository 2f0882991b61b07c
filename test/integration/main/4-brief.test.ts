import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findBrief } from '../../../src/core/briefs/roadmapBriefs';
import type { BackendRoadmapApi } from '../../../src/vscode/extension';
import { screenshot, webviewClick, webviewCount, webviewText } from '../driver';
import { git } from '../gitFixture';
import { activateExtension, shippedRoadmap, skillTitle, waitFor, workspaceFolder } from '../helpers';

const BRIEF_ID = 'containerise-your-api';

/**
 * After the detection phase the demo project has a Compose file and a one-stage Dockerfile, committed by the
 * learner. Runs after 3-handoff: nothing here may change which skills are done (the restart phase compares).
 */
describe('A project brief checked as the learner works, and a portfolio to hand over', function () {
  this.timeout(90_000);
  let api: BackendRoadmapApi;
  let root: string;

  before(async () => {
    api = await activateExtension();
    root = workspaceFolder().uri.fsPath;
  });

  it('offers the stage\'s briefs with a Start project button on a skill page', async () => {
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'dockerfile');
    await waitFor('the Start project button of the brief', async () => ((await webviewCount(`#project-ideas button[data-brief="${BRIEF_ID}"]`)) === 1 ? true : undefined));
  });

  it('starts a brief in the workspace folder and turns a check green when a file proves its milestone', async () => {
    const roadmap = await shippedRoadmap();
    const brief = findBrief(roadmap, BRIEF_ID)?.brief;
    assert.ok(brief, `the shipped roadmap has no brief ${BRIEF_ID}`);
    const statusBefore = api.statusBarText();

    const started = await vscode.commands.executeCommand<{ briefId: string; folder: string | undefined } | undefined>('backendRoadmap.startProject', BRIEF_ID, root);
    assert.deepEqual(started, { briefId: BRIEF_ID, folder: root });
    await waitFor('the brief in the details panel', async () => ((await webviewText('#brief-title')) === brief.title ? true : undefined));
    // The Compose file of the detection phase is the learner's: its criterion is found; the multi-stage build is not there yet.
    await waitFor('the Compose criterion to be found', async () => ((await webviewCount('#criterion-1[data-status="found"]')) === 1 ? true : undefined), 20_000);
    assert.equal(await webviewCount('#criterion-0[data-status="missing"]'), 1);
    assert.match(await webviewText('#brief-summary'), /Checked in .*: 1 of 5 checks found/);

    writeFileSync(
      path.join(root, 'Dockerfile'),
      'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=build /app .\nUSER node\nCMD ["node", "app.js"]\n',
    );
    await waitFor('the multi-stage criterion to turn green', async () => ((await webviewCount('#criterion-0[data-status="found"]')) === 1 ? true : undefined), 20_000);
    assert.match(await webviewText('#brief-summary'), /2 of 5 checks found/);
    assert.match(await webviewText('#criterion-0'), /Dockerfile:5/);
    assert.equal(await webviewCount('#criterion-2[data-status="missing"]'), 1, 'the named volume is still missing');
    await screenshot('project-brief');

    // The evidence opens like a skill's: the file, at the line that proves it.
    await webviewClick('#criterion-0 .open-evidence');
    await waitFor('the Dockerfile to open', () => (path.basename(vscode.window.activeTextEditor?.document.uri.fsPath ?? '') === 'Dockerfile' ? true : undefined));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 4);
    assert.equal(api.statusBarText(), statusBefore, 'a milestone that proves no skill by itself marks nothing done');
  });

  it('exports a portfolio that names a finished skill and no path of this machine', async () => {
    const roadmap = await shippedRoadmap();
    const target = mkdtempSync(path.join(os.tmpdir(), 'br-portfolio-'));
    const written = await vscode.commands.executeCommand<{ markdown: string; html: string; proof: string } | undefined>('backendRoadmap.exportPortfolio', vscode.Uri.file(target));
    assert.ok(written, 'the export returned no files');
    assert.deepEqual([written.markdown, written.html, written.proof].map((file) => path.basename(file)), ['PORTFOLIO.md', 'PORTFOLIO.html', 'PORTFOLIO.proof.json']);
    for (const file of [written.markdown, written.html, written.proof]) {
      assert.ok(existsSync(file), `${file} was not written`);
    }
    const markdown = readFileSync(written.markdown, 'utf8');
    assert.ok(markdown.includes(skillTitle(roadmap, 'unit-testing')), markdown);
    for (const local of [root, path.dirname(root), os.homedir(), target]) {
      assert.ok(!markdown.includes(local), `the Markdown shows the local path ${local}`);
      assert.ok(!readFileSync(written.proof, 'utf8').includes(local), `the proof file shows the local path ${local}`);
    }
    const proof = JSON.parse(readFileSync(written.proof, 'utf8')) as { format?: string; claims?: unknown[] };
    assert.equal(proof.format, 'backend-roadmap-proof');
    assert.ok(Array.isArray(proof.claims), 'the proof file has a claims list');
    await screenshot('portfolio-exported');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Scan My Projects finds a repository of the learner\'s own work and records nothing already done', async () => {
    // Both skills the repository proves were done in the detection phase: the scan has nothing to add, so this
    // phase's progress (compared after the restart) stays as it was.
    assert.equal(api.progressOf('docker-compose').state, 'done');
    assert.equal(api.progressOf('docker-first-service').state, 'done');
    const projects = mkdtempSync(path.join(os.tmpdir(), 'br-projects-'));
    const repository = path.join(projects, 'shop-api');
    mkdirSync(repository);
    writeFileSync(path.join(repository, 'compose.yaml'), 'services:\n  api:\n    build: .\n    ports: ["3000:3000"]\n');
    git(repository, 'init', '-q');
    git(repository, 'add', '-A');
    git(repository, 'commit', '-q', '-m', 'Add the Compose file');
    const statusBefore = api.statusBarText();
    const outcome = await vscode.commands.executeCommand<{ repositories: number; proved: string[]; newlyDone: string[]; recorded: boolean } | undefined>('backendRoadmap.scanMyProjects', vscode.Uri.file(projects), { confirmed: true });
    assert.ok(outcome, 'the scan returned nothing');
    assert.equal(outcome.repositories, 1);
    assert.ok(outcome.proved.includes('docker-compose'), `the learner's commit proves Docker Compose: ${JSON.stringify(outcome)}`);
    assert.deepEqual([outcome.newlyDone, outcome.recorded], [[], false]);
    assert.equal(api.statusBarText(), statusBefore);
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
