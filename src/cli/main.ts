import * as path from 'node:path';
import { skillsShownBy } from '../core/detection/scanVerdicts';
import { codeCacheIn, defaultCodeCacheFolder } from '../core/lazy/codeCache';
import { detectionModule } from '../core/lazy/modules';
import { useCodeCache } from '../core/lazy/requireBundle';
import type { FolderScan } from '../core/milestones/engine';
import { folderProblem } from '../core/scan/folderCheck';
import { gitIndexBytes, LARGE_GIT_INDEX_BYTES } from '../core/scan/gitIndexSize';
import { parseArgs, USAGE } from './args';
import { packageVersion } from './packageRoot';
import { runPortfolioCommand, runVerifyCommand } from './portfolioCommands';
import { practiceCommandOutput } from './practiceCommand';
import { runProgressCommand } from './progressCommands';
import { runQuizCommand } from './quizCommand';
import { runScanAllCommand } from './scanAllCommand';
import { defaultScanStoreFolder, lookUpScan } from './reusedScan';
import { scanResultStoreIn } from '../core/milestones/scanResultStore';
import { jsonReportText, textReport } from './report';
import { loadCliRoadmap, reportUnloadableRoadmap } from './roadmapSource';
import { useCliMemorySettings } from './memorySettings';
import type { CliTuning } from './memorySettings';
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
export async function main(argv: readonly string[], io: CliIo, tuning: CliTuning = {}): Promise<number> {
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
    case 'progress':
      // Reads a progress export and the roadmap: no folder is scanned.
      return runProgressCommand(request, io);
    case 'scanAll':
      return runScanAllCommand(request, io, tuning);
    case 'portfolio':
      // Reads a progress export; asks git about the folders its evidence came from (unless --no-git).
      return runPortfolioCommand(request, io);
    case 'verify':
      return runVerifyCommand(request, io);
    case 'scan':
      break;
  }

  const folder = path.resolve(request.folder);
  const problem = await folderProblem(folder);
  if (problem !== undefined) {
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(problem)}\n`);
    return EXIT_USAGE;
  }
  // Before any of the scan's work: V8 reads the settings when its heap grows.
  const large = (await gitIndexBytes(folder)) >= LARGE_GIT_INDEX_BYTES;
  if (large) {
    tuning.beforeLargeScan?.();
  }

  // The scan (mostly waiting on git) and the roadmap (mostly parsing) overlap. Not with --run-tests: the
  // project's tests must not run for a command that then fails on its roadmap (and their result is never kept).
  const cancel = new AbortController();
  // A large repository is never fingerprinted (see folderFingerprint): not even its bundle is loaded.
  const store = request.reuse && request.allowGit && !request.runTests && !large ? tuning.scanStore : undefined;
  const startScan = async (): Promise<{ scan: FolderScan | Error; reusedFrom?: string }> => {
    const lookup = store === undefined ? undefined : await lookUpScan(folder, request.authors, store, tuning.now).catch(() => undefined);
    if (lookup?.stored !== undefined) {
      return { scan: lookup.stored.scan, reusedFrom: lookup.stored.savedAt };
    }
    try {
      // The engine and its detectors are their own bundle (dist/detection.js), shared with the extension.
      const scan = await detectionModule().scanFolder(folder, { ...lookup?.asked, allowGit: request.allowGit, runTests: request.runTests, authorship: { onlyEmails: request.authors }, signal: cancel.signal, blockingFileReads: true });
      lookup?.keep(scan);
      return { scan };
    } catch (error: unknown) {
      return { scan: error instanceof Error ? error : new Error(String(error)) };
    }
  };
  const early = request.runTests ? undefined : startScan();
  // A scan needs ids, titles and rules only: the texts of the model (dist/roadmap-texts.jsonl) stay unread.
  const { loaded, from } = await loadCliRoadmap(request.roadmapDir);
  if (loaded.roadmap === undefined) {
    cancel.abort();
    await early;
    return reportUnloadableRoadmap(io, from, loaded.problems, request.roadmapDir);
  }

  const { scan, reusedFrom } = await (early ?? startScan());
  if (scan instanceof Error) {
    io.stderr.write(`backend-roadmap: scan failed: ${sanitizeForTerminal(scan.message)}\n`);
    return EXIT_FAILURE;
  }
  const skills = skillsShownBy(loaded.roadmap, scan, request.credit);
  if (request.json) {
    io.stdout.write(jsonReportText(scan, skills, request.credit, reusedFrom));
  } else {
    io.stdout.write(textReport(scan, loaded.roadmap, skills, request.credit, reusedFrom));
  }
  return EXIT_OK;
}

if (require.main === module) {
  const cacheFolder = defaultCodeCacheFolder();
  const cache = cacheFolder === undefined ? undefined : codeCacheIn(cacheFolder);
  if (cache !== undefined) {
    useCodeCache(cache);
  }
  // This process is the CLI's alone: its V8 may be tuned for a large scan's memory.
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, { beforeLargeScan: useCliMemorySettings, scanStore: scanResultStoreIn(defaultScanStoreFolder()) }).then((code) => {
    process.exitCode = code;
    cache?.save();
  });
}
