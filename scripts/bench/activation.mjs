// Activation time of an extension in real VS Code (code-server + headless Chromium), read the way
// "Developer: Show Running Extensions" shows it (code loading + activate() call, in ms), alternating
// runs of the extension under test and of a generated hello-world extension on one code-server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureCodeServer, findChromium } from '../code-server/install.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** How long each warm-up load stays open after its activation is read. */
const WARM_UP_SETTLE_MS = 3000;

/** A minimal extension activated by the same event as ours (onStartupFinished), registering one command. */
function writeHelloWorld(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'hello-world', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.93.0' }, main: './extension.js', activationEvents: ['onStartupFinished'], contributes: { commands: [{ command: 'benchHello.hello', title: 'Hello World' }] } }, null, 2),
  );
  writeFileSync(path.join(dir, 'extension.js'), "const vscode = require('vscode');\nexports.activate = (context) => {\n  context.subscriptions.push(vscode.commands.registerCommand('benchHello.hello', () => vscode.window.showInformationMessage('Hello World')));\n};\nexports.deactivate = () => undefined;\n");
}

/** How long the probe goes on profiling once the extension under test is active (the roadmap, the first check of the workspace). */
const PROFILE_AFTER_ACTIVE_MS = 8_000;

/**
 * An extension activated first (`*`) that records a CPU profile of the whole extension host (1 ms samples)
 * from its start until PROFILE_AFTER_ACTIVE_MS after the extension under test is active (its folder is in
 * `outDir/target.json`: both runs share the probe), and writes it to `outDir`. The host's own start-up
 * and the built-in extensions block it for up to a second at a time here (measured: 936 ms in a run with
 * the hello-world extension only), so a timer's lateness says nothing about one extension: the profile
 * says which code ran.
 */
function writeBlockProbe(dir, outDir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'block-probe', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.93.0' }, main: './extension.js', activationEvents: ['*'] }, null, 2));
  writeFileSync(
    path.join(dir, 'extension.js'),
    `const fs = require('fs');
const path = require('path');
const inspector = require('inspector');
const vscode = require('vscode');
exports.activate = () => {
  // Only while the bench asks for a profile: the activation runs share this extensions folder.
  let target;
  try {
    target = JSON.parse(fs.readFileSync(path.join(${JSON.stringify(outDir)}, 'target.json'), 'utf8'));
  } catch {
    return;
  }
  const started = Date.now();
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  void (async () => {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 1000 });
    await post('Profiler.start');
    const deadline = Date.now() + 90000;
    while (Date.now() < deadline && !vscode.extensions.all.some((e) => e.extensionPath === target && e.isActive)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, ${PROFILE_AFTER_ACTIVE_MS}));
    const { profile } = await post('Profiler.stop');
    const file = path.join(${JSON.stringify(outDir)}, process.pid + '-' + started + '.cpuprofile');
    fs.writeFileSync(file + '.part', JSON.stringify(profile));
    fs.renameSync(file + '.part', file);
  })();
};
exports.deactivate = () => undefined;
`,
  );
}

/**
 * The longest stretch of consecutive samples with code from `codePath` on the stack (an upper bound on the
 * longest time that code held the thread at once), its total, and where the longest stretch was.
 */
export function blocksOf(profile, codePath) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownFrame = new Map();
  const ownFrameOf = (id) => {
    if (!ownFrame.has(id)) {
      const node = byId.get(id);
      const parent = parentOf.get(id);
      const above = parent === undefined ? undefined : ownFrameOf(parent);
      // The innermost frame of the extension's own code: the function that held the thread.
      const own = node.callFrame.url.includes(codePath) ? `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}` : undefined;
      ownFrame.set(id, own ?? above);
    }
    return ownFrame.get(id);
  };
  let at = profile.startTime;
  let total = 0;
  let run = { ms: 0, from: 0, frames: new Map() };
  let longest = run;
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample long after the previous one means the sampler did not run (the host was descheduled on
    // the loaded machine): count at most two sampling intervals for it, not our code's time.
    const delta = Math.min(profile.timeDeltas[i] / 1000, 2);
    at += profile.timeDeltas[i];
    const frame = ownFrameOf(profile.samples[i]);
    if (frame === undefined) {
      run = { ms: 0, from: 0, frames: new Map() };
      continue;
    }
    if (run.ms === 0) run.from = (at - profile.startTime) / 1000;
    run.ms += delta;
    run.frames.set(frame, (run.frames.get(frame) ?? 0) + delta);
    total += delta;
    if (run.ms > longest.ms) longest = run;
  }
  const where = [...longest.frames].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([frame, ms]) => `${frame} ${Math.round(ms)} ms`);
  return { longestMs: Math.round(longest.ms), atMs: Math.round(longest.from), totalMs: Math.round(total), where };
}

function startCodeServer(entry, dirs, logFile) {
  const args = [entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VSCODE_|ELECTRON_RUN_AS_NODE$)/i.test(k))), XDG_CONFIG_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg, XDG_CACHE_HOME: dirs.xdg, TMPDIR: dirs.tmp, HOME: dirs.home, EXTENSIONS_GALLERY: '{"serviceUrl":""}' };
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}): ${output.slice(-500)}`)));
    setTimeout(() => reject(new Error('code-server did not listen within 90 s')), 90_000).unref();
  });
  const stop = () => {
    writeFileSync(logFile, output);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return { port, stop };
}

function workbenchUrl(port, folder, extensionPath) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`], ['skipWelcome', 'true']];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Opens the workbench with one development extension and reads its activation time from the Running Extensions editor. */
async function activationOnce(page, url, identifier) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
  const deadline = Date.now() + 90_000;
  let opened = false;
  while (Date.now() < deadline) {
    if (!opened || (await page.locator('.runtime-extensions-editor').count()) === 0) {
      await page.keyboard.press('F1');
      try {
        await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
      } catch {
        // Under load a key can reach the workbench before it takes keys (one run of 10 lost its whole
        // figure to it): press again, within the deadline, instead of failing the figure.
        await page.keyboard.press('Escape');
        continue;
      }
      await page.keyboard.type('>Show Running Extensions');
      await sleep(300);
      await page.keyboard.press('Enter');
      opened = true;
      await sleep(500);
    }
    const rows = await page.locator('.runtime-extensions-editor .extension').evaluateAll((elements) => elements.map((e) => ({ name: e.querySelector('.name')?.textContent ?? '', time: e.querySelector('.activation-time')?.textContent ?? '' })));
    const row = rows.find((r) => r.name === identifier || r.name.toLowerCase() === identifier.toLowerCase());
    const match = row === undefined ? null : /(\d+(?:\.\d+)?)\s*ms/.exec(row.time);
    if (match) return Number(match[1]);
    await sleep(500);
  }
  throw new Error(`no activation time for ${identifier} in the Running Extensions editor within 90 s`);
}

/**
 * Alternates `runs` activations of the extension at `extensionPath` (identifier `publisher.name`) and of
 * the hello-world extension, on one code-server and one browser; a fresh extension host per page load.
 */
export async function measureActivation({ extensionPath, identifier, folder, runs, blockRuns = 0, log }) {
  const entry = ensureCodeServer({ log: () => undefined });
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  const work = mkdtempSync(path.join(tmpdir(), 'br-act-'));
  const dirs = { userData: path.join(work, 'u'), extensions: path.join(work, 'e'), xdg: path.join(work, 'x'), tmp: path.join(work, 't'), home: path.join(work, 'h') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS));
  const hello = path.join(work, 'hello-world');
  writeHelloWorld(hello);
  const profilesDir = path.join(work, 'profiles');
  mkdirSync(profilesDir, { recursive: true });
  // Installed, not a second development extension: code-server loads one of those only. It is in the
  // activation runs too, on both sides alike, and does nothing there (no target.json).
  writeBlockProbe(path.join(dirs.extensions, 'bench.block-probe-0.0.1'), profilesDir);
  const server = startCodeServer(entry, dirs, path.join(work, 'code-server.log'));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = dirs.tmp;
  const { chromium } = await import('playwright-core');
  let context;
  const ours = [];
  const peer = [];
  /** Per page load of ours: how long after activation the roadmap was ready, as its log says. */
  const ready = [];
  const blocks = { ours: [], peer: [] };
  try {
    const port = await server.port;
    // Tall enough that every row of the (virtualised) Running Extensions list is rendered.
    context = await chromium.launchPersistentContext(path.join(work, 'chromium'), { executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'], viewport: { width: 1400, height: 7000 } });
    const page = context.pages()[0] ?? (await context.newPage());
    // One warm-up load of each, not counted: code-server compiles and caches on first use, and so does the
    // extension (V8's code, saved 1 s after an activation without it: src/vscode/extension.ts). Each load
    // stays open a few seconds, as a first session would, so that its start-up work finishes.
    await activationOnce(page, workbenchUrl(port, folder, hello), 'bench.hello-world');
    await sleep(WARM_UP_SETTLE_MS);
    await activationOnce(page, workbenchUrl(port, folder, extensionPath), identifier);
    await sleep(WARM_UP_SETTLE_MS);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const which of order) {
        const logsBefore = new Set(extensionLogs(dirs.userData));
        const ms = which === 'ours' ? await activationOnce(page, workbenchUrl(port, folder, extensionPath), identifier) : await activationOnce(page, workbenchUrl(port, folder, hello), 'bench.hello-world');
        (which === 'ours' ? ours : peer).push(ms);
        const readiness = which === 'ours' ? await roadmapReadiness(dirs.userData, logsBefore) : undefined;
        if (readiness !== undefined) ready.push(readiness.readyMs);
        const started = readiness?.startedMs === undefined ? '' : ` (started ${readiness.startedMs} ms after it, the roadmap's read took ${readiness.readMs} ms)`;
        log?.(`activation run ${i + 1}/${runs} ${which}: ${ms} ms${readiness === undefined ? '' : `, roadmap ready ${readiness.readyMs} ms after activation${started}`}`);
      }
    }
    // The folder of each extension's main file: its code, and the chunks it loads from there.
    const codeFolder = (extension) => `${path.dirname(path.resolve(extension, JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8')).main))}/`;
    const sides = {
      ours: { extension: extensionPath, identifier, code: codeFolder(extensionPath) },
      peer: { extension: hello, identifier: 'bench.hello-world', code: codeFolder(hello) },
    };
    for (let i = 0; i < blockRuns; i++) {
      const order = i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const which of order) {
        const side = sides[which];
        const profile = await profileOnce(page, workbenchUrl(port, folder, side.extension), profilesDir, side.extension, side.identifier);
        const seen = blocksOf(profile, side.code);
        blocks[which].push(seen);
        log?.(`extension host run ${i + 1}/${blockRuns} ${which}: longest block ${seen.longestMs} ms at ${seen.atMs} ms (${seen.where.join(', ') || 'nothing'}), ${seen.totalMs} ms in all`);
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    server.stop();
    // Assigning undefined would set the text "undefined".
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    if (process.env.BENCH_KEEP_WORK) log?.(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return { ours, peer, ready, blocks };
}

/** The extension's log files (`Backend Roadmap.log`) under code-server's user data, one per extension host so far. */
function extensionLogs(userData) {
  const logs = path.join(userData, 'logs');
  try {
    return readdirSync(logs, { recursive: true }).map(String).filter((name) => name.endsWith('Backend Roadmap.log')).map((name) => path.join(logs, name));
  } catch {
    return [];
  }
}

/**
 * How long after activation the extension's roadmap was ready in a page load: the extension logs it
 * ("in M ms, ready N ms after activation") to its output channel, which code-server writes to
 * `<user data>/logs/<session>/exthostN/<extension>/Backend Roadmap.log`, with when the extension started
 * after activation ("Started S ms after activation"; the loader starts it in the next turn). `before` are
 * the log files that existed before the load: only the new host's file counts.
 */
async function roadmapReadiness(userData, before) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const file of extensionLogs(userData).filter((f) => !before.has(f))) {
      const text = readFileSync(file, 'utf8');
      const match = /in (\d+) ms, ready (\d+) ms after activation/.exec(text);
      const started = /Started (\d+) ms after activation/.exec(text);
      if (match) return { readyMs: Number(match[2]), readMs: Number(match[1]), startedMs: started ? Number(started[1]) : undefined };
    }
    await sleep(250);
  }
  return undefined;
}

/** Loads the workbench with an extension (the installed probe beside it) and reads the profile of that page's extension host. */
async function profileOnce(page, url, profilesDir, extension, identifier) {
  rmSync(profilesDir, { recursive: true, force: true });
  mkdirSync(profilesDir, { recursive: true });
  writeFileSync(path.join(profilesDir, 'target.json'), JSON.stringify(extension));
  const loaded = Date.now();
  // As for the activation time: in a headless page, "Show Running Extensions" is what gets the workbench
  // to the point where onStartupFinished extensions activate.
  try {
    await activationOnce(page, url, identifier);
  } catch (error) {
    if (process.env.BENCH_HOST_PROFILES) await page.screenshot({ path: `${process.env.BENCH_HOST_PROFILES}-failed.png` });
    throw error;
  }
  while (Date.now() < loaded + 120_000) {
    // Hosts of earlier page loads may linger (code-server keeps them for a reconnection): only a profile
    // started after this load counts.
    const name = readdirSync(profilesDir).find((n) => n.endsWith('.cpuprofile') && Number(/-(\d+)\.cpuprofile$/.exec(n)?.[1] ?? 0) >= loaded);
    if (name !== undefined) {
      const profile = readFileSync(path.join(profilesDir, name), 'utf8');
      rmSync(path.join(profilesDir, 'target.json'));
      if (process.env.BENCH_HOST_PROFILES) writeFileSync(`${process.env.BENCH_HOST_PROFILES}-${Date.now()}.cpuprofile`, profile);
      return JSON.parse(profile);
    }
    await sleep(250);
  }
  throw new Error('the block probe wrote no profile of the extension host');
}
