import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BackendRoadmapApi } from '../../../src/vscode/extension';
import { screenshot, workbenchClick, workbenchText } from '../driver';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';

const HEADER = 'id: containers-first\ntitle: Containers first\ndescription: Ship one service in containers, then learn what it needs.\n';

/** A stage that reuses the shipped Docker Compose skill and defines one of its own. */
const STAGE = `id: ship-it
title: Ship it
summary: One service, in containers, reviewed by the team.
order: 1
projectIdeas: []
skills:
  - ref: docker-compose
  - id: team-compose-review
    title: Our compose review
    summary: How the team reviews a \`compose.yaml\`.
    whyItMatters: Reviews catch ports and secrets before they ship.
    subtopics: [Ports, Secrets]
    resources: []
    practice: [Ask a colleague to review your compose file]
    estimatedHours: 1
    prerequisites: [docker-compose]
`;

/** The same stage with a typo that breaks it: `estimatedHours` is text. */
const BROKEN_STAGE = STAGE.replace('estimatedHours: 1', 'estimatedHours: one');

/** The content update: the skill of its own renamed, its old id kept as a former id. */
const RENAMED_STAGE = STAGE.replace('  - id: team-compose-review\n', '  - id: compose-review\n    formerIds: [team-compose-review]\n');

/** Our diagnostics on a file (the YAML extension, when installed, adds its own). */
function ourDiagnostics(file: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((diagnostic) => diagnostic.source === 'Backend Roadmap');
}

async function quickInputTitle(part: string): Promise<void> {
  await waitFor(`the quick input "${part}"`, async () => ((await workbenchText('.quick-input-widget .quick-input-title')).includes(part) ? true : undefined));
}

/** Switches through the view's Switch Roadmap list, as a learner does, to the roadmap titled `title`. */
async function switchTo(title: string): Promise<void> {
  void vscode.commands.executeCommand('backendRoadmap.switchRoadmap');
  await quickInputTitle('Switch Roadmap');
  await workbenchClick(`.quick-input-widget .monaco-list-row[aria-label^="${title}"]`);
}

/** A roadmap the learner writes in .backend-roadmap: listed with the shipped one, checked as they type, sharing progress. */
describe('A roadmap of the learner\'s own', function () {
  this.timeout(90000);
  let api: BackendRoadmapApi;
  let folder: string;
  let stageFile: string;

  before(async () => {
    api = await activateExtension();
    const root = workspaceFolder().uri.fsPath;
    folder = path.join(root, '.backend-roadmap');
    stageFile = path.join(folder, 'stages', '01-ship-it.yaml');
    // Docker Compose is proved by a compose file in the workspace (the detection tests wrote one already).
    if (!existsSync(path.join(root, 'compose.yaml'))) {
      writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  api:\n    build: .\n');
    }
    await waitFor('docker-compose to be done', () => (api.progressOf('docker-compose').state === 'done' ? true : undefined), 20000);
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('appears in Switch Roadmap beside the shipped roadmap, and counts the shared skill proved once as done', async () => {
    mkdirSync(path.dirname(stageFile), { recursive: true });
    writeFileSync(path.join(folder, 'roadmap.yaml'), HEADER);
    writeFileSync(stageFile, STAGE);
    const listed = await waitFor('the custom roadmap to be listed', async () => {
      const { choices } = await api.roadmapChoices();
      return choices.some((choice) => choice.id === 'containers-first') ? choices : undefined;
    }, 20000);
    assert.deepEqual(listed.map((choice) => choice.title), ['Backend Roadmap', 'Containers first']);

    void vscode.commands.executeCommand('backendRoadmap.switchRoadmap');
    await quickInputTitle('Switch Roadmap');
    await screenshot('switch-roadmap-list');
    await workbenchClick('.quick-input-widget .monaco-list-row[aria-label^="Containers first"]');

    await waitFor('the custom roadmap to be in use', async () => ((await api.roadmapChoices()).selected === 'containers-first' ? true : undefined));
    // One skill, one record: Docker Compose, proved in the shipped roadmap, is done here too (1 of 2).
    const text = await waitFor('the status bar to count the custom roadmap', () => (/\b1\/2\b/.test(api.statusBarText()) ? api.statusBarText() : undefined));
    assert.match(text, /1\/2 · 50%/);
    assert.equal(api.progressOf('docker-compose').state, 'done');
    await vscode.commands.executeCommand('backendRoadmap.roadmap.focus');
    await screenshot('custom-roadmap-in-use');
  });

  it('puts a broken stage file\'s problem in the Problems panel and keeps the last good version in use', async () => {
    writeFileSync(stageFile, BROKEN_STAGE);
    const diagnostics = await waitFor('a diagnostic on the broken stage file', () => {
      const list = ourDiagnostics(stageFile);
      return list.length > 0 ? list : undefined;
    }, 20000);
    const [problem] = diagnostics;
    assert.ok(problem);
    assert.match(problem.message, /estimatedHours/);
    // At the line of `estimatedHours: one` (0-based in the API).
    assert.equal(problem.range.start.line, BROKEN_STAGE.split('\n').findIndex((line) => line.includes('estimatedHours: one')));
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));

    const { selected, choices } = await api.roadmapChoices();
    assert.equal(selected, 'containers-first', 'a broken folder keeps its last good version in use');
    assert.equal(choices.find((choice) => choice.id === 'containers-first')?.stale, true);
    assert.match(api.statusBarText(), /1\/2/);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('custom-roadmap-problems');

    writeFileSync(stageFile, STAGE);
    await waitFor('the diagnostic to go once the file is fixed', () => (ourDiagnostics(stageFile).length === 0 ? true : undefined), 20000);
    assert.equal((await api.roadmapChoices()).choices.find((choice) => choice.id === 'containers-first')?.stale, false);
  });

  it('keeps a skill\'s progress through a content update that renames it (formerIds), and back', async () => {
    await vscode.commands.executeCommand('backendRoadmap.markInProgress', 'team-compose-review');
    await waitFor('the skill in progress', () => (api.progressOf('team-compose-review').state === 'inProgress' ? true : undefined));
    writeFileSync(stageFile, RENAMED_STAGE);
    await waitFor('the renamed skill to keep its progress', () => (api.progressOf('compose-review').state === 'inProgress' ? true : undefined), 20000);
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'compose-review');
    await screenshot('renamed-skill-keeps-progress');
    // The record under the old id is kept, not deleted: back to the old content, it is there as it was.
    writeFileSync(stageFile, STAGE);
    await waitFor('the old id back in the roadmap', async () => ((await api.roadmapChoices()).choices.find((choice) => choice.id === 'containers-first') ? true : undefined));
    await waitFor('the old id to keep its progress', () => (api.progressOf('team-compose-review').state === 'inProgress' ? true : undefined), 20000);
  });

  it('switches back to the shipped roadmap', async () => {
    await switchTo('Backend Roadmap');
    await waitFor('the shipped roadmap to be in use', async () => ((await api.roadmapChoices()).selected === 'backend' ? true : undefined));
    await waitFor('the status bar to count the shipped roadmap', () => (/\b1\/2\b/.test(api.statusBarText()) ? undefined : true));
  });
});
