import type { Evidence } from '../../progress/model';
import { splitCommandLine } from '../../practice/commandLine';
import { commandAfterPrefixes, programName } from '../../practice/prefixes';

const JS_TEST_TOOLS = new Set(['jest', 'vitest', 'mocha', 'ava', 'tap', 'jasmine', 'karma', 'cypress', 'playwright']);

/**
 * True when a shell command line runs a project's test suite, so its exit code says whether the tests
 * passed. Lines whose exit code does not come from the tests (`npm test | tee log`, `npm test || true`,
 * `npm test; echo done`, backgrounded) are not test command lines.
 */
export function isTestCommandLine(commandLine: string): boolean {
  const commands = splitCommandLine(commandLine);
  const last = commands?.at(-1);
  if (commands === undefined || last === undefined || last.end === '&') {
    return false;
  }
  // The exit code is the last list's (after the last `;`, newline or `&`); within it, `a && b && c` exiting
  // with 0 means every part succeeded, so one test part is enough. A pipe or `||` hides the tests' code.
  const start = commands.findLastIndex((command, i) => i < commands.length - 1 && (command.end === ';' || command.end === '&')) + 1;
  const list = commands.slice(start);
  if (list.some((command) => command.end === '|' || command.end === '||')) {
    return false;
  }
  return list.some((command) => isTestInvocation(commandAfterPrefixes(command.words)));
}

function isTestInvocation(w: readonly string[]): boolean {
  const tool = w[0] === undefined ? undefined : programName(w[0]);
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
  const tool = w[0] === undefined ? undefined : programName(w[0]);
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

/**
 * The test command of a line as it may be kept: the program and its subcommand words (`npm test`,
 * `npm run test:unit`, `go test`, `pytest`), never arguments or environment assignments, which can hold
 * secrets (`DATABASE_URL=postgres://u:pw@db npm test`). Undefined when the line runs no test command.
 */
export function testRunName(commandLine: string): string | undefined {
  const commands = splitCommandLine(commandLine) ?? [];
  for (const command of commands) {
    const words = commandAfterPrefixes(command.words);
    if (!isTestInvocation(words)) {
      continue;
    }
    const program = words[0] === undefined ? undefined : programName(words[0]);
    if (program === undefined) {
      return undefined;
    }
    const kept = [program];
    for (const word of words.slice(1, 3)) {
      if (!/^[a-z][\w:-]*$/i.test(word)) {
        break;
      }
      kept.push(word);
    }
    return kept.join(' ');
  }
  return undefined;
}

/**
 * Evidence that a test command ran in a folder; it proves `test.passing` only when `exitCode` is 0. Only the
 * test command is kept (see `testRunName`), never the rest of the line.
 */
export function testPassingEvidence(folder: string, commandLine: string, exitCode: number, at: Date): Evidence {
  const command = testRunName(commandLine) ?? 'the test command';
  return {
    milestone: 'test.passing',
    summary: `\`${command}\` exited with ${exitCode}`,
    folder,
    command,
    exitCode,
    at: at.toISOString(),
  };
}
