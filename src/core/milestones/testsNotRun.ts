/** Where a message is read: the editor offers its Run My Tests command, the CLI its --run-tests flag. */
export type Surface = 'editor' | 'cli';

/**
 * Why `test.passing` is not decided by a scan, and what to do about it, in the words of each surface.
 * Scans never run tests on their own: the CLI runs them with --run-tests; the editor records the test
 * runs it sees (in the terminal, as a task, or through Run My Tests).
 */
export function testsNotRunReason(surface: Surface): string {
  return surface === 'cli'
    ? 'Tests are only run on request: add --run-tests to run them.'
    : 'Run your tests in the terminal or use Run My Tests: a run that passes proves this.';
}
