import { splitCommandLine } from './commandLine';
import { H_IS_NOT_HELP, PRACTICE_RULES, VALUE_OPTIONS } from './families';
import type { PracticeMilestoneId, PracticeRule } from './families';
import { commandAfterPrefixes, programName } from './prefixes';

/** One practised command of a command line. */
export interface PracticedCommand {
  readonly milestone: PracticeMilestoneId;
  /** What may be stored: the program and its subcommand ("git revert", "docker volume"), never an argument. */
  readonly command: string;
  /** Fixed words from the rule, never from the line: "with -v on an https URL". */
  readonly detail?: string;
}

/**
 * The practice milestones a command line exercises, command by command (`&&`, `||`, `;`, `|`, newlines).
 * Exit codes are the caller's business: this only reads the line. Not counted: a command before `||` (the
 * line's success may be its fallback's) or sent to the background with `&`; help and version requests;
 * anything inside quotes, `$(…)` or a comment; a line with an unclosed quote.
 */
export function recognisePracticeCommands(line: string): PracticedCommand[] {
  const practised: PracticedCommand[] = [];
  for (const simple of splitCommandLine(line) ?? []) {
    if (simple.end === '||' || simple.end === '&') {
      continue;
    }
    const [first, ...args] = commandAfterPrefixes(simple.words);
    if (first === undefined) {
      continue;
    }
    const program = programName(first);
    if (asksForHelp(program, args)) {
      continue;
    }
    for (const rule of PRACTICE_RULES) {
      const match = rule.programs.includes(program) ? matchRule(rule, program, args) : undefined;
      if (match !== undefined && !practised.some((p) => p.milestone === match.milestone && p.command === match.command)) {
        practised.push(match);
      }
    }
  }
  return practised;
}

function matchRule(rule: PracticeRule, program: string, args: readonly string[]): PracticedCommand | undefined {
  const positionals = positionalWords(program, args);
  if (rule.subcommands !== undefined) {
    const subcommand = rule.subcommands.find((candidate) => candidate.split(' ').every((word, i) => positionals[i] === word));
    return subcommand === undefined ? undefined : { milestone: rule.milestone, command: `${program} ${subcommand}` };
  }
  if (rule.operation !== undefined) {
    const operation = args.find((arg) => arg.startsWith('-'));
    // The regex admits only letters of the operation (`-Syu`), so the stored word holds nothing else.
    return operation !== undefined && rule.operation.test(operation) ? { milestone: rule.milestone, command: `${program} ${operation}` } : undefined;
  }
  switch (rule.condition) {
    case 'url':
      return positionals.some(isUrlLike) ? { milestone: rule.milestone, command: program } : undefined;
    case 'verboseHttpsUrl':
      return args.some(isVerboseFlag) && positionals.some((word) => /^https:\/\/[^\s/]/i.test(word)) ? { milestone: rule.milestone, command: program, detail: 'with -v on an https URL' } : undefined;
    case undefined:
      return { milestone: rule.milestone, command: program };
  }
}

/** Words that are not options nor option values: the subcommand, a URL, a file. */
function positionalWords(program: string, args: readonly string[]): string[] {
  const valueOptions = VALUE_OPTIONS.get(program);
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      i += valueOptions?.has(arg) === true ? 1 : 0;
    } else {
      positionals.push(arg);
    }
  }
  return positionals;
}

/** `--help`, `-h` (where it means help), `--version`, or a lone `-v`/`-V`: reading about a command is not running it. */
function asksForHelp(program: string, args: readonly string[]): boolean {
  if (args.some((arg) => arg === '--help' || arg === '--version' || arg === '-?' || (arg === '-h' && !H_IS_NOT_HELP.has(program)))) {
    return true;
  }
  return args.length === 1 && ['-v', '-V', '-version'].includes(args[0] ?? '');
}

/** http(s) URLs, a host (`example.com`, `localhost:3000/users`, `10.0.0.1`), or httpie's `:3000/users`. */
function isUrlLike(word: string): boolean {
  return /^(?:https?:\/\/[^\s/]|:\d*(?:[/?]|$)|(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#]|$))/i.test(word);
}

/** `-v`, `--verbose`, or a cluster of short flags with v (`-sv`, `-vI`). */
function isVerboseFlag(arg: string): boolean {
  return arg === '--verbose' || /^-[a-zA-Z]*v[a-zA-Z]*$/.test(arg);
}
