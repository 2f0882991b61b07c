import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { logCount, pageCount, screenshot, webviewClick, webviewScroll, webviewText } from '../driver';
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

  it('opens a resource link once: one request to open it, not two', async () => {
    // The test workbench refuses the "open the external website?" confirmation and logs it once per request.
    const refused = 'rejected promise not handled within 1 second: Error: DialogService: refused to show dialog in tests. Contents: Do you want code-server to open the external website?';
    await show('http-basics');
    const before = await logCount(refused);
    const pages = await pageCount();
    await webviewClick('ul.resources li a');
    await waitFor('the request to open the link', async () => ((await logCount(refused)) > before ? true : undefined));
    await sleep(2500);
    assert.equal(await logCount(refused), before + 1, 'one click, one request to open the link');
    assert.equal(await pageCount(), pages, 'and no browser tab opened by the workbench besides');
  });
});
