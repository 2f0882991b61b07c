import { milestoneTitle } from '../core/milestones/catalog';
import { SHELL_COMMANDS_NEEDED } from '../core/practice/families';
import { recognisePracticeCommands } from '../core/practice/recognise';
import { recordsForCommandLine } from '../core/practice/records';
import type { PracticeRecords } from '../core/practice/records';

/** `backend-roadmap command "<command line>" [--exit N] [--json]`. */
export interface PracticeCommandRequest {
  readonly kind: 'command';
  readonly line: string;
  readonly exitCode: number;
  readonly json: boolean;
}

const QUOTE_HINT = 'Quote the command line as one argument: backend-roadmap command "git revert HEAD" [--exit N] [--json]';

export function parsePracticeCommandArgs(args: readonly string[]): PracticeCommandRequest | { readonly kind: 'usageError'; readonly message: string } {
  let json = false;
  let exitCode = 0;
  const lines: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--exit' || arg.startsWith('--exit=')) {
      const value = arg === '--exit' ? args[++i] : arg.slice('--exit='.length);
      if (value === undefined || !/^-?\d+$/.test(value)) {
        return { kind: 'usageError', message: `--exit needs the command's exit code, a whole number (got ${value === undefined ? 'nothing' : JSON.stringify(value)}).` };
      }
      exitCode = Number(value);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usageError', message: `Unknown option for command: ${arg}. ${QUOTE_HINT}` };
    } else {
      lines.push(arg);
    }
  }
  if (lines.length !== 1) {
    return { kind: 'usageError', message: `${lines.length === 0 ? 'No command line given.' : 'More than one command line given.'} ${QUOTE_HINT}` };
  }
  return { kind: 'command', line: lines[0] ?? '', exitCode, json };
}

/** What `command` prints: the practice ids the line counts for and exactly what would be stored. */
export function practiceCommandOutput(request: PracticeCommandRequest): string {
  const records = recordsForCommandLine(request.line, request.exitCode);
  return request.json ? `${JSON.stringify(records)}\n` : practiceCommandText(request, records);
}

function practiceCommandText(request: PracticeCommandRequest, records: PracticeRecords): string {
  if (request.exitCode !== 0) {
    return `Nothing counts and nothing would be stored: only commands that exit with 0 count (this one: ${request.exitCode}).\n`;
  }
  if (records.milestones.length === 0) {
    return 'This command line counts for no terminal practice, and nothing would be stored. Practice commands run a program such as dig, curl URL, openssl s_client, chmod, ps, systemctl, ssh, git revert, gh pr create, docker run or kubectl get, not --help, man, echo or a quoted string.\n';
  }
  const lines = ['Counts for:'];
  const shellCommands = recognisePracticeCommands(request.line).filter((p) => p.milestone === 'practice.shell').map((p) => p.command);
  for (const id of records.milestones) {
    const note = id === 'practice.shell' ? ` (${shellCommands.length} of the ${SHELL_COMMANDS_NEEDED} different commands it needs, counted over time: ${shellCommands.join(', ')})` : '';
    lines.push(`  ${id.padEnd(22)} ${milestoneTitle(id)}${note}`);
  }
  lines.push('Would store only these programs and subcommands (never the arguments), with the exit code 0, the time and the workspace folder:');
  lines.push(...records.recorded.map((command) => `  ${command}`));
  lines.push('Turn terminal practice off with the setting backendRoadmap.detection.terminal.');
  return `${lines.join('\n')}\n`;
}
