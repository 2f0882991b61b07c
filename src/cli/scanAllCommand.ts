import * as path from 'node:path';
import type { CreditPolicy } from '../core/detection/credit';
import { scanMyProjects } from '../core/detection/scanMyProjects';
import type { ProjectsScan } from '../core/detection/scanMyProjects';
import { detectionModule } from '../core/lazy/modules';
import type { Roadmap } from '../core/roadmap/model';
import { FIND_REPOSITORIES_DEFAULTS } from '../core/scan/findRepositories';
import { folderProblem } from '../core/scan/folderCheck';
import { escapeJsonControls, sanitizeForTerminal } from '../core/text/sanitize';
import type { CliTuning } from './memorySettings';
import { loadCliRoadmap, reportUnloadableRoadmap } from './roadmapSource';

/** `backend-roadmap scan --all DIR`: every git repository under DIR. */
export interface ScanAllRequest {
  readonly kind: 'scanAll';
  readonly root: string;
  readonly json: boolean;
  readonly allowGit: boolean;
  readonly roadmapDir?: string;
  readonly authors: readonly string[];
  readonly credit: CreditPolicy;
}

interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** The JSON document printed by `scan --all DIR --json`. */
export interface ScanAllJson {
  readonly root: string;
  readonly repositories: readonly {
    readonly folder: string;
    /** Skills proved by the learner's own work in this repository. */
    readonly skills: readonly string[];
    /** Milestones present and credited to the learner. */
    readonly milestones: readonly string[];
    /** Skills the repository shows only through someone else's work. */
    readonly notYours: readonly string[];
    readonly warnings: readonly string[];
    readonly error?: string;
  }[];
  /** Every skill proved by the learner's own work in some repository, in roadmap order. */
  readonly skills: readonly string[];
  readonly credit: CreditPolicy;
  /** Set when the search for repositories stopped at a bound. */
  readonly stoppedEarly?: string;
}

/** Finds the repositories under the folder, scans each with authorship, and prints what the learner's own work proves. */
export async function runScanAllCommand(request: ScanAllRequest, io: Io, tuning: CliTuning = {}): Promise<number> {
  const root = path.resolve(request.root);
  const problem = await folderProblem(root);
  if (problem !== undefined) {
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(problem)}\n`);
    return 2;
  }
  // Set before the search for repositories, whatever their size: V8 sizes the old generation at each full
  // collection, and the search's own collections would fix that limit before the first scan. Over the
  // bench's folder (two repositories of 100k files, two small ones): 123 instead of 230 MiB at the peak, for
  // 5% more time; over the two small ones alone, no slower (docs/performance.md, round 13).
  tuning.beforeLargeScan?.();
  const { loaded, from } = await loadCliRoadmap(request.roadmapDir);
  if (loaded.roadmap === undefined) {
    return reportUnloadableRoadmap(io, from, loaded.problems, request.roadmapDir);
  }
  const projects = await scanMyProjects(root, loaded.roadmap, {
    // The same options as a single scan (src/cli/main.ts); tests never run: they would run the code of every repository.
    scan: (folder, options) => detectionModule().scanFolder(folder, options),
    scanOptions: { allowGit: request.allowGit, authorship: { onlyEmails: request.authors }, blockingFileReads: true },
    credit: request.credit,
  });
  const document = scanAllJson(projects, request.credit);
  io.stdout.write(request.json ? `${escapeJsonControls(JSON.stringify(document, null, 2))}\n` : scanAllText(loaded.roadmap, document));
  return 0;
}

export function scanAllJson(projects: ProjectsScan, credit: CreditPolicy): ScanAllJson {
  return {
    root: projects.root,
    repositories: projects.repositories.map((outcome) =>
      'credit' in outcome
        ? {
            folder: outcome.folder,
            skills: outcome.credit.skills.map((entry) => entry.skill.id),
            milestones: outcome.credit.milestones,
            notYours: outcome.credit.notYours.map((skill) => skill.id),
            warnings: outcome.warnings,
          }
        : { folder: outcome.folder, skills: [], milestones: [], notYours: [], warnings: [], error: outcome.error },
    ),
    skills: projects.credited.map((entry) => entry.skill.id),
    credit,
    ...(projects.stoppedEarly === undefined ? {} : { stoppedEarly: projects.stoppedEarly }),
  };
}

/** The readable summary: per repository what your work proves, then every skill once by stage. */
export function scanAllText(roadmap: Roadmap, document: ScanAllJson): string {
  const clean = (text: string): string => sanitizeForTerminal(text);
  const title = (id: string): string => roadmap.skillById.get(id)?.title ?? id;
  const lines: string[] = [];
  const count = document.repositories.length;
  if (count === 0) {
    lines.push(
      `No git repository found under ${clean(document.root)} (searched ${FIND_REPOSITORIES_DEFAULTS.maxDepth} folder levels deep; hidden, dependency and build folders are skipped).`,
      'Choose the folder that holds your projects, or run "backend-roadmap scan DIR" on a folder that is not under git.',
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Backend Roadmap: scanned ${count} ${count === 1 ? 'repository' : 'repositories'} under ${clean(document.root)}`, '');
  for (const repository of document.repositories) {
    lines.push(`  ${clean(path.relative(document.root, repository.folder) || '.')}`);
    if (repository.error !== undefined) {
      lines.push(`    could not be scanned: ${clean(repository.error)}`);
      continue;
    }
    lines.push(
      repository.skills.length === 0
        ? '    no skill proved by your own work'
        : `    your own work proves ${repository.skills.length}: ${repository.skills.map((id) => clean(title(id))).join(', ')}`,
    );
    if (repository.notYours.length > 0) {
      lines.push(`    seen, but someone else's work (not credited): ${repository.notYours.map((id) => clean(title(id))).join(', ')}`);
    }
    repository.warnings.forEach((warning) => lines.push(`    warning: ${clean(warning)}`));
  }
  lines.push('', `Skills your own work proves (${document.skills.length}):`);
  const wanted = new Set(document.skills);
  for (const stage of roadmap.stages) {
    const skills = stage.skills.filter((skill) => wanted.has(skill.id));
    if (skills.length > 0) {
      lines.push(`  ${clean(stage.title)}`, ...skills.map((skill) => `    - ${clean(skill.title)} (${skill.id})`));
    }
  }
  if (document.skills.length === 0) {
    lines.push('  none yet: commits of your own (your git user.email, or --author EMAIL) are what counts.');
  }
  if (document.stoppedEarly !== undefined) {
    lines.push('', `The search ${clean(document.stoppedEarly)}.`);
  }
  lines.push('', 'Nothing was recorded. In VS Code, "Scan My Projects" shows this list and records it when you agree.');
  return `${lines.join('\n')}\n`;
}
