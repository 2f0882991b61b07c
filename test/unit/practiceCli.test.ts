import * as assert from 'node:assert/strict';
import { runCli as run } from './helpers/cli';

describe('CLI: command', () => {
  it('--json prints the practice ids and exactly what would be stored', async () => {
    const result = await run(['command', 'git revert HEAD~1 && curl -v -H "Authorization: Bearer s3cr3t" https://api.example.com', '--json']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.deepEqual(JSON.parse(result.stdout), { milestones: ['practice.git-undo', 'practice.http', 'practice.tls'], recorded: ['git revert', 'curl'] });
    assert.ok(!result.stdout.includes('s3cr3t') && !result.stdout.includes('example.com'));
  });
  it('--exit with a failure: nothing counts', async () => {
    assert.deepEqual(JSON.parse((await run(['command', 'dig example.com', '--exit', '1', '--json'])).stdout), { milestones: [], recorded: [] });
    assert.deepEqual(JSON.parse((await run(['command', '--exit=0', 'dig example.com', '--json'])).stdout), { milestones: ['practice.dns'], recorded: ['dig'] });
  });
  it('readable text names the ids, what is stored and the setting, never the arguments', async () => {
    const result = await run(['command', 'sudo systemctl restart nginx-secret && ls']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /practice\.systemd/);
    assert.match(result.stdout, /practice\.shell .*1 of the 5 different commands/);
    assert.match(result.stdout, /^ {2}systemctl$/m);
    assert.match(result.stdout, /backendRoadmap\.detection\.terminal/);
    assert.ok(!result.stdout.includes('nginx-secret'));
  });
  it('says why nothing counts', async () => {
    assert.match((await run(['command', 'man dig'])).stdout, /counts for no terminal practice/);
    assert.match((await run(['command', 'dig x', '--exit', '2'])).stdout, /only commands that exit with 0 count \(this one: 2\)/);
  });
  it('usage errors tell how to quote the command line', async () => {
    for (const argv of [['command'], ['command', 'git', 'revert'], ['command', 'ls', '-la'], ['command', 'dig x', '--exit', 'zero']]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /backend-roadmap command "git revert HEAD"|--exit needs/, argv.join(' '));
    }
  });
  it('the help lists the command', async () => {
    assert.match((await run(['--help'])).stdout, /backend-roadmap command "<command line>" \[--exit N\] \[--json\]/);
  });
});
