import { readFile, stat } from 'node:fs/promises';
import { isDayKey } from '../core/plan/days';
import { planPath } from '../core/plan/pace';
import type { Plan } from '../core/plan/pace';
import { planSentences } from '../core/plan/planText';
import { PATH_SCOPES, defaultPath, describePath, isPathScope, isStack } from '../core/plan/path';
import type { LearningPath } from '../core/plan/path';
import { pathStatus } from '../core/plan/status';
import type { PathStatus } from '../core/plan/status';
import { whatNext } from '../core/plan/whatNext';
import type { NextSkill } from '../core/plan/whatNext';
import { MAX_IMPORT_CHARS, describeImportLosses, parseProgressExport } from '../core/progress/exchange';
import type { ProgressMap } from '../core/progress/model';
import { progressForRoadmap } from '../core/progress/retired';
import { agree, plural } from '../core/text/plural';
import { STATE_LABELS } from '../core/progress/model';
import { percent } from '../core/progress/stats';
import { STACKS } from '../core/roadmap/model';
import type { Roadmap } from '../core/roadmap/model';
import { escapeJsonControls, sanitizeForTerminal } from '../core/text/sanitize';
import { loadCliRoadmap, reportUnloadableRoadmap } from './roadmapSource';
import { errorCode } from '../core/errorCode';
import { errorMessage } from '../core/errorMessage';

/**
 * `backend-roadmap status|next|plan --progress FILE`: the plan, computed headlessly by the same core code
 * as the extension, from a progress export.
 */
export type ProgressCommandName = 'status' | 'next' | 'plan';

export const PROGRESS_COMMANDS: readonly ProgressCommandName[] = ['status', 'next', 'plan'];

export const DEFAULT_HOURS_PER_WEEK = 10;
/** There are 168 hours in a week. */
const MAX_HOURS_PER_WEEK = 168;
/** `next` prints this many skills as text; --json lists them all. */
const NEXT_SHOWN = 10;

export interface ProgressCommandRequest {
  readonly kind: 'progress';
  readonly command: ProgressCommandName;
  readonly progressFile: string;
  readonly json: boolean;
  /** `YYYY-MM-DD`: fixes the clock (days are then UTC days). */
  readonly today?: string;
  readonly path: LearningPath;
  readonly hoursPerWeek: number;
  readonly roadmapDir?: string;
}

export interface StatusJson {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly skipped: number;
  readonly stages: readonly { readonly id: string; readonly done: number; readonly total: number; readonly state: string }[];
  readonly retired: readonly string[];
}

export interface NextJson {
  readonly skills: readonly { readonly id: string; readonly title: string; readonly reason: string }[];
}

export interface PlanJson {
  readonly hoursLeft: number;
  readonly weeksLeft: number;
  readonly finishDate: string;
  readonly measured: { readonly hoursPerWeek: number | null; readonly finishDate: string | null };
  readonly stages: readonly { readonly id: string; readonly hoursLeft: number }[];
}

interface Output {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

interface UsageError {
  readonly kind: 'usageError';
  readonly message: string;
}

export function isProgressCommand(command: string): command is ProgressCommandName {
  return (PROGRESS_COMMANDS as readonly string[]).includes(command);
}

const EXAMPLE = 'backend-roadmap plan --progress backend-roadmap-progress.json --stack python --hours 10';

/** The value of `--name VALUE` or `--name=VALUE` at args[i]; `next` is the index to go on from. */
function optionValue(args: readonly string[], i: number, name: string): { readonly value: string | undefined; readonly next: number } | undefined {
  const arg = args[i] ?? '';
  if (arg === name) {
    return { value: args[i + 1], next: i + 1 };
  }
  return arg.startsWith(`${name}=`) ? { value: arg.slice(name.length + 1), next: i } : undefined;
}

export function parseProgressCommandArgs(command: ProgressCommandName, args: readonly string[]): ProgressCommandRequest | UsageError {
  let json = false;
  let progressFile: string | undefined;
  let today: string | undefined;
  let stackText: string | undefined;
  let scopeText: string | undefined;
  let hoursText: string | undefined;
  let roadmapDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') {
      json = true;
      continue;
    }
    const option = (['--progress', '--today', '--stack', '--path', '--hours', '--roadmap'] as const).map((name) => ({ name, found: optionValue(args, i, name) })).find((entry) => entry.found !== undefined);
    if (option?.found === undefined) {
      return { kind: 'usageError', message: `${arg.startsWith('-') ? `Unknown option for ${command}: ${arg}` : `Unexpected argument for ${command}: ${arg} (give the file with --progress)`}. Example: ${EXAMPLE}` };
    }
    const { value, next } = option.found;
    if (value === undefined || value === '') {
      return { kind: 'usageError', message: `${option.name} needs a value. Example: ${EXAMPLE}` };
    }
    i = next;
    switch (option.name) {
      case '--progress':
        progressFile = value;
        break;
      case '--today':
        today = value;
        break;
      case '--stack':
        stackText = value;
        break;
      case '--path':
        scopeText = value;
        break;
      case '--hours':
        hoursText = value;
        break;
      case '--roadmap':
        roadmapDir = value;
        break;
    }
  }
  if (progressFile === undefined) {
    return { kind: 'usageError', message: `${command} needs --progress FILE: a file written by "Backend Roadmap: Export Progress..." in VS Code. Example: ${EXAMPLE}` };
  }
  if (today !== undefined && !isDayKey(today)) {
    return { kind: 'usageError', message: `--today must be a real date as YYYY-MM-DD (got ${JSON.stringify(sanitizeForTerminal(today))}).` };
  }
  if (stackText !== undefined && !isStack(stackText)) {
    return { kind: 'usageError', message: `Unknown stack ${JSON.stringify(sanitizeForTerminal(stackText))}: --stack must be one of ${STACKS.join(', ')}.` };
  }
  if (scopeText !== undefined && !isPathScope(scopeText)) {
    return { kind: 'usageError', message: `--path must be one of ${PATH_SCOPES.join(', ')} (got ${JSON.stringify(sanitizeForTerminal(scopeText))}).` };
  }
  const hoursPerWeek = hoursText === undefined ? DEFAULT_HOURS_PER_WEEK : Number(hoursText);
  if (!Number.isFinite(hoursPerWeek) || hoursPerWeek <= 0 || hoursPerWeek > MAX_HOURS_PER_WEEK || hoursText?.trim() === '') {
    return { kind: 'usageError', message: `--hours must be the hours you study a week, a number above 0 and at most ${MAX_HOURS_PER_WEEK} (got ${JSON.stringify(sanitizeForTerminal(hoursText ?? ''))}).` };
  }
  const stack = stackText;
  const learningPath: LearningPath = scopeText === undefined ? defaultPath(stack) : { ...(stack === undefined ? {} : { stack }), scope: scopeText };
  return {
    kind: 'progress',
    command,
    progressFile,
    json,
    ...(today === undefined ? {} : { today }),
    path: learningPath,
    hoursPerWeek,
    ...(roadmapDir === undefined ? {} : { roadmapDir }),
  };
}

/** The progress in the file, or a message saying what is wrong and what to do. */
async function readProgressFile(file: string, now: Date): Promise<{ readonly ok: true; readonly progress: ProgressMap; readonly warning: string } | { readonly ok: false; readonly message: string }> {
  const shown = sanitizeForTerminal(file);
  const exportHint = 'Export your progress in VS Code with "Backend Roadmap: Export Progress..." and pass that file with --progress.';
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      return { ok: false, message: `${shown} is not a file. ${exportHint}` };
    }
    // UTF-8 takes at most 4 bytes a character: a larger file cannot be an export, and is never read.
    if (info.size > MAX_IMPORT_CHARS * 4) {
      return { ok: false, message: `${shown} is far larger than any progress export. ${exportHint}` };
    }
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    const why = errorCode(error) === 'ENOENT' ? 'there is no such file' : sanitizeForTerminal(errorMessage(error));
    return { ok: false, message: `cannot read ${shown}: ${why}. ${exportHint}` };
  }
  const parsed = parseProgressExport(text, now);
  if (!parsed.ok) {
    return { ok: false, message: `cannot use ${shown}: ${sanitizeForTerminal(parsed.reason)}. ${exportHint}` };
  }
  return { ok: true, progress: parsed.progress, warning: sanitizeForTerminal(describeImportLosses(parsed.skipped, [])) };
}

/** Runs status, next or plan; 0 on success, 1 when the shipped roadmap cannot load, 2 for bad input. */
export async function runProgressCommand(request: ProgressCommandRequest, io: Output, now: Date = new Date()): Promise<number> {
  const read = await readProgressFile(request.progressFile, now);
  if (!read.ok) {
    io.stderr.write(`backend-roadmap: ${read.message}\n`);
    return 2;
  }
  if (read.warning !== '') {
    io.stderr.write(`backend-roadmap: ${read.warning}\n`);
  }
  const { loaded, from } = await loadCliRoadmap(request.roadmapDir);
  if (loaded.roadmap === undefined) {
    return reportUnloadableRoadmap(io, from, loaded.problems, request.roadmapDir);
  }
  const roadmap = loaded.roadmap;
  // Records under a skill's former ids count for its current id, as in the extension (src/core/progress/formerIds.ts).
  const progress = progressForRoadmap(roadmap, read.progress).progress;
  // --today names a UTC day; otherwise the learner's clock and time zone decide what "today" is.
  const today = request.today === undefined ? now : new Date(`${request.today}T00:00:00.000Z`);
  const utcOffsetMinutes = request.today === undefined ? -now.getTimezoneOffset() : 0;
  // Under a roadmap of the learner's own, shipped skills it leaves out are not retired.
  const shipped = request.command === 'status' && request.roadmapDir !== undefined ? (await loadCliRoadmap(undefined)).loaded.roadmap : undefined;
  const text = request.command === 'status' ? statusOutput(roadmap, progress, request, shipped === undefined ? [] : [shipped]) : request.command === 'next' ? nextOutput(roadmap, progress, request) : planOutput(planPath(roadmap, progress, request.path, request.hoursPerWeek, today, utcOffsetMinutes), roadmap, request);
  io.stdout.write(text);
  return 0;
}

function jsonText(value: unknown): string {
  return `${escapeJsonControls(JSON.stringify(value, null, 2))}\n`;
}

function stageTitle(roadmap: Roadmap, stageId: string): string {
  return sanitizeForTerminal(roadmap.stageById.get(stageId)?.title ?? stageId);
}

function statusOutput(roadmap: Roadmap, progress: ProgressMap, request: ProgressCommandRequest, alsoKnown: readonly Roadmap[]): string {
  const status: PathStatus = pathStatus(roadmap, progress, request.path, alsoKnown);
  const { counts } = status;
  if (request.json) {
    const report: StatusJson = {
      total: counts.total,
      done: counts.done,
      inProgress: counts.inProgress,
      skipped: counts.skipped,
      stages: status.stages.map((stage) => ({ id: stage.stageId, done: stage.counts.done, total: stage.counts.total, state: stage.state })),
      retired: status.retired,
    };
    return jsonText(report);
  }
  const lines = [`${capitalised(describePath(request.path))}: ${counts.done} of ${counts.total} skills done (${percent(counts)}%), ${counts.inProgress} in progress, ${counts.skipped} skipped.`];
  const width = Math.max(...status.stages.map((stage) => STATE_LABELS[stage.state].length), 0);
  for (const stage of status.stages) {
    lines.push(`  ${STATE_LABELS[stage.state].padEnd(width)}  ${stageTitle(roadmap, stage.stageId)} (${stage.counts.done}/${stage.counts.total})`);
  }
  if (status.retired.length > 0) {
    const named = status.retired.slice(0, 5).map((id) => sanitizeForTerminal(id)).join(', ');
    lines.push(`${plural(status.retired.length, 'record')} ${agree(status.retired.length, 'is', 'are')} for skills this roadmap no longer has (${named}${status.retired.length > 5 ? ', …' : ''}); they are kept in case a later roadmap brings them back.`);
  }
  return `${lines.join('\n')}\n`;
}

function nextOutput(roadmap: Roadmap, progress: ProgressMap, request: ProgressCommandRequest): string {
  // A progress file holds no workspace, so no rule is partly met here: in progress first, then path order.
  const ranked: readonly NextSkill[] = whatNext(roadmap, progress, request.path);
  if (request.json) {
    const report: NextJson = { skills: ranked.map((next) => ({ id: next.skill.id, title: next.skill.title, reason: next.reason })) };
    return jsonText(report);
  }
  if (ranked.length === 0) {
    return `Nothing is left to start on ${describePath(request.path)}: every skill is done or skipped, or waits for a prerequisite off the path (try --path all).\n`;
  }
  const lines = [`What next on ${describePath(request.path)}:`];
  for (const [index, next] of ranked.slice(0, NEXT_SHOWN).entries()) {
    lines.push(`  ${index + 1}. ${sanitizeForTerminal(next.skill.title)} (${sanitizeForTerminal(next.skill.id)}): ${next.reason}`);
  }
  if (ranked.length > NEXT_SHOWN) {
    lines.push(`  … and ${ranked.length - NEXT_SHOWN} more ready to start (--json lists them all).`);
  }
  return `${lines.join('\n')}\n`;
}

function planOutput(plan: Plan, roadmap: Roadmap, request: ProgressCommandRequest): string {
  if (request.json) {
    const report: PlanJson = {
      hoursLeft: plan.hoursLeft,
      weeksLeft: plan.weeksLeft,
      finishDate: plan.finishDate,
      measured: plan.measured.ok ? { hoursPerWeek: plan.measured.hoursPerWeek, finishDate: plan.measured.finishDate } : { hoursPerWeek: null, finishDate: null },
      stages: plan.stages.map((stage) => ({ id: stage.stageId, hoursLeft: stage.hoursLeft })),
    };
    return jsonText(report);
  }
  const lines = [...planSentences(plan, request.path)];
  lines.push(`Per stage (hours left, and weeks at ${plan.hoursPerWeek} hours a week):`);
  for (const stage of plan.stages) {
    lines.push(`  ${stageTitle(roadmap, stage.stageId)}: ${stage.hoursLeft} h left of ${stage.hours} (${stage.weeksLeft} of ${stage.weeks} weeks)`);
  }
  return `${lines.join('\n')}\n`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
