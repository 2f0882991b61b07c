import { promises as fs } from 'node:fs';
import { plural } from '../core/text/plural';
import * as path from 'node:path';
import { detectionModule } from '../core/lazy/modules';
import type { RepositoryResolver } from '../core/portfolio/repositories';
import type { VerifyOutcome, VerifyReport } from '../core/portfolio/verify';
import { parseProgressExport } from '../core/progress/exchange';
import { escapeJsonControls, sanitizeForTerminal } from '../core/text/sanitize';
import { loadCliRoadmap, reportUnloadableRoadmap } from './roadmapSource';
import { errorCode } from '../core/errorCode';
import { errorMessage } from '../core/errorMessage';

/** `backend-roadmap portfolio --progress FILE [--format md|html] [--proof OUT.json] [--no-notes] [--no-git] [--roadmap DIR]`. */
export interface PortfolioCommandRequest {
  readonly kind: 'portfolio';
  readonly progressFile: string;
  readonly format: 'md' | 'html';
  readonly proofFile?: string;
  readonly includeNotes: boolean;
  readonly allowGit: boolean;
  readonly roadmapDir?: string;
}

/** `backend-roadmap verify PROOF.json --repo DIR [--json] [--roadmap DIR]`. */
export interface VerifyCommandRequest {
  readonly kind: 'verify';
  readonly proofFile: string;
  readonly repoDir: string;
  readonly json: boolean;
  readonly roadmapDir?: string;
}

interface UsageError {
  readonly kind: 'usageError';
  readonly message: string;
}

interface Output {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const PORTFOLIO_EXAMPLE = 'backend-roadmap portfolio --progress progress.json --format html --proof proof.json > portfolio.html';
const VERIFY_EXAMPLE = 'backend-roadmap verify proof.json --repo path/to/clone';

/** The value of `--name VALUE` or `--name=VALUE` at `args[i]`, and the index of the last argument read. */
function optionValue(args: readonly string[], i: number, name: string): { value: string | undefined; next: number } | undefined {
  const arg = args[i] ?? '';
  if (arg === name) {
    return { value: args[i + 1], next: i + 1 };
  }
  return arg.startsWith(`${name}=`) ? { value: arg.slice(name.length + 1), next: i } : undefined;
}

export function parsePortfolioArgs(args: readonly string[]): PortfolioCommandRequest | UsageError {
  let progressFile: string | undefined;
  let format: 'md' | 'html' = 'md';
  let proofFile: string | undefined;
  let roadmapDir: string | undefined;
  let includeNotes = true;
  let allowGit = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const progress = optionValue(args, i, '--progress');
    const formatOption = optionValue(args, i, '--format');
    const proof = optionValue(args, i, '--proof');
    const roadmap = optionValue(args, i, '--roadmap');
    if (progress !== undefined) {
      if (progress.value === undefined || progress.value === '') {
        return { kind: 'usageError', message: `--progress needs the file that "Backend Roadmap: Export Progress..." wrote. Example: ${PORTFOLIO_EXAMPLE}` };
      }
      progressFile = progress.value;
      i = progress.next;
    } else if (formatOption !== undefined) {
      if (formatOption.value !== 'md' && formatOption.value !== 'html') {
        return { kind: 'usageError', message: '--format must be md (Markdown, the default) or html (a standalone page).' };
      }
      format = formatOption.value;
      i = formatOption.next;
    } else if (proof !== undefined) {
      if (proof.value === undefined || proof.value === '') {
        return { kind: 'usageError', message: `--proof needs the file to write the proof to. Example: ${PORTFOLIO_EXAMPLE}` };
      }
      proofFile = proof.value;
      i = proof.next;
    } else if (roadmap !== undefined) {
      if (roadmap.value === undefined || roadmap.value === '') {
        return { kind: 'usageError', message: '--roadmap needs a folder.' };
      }
      roadmapDir = roadmap.value;
      i = roadmap.next;
    } else if (arg === '--no-notes') {
      includeNotes = false;
    } else if (arg === '--no-git') {
      allowGit = false;
    } else {
      return { kind: 'usageError', message: `Unknown argument for portfolio: ${arg}. Example: ${PORTFOLIO_EXAMPLE}` };
    }
  }
  if (progressFile === undefined) {
    return { kind: 'usageError', message: `portfolio needs --progress FILE, a file that "Backend Roadmap: Export Progress..." wrote. Example: ${PORTFOLIO_EXAMPLE}` };
  }
  return { kind: 'portfolio', progressFile, format, includeNotes, allowGit, ...(proofFile === undefined ? {} : { proofFile }), ...(roadmapDir === undefined ? {} : { roadmapDir }) };
}

export function parseVerifyArgs(args: readonly string[]): VerifyCommandRequest | UsageError {
  let repoDir: string | undefined;
  let roadmapDir: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const repo = optionValue(args, i, '--repo');
    const roadmap = optionValue(args, i, '--roadmap');
    if (repo !== undefined) {
      if (repo.value === undefined || repo.value === '') {
        return { kind: 'usageError', message: `--repo needs the folder of your clone of the repository. Example: ${VERIFY_EXAMPLE}` };
      }
      repoDir = repo.value;
      i = repo.next;
    } else if (roadmap !== undefined) {
      if (roadmap.value === undefined || roadmap.value === '') {
        return { kind: 'usageError', message: '--roadmap needs a folder.' };
      }
      roadmapDir = roadmap.value;
      i = roadmap.next;
    } else if (arg === '--json') {
      json = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usageError', message: `Unknown option for verify: ${arg}. Example: ${VERIFY_EXAMPLE}` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    return { kind: 'usageError', message: `${files.length === 0 ? 'verify needs the proof file.' : `One proof file at a time (got ${files.join(' ')}).`} Example: ${VERIFY_EXAMPLE}` };
  }
  if (repoDir === undefined) {
    return { kind: 'usageError', message: `verify needs --repo DIR, your clone of the repository the proof names. Example: ${VERIFY_EXAMPLE}` };
  }
  return { kind: 'verify', proofFile: files[0] ?? '', repoDir, json, ...(roadmapDir === undefined ? {} : { roadmapDir }) };
}

/** Reads a file the user named; undefined (with the message written) when it cannot be read. */
async function readUserFile(file: string, what: string, io: Output): Promise<string | undefined> {
  try {
    return await fs.readFile(path.resolve(file), 'utf8');
  } catch (error) {
    const code = errorCode(error);
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : errorMessage(error);
    io.stderr.write(`backend-roadmap: cannot read the ${what} ${sanitizeForTerminal(file)}: ${sanitizeForTerminal(why)}.\n`);
    return undefined;
  }
}

/** Writes the portfolio to stdout (and the proof file when asked); 0 when written, 1 for a failure, 2 for a usage problem. */
export async function runPortfolioCommand(request: PortfolioCommandRequest, io: Output, now: Date = new Date()): Promise<number> {
  const text = await readUserFile(request.progressFile, 'progress file', io);
  if (text === undefined) {
    io.stderr.write('Export your progress in the editor (command "Backend Roadmap: Export Progress...") and pass that file with --progress.\n');
    return 2;
  }
  const parsed = parseProgressExport(text, now);
  if (!parsed.ok) {
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(request.progressFile)}: ${sanitizeForTerminal(parsed.reason)}. Pass a file that "Backend Roadmap: Export Progress..." wrote.\n`);
    return 2;
  }
  const { loaded, from } = await loadCliRoadmap(request.roadmapDir);
  if (loaded.roadmap === undefined) {
    return reportUnloadableRoadmap(io, from, loaded.problems, request.roadmapDir);
  }
  // The portfolio code is in the detection bundle (dist/detection.js) with the git runner it uses.
  const detection = detectionModule();
  const repositoryOf: RepositoryResolver = request.allowGit ? detection.gitRepositoryResolver((folder) => detection.createGitRunner(folder)) : () => Promise.resolve(undefined);
  const exported = await detection.exportPortfolio({ roadmap: loaded.roadmap, progress: parsed.progress, repositoryOf, now, includeNotes: request.includeNotes });
  if (request.proofFile !== undefined) {
    try {
      await fs.writeFile(path.resolve(request.proofFile), exported.proofText);
    } catch (error) {
      io.stderr.write(`backend-roadmap: cannot write the proof file ${sanitizeForTerminal(request.proofFile)}: ${sanitizeForTerminal(errorMessage(error))}. Choose a path in a folder you can write to.\n`);
      return 1;
    }
    const skipped = exported.notClaimed === 0 ? '' : ` (${plural(exported.notClaimed, 'piece', 'pieces')} of evidence left out: their folder is not on this machine or not a git repository; run this where your projects are)`;
    io.stderr.write(`Wrote ${plural(exported.proof.claims.length, 'claim')} to ${sanitizeForTerminal(request.proofFile)}${skipped}.\n`);
  }
  io.stdout.write(request.format === 'html' ? exported.html : exported.markdown);
  return 0;
}

/** The JSON document printed by `verify --json`. */
export interface VerifyJsonReport {
  readonly verified: number;
  readonly failed: number;
  readonly claims: readonly {
    readonly index: number;
    readonly skill: string | null;
    readonly milestone: string | null;
    readonly commit: string | null;
    readonly path: string | null;
    readonly line: number | null;
    readonly verified: boolean;
    readonly reasons: readonly string[];
  }[];
}

/** Re-checks every claim; 0 only when every claim is verified, 1 when any fails (or there is none), 2 for a usage problem. */
export async function runVerifyCommand(request: VerifyCommandRequest, io: Output): Promise<number> {
  const text = await readUserFile(request.proofFile, 'proof file', io);
  if (text === undefined) {
    return 2;
  }
  const detection = detectionModule();
  const parsed = detection.parseProof(text);
  if (!parsed.ok) {
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(request.proofFile)}: ${sanitizeForTerminal(parsed.reason)}.\n`);
    return 2;
  }
  const { loaded, from } = await loadCliRoadmap(request.roadmapDir);
  if (loaded.roadmap === undefined) {
    io.stderr.write(`backend-roadmap: cannot load the roadmap from ${sanitizeForTerminal(from)}; claims cannot be matched to skills.\n`);
    return request.roadmapDir === undefined ? 1 : 2;
  }
  let outcome: VerifyOutcome;
  try {
    outcome = await detection.verifyProof(parsed.claims, path.resolve(request.repoDir), detection, { roadmap: loaded.roadmap });
  } catch (error) {
    io.stderr.write(`backend-roadmap: verification failed: ${sanitizeForTerminal(errorMessage(error))}\n`);
    return 1;
  }
  if (!outcome.ok) {
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(outcome.reason)}.\n`);
    return 2;
  }
  const report = outcome.report;
  if (request.json) {
    io.stdout.write(`${escapeJsonControls(JSON.stringify(verifyJson(report), null, 2))}\n`);
  } else {
    io.stdout.write(verifyText(report));
  }
  return report.claims.length > 0 && report.failed === 0 ? 0 : 1;
}

function verifyJson(report: VerifyReport): VerifyJsonReport {
  return {
    verified: report.verified,
    failed: report.failed,
    claims: report.claims.map((verdict) => ({
      index: verdict.index,
      skill: verdict.claim?.skill ?? null,
      milestone: verdict.claim?.milestone ?? null,
      commit: verdict.claim?.commit ?? null,
      path: verdict.claim?.path ?? null,
      line: verdict.claim?.line ?? null,
      verified: verdict.verified,
      reasons: verdict.reasons,
    })),
  };
}

function verifyText(report: VerifyReport): string {
  if (report.claims.length === 0) {
    return 'The proof file holds no claims: nothing was verified.\n';
  }
  const lines = report.claims.map((verdict) => {
    const claim = verdict.claim;
    const what =
      claim === undefined
        ? `claim ${verdict.index}`
        : `claim ${verdict.index}: ${claim.milestone} in ${claim.path}${claim.line === undefined ? '' : `:${claim.line}`} at ${claim.commit.slice(0, 12)} (skill ${claim.skill})`;
    return sanitizeForTerminal(verdict.verified ? `verified  ${what}` : `FAILED    ${what}: ${verdict.reasons.join('; ')}`);
  });
  lines.push(`${report.verified} of ${report.claims.length} claims verified${report.failed === 0 ? '.' : `; ${report.failed} failed.`}`);
  return `${lines.join('\n')}\n`;
}
