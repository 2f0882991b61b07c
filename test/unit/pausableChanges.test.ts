import * as assert from 'node:assert/strict';
import { MAX_HELD_PATHS, PausableChangeSink } from '../../src/core/detection/pausableChanges';
import { MAX_INCREMENTAL_PATHS } from '../../src/core/scan/fileListUpdate';
import { recordingChangeSink } from './helpers/changeSinkRecorder';

const recorder = (): ReturnType<typeof recordingChangeSink> => recordingChangeSink({ sorted: true });

describe('changes while the window is in the background', () => {
  it('passes changes straight on while running', () => {
    const { sink, calls } = recorder();
    const gate = new PausableChangeSink(sink);
    gate.pathsChanged('/a', ['src/x.ts'], 1200);
    gate.folderChanged('/b', 1200);
    assert.deepEqual(calls, [['paths', '/a', ['src/x.ts'], 1200], ['folder', '/b', 1200]]);
  });

  it('collects changes while paused and passes them on once per folder on resume', () => {
    const { sink, calls } = recorder();
    const gate = new PausableChangeSink(sink);
    gate.pause();
    gate.pathsChanged('/a', ['src/x.ts'], 1200);
    gate.pathsChanged('/a', ['src/x.ts', 'Dockerfile'], 1200);
    gate.pathsChanged('/a', ['.git/HEAD'], 300);
    gate.pathsChanged('/b', ['package.json'], 1200);
    assert.deepEqual(calls, [], 'nothing is checked in the background');
    gate.resume();
    assert.deepEqual(calls, [
      ['paths', '/a', ['.git/HEAD', 'Dockerfile', 'src/x.ts'], 1200],
      ['paths', '/b', ['package.json'], 1200],
    ]);
    gate.resume();
    assert.equal(calls.length, 2, 'a second resume passes nothing again');
  });

  it('lists a folder again when a folder appeared or too many paths changed while paused', () => {
    const { sink, calls } = recorder();
    const gate = new PausableChangeSink(sink);
    gate.pause();
    gate.pathsChanged('/a', ['src/x.ts'], 1200);
    gate.folderChanged('/a', 1200);
    gate.pathsChanged('/a', ['src/y.ts'], 1200);
    gate.pathsChanged('/b', Array.from({ length: MAX_INCREMENTAL_PATHS + 1 }, (_, i) => `f${i}.ts`), 1200);
    gate.resume();
    assert.deepEqual(calls, [['folder', '/a', 1200], ['folder', '/b', 1200]]);
  });

  it('holds as many paths as an incremental re-check applies', () => {
    assert.equal(MAX_HELD_PATHS, MAX_INCREMENTAL_PATHS);
  });

  it('forgets what a closed folder collected', () => {
    const { sink, calls } = recorder();
    const gate = new PausableChangeSink(sink);
    gate.pause();
    gate.pathsChanged('/a', ['src/x.ts'], 1200);
    gate.forget('/a');
    gate.resume();
    assert.deepEqual(calls, []);
  });
});
