// `npm test`: every check of the project in order, with streamed output, ending with one line
// `N passed, N failed` (totals over all suites). A step that fails (lint, typecheck, build,
// compile-tests) or a suite that cannot run counts as one failure. Exit code 1 if anything failed.
//
//   BACKEND_ROADMAP_SKIP_INTEGRATION=1 npm test    skip the code-server integration suite
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// `npm test --silent` exports npm_config_loglevel=silent; the steps' own npm output stays normal.
const childEnv = { ...process.env };
delete childEnv.npm_config_loglevel;

/** Runs a command with inherited output, or tees its stdout through onLine. Resolves with the exit code. */
function run(cmd, args, { env = childEnv, onLine } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['inherit', onLine ? 'pipe' : 'inherit', 'inherit'] });
    if (onLine) {
      let rest = '';
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
      child.stdout.on('end', () => { if (rest) onLine(rest); });
    }
    child.on('error', (err) => {
      console.error(`cannot run ${cmd}: ${err.message}`);
      resolveRun(127);
    });
    child.on('close', (code, signal) => resolveRun(code ?? (signal ? 128 : 1)));
  });
}

const rows = [];
let passed = 0;
let failed = 0;

function record(name, p, f, note = '') {
  passed += p;
  failed += f;
  rows.push(`${f > 0 ? 'FAIL' : 'ok  '}  ${name.padEnd(18)} ${p} passed, ${f} failed${note ? `  (${note})` : ''}`);
}

function banner(title) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(3, 70 - title.length))}`);
}

async function step(name, script) {
  banner(`${name}: npm run ${script}`);
  const code = await run(npm, ['run', script]);
  if (code === 0) record(name, 0, 0, 'ok');
  else record(name, 0, 1, `exit ${code}`);
  return code === 0;
}

const started = Date.now();
await step('lint', 'lint');
await step('typecheck', 'typecheck');
const built = await step('build', 'build');
// Size budgets of the release bundles (scripts/bundles.mjs), with the inputs that weigh most in each.
await step('bundle size', 'check:size');
const compiled = await step('compile-tests', 'compile-tests');

// Unit tests: mocha with a spec reporter that also writes its counts to a file.
banner('unit tests: mocha --config .mocharc.json');
{
  const dir = mkdtempSync(join(tmpdir(), 'br-unit-'));
  const countsFile = join(dir, 'counts.json');
  const mochaBin = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const code = existsSync(mochaBin)
    ? await run(process.execPath, [mochaBin, '--config', '.mocharc.json', '--reporter', join(ROOT, 'scripts', 'mocha-count-reporter.cjs')], {
        env: { ...childEnv, BACKEND_ROADMAP_MOCHA_COUNTS: countsFile },
      })
    : (console.error('mocha is not installed: run npm ci'), 127);
  let counts;
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    counts = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  if (!counts) record('unit', 0, 1, `mocha reported no results (exit ${code})`);
  else {
    const extra = code !== 0 && counts.failed === 0 ? 1 : 0;
    record('unit', counts.passed, counts.failed + extra, `${counts.pending} pending${extra ? `, exit ${code}` : ''}`);
  }
}

// Integration tests: real VS Code (code-server) in headless Chromium.
if (process.env.BACKEND_ROADMAP_SKIP_INTEGRATION === '1') {
  banner('integration tests: skipped');
  console.log('integration tests skipped (BACKEND_ROADMAP_SKIP_INTEGRATION=1)');
  rows.push('skip  integration        skipped (BACKEND_ROADMAP_SKIP_INTEGRATION=1)');
} else if (!built || !compiled) {
  banner('integration tests: not run');
  console.log('integration tests not run: the build or compile-tests step failed');
  record('integration', 0, 1, 'not run: build or compile-tests failed');
} else {
  banner('integration tests: node scripts/code-server/run.mjs test');
  await integrationSuite('integration', []);
  await packagedSuite();
}

/** Runs the code-server suite with extra arguments and records its `integration: N passed, N failed` line. */
async function integrationSuite(name, args) {
  let summary;
  const code = await run(process.execPath, [join(ROOT, 'scripts', 'code-server', 'run.mjs'), 'test', ...args], {
    onLine: (line) => {
      const m = /^integration: (\d+) passed, (\d+) failed\s*$/.exec(line);
      if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
    },
  });
  if (!summary) record(name, 0, 1, `no summary line (exit ${code})`);
  else {
    const extra = code !== 0 && summary.failed === 0 ? 1 : 0;
    record(name, summary.passed, summary.failed + extra, extra ? `exit ${code}` : '');
  }
}

/**
 * What a learner installs is the .vsix, not this folder: package it, unpack it, and run the learner's
 * first-day flow against the unpacked extension, so a file missing from the package fails here.
 */
async function packagedSuite() {
  banner('packaged extension: npm run package, then the learner flow against the unpacked .vsix');
  const dir = mkdtempSync(join(tmpdir(), 'br-vsix-'));
  const vsix = join(ROOT, 'backend-roadmap.vsix');
  if ((await run(npm, ['run', 'package'])) !== 0) {
    record('packaged', 0, 1, 'npm run package failed');
  } else if ((await run('unzip', ['-q', '-o', vsix, '-d', dir])) !== 0) {
    record('packaged', 0, 1, 'could not unpack the .vsix (is unzip installed? apt-get install unzip)');
  } else {
    await integrationSuite('packaged', ['--phase', 'main', '--grep', 'A learner uses Backend Roadmap', '--extension-path', join(dir, 'extension')]);
  }
  rmSync(dir, { recursive: true, force: true });
  // The integration suites above ran against the development build; restore it for anyone who runs more.
  await run(npm, ['run', 'build']);
}

banner(`summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const row of rows) console.log(row);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
