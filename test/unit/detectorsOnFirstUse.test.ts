// Loading dist/detection.js builds no detector: each module of detectors is run when its group is first
// built (src/core/milestones/detectors/index.ts), so the load is one short stretch of the extension host's
// thread and the detectors come after, a slice at a time.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { MILESTONES } from '../../src/core/milestones/catalog';
import { allDetectors, allDetectorsInSlices } from '../../src/core/milestones/detectors';
import { bundleOptions, REPO_ROOT } from './helpers/bundleOptions';

const DETECTORS_FOLDER = 'src/core/milestones/detectors/';

/** dist/detection.js as the release build makes it, but with esbuild's names kept: each module's init is named by its path. */
async function readableDetectionBundle(folder: string): Promise<string> {
  const file = path.join(folder, 'detection.js');
  await esbuild.build({ ...(await bundleOptions('detection')), bundle: true, minify: false, sourcemap: false, outfile: file, logLevel: 'silent' });
  return file;
}

/**
 * In a fresh Node: which modules of src/core/milestones/detectors/ had run once the bundle was loaded, and
 * which once a path was asked about (V8's precise coverage counts every call of each module's init).
 */
const COVERAGE_SCRIPT = `
const inspector = require('node:inspector');
const session = new inspector.Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
(async () => {
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const file = process.argv[1];
  const ran = async () => {
    const { result } = await post('Profiler.takePreciseCoverage');
    const script = result.find((entry) => entry.url === require('node:url').pathToFileURL(file).href || entry.url === file);
    return script.functions.filter((f) => f.functionName.startsWith(${JSON.stringify(DETECTORS_FOLDER)}) && f.ranges[0].count > 0).map((f) => f.functionName);
  };
  const detection = require(file);
  const afterLoad = await ran();
  const affected = [...detection.milestonesAffectedByPath('src/routes/users.ts')];
  const afterUse = await ran();
  process.stdout.write(JSON.stringify({ afterLoad, afterUse, affected }));
})();
`;

describe('detectors built on first use', function () {
  this.timeout(60_000);

  it('loads dist/detection.js without running any module of detectors, and runs them all on first use', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'br-detectors-'));
    try {
      const file = await readableDetectionBundle(folder);
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', COVERAGE_SCRIPT, file], { cwd: folder });
      const seen = JSON.parse(stdout) as { afterLoad: string[]; afterUse: string[]; affected: string[] };
      const modules = (await fs.readdir(path.join(REPO_ROOT, DETECTORS_FOLDER))).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
      assert.deepEqual(seen.afterLoad, [], 'modules of detectors run when the bundle loads');
      // Every module, the helpers the detectors import included, ran once something asked for the detectors.
      assert.deepEqual([...new Set(seen.afterUse)].sort(), modules.map((name) => `${DETECTORS_FOLDER}${name}`).sort());
      assert.ok(seen.affected.includes('api.rest'), `a route file may prove a REST API (got ${seen.affected.join(', ')})`);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('builds the same detectors in slices as at once: one per catalog milestone, in catalog order', async () => {
    const inSlices = await allDetectorsInSlices();
    assert.deepEqual(
      inSlices.map((detector) => detector.id),
      MILESTONES.map((milestone) => milestone.id),
    );
    assert.equal(allDetectors(), inSlices, 'built once, the same list for both');
  });

  it('gives the thread back while it builds, once a slice of time is used up', async () => {
    // In a fresh Node: the detectors of the tests above are built already in this one.
    const script = `
      const { allDetectorsInSlices } = require(${JSON.stringify(require.resolve('../../src/core/milestones/detectors'))});
      const { yieldToEventLoop } = require(${JSON.stringify(require.resolve('../../src/core/scan/yieldToEventLoop'))});
      const state = { building: true, turns: 0 };
      void (async () => {
        while (state.building) {
          await yieldToEventLoop();
          if (state.building) state.turns++;
        }
      })();
      allDetectorsInSlices().then((built) => {
        state.building = false;
        process.stdout.write(JSON.stringify({ turns: state.turns, built: built.length }));
      });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    const seen = JSON.parse(stdout) as { turns: number; built: number };
    assert.equal(seen.built, MILESTONES.length);
    // Each module's first build reads and compiles it here, 1-3 ms: slices of 8 ms give other work turns.
    assert.ok(seen.turns > 0, 'no other work ran while the detectors were built');
  });
});
