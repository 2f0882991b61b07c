import { spawn } from 'node:child_process';
import type { TestCommand } from './findTestCommand';

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
