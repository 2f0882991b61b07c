import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dayOf } from '../../../src/core/plan/days';
import { planPath } from '../../../src/core/plan/pace';
import { isOnPath } from '../../../src/core/plan/path';
import type { ProgressMap } from '../../../src/core/progress/model';
import type { BackendRoadmapApi } from '../../../src/vscode/extension';
import { screenshot, webviewClick, webviewCount, webviewScroll, webviewText, workbenchText } from '../driver';
import { activateExtension, shippedRoadmap, sleep, waitFor } from '../helpers';

const PYTHON_CORE = { stack: 'python', scope: 'core' } as const;

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('backendRoadmap');
}

async function text(selector: string): Promise<string> {
  return (await webviewText(selector)).trim();
}

/** The dashboard a learner opens: progress, the plan for their path, a year of activity, what next. */
describe('The dashboard', function () {
  this.timeout(90_000);
  let api: BackendRoadmapApi;

  before(async () => {
    api = await activateExtension();
    await settings().update('plan.stack', 'python', vscode.ConfigurationTarget.Global);
    await settings().update('plan.path', 'core', vscode.ConfigurationTarget.Global);
    await settings().update('plan.hoursPerWeek', 10, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    for (const key of ['plan.stack', 'plan.path', 'plan.hoursPerWeek']) {
      await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  });

  async function openDashboard(): Promise<void> {
    await vscode.commands.executeCommand('backendRoadmap.openDashboard');
    await waitFor('the dashboard', async () => ((await webviewCount('#dashboard-title')) === 1 ? true : undefined));
  }

  it('starts at the top, coming from a skill scrolled down', async () => {
    await vscode.commands.executeCommand('backendRoadmap.showSkill', 'dockerfile');
    await waitFor('the skill page', async () => ((await webviewCount('#skill-title')) === 1 ? true : undefined));
    assert.ok((await webviewScroll(true)) > 0, 'the skill page is long enough to scroll');
    await openDashboard();
    assert.equal(await webviewScroll(), 0);
  });

  it('shows the path and the plan for it: hours left and the finish date at the stated pace', async () => {
    const roadmap = await shippedRoadmap();
    await waitFor('the plan for the Python core path', async () => ((await text('#plan-path')) === 'Python · core path · 10 h/week' ? true : undefined));
    const progress: ProgressMap = Object.fromEntries(roadmap.skills.map((skill) => [skill.id, api.progressOf(skill.id)]));
    const plan = planPath(roadmap, progress, PYTHON_CORE, 10, new Date());
    assert.equal(await text('#plan-hours-left strong'), `${plan.hoursLeft.toLocaleString('en')} h left`);
    assert.match(await text('#plan-stated'), /^At 10 h a week: [\d.]+ weeks?, done by \d{4}-\d{2}-\d{2}\.$/);
    assert.match(await text('#plan-measured'), /^At your measured pace \([\d.]+ h a week\): [\d.]+ weeks?, done by \d{4}-\d{2}-\d{2}\.$|^No date at your own pace yet: no skill finished in the last 28 days\./);
  });

  it('describes the activity heatmap in words, with today in it and the streak', async () => {
    // Earlier tests changed skills today.
    const today = dayOf(new Date(), -new Date().getTimezoneOffset());
    assert.match(await text('#activity-streak'), /^Current streak: [1-9]\d* days?\.$/);
    const alternative = await text('#activity-text');
    assert.match(alternative, /^\d+ actions? on \d+ days? in the last 52 weeks; busiest day \d{4}-\d{2}-\d{2} \(\d+ actions?\)\. Current streak: [1-9]\d* days?\. Days with activity, latest first: /);
    assert.ok(alternative.includes(`${today}: `), `today (${today}) is listed in "${alternative}"`);
    assert.equal(await webviewCount('#activity-heatmap[role="img"][aria-label*="in the last 52 weeks"]'), 1);
    assert.equal(await webviewCount(`.heatmap-cell[data-day="${today}"][title$=" on ${today}"]:not(.level-0)`), 1, 'today is a shaded cell with its count in the title');
    assert.ok((await webviewCount('.heatmap-cell[data-day]')) > 51 * 7, 'a cell for every past day of 52 weeks');
  });

  it('lists what to do next on the path, with reasons, and opens a suggestion', async () => {
    const roadmap = await shippedRoadmap();
    const count = await webviewCount('#next-list li a[data-skill]');
    assert.ok(count >= 1 && count <= 5, `one to five suggestions, saw ${count}`);
    assert.match(await text('#next-list li'), /— (in progress|.*milestones? found in your workspace|next on your path) · /);
    const title = await text('#next-list li a');
    const skill = roadmap.skills.find((candidate) => candidate.title === title);
    assert.ok(skill && isOnPath(skill, PYTHON_CORE), `"${title}" is a skill on the Python core path`);
    await webviewClick('#next-list li a');
    await waitFor(`the panel to show ${title}`, async () => ((await text('#skill-title')) === title ? true : undefined));
    await openDashboard();
  });

  it('shows a stage whose skills are all skipped as skipped, as the tree does', async () => {
    const roadmap = await shippedRoadmap();
    const stage = roadmap.stages.at(-1);
    assert.ok(stage);
    for (const skill of stage.skills) {
      await vscode.commands.executeCommand('backendRoadmap.markSkipped', skill.id);
    }
    try {
      await waitFor('the stage shown as skipped', async () => ((await webviewCount(`li[data-stage="${stage.id}"].state-skipped`)) === 1 ? true : undefined));
      assert.match(await text(`li[data-stage="${stage.id}"] .stage-row .muted`), / · Skipped · /);
    } finally {
      for (const skill of stage.skills) {
        await vscode.commands.executeCommand('backendRoadmap.resetSkill', skill.id);
      }
    }
  });

  it('opens Choose Your Path from its button', async () => {
    await webviewClick('button[data-action="choosePath"]');
    await waitFor('the path picker', async () => ((await workbenchText('.quick-input-widget .quick-input-title')).includes('Choose your path') ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  for (const [theme, kind] of [
    ['Default Light Modern', 'light'],
    ['Default Dark Modern', 'dark'],
  ] as const) {
    it(`reads well in ${theme}`, async () => {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await openDashboard();
      await waitFor(`the page in the ${kind} theme`, async () => ((await webviewCount(`body.vscode-${kind}`)) === 1 ? true : undefined));
      // The theme's colours reach the page through CSS variables; give the repaint a moment.
      await sleep(500);
      assert.equal(await webviewScroll(), 0);
      await screenshot(`dashboard-${kind}`);
    });
  }
});
