// runGitProcess decodes git's output chunk by chunk (so each read buffer is freed at once): characters
// cut between two chunks must come out whole.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runGitProcess } from '../../src/core/scan/gitProcess';
import { gitEnvironment } from '../../src/core/scan/gitSafety';

describe('git output', function () {
  this.timeout(20_000);
  let folder: string;
  before(async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'git-output-'));
  });
  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** Runs a shell command as a git alias (git runs it, its output is git's) and gives the outcome. */
  const runAlias = (shell: string): ReturnType<typeof runGitProcess> =>
    runGitProcess({ folder, args: ['-c', `alias.print=!${shell}`, 'print'], env: { ...gitEnvironment(process.env), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }, subcommand: 'print', idleTimeoutMs: 10_000 }, undefined);

  it('keeps a character whose bytes arrive in two reads', async () => {
    // "é" is 0xC3 0xA9; the pause makes the two bytes arrive as two chunks.
    const outcome = await runAlias("printf '\\303'; sleep 0.3; printf '\\251 and more'");
    assert.deepEqual(outcome, { ok: true, stdout: 'é and more' });
  });

  it('keeps every character of an output longer than one read', async () => {
    // 3 bytes a line, written in large blocks: reads end inside a character.
    const outcome = await runAlias('yes é | head -n 40000');
    assert.deepEqual(outcome, { ok: true, stdout: 'é\n'.repeat(40_000) });
  });
});
