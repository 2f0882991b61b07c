// A scan shares its thread with an extension host: it must give the event loop a turn between checks
// once a slice of time is used up, even when every check answers at once (cached or quick answers chain
// through resolved promises and never return to the event loop by themselves).
import * as assert from 'node:assert/strict';
import { allDetectors } from '../../src/core/milestones/detectors';
import { scanFolder } from '../../src/core/milestones/engine';
import { countEventLoopTurns, withSteppingClock } from './helpers/eventLoopTurns';
import { makeTree, removeTree } from './helpers/scanFixtures';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ dependencies: { express: '^4.19.0' } }),
  'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.json({ ok: true }));\n",
  Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "src/app.js"]\n',
};

/** Turns of the event loop the scan asks for (its `setImmediate` calls) while `Date.now` moves on `stepMs` per call. */
function turnsDuring<T>(stepMs: number, scan: () => Promise<T>): Promise<{ turns: number; result: T }> {
  return withSteppingClock(stepMs, async () => {
    const realSetImmediate = global.setImmediate;
    let turns = 0;
    global.setImmediate = Object.assign((...args: Parameters<typeof setImmediate>) => {
      turns++;
      return realSetImmediate(...args);
    }, realSetImmediate);
    try {
      const result = await scan();
      return { turns, result };
    } finally {
      global.setImmediate = realSetImmediate;
    }
  });
}

describe('scan turns of the event loop', () => {
  let project = '';
  before(async () => {
    project = await makeTree(FILES);
  });
  after(async () => removeTree(project));

  const scan = (): ReturnType<typeof scanFolder> => scanFolder(project, { allowGit: false, blockingFileReads: true, files: { files: Object.keys(FILES), source: 'crawl' }, now: () => new Date(0) });

  it('gives the event loop a turn between checks once a slice of time is used up', async () => {
    // Every look at the clock finds a slice used up: a turn before every check.
    const { turns, result } = await turnsDuring(10, scan);
    assert.ok(result.milestones.length > 100, `${result.milestones.length} checks`);
    assert.ok(turns >= result.milestones.length, `${turns} turns for ${result.milestones.length} checks`);
  });

  it('runs the checks without a turn of their own while the slice lasts', async () => {
    const { turns, result } = await turnsDuring(0, scan);
    assert.ok(turns < result.milestones.length / 2, `${turns} turns for ${result.milestones.length} checks`);
  });

  describe('within one check', () => {
    // Forty files a check reads and finds nothing in: shell scripts that are only comments, JavaScript
    // without a route. Their texts come back at once (read in this turn), so only the check can give turns.
    const QUIET: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      QUIET[`scripts/step${i}.sh`] = '# nothing to run yet\n';
      QUIET[`src/lib${i}.js`] = `export const value${i} = ${i};\n`;
    }
    let quiet = '';
    before(async () => {
      quiet = await makeTree(QUIET);
      // Built outside the count: building the detectors takes turns of its own.
      allDetectors();
    });
    after(async () => removeTree(quiet));

    for (const [id, what] of [
      ['linux.shell', 'the files of a file check'],
      ['api.rest', 'the files of a source check'],
    ] as const) {
      it(`gives the event loop a turn between ${what} once a slice of time is used up (${id})`, async () => {
        // Turns of the loop, not calls of setImmediate: pieces of work that each ask for a turn at once all
        // run in the same one, one after another, with no other event between them.
        const seen = await withSteppingClock(10, async () => {
          const turns = countEventLoopTurns();
          const result = await scanFolder(quiet, { allowGit: false, blockingFileReads: true, files: { files: Object.keys(QUIET), source: 'crawl' }, only: new Set([id]), now: () => new Date(0) });
          assert.equal(result.milestones.find((m) => m.id === id)?.present, false);
          return turns.stop();
        });
        // One turn per file read at least: a batch of 16 files without a turn made stretches of 20-36 ms of a
        // code-server host's thread.
        assert.ok(seen >= 40, `${seen} turns for 40 files`);
      });
    }
  });
});
