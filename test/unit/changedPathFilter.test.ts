import * as assert from 'node:assert/strict';
import type { ChangedPathTest } from '../../src/core/detection/changedPathFilter';
import { ChangedPathFilter, MAX_PENDING_PATHS } from '../../src/core/detection/changedPathFilter';
import { yieldToEventLoop } from '../../src/core/scan/yieldToEventLoop';
import { recordingChangeSink } from './helpers/changeSinkRecorder';
import { countEventLoopTurns, withSteppingClock } from './helpers/eventLoopTurns';

const recorder = (): ReturnType<typeof recordingChangeSink> => recordingChangeSink();

/** A `ready` the test resolves (or fails) when it wants. */
function gate(): { ready: () => Promise<ChangedPathTest>; open: (test: ChangedPathTest) => void; fail: () => void; asked: () => number } {
  let asked = 0;
  let open: (test: ChangedPathTest) => void = () => undefined;
  let fail: () => void = () => undefined;
  const promise = new Promise<ChangedPathTest>((resolve, reject) => {
    open = resolve;
    fail = () => reject(new Error('the engine failed to load'));
  });
  return {
    ready: () => {
      asked++;
      return promise;
    },
    open: (test) => open(test),
    fail: () => fail(),
    asked: () => asked,
  };
}

/** Waits until the filter has passed on everything (a few turns; each path test may take one). */
async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await yieldToEventLoop();
  }
}

const sourcesOnly: ChangedPathTest = (path) => path.endsWith('.ts');

describe('changed paths tested against the detectors, a slice at a time', () => {
  it('holds changes until the detectors are ready, then passes on only what can affect a milestone', async () => {
    const { sink, calls } = recorder();
    const ready = gate();
    const filter = new ChangedPathFilter(ready.ready, sink);
    filter.pathChanged('/a', 'src/app.ts', 1200);
    filter.pathChanged('/a', 'notes.txt', 1200);
    filter.pathChanged('/a', 'src/app.ts', 1200);
    filter.pathChanged('/a', '.git', 300, true);
    filter.pathChanged('/a', 'gone', 1200, true);
    await settle();
    assert.deepEqual(calls, [], 'nothing is passed on before the detectors are built');
    assert.equal(ready.asked(), 1, 'the engine is asked for once');
    ready.open(sourcesOnly);
    await settle();
    assert.deepEqual(calls, [['paths', '/a', ['src/app.ts', '.git', 'gone'], 1200]], 'a path reported twice is tested once; `always` paths pass untested; the longest quiet period wins');
  });

  it('never passes a change on in the turn it came in', async () => {
    const { sink, calls } = recorder();
    const filter = new ChangedPathFilter(() => Promise.resolve(sourcesOnly), sink);
    filter.pathChanged('/a', 'src/app.ts', 1200);
    assert.deepEqual(calls, []);
    await settle();
    assert.deepEqual(calls, [['paths', '/a', ['src/app.ts'], 1200]]);
  });

  it('tests a burst of events a slice of time at a time, in the order they came', async () => {
    const { sink, calls } = recorder();
    let tested = 0;
    const filter = new ChangedPathFilter(() => Promise.resolve((path: string) => (tested++, sourcesOnly(path))), sink);
    const paths = Array.from({ length: 600 }, (_, i) => (i % 2 === 0 ? `src/m${i}.ts` : `docs/m${i}.md`));
    filter.pathChanged('/a', 'warm.ts', 1200);
    await settle();
    calls.length = 0;
    tested = 0;
    // Every look at the clock moves it 4 ms: a slice (8 ms) is used up every other path.
    const turns = await withSteppingClock(4, async () => {
      const counter = countEventLoopTurns();
      for (const path of paths) {
        filter.pathChanged('/a', path, 1200);
      }
      assert.equal(tested, 0, 'no path is tested in the turn the events came in');
      while (tested < paths.length) {
        await yieldToEventLoop();
      }
      await settle();
      return counter.stop();
    });
    assert.ok(turns >= paths.length / 4, `600 paths were tested in ${String(turns)} turns of the event loop`);
    const passed = calls.flatMap((call) => (call[0] === 'paths' ? call[2] : []));
    assert.deepEqual(passed, paths.filter(sourcesOnly));
    assert.ok(
      calls.every((call) => call[0] === 'paths' && call[2].length <= 200),
      'at most 200 paths per call to the sink',
    );
    assert.ok(calls.length >= 2);
  });

  it('lists the folder again instead of holding more than its bound', async () => {
    const { sink, calls } = recorder();
    const ready = gate();
    const filter = new ChangedPathFilter(ready.ready, sink);
    for (let i = 0; i <= MAX_PENDING_PATHS; i++) {
      filter.pathChanged('/a', `f${String(i)}.ts`, 1200);
    }
    filter.pathChanged('/b', 'src/b.ts', 1200);
    ready.open(sourcesOnly);
    await settle();
    assert.deepEqual(calls, [
      ['folder', '/a', 1200],
      ['paths', '/b', ['src/b.ts'], 1200],
    ]);
  });

  it('a folder to list again, asked for during a burst, stands for the rest of the burst', async () => {
    const { sink, calls } = recorder();
    const filter = new ChangedPathFilter(() => Promise.resolve(sourcesOnly), sink);
    await withSteppingClock(10, async () => {
      for (let i = 0; i < 50; i++) {
        filter.pathChanged('/a', `src/m${String(i)}.ts`, 1200);
      }
      // A turn or two in, the burst is still being tested.
      await yieldToEventLoop();
      await yieldToEventLoop();
      filter.folderChanged('/a', 1200);
      await settle(200);
    });
    assert.deepEqual(calls.at(-1), ['folder', '/a', 1200]);
    const passed = calls.flatMap((call) => (call[0] === 'paths' ? call[2] : []));
    assert.ok(passed.length < 50, `the relist stopped the burst (${String(passed.length)} of 50 passed)`);
  });

  it('passes paths on untested when the engine cannot load, so the check says why', async () => {
    const { sink, calls } = recorder();
    const ready = gate();
    const filter = new ChangedPathFilter(ready.ready, sink);
    filter.pathChanged('/a', 'notes.txt', 1200);
    ready.fail();
    await settle();
    assert.deepEqual(calls, [['paths', '/a', ['notes.txt'], 1200]]);
  });

  it('goes on after a sink that throws, and says so', async () => {
    const passed: string[] = [];
    const errors: unknown[] = [];
    let calls = 0;
    const sink = {
      pathsChanged: (_folder: string, paths: readonly string[]) => {
        if (calls++ === 0) {
          throw new Error('the engine is gone');
        }
        passed.push(...paths);
      },
      folderChanged: () => undefined,
    };
    const filter = new ChangedPathFilter(() => Promise.resolve(sourcesOnly), sink, (error) => errors.push(error));
    filter.pathChanged('/a', 'src/a.ts', 1200);
    filter.pathChanged('/b', 'src/b.ts', 1200);
    await settle();
    filter.pathChanged('/a', 'src/c.ts', 1200);
    await settle();
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /the engine is gone/);
    assert.deepEqual(passed, ['src/b.ts', 'src/c.ts'], 'the next folder and later changes still pass');
  });

  it('passes nothing on for a folder forgotten or after disposal', async () => {
    const { sink, calls } = recorder();
    const ready = gate();
    const filter = new ChangedPathFilter(ready.ready, sink);
    filter.pathChanged('/a', 'src/a.ts', 1200);
    filter.pathChanged('/b', 'src/b.ts', 1200);
    filter.forget('/a');
    ready.open(sourcesOnly);
    await settle();
    assert.deepEqual(calls, [['paths', '/b', ['src/b.ts'], 1200]]);
    filter.dispose();
    filter.pathChanged('/b', 'src/c.ts', 1200);
    filter.folderChanged('/b', 1200);
    await settle();
    assert.equal(calls.length, 1);
  });
});
