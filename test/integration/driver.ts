// Typed client for the page driver of scripts/code-server/run.mjs (Chromium + playwright-core).
// The runner listens on 127.0.0.1 and passes its URL in BACKEND_ROADMAP_DRIVER_URL; the extension
// host inherits it. Without the driver (e.g. under @vscode/test-electron) screenshot() is a no-op
// and every DOM read throws DriverUnavailable, which a test can turn into a skip:
//
//   it('shows the stage title', async function () {
//     if (!driverAvailable()) this.skip();
//     assert.match(await webviewText('h1'), /Foundations/);
//   });

/** Thrown by DOM reads when no driver is running (not a failure of the code under test). */
export class DriverUnavailable extends Error {
  constructor(what: string) {
    super(`driver not available (BACKEND_ROADMAP_DRIVER_URL is unset): cannot ${what}`);
    this.name = 'DriverUnavailable';
  }
}

/** The driver answered with an error (selector not found within ~10 s, page gone, ...). */
export class DriverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DriverError';
  }
}

interface DriverReply {
  path?: string;
  text?: string;
  count?: number;
  ok?: boolean;
  error?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

function driverUrl(): string | undefined {
  const url = process.env.BACKEND_ROADMAP_DRIVER_URL;
  return url !== undefined && url !== '' ? url : undefined;
}

/** True when the tests run under the code-server runner with its page driver. */
export function driverAvailable(): boolean {
  return driverUrl() !== undefined;
}

/** The phase the runner started ("main", "restart", "untrusted"); "main" by default. */
export function testPhase(): string {
  return process.env.BACKEND_ROADMAP_TEST_PHASE ?? 'main';
}

async function call(endpoint: string, params: Record<string, string>, what: string): Promise<DriverReply> {
  const base = driverUrl();
  if (base === undefined) throw new DriverUnavailable(what);
  const url = new URL(endpoint, base.endsWith('/') ? base : `${base}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    throw new DriverError(`driver request ${endpoint} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const reply = (await response.json()) as DriverReply;
  if (typeof reply.error === 'string') throw new DriverError(`${what}: ${reply.error}`);
  return reply;
}

/**
 * Saves a screenshot of the whole VS Code window as
 * test-results/<run>/screenshots/<phase>-<NN>-<name>.png (and test-results/latest/<phase>-<name>.png).
 * A no-op without the driver. Returns the saved path, or undefined.
 */
export async function screenshot(name: string): Promise<string | undefined> {
  if (!driverAvailable()) return undefined;
  const reply = await call('screenshot', { name }, `take screenshot ${name}`);
  return reply.path;
}

/** textContent of the first element matching a CSS selector inside the (visible) webview; waits up to ~10 s for it. */
export async function webviewText(selector: string): Promise<string> {
  const reply = await call('webview-text', { selector }, `read webview text of ${selector}`);
  return reply.text ?? '';
}

/** How many elements match a CSS selector inside the webview (0 when no webview is open). Does not wait. */
export async function webviewCount(selector: string): Promise<number> {
  const reply = await call('webview-count', { selector }, `count ${selector} in the webview`);
  return reply.count ?? 0;
}

/** Clicks the first element matching a CSS selector inside the webview (waits up to ~10 s for it). */
export async function webviewClick(selector: string): Promise<void> {
  await call('webview-click', { selector }, `click ${selector} in the webview`);
}

/** The details page's scroll position, after scrolling it to its end when `toEnd`. */
export async function webviewScroll(toEnd = false): Promise<number> {
  const reply = await call('webview-scroll', toEnd ? { to: 'end' } : {}, 'scroll the webview');
  return reply.count ?? 0;
}

/** textContent of the first element matching a CSS selector in the workbench (status bar, tree rows, ...); waits up to ~10 s. */
export async function workbenchText(selector: string): Promise<string> {
  const reply = await call('workbench-text', { selector }, `read workbench text of ${selector}`);
  return reply.text ?? '';
}

/** How many elements match a CSS selector in the workbench DOM. Does not wait. */
/** Browser tabs and windows open: a link the workbench opened by itself adds one. */
export async function pageCount(): Promise<number> {
  const reply = await call('page-count', {}, 'count the browser pages');
  return reply.count ?? 0;
}

/** How often the workbench has logged `text` in this phase (the automation log). */
export async function logCount(text: string): Promise<number> {
  const reply = await call('log-count', { text }, `count "${text}" in the workbench logs`);
  return reply.count ?? 0;
}

export async function workbenchCount(selector: string): Promise<number> {
  const reply = await call('workbench-count', { selector }, `count ${selector} in the workbench`);
  return reply.count ?? 0;
}

/** Clicks the first element matching a CSS selector in the workbench (waits up to ~10 s for it). */
export async function workbenchClick(selector: string): Promise<void> {
  await call('workbench-click', { selector }, `click ${selector} in the workbench`);
}

/**
 * Polls until the count of selector in the webview satisfies predicate, or throws after timeoutMs.
 * Useful after a command that re-renders the webview.
 */
export async function waitForWebviewCount(selector: string, predicate: (count: number) => boolean, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await webviewCount(selector);
    if (predicate(count)) return count;
    if (Date.now() > deadline) throw new DriverError(`timed out waiting for the count of ${selector} in the webview (last: ${count})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
