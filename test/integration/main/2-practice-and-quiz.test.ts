import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BackendRoadmapApi } from '../../../src/vscode/extension';
import { screenshot, webviewClick, webviewText } from '../driver';
import { activateExtension, shippedRoadmap, waitFor, workspaceFolder } from '../helpers';

/** Commands practised in the terminal, and a self-check passed in the details panel. */
describe('Terminal practice and the self-check', function () {
  this.timeout(120_000);
  let api: BackendRoadmapApi;

  before(async () => {
    api = await activateExtension();
  });

  it('counts five different shell commands run in the terminal, and stores only the program names', async () => {
    const root = workspaceFolder().uri.fsPath;
    const terminal = vscode.window.createTerminal({ name: 'practice', cwd: root, shellPath: '/bin/bash' });
    terminal.show();
    const integration = await waitFor('shell integration', () => terminal.shellIntegration, 20_000);
    const run = (line: string): Promise<number | undefined> =>
      new Promise((resolve) => {
        const execution = integration.executeCommand(line);
        const listener = vscode.window.onDidEndTerminalShellExecution((event) => {
          if (event.execution === execution) {
            listener.dispose();
            resolve(event.exitCode);
          }
        });
      });
    // A failing command proves nothing; a token in an argument is never kept.
    assert.notEqual(await run('ls /no/such/folder-token-abc123'), 0);
    for (const line of ['ls -la', 'pwd', 'mkdir -p practice-dir', 'touch practice-dir/secret-token-abc123', 'wc -l package.json']) {
      assert.equal(await run(line), 0, line);
    }
    await waitFor('practice.shell to be present', () => (api.milestoneStatus('practice.shell').status === 'present' ? true : undefined), 20_000);
    const stored = api.recordedEvents().filter((e) => e.milestone === 'practice.shell');
    assert.deepEqual([...new Set(stored.map((e) => e.command))].sort(), ['ls', 'mkdir', 'pwd', 'touch', 'wc']);
    assert.ok(stored.every((e) => e.exitCode === 0 && e.yours === true && e.folder === root));
    assert.doesNotMatch(JSON.stringify(api.recordedEvents()), /token-abc123|practice-dir|package\.json|-la/);
    // The command-line skill also needs its self-check: terminal practice alone does not finish it.
    assert.notEqual(api.progressOf('command-line').state, 'done');
    terminal.dispose();
  });

  it('passes a self-check in the details panel: wrong answers are explained, right ones prove a knowledge skill', async () => {
    const roadmap = await shippedRoadmap();
    const skill = roadmap.skillById.get('algorithms-big-o');
    assert.ok(skill && skill.quiz.length >= 3, 'the Big-O skill has a self-check');
    assert.deepEqual(skill.detect?.all, ['quiz.passed']);
    await vscode.commands.executeCommand('backendRoadmap.showSkill', skill.id);
    await waitFor('the self-check', async () => ((await webviewText('#quiz h2')).includes('Check yourself') ? true : undefined));

    // First try: every answer wrong.
    for (const [index, question] of skill.quiz.entries()) {
      const wrong = question.choices.findIndex((_, choice) => !question.answer.includes(choice));
      await webviewClick(`#quiz-q${index}-c${wrong}`);
    }
    await webviewClick('#quiz-submit');
    await waitFor('the failed result', async () => ((await webviewText('#quiz-result')).length > 0 ? true : undefined));
    assert.match(await webviewText('.quiz-feedback'), /Not right/);
    assert.notEqual(api.progressOf(skill.id).state, 'done');
    await screenshot('quiz-failed');

    // Second try: every answer right.
    await webviewClick('#quiz-retry');
    for (const [index, question] of skill.quiz.entries()) {
      for (const choice of question.answer) {
        await webviewClick(`#quiz-q${index}-c${choice}`);
      }
    }
    await webviewClick('#quiz-submit');
    const record = await waitFor('the Big-O skill to be done', () => (api.progressOf(skill.id).state === 'done' ? api.progressOf(skill.id) : undefined), 20_000);
    assert.equal(record.setBy, 'detector');
    const pass = record.evidence.find((e) => e.milestone === 'quiz.passed');
    assert.ok(pass, JSON.stringify(record.evidence));
    assert.equal(pass.score, 1);
    assert.match(await webviewText('#quiz-result'), /\S/);
    await screenshot('quiz-passed');
  });
});
