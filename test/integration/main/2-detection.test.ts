import * as assert from 'node:assert/strict';
import type * as childProcess from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BackendRoadmapApi } from '../../../src/vscode/extension';
import { screenshot, webviewClick, webviewCount, webviewText, workbenchText } from '../driver';
import { commitFiles, git } from '../gitFixture';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';

/** The learner codes in their own folder; skills turn done from what the workspace shows, with evidence. */
describe('Automatic milestone detection while the learner codes', function () {
  this.timeout(90000);
  let api: BackendRoadmapApi;
  let root: string;

  before(async () => {
    api = await activateExtension();
    root = workspaceFolder().uri.fsPath;
  });

  async function present(id: string): Promise<void> {
    await waitFor(`milestone ${id} to be present`, () => (api.milestoneStatus(id).status === 'present' ? true : undefined), 20000);
  }

  it('marks Docker Compose done when a compose file appears, and can open the evidence', async () => {
    writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  api:\n    build: .\n    ports: ["3000:3000"]\n');
    const record = await waitFor('docker-compose to be done', () => (api.progressOf('docker-compose').state === 'done' ? api.progressOf('docker-compose') : undefined), 20000);
    assert.equal(record.setBy, 'detector');
    assert.equal(record.evidence[0]?.path, 'compose.yaml');
    assert.equal(record.evidence[0].folder, root);
    await vscode.commands.executeCommand('backendRoadmap.showEvidence', 'docker-compose', 0);
    assert.equal(path.basename(vscode.window.activeTextEditor?.document.uri.fsPath ?? ''), 'compose.yaml');
  });

  it('records a Dockerfile as evidence but keeps the state the learner set by hand', async () => {
    assert.equal(api.progressOf('dockerfile').state, 'inProgress');
    writeFileSync(path.join(root, 'Dockerfile'), 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "app.js"]\n');
    await waitFor('Dockerfile evidence', () => (api.progressOf('dockerfile').evidence.some((e) => e.path === 'Dockerfile') ? true : undefined), 20000);
    assert.equal(api.progressOf('dockerfile').state, 'inProgress', 'a detector never overrules the learner');
    assert.equal(api.progressOf('dockerfile').setBy, 'learner');
  });

  it('notices a git repository, its history and a merged branch', async () => {
    git(root, 'init', '-q');
    writeFileSync(path.join(root, '.gitignore'), 'node_modules/\n');
    commitFiles(root, 'notes', 5);
    await present('git.repo');
    await present('git.history');
    git(root, 'checkout', '-q', '-b', 'feature/login');
    commitFiles(root, 'login', 1);
    git(root, 'checkout', '-q', 'main');
    git(root, '-c', 'core.editor=true', 'merge', '-q', '--no-ff', '-m', "Merge branch 'feature/login'", 'feature/login');
    const record = await waitFor('git-branching to be done', () => (api.progressOf('git-branching').state === 'done' ? api.progressOf('git-branching') : undefined), 20000);
    assert.equal(record.setBy, 'detector');
    assert.ok(record.evidence.some((e) => e.milestone === 'git.branching'), JSON.stringify(record.evidence));
    // Commit evidence opens the commit itself (git show), as a learner clicking it would see.
    const mergeIndex = record.evidence.findIndex((e) => e.commit !== undefined);
    assert.ok(mergeIndex >= 0, JSON.stringify(record.evidence));
    await vscode.commands.executeCommand('backendRoadmap.showEvidence', 'git-branching', mergeIndex);
    await waitFor('the commit to open', () => (vscode.window.activeTextEditor?.document.getText().includes("Merge branch 'feature/login'") ? true : undefined));
    // git-basics was set done by hand earlier: the new evidence is attached, the learner's record stays.
    await waitFor('git-basics evidence', () => (api.progressOf('git-basics').evidence.some((e) => e.milestone === 'git.history') ? true : undefined), 20000);
    assert.equal(api.progressOf('git-basics').setBy, 'learner');
  });

  it("starts the check's git processes from a worker thread, so the editor's own thread never forks for them", async () => {
    // The module object every extension of this host calls `spawn` on: the built-in git extension
    // spawns here too, so only our runner's processes (their first argument) are counted.
    const hostChildProcess = createRequire(__filename)('node:child_process') as typeof childProcess;
    const original = hostChildProcess.spawn;
    let oursHere = 0;
    hostChildProcess.spawn = ((...args: Parameters<typeof childProcess.spawn>) => {
      const [command, commandArgs] = args;
      if (command === 'git' && Array.isArray(commandArgs) && commandArgs[0] === '--no-pager') {
        oursHere++;
      }
      return original(...args);
    }) as typeof childProcess.spawn;
    try {
      commitFiles(root, 'worker', 1);
      await vscode.commands.executeCommand('backendRoadmap.recheckWorkspace');
      await api.detectionIdle();
      const history = api.milestoneStatus('git.history');
      assert.equal(history.status, 'present');
    } finally {
      hostChildProcess.spawn = original;
    }
    assert.equal(oursHere, 0, `${oursHere} git processes of the check were started from the extension host's thread`);
  });

  it('a failing test run in the terminal proves nothing; a passing one marks unit testing done', async () => {
    mkdirSync(path.join(root, 'test'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'demo-api', version: '1.0.0', scripts: { test: 'node --test test/' } }, null, 2));
    writeFileSync(path.join(root, 'test', 'sum.test.js'), "const test = require('node:test');\nconst assert = require('node:assert');\ntest('adds', () => assert.equal(1 + 1, 3));\n");
    await present('test.present');

    const terminal = vscode.window.createTerminal({ name: 'learner', cwd: root, shellPath: '/bin/bash' });
    terminal.show();
    const integration = await waitFor('shell integration', () => terminal.shellIntegration, 20000);
    const run = async (): Promise<number | undefined> => {
      const execution = integration.executeCommand('npm test');
      return new Promise((resolve) => {
        const listener = vscode.window.onDidEndTerminalShellExecution((event) => {
          if (event.execution === execution) {
            listener.dispose();
            resolve(event.exitCode);
          }
        });
      });
    };
    assert.notEqual(await run(), 0);
    await api.detectionIdle();
    assert.equal(api.progressOf('unit-testing').state, 'notStarted');
    assert.notEqual(api.milestoneStatus('test.passing').status, 'present');
    // The editor says how to run tests here (not the CLI's --run-tests), with a button for Run My Tests.
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'unit-testing');
    await waitFor('the Run My Tests button in "Why is this (not) done?"', async () => ((await webviewCount('#checks button[data-action="runTests"]')) === 1 ? true : undefined));
    const checks = await webviewText('#checks');
    assert.match(checks, /Run your tests in the terminal or use Run My Tests/);
    assert.doesNotMatch(checks, /--run-tests/);

    writeFileSync(path.join(root, 'test', 'sum.test.js'), "const test = require('node:test');\nconst assert = require('node:assert');\ntest('adds', () => assert.equal(1 + 1, 2));\n");
    assert.equal(await run(), 0);
    const record = await waitFor('unit-testing to be done', () => (api.progressOf('unit-testing').state === 'done' ? api.progressOf('unit-testing') : undefined), 20000);
    const proof = record.evidence.find((e) => e.milestone === 'test.passing');
    assert.equal(proof?.command, 'npm test');
    assert.equal(proof.exitCode, 0);
    terminal.dispose();
  });

  it('"Run My Tests" finds the test command and runs it as a task whose pass is evidence', async () => {
    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.definition.type === 'backendRoadmap') {
          listener.dispose();
          resolve(event.exitCode);
        }
      });
    });
    await vscode.commands.executeCommand('backendRoadmap.runMyTests');
    assert.equal(await ended, 0);
    await waitFor('task evidence', () => (api.progressOf('unit-testing').evidence.some((e) => /test task .* exited with 0/.test(e.summary)) ? true : undefined), 20000);
    // Nothing new is proved (the terminal run already did it), and the notification says so.
    await waitFor('the Run My Tests notification', async () => ((await workbenchText('.notifications-toasts')).includes('Your tests (npm test) passed') ? true : undefined));
    await screenshot('run-my-tests-notice');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('shows the evidence and the "why" checks in the details panel', async () => {
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'unit-testing');
    await waitFor('evidence in the panel', async () => ((await webviewText('#evidence-list')).includes('npm test') ? true : undefined));
    const checks = await webviewText('#checks');
    assert.match(checks, /The tests ran and passed/);
    assert.match(checks, /Automated tests exist/);
    // Rendered roadmap text never brings scripts, frames or inline handlers into the page.
    assert.ok((await webviewCount('#app section')) >= 5);
    assert.equal(await webviewCount('#app script, #app iframe, #app [onerror], #app [onclick], #app [onload]'), 0);
    assert.equal(await webviewCount('script[src$="dist/media/webview.js"]'), 1);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await webviewClick('#evidence-list strong');
    await screenshot('detection-evidence');
  });

  it('does not mistake a word in a note for a Redis cache', async () => {
    writeFileSync(path.join(root, 'ideas.md'), 'Maybe add redis and kafka later.\n');
    writeFileSync(path.join(root, 'app.js'), "// TODO: use redis for sessions\nconst http = require('node:http');\n");
    await vscode.commands.executeCommand('backendRoadmap.recheckWorkspace');
    await api.detectionIdle();
    assert.equal(api.milestoneStatus('cache.redis').status, 'missing');
    assert.equal(api.milestoneStatus('queue.broker').status, 'missing');
    assert.equal(api.progressOf('redis').state, 'notStarted');
  });
});
