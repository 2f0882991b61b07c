// Times re-checks after single saved files on a large repository, driving the detection core directly
// (no editor): a full check first, then `pathsChanged` for one saved file at a time, timed from the call
// to the end of the check, minus the debounce. Run by scripts/bench.mjs in its own process:
//   node scripts/bench/recheck.mjs CORE_BUNDLE REPO SAVES QUIET_MS   → prints one JSON line
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [bundle, repo, savesArg, quietArg] = process.argv.slice(2);
const saves = Number(savesArg);
const quietMs = Number(quietArg);
const { DetectionCore, DEFAULT_CREDIT_POLICY } = createRequire(import.meta.url)(path.resolve(bundle));

const logged = [];
const core = new DetectionCore({
  // No roadmap: the time is the engine's (listing update, index, detectors, authorship), not the rules'.
  roadmap: async () => undefined,
  addCompletingEvidence: async () => ({ outcome: 'unchanged' }),
  settings: () => ({ enabled: true, allowGit: true, credit: DEFAULT_CREDIT_POLICY, extraEmails: [] }),
  log: { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m, e) => logged.push(`${m} ${String(e)}`) },
});
let onChecked;
core.onDidCheck(() => onChecked?.());

const fullStarted = performance.now();
await core.checkNow(repo);
const fullMs = performance.now() - fullStarted;

// Saved files: source files spread over the repository, each edited once.
const listed = logged.length;
const times = [];
for (let i = 0; i < saves; i++) {
  // A .ts file in both layouts of scripts/bench/makeRepo.mjs (file numbers ending in 0 are sources).
  const n = (i * 10) % 450;
  const relative = `packages/pkg-${(i * 7) % 150}/src/${process.env.BENCH_LAYOUT === 'grouped' ? `module-${Math.floor(n / 50)}` : `m${n}`}/file-${n}.ts`;
  appendFileSync(path.join(repo, relative), `// saved ${i}\n`);
  const done = new Promise((resolve) => (onChecked = resolve));
  const started = performance.now();
  core.pathsChanged(repo, [relative], quietMs);
  await done;
  times.push(performance.now() - started - quietMs);
}
await core.idle();
core.dispose();
const sorted = [...times].sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
process.stdout.write(`${JSON.stringify({ fullMs, p50: at(0.5), p95: at(0.95), max: sorted.at(-1), saves, quietMs, log: logged.slice(listed, listed + 2) })}\n`);
