import type { Detector } from '../detector';
import { checked, notChecked } from '../detector';
import type { CommentSyntax } from '../../scan/sourceLexer';
import { signalDetector } from '../signals';
import { describeTestRunners, detectTestCommand } from '../tests/findTestCommand';
import { testPassingEvidence } from '../tests/recogniseTestRun';
import { runTestCommand } from '../tests/runTestCommand';
import { testsNotRunReason } from '../testsNotRun';
import { codeMatch, ownFile } from './common';

/**
 * Test files generated with a new project (Laravel's ExampleTest, Nest's app.controller.spec.ts and
 * e2e spec, Spring Initializr's *ApplicationTests, create-react-app's App.test): they exist before
 * the learner wrote a test.
 */
export const GENERATED_TEST = /(^|\/)(ExampleTest\.php|app\.controller\.spec\.ts|app\.e2e-spec\.ts|\w+ApplicationTests\.(java|kt)|App\.test\.[jt]sx?)$/;

interface TestFileKind {
  readonly file: RegExp;
  readonly syntax: CommentSyntax;
  /** A test definition on a code line: an empty or placeholder file is not a test. */
  readonly definition: RegExp;
}

const TEST_FILE_KINDS: readonly TestFileKind[] = [
  { file: /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$|(^|\/)__tests__\/.+\.[cm]?[jt]sx?$/, syntax: 'js', definition: /\b(it|test|describe|Deno\.test)\s*\(/g },
  { file: /(^|\/)(test_[^/]*|[^/]*_test|tests)\.py$/, syntax: 'python', definition: /^[ \t]*(async[ \t]+)?def[ \t]+test\w*\s*\(|^[ \t]*class[ \t]+\w+\([^)]*TestCase\)/gm },
  { file: /_test\.go$/, syntax: 'c', definition: /^func[ \t]+(Test|Benchmark|Example|Fuzz)\w*\s*\(/gm },
  { file: /(^|\/)src\/test\/(java|kotlin)\/.+\.(java|kt)$|[a-z0-9](Tests?|IT)\.(java|kt)$/, syntax: 'c', definition: /@(Test|ParameterizedTest|RepeatedTest)\b/g },
  { file: /[a-z0-9]Tests?\.cs$/, syntax: 'c', definition: /\[(Fact|Theory|Test|TestMethod|TestCase)\b/g },
  { file: /(^|\/)tests?\/.+Test\.php$/, syntax: 'php', definition: /\bfunction\s+test\w*\s*\(|#\[Test\]|^\s*(test|it)\s*\(/gm },
  { file: /(^|\/)spec\/.+_spec\.rb$|(^|\/)test\/.+_test\.rb$/, syntax: 'ruby', definition: /^\s*(it|describe|context|test|def[ \t]+test_\w*)\b/gm },
  { file: /(^|\/)tests\/[^/]+\.rs$/, syntax: 'c', definition: /#\[(tokio::)?test\]/g },
];

function testFileKind(path: string): TestFileKind | undefined {
  if (!ownFile(path) || GENERATED_TEST.test(path)) {
    return undefined;
  }
  return TEST_FILE_KINDS.find((kind) => kind.file.test(path));
}

const present = signalDetector({
  id: 'test.present',
  files: [
    {
      rule: {
        extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.py', '.go', '.java', '.kt', '.cs', '.php', '.rb', '.rs'],
        where: (path) => testFileKind(path) !== undefined,
        globs: ['**/*.{test,spec}.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', '**/__tests__/**', '**/{test_*,*_test,tests}.py', '**/*_test.go', '**/src/test/**', '**/*{Test,Tests,IT}.{java,kt,cs}', '**/tests/**', '**/test/**', '**/spec/**'],
      },
      content: (text, path) => {
        const kind = testFileKind(path);
        return kind === undefined ? undefined : codeMatch(kind.definition, kind.syntax, (_m, p) => `test file ${p}`)(text, path);
      },
    },
  ],
  sources: [
    {
      // Rust unit tests live next to the code.
      languages: ['rust'],
      pattern: /#\[(?:tokio::)?test\]/g,
      describe: () => 'Rust #[test]',
      includeTests: true,
    },
  ],
});

/** Minutes a test run may take in the CLI before it is stopped. */
const TEST_TIMEOUT_MS = 10 * 60 * 1000;

const passing: Detector = {
  id: 'test.passing',
  watch: [],
  async detect(context) {
    if (!context.runTests) {
      return notChecked(testsNotRunReason('cli'));
    }
    const command = await detectTestCommand(context.folder);
    if (command === undefined) {
      context.warn(`No test command found: looked for ${describeTestRunners()}. Add tests with one of these, then scan again.`);
      return checked([]);
    }
    const result = await runTestCommand(context.folder, command, { timeoutMs: TEST_TIMEOUT_MS, ...(context.signal === undefined ? {} : { signal: context.signal }) });
    context.signal?.throwIfAborted();
    if (result.exitCode !== 0) {
      context.warn(`\`${command.display}\` exited with ${result.exitCode}${result.exitCode === 127 ? ' (command not found)' : ''}.`);
      return checked([]);
    }
    const evidence = testPassingEvidence(context.folder, command.display, result.exitCode, new Date());
    return checked([evidence]);
  },
};

export const TEST_DETECTORS: readonly Detector[] = [present, passing];
