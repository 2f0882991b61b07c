// Runs Backend Roadmap in real VS Code (code-server 4.100.3 = VS Code 1.100) on this machine.
//
//   node scripts/code-server/run.mjs start [--folder DIR] [--port N] [--untrusted] [--reset-demo]
//       Opens the extension (as a development extension) on a demo backend project, prints the URL
//       and keeps running until Ctrl+C. `npm start` builds first.
//   node scripts/code-server/run.mjs test [--phase main,restart,untrusted,projects] [--grep PATTERN]
//       Runs the extension-host integration suite (out/test/integration/index.js) headless in
//       Chromium, phase by phase, with a page driver for screenshots and DOM reads. Ends with one
//       line `integration: N passed, N failed`; exit code 1 if any phase failed.
//
// Details: docs real-vscode-offline.md. Everything (user data, HOME, XDG dirs, TMPDIR) stays in
// test-results/<run>/ or .vscode-test/.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { CACHE_ROOT, PROJECT_ROOT, PrerequisiteError, ensureCodeServer, findChromium } from './install.mjs';
import { DEFAULT_DEMO_DIR, createDemoWorkspace } from './demoWorkspace.mjs';
import { createProjectsWorkspace } from './projectsWorkspace.mjs';

const PHASES = ['main', 'restart', 'untrusted', 'projects'];
const RESULT_MARKER = 'BACKEND_ROADMAP_RESULT';
const DEFAULT_PHASE_TIMEOUT_MS = 5 * 60 * 1000;
const DRIVER_WAIT_MS = 10_000;
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
/** Nothing reaches for the network or asks to update: these machines are offline. */
const OFFLINE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.autofetch': false,
  'git.terminalAuthentication': false,
  'github.gitAuthentication': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.fetchOnlinePackageInfo': false,
};
/** Test runs also skip welcome pages and tips, so screenshots show only what the tests opened. */
const QUIET_SETTINGS = {
  ...OFFLINE_SETTINGS,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'terminal.integrated.enablePersistentSessions': false,
};
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

// Unix socket paths must stay under 108 bytes (Chromium's SingletonSocket, VS Code's vscode-ipc-*.sock,
// the git extension's askpass socket), so TMPDIR is a short folder in the system temp dir, removed
// at the end of the run; everything else lives in the run folder.
const SYSTEM_TMP = tmpdir();
// Workbench chatter that codeAutomationLog also receives: kept in the log, not echoed.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|\[Service Worker\]|ChatSessionStore:|Updating additional builtin extensions cache|WARNING: IPC handle|\[driver\]|\[lifecycle\] Long running operations during shutdown)/;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** The environment handed to code-server (and so to the extension host) and to Chromium. */
function isolatedEnv(session, extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm's own variables (when run through `npm test`) and a surrounding VS Code's must not leak in.
    if (/^(npm_|VSCODE_|ELECTRON_RUN_AS_NODE$)/i.test(key)) continue;
    env[key] = value;
  }
  Object.assign(env, {
    XDG_CONFIG_HOME: session.xdgConfig,
    XDG_DATA_HOME: session.xdgData,
    XDG_CACHE_HOME: session.xdgCache,
    TMPDIR: session.tmp,
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    ...extra,
  });
  if (session.home) env.HOME = session.home;
  return env;
}

function mkdirs(...dirs) {
  for (const d of dirs) mkdirSync(d, { recursive: true });
}

function writeUserSettings(userDataDir, settings) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(file), { recursive: true });
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // new file
  }
  writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2) + '\n');
}

function workbenchUrl(port, folder, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  payload.push(['skipWelcome', 'true']);
  const enc = (s) => encodeURIComponent(s).replace(/%2F/g, '/');
  const target = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${port}/?${target}=${enc(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Starts code-server in its own process group (so teardown reaches its extension host, pty host
 * and watchers) and resolves once it listens.
 */
function startCodeServer({ entry, port = 0, userDataDir, extensionsDir, trusted, env, logFile, echo }) {
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (trusted) args.push('--disable-workspace-trust');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  const exitPromise = new Promise((r) => child.once('exit', (code, signal) => { exited = true; r({ code, signal }); }));
  const ready = new Promise((resolveReady, rejectReady) => {
    let buffered = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      log.write(text);
      if (echo) for (const line of text.split('\n')) if (line.trim()) echo(line);
      buffered += text;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(buffered);
      if (m) resolveReady(Number(m[2]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exitPromise.then(({ code, signal }) => rejectReady(new Error(`code-server exited before listening (code ${code}, signal ${signal}); see ${logFile}\n${buffered.split('\n').slice(-15).join('\n')}`)));
    setTimeout(() => rejectReady(new Error(`code-server did not listen within 60 s; see ${logFile}`)), 60_000).unref();
  });
  const stop = async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const done = await Promise.race([exitPromise.then(() => true), sleep(5000).then(() => false)]);
      if (!done) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
        await Promise.race([exitPromise, sleep(2000)]);
      }
    }
    // The group may still hold children after the main process exited.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* all gone */ }
    await new Promise((r) => log.end(r));
  };
  return { ready, stop, exitPromise, child };
}

// ---------------------------------------------------------------------------------------------
// start mode

async function startMode(opts) {
  try {
    ensureCodeServer();
  } catch (err) {
    fail(err instanceof PrerequisiteError ? `missing prerequisites:\n${err.message}` : err.message);
  }
  const extensionPath = resolve(opts['extension-path'] ?? process.env.BACKEND_ROADMAP_EXTENSION_PATH ?? PROJECT_ROOT);
  if (!existsSync(join(extensionPath, 'dist', 'extension.js'))) {
    fail(`${join(extensionPath, 'dist', 'extension.js')} is missing: run \`npm run build\` first (\`npm start\` does it).`);
  }
  const folder = opts.folder ? resolve(opts.folder) : createDemoWorkspace(DEFAULT_DEMO_DIR, { reset: Boolean(opts['reset-demo']) });
  if (!existsSync(folder)) fail(`folder not found: ${folder}`);
  const port = opts.port === undefined ? 0 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${opts.port}`);

  // A throw-away profile per start; the demo project itself is kept (use --reset-demo to recreate it).
  const base = join(CACHE_ROOT, 'start');
  rmSync(base, { recursive: true, force: true });
  const session = {
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    xdgConfig: join(base, 'xdg', 'config'),
    xdgData: join(base, 'xdg', 'data'),
    xdgCache: join(base, 'xdg', 'cache'),
    tmp: mkdtempSync(join(SYSTEM_TMP, 'br-start-')),
  };
  mkdirs(...Object.values(session));
  const trusted = !opts.untrusted;
  writeUserSettings(session.userData, { ...OFFLINE_SETTINGS, ...(trusted ? {} : UNTRUSTED_SETTINGS) });
  const logFile = join(base, 'code-server.log');
  const server = startCodeServer({
    entry: ensureCodeServer(),
    port,
    userDataDir: session.userData,
    extensionsDir: session.extensions,
    trusted,
    env: isolatedEnv(session),
    logFile,
    echo: (line) => console.log(`[code-server] ${line}`),
  });
  let actualPort;
  try {
    actualPort = await server.ready;
  } catch (err) {
    await server.stop();
    rmSync(session.tmp, { recursive: true, force: true });
    fail(err.message);
  }
  const url = workbenchUrl(actualPort, folder, extensionPath);
  console.log('');
  console.log(`Backend Roadmap is running in VS Code ${trusted ? '' : '(untrusted workspace) '}on ${folder}`);
  console.log(`Open ${url} in your browser`);
  console.log(`(log: ${logFile}; Ctrl+C to stop)`);
  console.log('');
  if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && spawnSync('sh', ['-c', 'command -v xdg-open']).status === 0) {
    const opener = spawn('xdg-open', [url], { detached: true, stdio: 'ignore' });
    opener.on('error', () => undefined);
    opener.unref();
  }
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server ...`);
    await server.stop();
    rmSync(session.tmp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const { code, signal } = await server.exitPromise;
  if (!stopping) {
    console.error(`code-server exited (code ${code}, signal ${signal}); see ${logFile}`);
    await server.stop();
    rmSync(session.tmp, { recursive: true, force: true });
    process.exit(code || 1);
  }
}

// ---------------------------------------------------------------------------------------------
// test mode: the page driver

function sanitizeName(name) {
  return (name || 'screenshot').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'screenshot';
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]);
}

/** The locator of selector in the first webview that has a match (visible webviews first). */
async function findInWebviews(page, selector, waitMs) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const frames = page.locator('iframe.webview.ready');
    const n = await frames.count().catch(() => 0);
    const order = [];
    for (let i = 0; i < n; i++) {
      const visible = await frames.nth(i).isVisible().catch(() => false);
      if (visible) order.unshift(i); else order.push(i);
    }
    for (const i of order) {
      const locator = frames.nth(i).contentFrame().locator('iframe#active-frame').contentFrame().locator(selector);
      const count = await withTimeout(locator.count(), 2000, 'count').catch(() => 0);
      if (count > 0) return { locator, count };
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(150);
  }
}

class Driver {
  constructor(runDir, latestDir) {
    this.runDir = runDir;
    this.latestDir = latestDir;
    this.page = undefined;
    this.phase = undefined;
    this.shots = 0;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen() {
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
    return this.url;
  }

  close() {
    this.server.closeAllConnections?.();
    return new Promise((r) => this.server.close(r));
  }

  attach(phase, page) {
    this.phase = phase;
    this.page = page;
    this.shots = 0;
  }

  detach() {
    this.page = undefined;
  }

  async screenshot(name) {
    const page = this.page;
    if (!page) throw new Error('no VS Code page is open');
    this.shots += 1;
    const safe = sanitizeName(name);
    const file = join(this.runDir, 'screenshots', `${this.phase}-${String(this.shots).padStart(2, '0')}-${safe}.png`);
    mkdirSync(dirname(file), { recursive: true });
    await page.screenshot({ path: file, timeout: 15_000 });
    mkdirSync(this.latestDir, { recursive: true });
    copyFileSync(file, join(this.latestDir, `${this.phase}-${safe}.png`));
    return file;
  }

  async answer(pathname, params) {
    const page = this.page;
    if (pathname === '/health') return { ok: true, phase: this.phase ?? null };
    if (!page) return { error: 'no VS Code page is open' };
    const selector = params.get('selector');
    const needSelector = () => {
      if (!selector) throw new Error('missing ?selector=');
      return selector;
    };
    switch (pathname) {
      case '/screenshot':
        return { path: await this.screenshot(params.get('name') ?? 'screenshot') };
      case '/webview-text': {
        const found = await findInWebviews(page, needSelector(), DRIVER_WAIT_MS);
        if (!found) return { error: `no element matches ${selector} in any webview within ${DRIVER_WAIT_MS / 1000} s` };
        return { text: (await found.locator.first().textContent({ timeout: 2000 })) ?? '' };
      }
      case '/webview-count': {
        const found = await findInWebviews(page, needSelector(), 0);
        return { count: found ? found.count : 0 };
      }
      case '/webview-click': {
        const found = await findInWebviews(page, needSelector(), DRIVER_WAIT_MS);
        if (!found) return { error: `no element matches ${selector} in any webview within ${DRIVER_WAIT_MS / 1000} s` };
        await found.locator.first().click({ timeout: 5000 });
        return { ok: true };
      }
      case '/webview-scroll': {
        // ?to=end scrolls the page to its end; the reply is the page's scroll position either way.
        const found = await findInWebviews(page, 'body', DRIVER_WAIT_MS);
        if (!found) return { error: `no webview within ${DRIVER_WAIT_MS / 1000} s` };
        const toEnd = params.get('to') === 'end';
        // Runs in the page: its window is the body's document's view.
        const y = await found.locator.first().evaluate((body, end) => {
          const view = body.ownerDocument.defaultView;
          if (end) view.scrollTo(0, body.scrollHeight);
          return Math.round(view.scrollY);
        }, toEnd);
        return { count: y };
      }
      case '/workbench-text': {
        const text = await page.locator(needSelector()).first().textContent({ timeout: DRIVER_WAIT_MS });
        return { text: text ?? '' };
      }
      case '/page-count':
        // Browser tabs and windows: a link the workbench opens itself (not through the extension) opens one.
        return { count: page.context().pages().length };
      case '/log-count': {
        // How often the workbench logged a text in this phase so far (the log relay): e.g. each open-link
        // confirmation the test workbench refuses to show.
        const text = params.get('text');
        if (!text) throw new Error('missing ?text=');
        let count = 0;
        for (const name of [`${this.phase}-automation.log`]) {
          const file = join(this.runDir, 'logs', name);
          if (existsSync(file)) count += readFileSync(file, 'utf8').split(text).length - 1;
        }
        return { count };
      }
      case '/workbench-count':
        return { count: await page.locator(needSelector()).count() };
      case '/workbench-click':
        await page.locator(needSelector()).first().click({ timeout: DRIVER_WAIT_MS });
        return { ok: true };
      default:
        return { error: `unknown driver endpoint ${pathname}` };
    }
  }

  async handle(req, res) {
    let reply;
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      reply = await withTimeout(this.answer(url.pathname, url.searchParams), 25_000, `driver ${url.pathname}`);
    } catch (err) {
      reply = { error: String(err instanceof Error ? err.message.split('\n')[0] : err) };
    }
    const body = JSON.stringify(reply);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }
}

// ---------------------------------------------------------------------------------------------
// test mode: phases

function runStamp() {
  return new Date().toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
}

function makeSession(runDir, name) {
  const dir = join(runDir, 'sessions', name);
  const session = {
    name,
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    home: join(dir, 'home'),
    xdgConfig: join(dir, 'xdg', 'config'),
    xdgData: join(dir, 'xdg', 'data'),
    xdgCache: join(dir, 'xdg', 'cache'),
    tmp: mkdtempSync(join(SYSTEM_TMP, `br-${name}-`)),
    chromeProfile: join(dir, 'chromium-profile'),
    port: undefined,
    workspace: join(dir, 'workspaces', 'project'),
  };
  mkdirs(session.userData, session.extensions, session.home, session.xdgConfig, session.xdgData, session.xdgCache);
  // The projects phase opens a multi-root workspace of git projects by two authors; the others one folder.
  if (name === 'projects') session.workspace = createProjectsWorkspace(dir);
  else mkdirs(session.workspace);
  // Git inside the tests: a known identity, and never the project's repository above the run folder.
  writeFileSync(join(session.home, '.gitconfig'), '[user]\n\tname = Backend Roadmap Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n');
  return session;
}

function parseResult(line) {
  const idx = line.indexOf(RESULT_MARKER);
  if (idx < 0) return undefined;
  const m = /\{[^{}]*\}/.exec(line.slice(idx + RESULT_MARKER.length));
  if (!m) return undefined;
  try {
    const r = JSON.parse(m[0]);
    return { passed: Number(r.passed) || 0, failed: Number(r.failed) || 0, pending: Number(r.pending) || 0 };
  } catch {
    return undefined;
  }
}

async function runPhase(phase, ctx) {
  const { runDir, driver, chromium, chromiumPath, entry, extensionPath, testsPath, timeoutMs } = ctx;
  const started = Date.now();
  const sessionName = phase === 'restart' ? 'main' : phase;
  const session = (ctx.sessions[sessionName] ??= makeSession(runDir, sessionName));
  const trusted = phase !== 'untrusted';
  writeUserSettings(session.userData, { ...QUIET_SETTINGS, ...(trusted ? {} : UNTRUSTED_SETTINGS) });
  const logsDir = join(runDir, 'logs');
  mkdirs(logsDir);
  const phaseLog = join(logsDir, `${phase}-automation.log`);
  const mochaLog = join(logsDir, `${phase}-mocha.log`);
  const consoleLog = join(logsDir, `${phase}-browser-console.log`);
  const print = (line) => {
    console.log(`[${phase}] ${line}`);
  };
  const env = isolatedEnv(session, {
    BACKEND_ROADMAP_TEST_PHASE: phase,
    BACKEND_ROADMAP_TEST_WORKSPACE: session.workspace,
    BACKEND_ROADMAP_DRIVER_URL: driver.url,
    GIT_CEILING_DIRECTORIES: dirname(session.workspace),
    ...(ctx.grep ? { BACKEND_ROADMAP_TEST_GREP: ctx.grep } : {}),
  });
  print(`starting code-server (${trusted ? 'trusted' : 'untrusted'} workspace ${session.workspace})`);
  // In code-server the workbench keeps VS Code's state (globalState, workspaceState, open editors)
  // in the browser's IndexedDB, per origin. So a session reuses its Chromium profile and its port.
  let server;
  let context;
  let result;
  let exitCode;
  let error;
  let sawMarker = false;
  try {
    let port;
    for (let attempt = 1; ; attempt++) {
      server = startCodeServer({
        entry,
        port: session.port ?? 0,
        userDataDir: session.userData,
        extensionsDir: session.extensions,
        trusted,
        env,
        logFile: join(logsDir, `${phase}-code-server.log`),
      });
      try {
        port = await server.ready;
        break;
      } catch (err) {
        await server.stop();
        if (session.port === undefined || attempt >= 10) throw err;
        await sleep(1000); // the session's port is still in use: wait for it
      }
    }
    session.port = port;
    context = await chromium.launchPersistentContext(session.chromeProfile, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_FLAGS,
      env: { ...env, HOME: session.home },
      viewport: { width: 1440, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => appendFileSync(consoleLog, `${msg.type()}: ${msg.text()}\n`));
    page.on('pageerror', (err) => appendFileSync(consoleLog, `pageerror: ${err.message}\n`));
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? format(...args) : format(args);
      appendFileSync(phaseLog, `${type}: ${text}\n`);
      // The extension host's console (the mocha reporter) arrives here as info lines, mixed with
      // some workbench chatter that is filtered out of the terminal and of the mocha log.
      if (!NOISE.test(text)) {
        appendFileSync(mochaLog, `${text}\n`);
        for (const line of text.split('\n')) print(type === 'info' ? line : `${type}: ${line}`);
      }
      const r = parseResult(text);
      if (r) {
        result = r;
        sawMarker = true;
      }
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (Array.isArray(logs)) {
        for (const entry of logs) {
          if (!entry || typeof entry.relativePath !== 'string') continue;
          const file = join(logsDir, `${phase}-browser-logs`, entry.relativePath);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, String(entry.contents ?? ''));
        }
      }
      resolveExit(Number(code));
    });
    driver.attach(phase, page);
    const url = workbenchUrl(port, session.workspace, extensionPath, testsPath);
    appendFileSync(phaseLog, `url: ${url}\n`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    let timer;
    const outcome = await Promise.race([
      exited.then((code) => ({ code })),
      new Promise((r) => { timer = setTimeout(() => r({ timeout: true }), timeoutMs); }),
      server.exitPromise.then(({ code, signal }) => ({ serverExit: `code-server exited (code ${code}, signal ${signal})` })),
      new Promise((r) => page.once('close', () => r({ pageClosed: true }))),
      new Promise((r) => page.once('crash', () => r({ pageClosed: true }))),
      ctx.aborted.then(() => ({ aborted: true })),
    ]);
    clearTimeout(timer);
    if (outcome.timeout) {
      error = `timed out after ${seconds(timeoutMs)} (BACKEND_ROADMAP_TEST_TIMEOUT_MS)`;
      await driver.screenshot('timeout').catch(() => undefined);
    } else if (outcome.serverExit) {
      error = outcome.serverExit;
    } else if (outcome.aborted) {
      error = 'interrupted';
    } else if (outcome.pageClosed) {
      error = 'the browser page closed or crashed';
    } else {
      exitCode = outcome.code;
      // The last log lines can trail the exit call a little.
      const deadline = Date.now() + 3000;
      while (!sawMarker && Date.now() < deadline) await sleep(100);
      await sleep(200);
    }
    // Let the workbench flush its storage to IndexedDB: close the page the way a user closes a tab.
    await sleep(500);
    const closed = new Promise((r) => page.once('close', r));
    await page.close({ runBeforeUnload: true }).catch(() => undefined);
    await Promise.race([closed, sleep(3000)]);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  } finally {
    driver.detach();
    await context?.close().catch(() => undefined);
    await server?.stop();
    try {
      cpSync(join(session.userData, 'logs'), join(logsDir, `${phase}-vscode-logs`), { recursive: true });
    } catch {
      // no logs folder
    }
  }
  if (!error && !result) error = `no ${RESULT_MARKER} line arrived (did out/test/integration/index.js run?)`;
  if (!error && exitCode !== 0 && result.failed === 0) error = `the test run exited with code ${exitCode}`;
  const counts = result ?? { passed: 0, failed: 0, pending: 0 };
  // A phase that broke without reporting a failure still counts as one failure.
  const failed = counts.failed + (error && counts.failed === 0 ? 1 : 0);
  const ok = !error && exitCode === 0 && counts.failed === 0;
  const summary = `${phase}: ${counts.passed} passed, ${failed} failed, ${counts.pending} pending, ${seconds(Date.now() - started)}${error ? ` (${error})` : ''}`;
  print(summary);
  return { phase, passed: counts.passed, failed, pending: counts.pending, ok, summary, ms: Date.now() - started };
}

function pruneRuns(resultsDir, keep) {
  const runs = readdirSync(resultsDir)
    .filter((n) => /^\d{4}-\d\d-\d\dT/.test(n))
    .filter((n) => statSync(join(resultsDir, n)).isDirectory())
    .sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - keep))) rmSync(join(resultsDir, old), { recursive: true, force: true });
}

async function testMode(opts) {
  const phases = opts.phase ? opts.phase.split(',').map((p) => p.trim()).filter(Boolean) : PHASES;
  for (const p of phases) if (!PHASES.includes(p)) fail(`unknown phase ${p} (phases: ${PHASES.join(', ')})`);
  const timeoutMs = Number(process.env.BACKEND_ROADMAP_TEST_TIMEOUT_MS ?? DEFAULT_PHASE_TIMEOUT_MS);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail('BACKEND_ROADMAP_TEST_TIMEOUT_MS must be a positive number of milliseconds');
  const extensionPath = resolve(opts['extension-path'] ?? process.env.BACKEND_ROADMAP_EXTENSION_PATH ?? PROJECT_ROOT);
  const testsPath = resolve(opts['tests-path'] ?? join(PROJECT_ROOT, 'out', 'test', 'integration', 'index'));
  const problems = [];
  if (!existsSync(join(extensionPath, 'dist', 'extension.js'))) problems.push(`${join(extensionPath, 'dist', 'extension.js')} is missing: run \`npm run build\``);
  if (!existsSync(`${testsPath}.js`)) problems.push(`${testsPath}.js is missing: run \`npm run compile-tests\``);
  let entry;
  try {
    entry = ensureCodeServer();
  } catch (err) {
    problems.push(err instanceof PrerequisiteError ? `missing prerequisites:\n${err.message}` : err.message);
  }
  if (problems.length > 0) {
    console.error(problems.map((p) => `error: ${p}`).join('\n'));
    console.log('integration: 0 passed, 1 failed');
    process.exit(1);
  }

  const resultsDir = join(PROJECT_ROOT, 'test-results');
  let runDir = join(resultsDir, runStamp());
  for (let n = 2; existsSync(runDir); n++) runDir = join(resultsDir, `${runStamp()}-${n}`);
  const latestDir = join(resultsDir, 'latest');
  mkdirs(runDir, latestDir);
  pruneRuns(resultsDir, Number(process.env.BACKEND_ROADMAP_KEEP_RUNS ?? 10));
  for (const f of readdirSync(latestDir)) {
    if (phases.some((p) => f.startsWith(`${p}-`)) || f === 'run.txt') rmSync(join(latestDir, f), { force: true });
  }
  writeFileSync(join(latestDir, 'run.txt'), `${runDir}\n`);
  // Playwright's own temporary files (the Chromium profile) go to a short temp folder too.
  const runnerTmp = mkdtempSync(join(SYSTEM_TMP, 'br-runner-'));
  process.env.TMPDIR = runnerTmp;
  const { chromium } = await import('playwright-core');

  const driver = new Driver(runDir, latestDir);
  await driver.listen();
  console.log(`integration: run folder ${runDir}`);
  console.log(`integration: phases ${phases.join(', ')}; driver ${driver.url}; limit ${seconds(timeoutMs)} per phase${opts.grep ? `; grep ${opts.grep}` : ''}`);
  const ctx = { runDir, driver, chromium, chromiumPath: findChromium(), entry, extensionPath, testsPath, timeoutMs, grep: opts.grep, sessions: {} };
  let interrupted = false;
  let abort;
  ctx.aborted = new Promise((r) => { abort = r; });
  const onSignal = (signal) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the current phase (again to abort at once)`);
    abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const results = [];
  for (const phase of phases) {
    if (interrupted) break;
    results.push(await runPhase(phase, ctx));
  }
  await driver.close();
  for (const session of Object.values(ctx.sessions)) rmSync(session.tmp, { recursive: true, force: true });
  rmSync(runnerTmp, { recursive: true, force: true });
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0) + (interrupted ? 1 : 0);
  const ok = !interrupted && results.length === phases.length && results.every((r) => r.ok);
  writeFileSync(join(runDir, 'summary.txt'), `${results.map((r) => r.summary).join('\n')}\nintegration: ${passed} passed, ${failed} failed\n`);
  console.log(`integration: logs and screenshots in ${runDir}`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------

const USAGE = `usage:
  node scripts/code-server/run.mjs start [--folder DIR] [--port N] [--untrusted] [--reset-demo]
  node scripts/code-server/run.mjs test [--phase main,restart,untrusted,projects] [--grep PATTERN]
options for both: --extension-path DIR (default: the project; env BACKEND_ROADMAP_EXTENSION_PATH)
test only: --tests-path PATH (compiled mocha entry without .js; default out/test/integration/index)`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      folder: { type: 'string' },
      port: { type: 'string' },
      untrusted: { type: 'boolean' },
      'reset-demo': { type: 'boolean' },
      phase: { type: 'string' },
      grep: { type: 'string' },
      'extension-path': { type: 'string' },
      'tests-path': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (err) {
  fail(`${err.message}\n${USAGE}`);
}
const [mode] = parsed.positionals;
if (parsed.values.help || !mode) {
  console.log(USAGE);
  process.exit(parsed.values.help ? 0 : 1);
}
if (mode === 'start') await startMode(parsed.values);
else if (mode === 'test') await testMode(parsed.values);
else fail(`unknown mode ${mode}\n${USAGE}`);
