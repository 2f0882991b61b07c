import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { screenshot, webviewText, workbenchText } from '../driver';
import { activateExtension, shippedRoadmap, skillTitle, waitFor, workspaceFolder } from '../helpers';

/** Runs after VS Code was closed and started again on the same user data: nothing may be lost. */
describe('After VS Code restarts', function () {
  this.timeout(60000);

  it('finds every state and note as the learner left them', async () => {
    const api = await activateExtension();
    assert.equal(api.progressOf('git-basics').state, 'done');
    assert.equal(api.progressOf('git-basics').setBy, 'learner');
    assert.equal(api.progressOf('git-basics').note, 'Made my first repo');
    assert.equal(api.progressOf('dockerfile').state, 'inProgress');
    assert.equal(api.progressOf('soap-apis').state, 'skipped');
  });

  it('keeps evidence and the status bar exactly as before', async () => {
    const api = await activateExtension();
    const expected = JSON.parse(readFileSync(path.join(path.dirname(workspaceFolder().uri.fsPath), 'expected-after-restart.json'), 'utf8')) as { statusBar: string; unitTesting: unknown };
    assert.deepEqual(api.progressOf('unit-testing'), expected.unitTesting);
    const text = await waitFor('the status bar item', () => (api.statusBarText() !== '' ? api.statusBarText() : undefined));
    assert.equal(text, expected.statusBar);
    const counts = /\d+\/\d+/.exec(expected.statusBar)?.[0] ?? 'missing';
    await waitFor(`the status bar to show ${counts}`, async () => ((await workbenchText('#workbench\\.parts\\.statusbar')).includes(counts) ? true : undefined));
  });

  it('shows the same skill in the details panel', async () => {
    const roadmap = await shippedRoadmap();
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'git-basics');
    await waitFor('the details panel', async () => ((await webviewText('#skill-title')) === skillTitle(roadmap, 'git-basics') ? true : undefined));
    assert.match(await webviewText('#skill-state'), /Done/);
    assert.match(await webviewText('.note'), /Made my first repo/);
    await screenshot('after-restart');
  });
});
