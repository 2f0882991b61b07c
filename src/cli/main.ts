import * as path from 'node:path';
import { skillsShownBy } from '../core/detection/scanVerdicts';
import { detectionModule } from '../core/lazy/modules';
import { formatProblem } from '../core/roadmap/problems';
import { folderProblem } from '../core/scan/folderCheck';
import { parseArgs, USAGE } from './args';
import { packageVersion } from './packageRoot';
import { practiceCommandOutput } from './practiceCommand';
import { runQuizCommand } from './quizCommand';
import { jsonReportText, textReport } from './report';
import { loadCliRoadmap } from './roadmapSource';
import { sanitizeForTerminal } from '../core/text/sanitize';

/** Where the CLI writes; process.stdout/stderr when run, string buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const request = parseArgs(argv);
  switch (request.kind) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'usageError':
      io.stderr.write(`backend-roadmap: ${request.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    case 'command':
      // Reads only the command line: no roadmap, no folder.
      io.stdout.write(practiceCommandOutput(request));
      return EXIT_OK;
    case 'quiz':
      // Grades against the roadmap only: no folder is scanned.
      return runQuizCommand(request, io);
    case 'scan':
      break;
  }

  const folder = path.resolve(request.folder);
  const problem = await folderProblem(folder);
  if (problem !== undefined) {
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(problem)}\n`);
    return EXIT_USAGE;
  }

  const { loaded, from } = await loadCliRoadmap(request.roadmapDir);
  if (loaded.roadmap === undefined) {
    io.stderr.write(`backend-roadmap: cannot load the roadmap from ${sanitizeForTerminal(from)}:\n`);
    for (const problem of loaded.problems) {
      io.stderr.write(`  ${sanitizeForTerminal(formatProblem(problem))}\n`);
    }
    return request.roadmapDir === undefined ? EXIT_FAILURE : EXIT_USAGE;
  }

  let scan;
  try {
    // The engine and its detectors are their own bundle (dist/detection.js), shared with the extension.
    scan = await detectionModule().scanFolder(folder, { allowGit: request.allowGit, runTests: request.runTests, authorship: { onlyEmails: request.authors } });
  } catch (error: unknown) {
    io.stderr.write(`backend-roadmap: scan failed: ${sanitizeForTerminal(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT_FAILURE;
  }
  const skills = skillsShownBy(loaded.roadmap, scan, request.credit);
  if (request.json) {
    io.stdout.write(jsonReportText(scan, skills, request.credit));
  } else {
    io.stdout.write(textReport(scan, loaded.roadmap, skills, request.credit));
  }
  return EXIT_OK;
}

if (require.main === module) {
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
