import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { workbenchText } from '../driver';
import { activateExtension, workspaceFolder } from '../helpers';

/** Records what the learner sees now, for the restart phase to compare after VS Code starts again. */
describe('Before VS Code closes', () => {
  it('writes down the visible progress', async () => {
    const api = await activateExtension();
    await api.flush();
    const expected = { statusBar: api.statusBarText(), unitTesting: api.progressOf('unit-testing') };
    // Only a record worth comparing: counts the learner sees, and the skill the detection phase proved.
    const counts = /\d+\/\d+/.exec(expected.statusBar)?.[0];
    assert.ok(counts, `the status bar text has no counts: "${expected.statusBar}"`);
    assert.ok((await workbenchText('#workbench\\.parts\\.statusbar')).includes(counts), `the status bar does not show ${counts}`);
    assert.equal(expected.unitTesting.state, 'done');
    assert.ok(expected.unitTesting.evidence.length > 0, 'unit-testing was proved without evidence');
    const file = path.join(path.dirname(workspaceFolder().uri.fsPath), 'expected-after-restart.json');
    writeFileSync(file, JSON.stringify(expected));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), expected);
  });
});
