import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { screenshot, webviewText } from '../driver';
import { commitFiles, git } from '../gitFixture';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';

/** An untrusted folder: no git process and no test command run, file checks still work, and the UI says so. */
describe('In Restricted Mode (untrusted workspace)', function () {
  this.timeout(60000);

  it('opens the folder untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still proves file-based skills in a folder without git, and never reads git', async () => {
    const api = await activateExtension();
    const root = workspaceFolder().uri.fsPath;
    // No repository yet: nobody else's history covers the folder, so its files count as the learner's.
    writeFileSync(path.join(root, 'Dockerfile'), 'FROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n');
    await vscode.commands.executeCommand('backendRoadmap.recheckWorkspace');
    await api.detectionIdle();
    const record = await waitFor('dockerfile to be done', () => (api.progressOf('dockerfile').state === 'done' ? api.progressOf('dockerfile') : undefined));
    assert.equal(record.evidence[0]?.path, 'Dockerfile');

    // The test itself makes the repository; the extension must not run git on it.
    git(root, 'init', '-q');
    commitFiles(root, 'notes', 6);
    writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  web:\n    build: .\n');
    await vscode.commands.executeCommand('backendRoadmap.recheckWorkspace');
    await api.detectionIdle();
    const history = api.milestoneStatus('git.history');
    assert.equal(history.status, 'unknown');
    assert.match(history.detail, /untrusted|restricted|trust/i);
    assert.equal(api.progressOf('git-basics').state, 'notStarted');
    // Under git, whose work a file is can only be told by asking git: in Restricted Mode it is not credited.
    const compose = api.milestoneStatus('docker.compose');
    assert.equal(compose.status, 'notCredited', compose.detail);
    assert.match(compose.detail, /cannot be told/);
    assert.equal(api.progressOf('docker-compose').state, 'notStarted');
  });

  it('refuses to run the tests and runs no task', async () => {
    const api = await activateExtension();
    writeFileSync(path.join(workspaceFolder().uri.fsPath, 'package.json'), JSON.stringify({ name: 'x', scripts: { test: 'node -e "process.exit(0)"' } }));
    let started = false;
    const listener = vscode.tasks.onDidStartTask(() => {
      started = true;
    });
    const command = vscode.commands.executeCommand('backendRoadmap.runMyTests');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    listener.dispose();
    assert.equal(started, false);
    assert.equal(vscode.tasks.taskExecutions.length, 0);
    assert.equal(api.progressOf('unit-testing').state, 'notStarted');
    await vscode.commands.executeCommand('notifications.clearAll');
    void command;
  });

  it('tells the learner in the details panel what is off and why', async () => {
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'git-basics');
    await waitFor('the Restricted Mode note', async () => ((await webviewText('#detection-note')).includes('Restricted Mode') ? true : undefined));
    assert.match(await webviewText('#checks'), /untrusted|restricted|trust/i);
    await screenshot('restricted-mode');
  });
});
