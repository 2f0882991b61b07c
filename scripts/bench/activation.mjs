// Activation time of an extension in real VS Code (code-server + headless Chromium), read the way
// "Developer: Show Running Extensions" shows it (code loading + activate() call, in ms), alternating
// runs of the extension under test and of a generated hello-world extension on one code-server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** A minimal extension activated by the same event as ours (onStartupFinished), registering one command. */
function writeHelloWorld(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'hello-world', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.93.0' }, main: './extension.js', activationEvents: ['onStartupFinished'], contributes: { commands: [{ command: 'benchHello.hello', title: 'Hello World' }] } }, null, 2),
  );
  writeFileSync(path.join(dir, 'extension.js'), "const vscode = require('vscode');\nexports.activate = (context) => {\n  context.subscriptions.push(vscode.commands.registerCommand('benchHello.hello', () => vscode.window.showInformationMessage('Hello World')));\n};\nexports.deactivate = () => undefined;\n");
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
      await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
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
export async function measureActivation({ extensionPath, identifier, folder, runs, log }) {
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
  const server = startCodeServer(entry, dirs, path.join(work, 'code-server.log'));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = dirs.tmp;
  const { chromium } = await import('playwright-core');
  let context;
  const ours = [];
  const peer = [];
  try {
    const port = await server.port;
    // Tall enough that every row of the (virtualised) Running Extensions list is rendered.
    context = await chromium.launchPersistentContext(path.join(work, 'chromium'), { executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'], viewport: { width: 1400, height: 7000 } });
    const page = context.pages()[0] ?? (await context.newPage());
    // One warm-up load of each, not counted: code-server compiles and caches on first use.
    await activationOnce(page, workbenchUrl(port, folder, hello), 'bench.hello-world');
    await activationOnce(page, workbenchUrl(port, folder, extensionPath), identifier);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const which of order) {
        const ms = which === 'ours' ? await activationOnce(page, workbenchUrl(port, folder, extensionPath), identifier) : await activationOnce(page, workbenchUrl(port, folder, hello), 'bench.hello-world');
        (which === 'ours' ? ours : peer).push(ms);
        log?.(`activation run ${i + 1}/${runs} ${which}: ${ms} ms`);
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    server.stop();
    process.env.TMPDIR = previousTmp;
    rmSync(work, { recursive: true, force: true });
  }
  return { ours, peer };
}
