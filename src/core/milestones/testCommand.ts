import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Evidence } from '../progress/model';
import { parseJsonObject, isRecord } from './manifests/jsonManifests';

/** How to run a project's tests. Arguments are fixed by the detector, never taken from the project. */
export interface TestCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** As a learner would type it: "npm test". */
  readonly display: string;
  /** Why this command: "package.json scripts.test", "go.mod". */
  readonly source: string;
}

const NPM_PLACEHOLDER = /no test specified/i;

/** The project's test command, from the files at the folder's root; undefined when none is evident. */
export async function detectTestCommand(folder: string): Promise<TestCommand | undefined> {
  const names = new Set(await rootEntries(folder));
  const has = (name: string): boolean => names.has(name);

  if (has('package.json')) {
    const manifest = parseJsonObject((await readSmall(folder, 'package.json')) ?? '');
    const scripts = manifest?.scripts;
    const test = isRecord(scripts) ? scripts.test : undefined;
    if (typeof test === 'string' && test.trim() !== '' && !NPM_PLACEHOLDER.test(test)) {
      const runner = has('pnpm-lock.yaml') ? 'pnpm' : has('yarn.lock') ? 'yarn' : has('bun.lockb') || has('bun.lock') ? 'bun' : 'npm';
      const args = runner === 'bun' ? ['run', 'test'] : ['test'];
      return { command: runner, args, display: `${runner} ${args.join(' ')}`, source: 'package.json scripts.test' };
    }
  }
  const python = await pythonTestCommand(folder, has);
  if (python !== undefined) {
    return python;
  }
  if (has('go.mod')) {
    return { command: 'go', args: ['test', './...'], display: 'go test ./...', source: 'go.mod' };
  }
  if (has('pom.xml')) {
    const wrapper = has('mvnw') ? './mvnw' : 'mvn';
    return { command: wrapper, args: ['test'], display: `${wrapper} test`, source: 'pom.xml' };
  }
  if (has('build.gradle') || has('build.gradle.kts')) {
    const wrapper = has('gradlew') ? './gradlew' : 'gradle';
    return { command: wrapper, args: ['test'], display: `${wrapper} test`, source: has('build.gradle') ? 'build.gradle' : 'build.gradle.kts' };
  }
  const dotnet = [...names].find((name) => /\.(sln|slnx|csproj|fsproj)$/i.test(name));
  if (dotnet !== undefined) {
    return { command: 'dotnet', args: ['test'], display: 'dotnet test', source: dotnet };
  }
  if (has('Gemfile')) {
    if (has('spec') || has('.rspec')) {
      return { command: 'bundle', args: ['exec', 'rspec'], display: 'bundle exec rspec', source: 'Gemfile and spec/' };
    }
    if (has('test') && has('Rakefile')) {
      return { command: 'bundle', args: ['exec', 'rake', 'test'], display: 'bundle exec rake test', source: 'Gemfile and test/' };
    }
  }
  if (has('composer.json') && (has('phpunit.xml') || has('phpunit.xml.dist'))) {
    return { command: 'vendor/bin/phpunit', args: [], display: 'vendor/bin/phpunit', source: has('phpunit.xml') ? 'phpunit.xml' : 'phpunit.xml.dist' };
  }
  if (has('Cargo.toml')) {
    return { command: 'cargo', args: ['test'], display: 'cargo test', source: 'Cargo.toml' };
  }
  if (has('deno.json') || has('deno.jsonc')) {
    return { command: 'deno', args: ['test'], display: 'deno test', source: has('deno.json') ? 'deno.json' : 'deno.jsonc' };
  }
  return undefined;
}

const PYTHON_MANIFESTS = ['pyproject.toml', 'setup.cfg', 'tox.ini', 'Pipfile', 'requirements.txt', 'requirements-dev.txt', 'requirements_dev.txt', 'requirements-test.txt'];

async function pythonTestCommand(folder: string, has: (name: string) => boolean): Promise<TestCommand | undefined> {
  if (has('pytest.ini') || has('conftest.py')) {
    return { command: 'pytest', args: [], display: 'pytest', source: has('pytest.ini') ? 'pytest.ini' : 'conftest.py' };
  }
  for (const manifest of PYTHON_MANIFESTS.filter(has)) {
    const text = (await readSmall(folder, manifest)) ?? '';
    if (/^\s*\[tool\.pytest/m.test(text) || /^\s*\[pytest\]/m.test(text) || /(^|[\s"'[,])pytest([\s"'<>=~!,\]]|$)/m.test(text)) {
      return { command: 'pytest', args: [], display: 'pytest', source: manifest };
    }
  }
  const isPython = PYTHON_MANIFESTS.some(has) || has('setup.py');
  if (isPython && (has('tests') || has('test'))) {
    const python = process.platform === 'win32' ? 'python' : 'python3';
    return { command: python, args: ['-m', 'unittest'], display: `${python} -m unittest`, source: has('tests') ? 'tests/' : 'test/' };
  }
  return undefined;
}

async function rootEntries(folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder);
  } catch {
    return [];
  }
}

async function readSmall(folder: string, name: string): Promise<string | undefined> {
  try {
    const file = path.join(folder, name);
    const stat = await fs.stat(file);
    return stat.isFile() && stat.size <= 256 * 1024 ? await fs.readFile(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------------------------------------ */

const JS_TEST_TOOLS = new Set(['jest', 'vitest', 'mocha', 'ava', 'tap', 'jasmine', 'karma', 'cypress', 'playwright']);

/**
 * True when a shell command line runs a project's test suite, so its exit code says whether the tests
 * passed. Lines whose exit code does not come from the tests (`npm test | tee log`, `npm test || true`,
 * `npm test; echo done`, backgrounded) are not test command lines.
 */
export function isTestCommandLine(commandLine: string): boolean {
  const statements = splitTopLevel(commandLine, ';');
  if (statements === undefined) {
    return false;
  }
  const last = statements.filter((statement) => statement.trim() !== '').pop();
  const withoutRedirections = stripQuoted(last ?? '').replace(/\d*>&\d*-?|&>>?/g, ' ');
  if (last === undefined || hasUnquoted(last, '|') || /(^|[^&])&($|[^&])/.test(withoutRedirections)) {
    return false;
  }
  // In `a && b && c`, exit code 0 means every part succeeded: one test part is enough.
  const parts = splitTopLevel(last, '&&') ?? [];
  return parts.some((part) => isTestInvocation(words(part)));
}

function isTestInvocation(allWords: readonly string[]): boolean {
  let w = [...allWords];
  while (w.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0] ?? '')) {
    w = w.slice(1); // CI=true npm test
  }
  const tool = toolName(w[0]);
  const args = w.slice(1);
  const first = args[0];
  const second = args[1];
  switch (tool) {
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun':
      if (first === 'test' || first === 't' || first === 'tst') {
        return true;
      }
      if ((first === 'run' || first === 'run-script') && second !== undefined && /^test([:-]|$)/.test(second)) {
        return true;
      }
      if (tool !== 'npm' && first !== undefined && /^test[:-]/.test(first)) {
        return true; // yarn test:unit
      }
      if (tool === 'pnpm' && first === 'exec') {
        return isJsTestTool(args.slice(1));
      }
      return tool === 'yarn' && isJsTestTool(args);
    case 'npx':
    case 'pnpx':
    case 'bunx':
      // npx's own flags (-y, --yes) come before the tool.
      return isJsTestTool(args.slice(Math.max(0, args.findIndex((arg) => !arg.startsWith('-')))));
    case 'node':
      return args.includes('--test');
    case 'deno':
      return first === 'test';
    case 'pytest':
    case 'py.test':
    case 'tox':
    case 'nox':
    case 'rspec':
    case 'phpunit':
    case 'pest':
      return true;
    case 'python':
    case 'python3':
    case 'py':
      return first === '-m' && (second === 'pytest' || second === 'unittest' || second === 'nose2' || second === 'tox');
    case 'uv':
    case 'poetry':
    case 'pipenv':
    case 'hatch':
    case 'pdm':
      return first === 'run' ? isTestInvocation(args.slice(1)) : tool === 'hatch' && first === 'test';
    case 'go':
      return first === 'test';
    case 'mvn':
    case 'mvnw':
      return args.some((arg) => arg === 'test' || arg === 'verify' || arg === 'install' || arg === 'package');
    case 'gradle':
    case 'gradlew':
      return args.some((arg) => /^(:?[\w-]+:)*(test|check|build)$/.test(arg));
    case 'dotnet':
      return first === 'test';
    case 'bundle':
      return first === 'exec' && isTestInvocation(args.slice(1));
    case 'rake':
      return first === 'test' || first === 'spec' || (first?.startsWith('test:') ?? false);
    case 'rails':
      return first === 'test' || (first?.startsWith('test:') ?? false);
    case 'php':
      return first === 'artisan' && second === 'test';
    case 'composer':
      return first === 'test' || (first === 'run' && second === 'test');
    case 'cargo':
      return first === 'test' || (first === 'nextest' && second === 'run');
    case 'make':
      return first === 'test' || first === 'check';
    default:
      return tool !== undefined && JS_TEST_TOOLS.has(tool) && isJsTestTool(w);
  }
}

function isJsTestTool(w: readonly string[]): boolean {
  const tool = toolName(w[0]);
  if (tool === undefined || !JS_TEST_TOOLS.has(tool)) {
    return false;
  }
  // `playwright test`, `cypress run`; the others run tests with any arguments.
  if (tool === 'playwright') {
    return w[1] === 'test';
  }
  if (tool === 'cypress') {
    return w[1] === 'run';
  }
  return !w.slice(1).includes('--version') && !w.slice(1).includes('--help');
}

/** "./node_modules/.bin/jest.cmd" → "jest"; "vendor/bin/phpunit" → "phpunit". */
function toolName(word: string | undefined): string | undefined {
  if (word === undefined) {
    return undefined;
  }
  const base = word.replace(/\\/g, '/').split('/').pop() ?? word;
  return base.replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

function words(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    found.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return found;
}

/** Splits on a separator outside quotes; undefined when the quotes are unbalanced. */
function splitTopLevel(text: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') {
        i++;
      } else if (ch === quote) {
        quote = undefined;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  if (quote !== undefined) {
    return undefined;
  }
  parts.push(text.slice(start));
  return parts;
}

function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');
}

function hasUnquoted(text: string, character: string): boolean {
  return stripQuoted(text).includes(character);
}

/* ------------------------------------------------------------------------------------------------ */

/** Evidence that a test command ran in a folder; it proves `test.passing` only when `exitCode` is 0. */
export function testPassingEvidence(folder: string, commandLine: string, exitCode: number, at: Date): Evidence {
  const command = commandLine.trim();
  return {
    milestone: 'test.passing',
    summary: `\`${command}\` exited with ${exitCode}`,
    folder,
    command,
    exitCode,
    at: at.toISOString(),
  };
}

export interface TestRunOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface TestRunResult {
  readonly exitCode: number;
  /** The end of stdout and stderr together (at most `MAX_OUTPUT_CHARS`). */
  readonly output: string;
}

const MAX_OUTPUT_CHARS = 64 * 1024;

/**
 * Runs a test command without a shell (`CI=true` so watchers do not start). On Windows, npm-style
 * `.cmd` shims can only run through cmd.exe: the arguments are the detector's fixed words.
 * Exit code 124 means the timeout or cancellation stopped it; 127 that the command was not found.
 */
export function runTestCommand(folder: string, command: TestCommand, options: TestRunOptions): Promise<TestRunResult> {
  return new Promise((resolve) => {
    let output = '';
    const append = (chunk: Buffer | string): void => {
      output = (output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
    };
    const windows = process.platform === 'win32';
    const [file, args] = windows ? windowsInvocation(command) : [command.command, [...command.args]];
    const child = spawn(file, args, {
      cwd: folder,
      shell: false,
      windowsHide: true,
      detached: !windows, // its own process group, so a timeout stops the test runner's children too
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let finished = false;
    let stopped = false;
    const stop = (): void => {
      if (finished || child.pid === undefined) {
        return;
      }
      stopped = true;
      append(`\n[stopped after ${options.timeoutMs} ms or on cancel]\n`);
      killTree(child.pid, 'SIGTERM');
      setTimeout(() => {
        if (!finished && child.pid !== undefined) {
          killTree(child.pid, 'SIGKILL');
        }
      }, 5000).unref();
    };
    const timer = setTimeout(stop, options.timeoutMs);
    options.signal?.addEventListener('abort', stop, { once: true });
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const finish = (exitCode: number): void => {
      if (finished) {
        return;
      }
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      resolve({ exitCode: stopped ? 124 : exitCode, output });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      append(error.code === 'ENOENT' ? `command not found: ${command.command}\n` : `${error.message}\n`);
      finish(error.code === 'ENOENT' ? 127 : 1);
    });
    child.on('close', (code, signal) => {
      finish(code ?? (signal === null ? 1 : 128));
    });
  });
}

function windowsInvocation(command: TestCommand): [string, string[]] {
  const shim = command.command.replace(/^\.\//, '');
  return ['cmd.exe', ['/d', '/s', '/c', [shim, ...command.args].join(' ')]];
}

function killTree(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}
