import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot, webviewScroll, webviewText } from '../driver';
import { activateExtension, shippedRoadmap, sleep, waitFor } from '../helpers';

/** What a learner saw go wrong in the first hour: a new skill opened scrolled down to where the last one was. */
describe('The details panel, as a learner clicks through it', function () {
  this.timeout(90_000);

  before(async () => {
    await activateExtension();
  });

  async function show(skillId: string): Promise<void> {
    const roadmap = await shippedRoadmap();
    const title = roadmap.skillById.get(skillId)?.title;
    await vscode.commands.executeCommand('backendRoadmap.showSkill', skillId);
    await waitFor(`the panel to show ${skillId}`, async () => ((await webviewText('#skill-title')) === title ? true : undefined));
  }

  it('starts each skill at the top, keeping the place on a re-render of the same skill', async () => {
    await show('dockerfile');
    assert.ok((await webviewScroll(true)) > 0, 'the skill page is long enough to scroll');
    await vscode.commands.executeCommand('backendRoadmap.editNote', 'dockerfile', 'scrolled down here');
    await sleep(1000);
    assert.ok((await webviewScroll()) > 0, 'a progress change re-renders the same skill where the learner was');
    await show('http-basics');
    assert.equal(await webviewScroll(), 0);
    await screenshot('next-skill-at-top');
    await vscode.commands.executeCommand('backendRoadmap.editNote', 'dockerfile', '');
  });
});
