import * as assert from 'node:assert/strict';
import { RecheckQueue } from '../../src/core/detection/recheckQueue';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('RecheckQueue (debounced, incremental re-checks)', () => {
  it('turns a burst of changes into one re-check of the union of affected milestones', async () => {
    const runs: [string, string[]][] = [];
    const queue = new RecheckQueue((folder, { ids }) => {
      runs.push([folder, [...ids].sort()]);
      return Promise.resolve();
    });
    // A quiet period long enough that a slow, shared machine still adds everything before it ends.
    for (let i = 0; i < 200; i++) {
      queue.add('/repo', i % 2 === 0 ? ['git.history'] : ['git.branching'], 400);
    }
    queue.add('/repo', ['docker.file'], 400);
    await sleep(10);
    assert.equal(runs.length, 0, 'nothing runs before the quiet period');
    await queue.idle();
    assert.deepEqual(runs, [['/repo', ['docker.file', 'git.branching', 'git.history']]]);
    queue.dispose();
  });

  it('keeps folders apart', async () => {
    const runs: string[] = [];
    const queue = new RecheckQueue((folder) => {
      runs.push(folder);
      return Promise.resolve();
    });
    queue.add('/a', ['docker.file'], 10);
    queue.add('/b', ['docker.file'], 10);
    await queue.idle();
    assert.deepEqual(runs.sort(), ['/a', '/b']);
    queue.dispose();
  });

  it('never overlaps runs for one folder; changes during a run are checked after it', async () => {
    let active = 0;
    let maxActive = 0;
    const runs: string[][] = [];
    const queue = new RecheckQueue(async (_folder, { ids }) => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs.push([...ids]);
      await sleep(60);
      active--;
    });
    queue.add('/repo', ['git.history'], 5);
    await sleep(25);
    queue.add('/repo', ['docker.compose'], 5);
    await queue.idle();
    assert.equal(maxActive, 1);
    assert.deepEqual(runs, [['git.history'], ['docker.compose']]);
    queue.dispose();
  });

  it('carries the changed paths, and drops them when any request asks for a full listing', async () => {
    const requests: (string[] | undefined)[] = [];
    const queue = new RecheckQueue((_folder, { paths }) => {
      requests.push(paths === undefined ? undefined : [...paths].sort());
      return Promise.resolve();
    });
    queue.add('/repo', ['docker.file'], 5, ['Dockerfile']);
    queue.add('/repo', ['docker.compose'], 5, ['compose.yaml']);
    await queue.idle();
    queue.add('/repo', ['docker.file'], 5, ['Dockerfile']);
    queue.add('/repo', ['docker.file'], 5);
    await queue.idle();
    assert.deepEqual(requests, [['Dockerfile', 'compose.yaml'], undefined]);
    queue.dispose();
  });

  it('does no work when nothing changes, and none after dispose', async () => {
    let calls = 0;
    const queue = new RecheckQueue(() => {
      calls++;
      return Promise.resolve();
    });
    queue.add('/repo', [], 5);
    await sleep(20);
    queue.add('/repo', ['docker.file'], 5);
    queue.dispose();
    await sleep(20);
    assert.equal(calls, 0);
  });
});
