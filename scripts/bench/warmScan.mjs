// A lower bound of what a first scan (`backend-roadmap scan --no-cache`) could cost if the engine were
// resident (a daemon the CLI hands the scan to), for the small-repository figure of `npm run bench`:
// the scan's engine (dist/detection.js) already loaded and warmed by earlier scans of the same folder in
// this process, then timed. It does everything a first scan does (the git questions, every check, the
// authorship of the evidence) and keeps nothing between scans but what the engine's code keeps. Left out,
// so the bound is lower than any resident design: the client's own start (the bench adds `node -e ''`),
// handing the request over and the answer back, and the roadmap's conclusions (a few ms warm).
//
// Usage: node scripts/bench/warmScan.mjs FOLDER [WARM-UPS] [TIMED]; prints JSON: the timed scans' wall
// times (ms) and the milestones they found, which the bench compares with the CLI's.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function warmScans(folder, warmUps, timed) {
  const engine = createRequire(import.meta.url)(path.join(root, 'dist', 'detection.js'));
  // The options `backend-roadmap scan DIR --no-cache` passes (src/cli/main.ts), no cancel signal.
  const scan = () => engine.scanFolder(folder, { allowGit: true, runTests: false, authorship: { onlyEmails: undefined }, blockingFileReads: true });
  for (let i = 0; i < warmUps; i++) await scan();
  const ms = [];
  let found = [];
  for (let i = 0; i < timed; i++) {
    const started = performance.now();
    const result = await scan();
    ms.push(performance.now() - started);
    found = result.milestones.filter((milestone) => milestone.present).map((milestone) => milestone.id);
  }
  return { ms, found };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, warmUps = '2', timed = '3'] = process.argv.slice(2);
  if (folder === undefined || !(Number(warmUps) >= 1) || !(Number(timed) >= 1)) {
    console.error('usage: node scripts/bench/warmScan.mjs FOLDER [WARM-UPS ≥ 1] [TIMED ≥ 1]');
    process.exit(2);
  }
  console.log(JSON.stringify(await warmScans(path.resolve(folder), Number(warmUps), Number(timed))));
}
