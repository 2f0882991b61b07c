import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { activateExtension, workspaceFolder } from '../helpers';

/** Records what the learner sees now, for the restart phase to compare after VS Code starts again. */
describe('Before VS Code closes', () => {
  it('writes down the visible progress', async () => {
    const api = await activateExtension();
    await api.flush();
    const expected = { statusBar: api.statusBarText(), unitTesting: api.progressOf('unit-testing') };
    writeFileSync(path.join(path.dirname(workspaceFolder().uri.fsPath), 'expected-after-restart.json'), JSON.stringify(expected));
  });
});
