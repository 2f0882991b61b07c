import type { Evidence } from '../progress/model';
import { PRACTICE_RULES, SHELL_COMMANDS_NEEDED } from './families';
import { recognisePracticeCommands } from './recognise';
import type { PracticedCommand } from './recognise';

/** What one command line would count for, and what would be stored (program and subcommand only). */
export interface PracticeRecords {
  readonly milestones: string[];
  readonly recorded: string[];
}

/** Only a command line that exited with 0 counts; an unknown exit code counts as a failure. */
function practisedCommands(line: string, exitCode: number | undefined): PracticedCommand[] {
  return exitCode === 0 ? recognisePracticeCommands(line) : [];
}

/**
 * The practice ids a command line counts towards and the commands it would store, in order.
 * `practice.shell` is listed for any one of its commands; it is proved only by `practiceMilestoneMet`.
 */
export function recordsForCommandLine(line: string, exitCode: number | undefined): PracticeRecords {
  const practised = practisedCommands(line, exitCode);
  return {
    milestones: [...new Set(practised.map((p) => p.milestone))],
    recorded: [...new Set(practised.map((p) => p.command))],
  };
}

/**
 * The evidence a command line makes: one record per milestone and command. It holds the program and its
 * subcommand, the exit code, the time and the workspace folder; never the arguments, the cwd or the line.
 */
export function practiceEvidence(line: string, exitCode: number | undefined, folder: string | undefined, at: Date): Evidence[] {
  return practisedCommands(line, exitCode).map((p) => ({
    milestone: p.milestone,
    summary: `ran \`${p.command}\`${p.detail === undefined ? '' : ` ${p.detail}`} in the terminal`,
    ...(folder === undefined ? {} : { folder }),
    command: p.command,
    exitCode: 0,
    at: at.toISOString(),
    yours: true,
  }));
}

const SHELL_PROGRAMS: ReadonlySet<string> = new Set(PRACTICE_RULES.filter((rule) => rule.milestone === 'practice.shell').flatMap((rule) => rule.programs));

/** The different shell commands (`ls`, `grep`, ...) that stored evidence shows ran with exit code 0. */
export function distinctShellCommands(evidence: readonly Evidence[]): string[] {
  const seen = evidence.filter((e) => e.milestone === 'practice.shell' && e.exitCode === 0 && e.command !== undefined && SHELL_PROGRAMS.has(e.command)).map((e) => e.command ?? '');
  return [...new Set(seen)].sort();
}

/**
 * Whether stored evidence proves a practice milestone: any successful command of its family, except
 * `practice.shell`, which needs `SHELL_COMMANDS_NEEDED` different commands over time. Keep at least that many
 * `practice.shell` records (one per command) for it to be provable.
 */
export function practiceMilestoneMet(milestone: string, evidence: readonly Evidence[]): boolean {
  if (milestone === 'practice.shell') {
    return distinctShellCommands(evidence).length >= SHELL_COMMANDS_NEEDED;
  }
  return evidence.some((e) => e.milestone === milestone && e.exitCode === 0);
}
