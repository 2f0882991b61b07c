import { CREDIT_POLICIES, DEFAULT_CREDIT_POLICY, isCreditPolicy } from '../core/detection/credit';
import type { CreditPolicy } from '../core/detection/credit';
import { isEmailLike } from '../core/detection/identity';

import { parsePracticeCommandArgs } from './practiceCommand';
import type { PracticeCommandRequest } from './practiceCommand';
import { parseQuizArgs } from './quizCommand';
import type { QuizCommandRequest } from './quizCommand';

/** What the command line asked for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'scan';
      readonly folder: string;
      readonly json: boolean;
      readonly runTests: boolean;
      readonly allowGit: boolean;
      readonly roadmapDir?: string;
      /** --author: the learner's emails, replacing those read from git config. */
      readonly authors: readonly string[];
      readonly credit: CreditPolicy;
    }
  | PracticeCommandRequest
  | QuizCommandRequest
  | { readonly kind: 'usageError'; readonly message: string };

export const USAGE = `Usage:
  backend-roadmap scan [dir] [--json] [--author EMAIL]... [--credit POLICY]
                      [--run-tests] [--no-git] [--roadmap DIR]
  backend-roadmap command "<command line>" [--exit N] [--json]
  backend-roadmap quiz SKILL_ID --answers 0,2,1 [--json] [--roadmap DIR]
  backend-roadmap --help
  backend-roadmap --version

Scans a project folder (default: the current folder) for evidence of backend skills:
which milestones are present, and which roadmap skills they prove.

\`command\` shows which terminal practice milestones a command line would count for
(--exit N: its exit code, default 0; only 0 counts) and exactly what the editor would
store for it: the program and its subcommand, never the arguments.

\`quiz\` grades answers to a skill's self-check: one answer per question, in order,
choices counted from 0; join several choices of one question with + (0+2), leave
one out with -. Prints right or wrong per question with the explanation, and
whether it passes (every question answered, at least 80% right).

Options:
  --json          Print the result as JSON.
  --author EMAIL  Your commit email (repeatable). Replaces the identities read from
                  git config (user.email, global and in the repository).
  --credit POLICY Which evidence proves skills: yourWork (default: your commits and
                  uncommitted changes; files in a folder without git), verifiedOnly
                  (only evidence git shows to be yours), anyCode (everything).
  --run-tests     Run the project's own test command (its npm test script, pytest,
                  go test...) to check "tests pass". This runs code from the scanned
                  folder: use it only on projects you trust. Off by default.
  --no-git        Run no git process (as in an untrusted workspace). Without it, git
                  runs with every program the repository's config names switched off
                  (hooks, fsmonitor, pagers, diff and filter drivers, gpg, fetches).
  --roadmap DIR   Use the roadmap content in DIR instead of the one shipped.
  -h, --help      Show this help.
  -v, --version   Show the version.
`;

export function parseArgs(argv: readonly string[]): CliRequest {
  if (argv.includes('--help') || argv.includes('-h')) {
    return { kind: 'help' };
  }
  if (argv.includes('--version') || argv.includes('-v') || argv.includes('-V')) {
    return { kind: 'version' };
  }
  const [command, ...rest] = argv;
  if (command === undefined) {
    return { kind: 'usageError', message: 'No command given.' };
  }
  if (command === 'command') {
    return parsePracticeCommandArgs(rest);
  }
  if (command === 'quiz') {
    return parseQuizArgs(rest);
  }
  if (command !== 'scan') {
    return { kind: 'usageError', message: `Unknown command: ${command}` };
  }
  let json = false;
  let runTests = false;
  let allowGit = true;
  let roadmapDir: string | undefined;
  let credit: CreditPolicy = DEFAULT_CREDIT_POLICY;
  const authors: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--run-tests') {
      runTests = true;
    } else if (arg === '--no-git') {
      allowGit = false;
    } else if (arg === '--roadmap' || arg.startsWith('--roadmap=')) {
      const value = arg === '--roadmap' ? rest[++i] : arg.slice('--roadmap='.length);
      if (value === undefined || value === '') {
        return { kind: 'usageError', message: '--roadmap needs a folder.' };
      }
      roadmapDir = value;
    } else if (arg === '--author' || arg.startsWith('--author=')) {
      const value = arg === '--author' ? rest[++i] : arg.slice('--author='.length);
      if (value === undefined || !isEmailLike(value)) {
        return { kind: 'usageError', message: `--author needs an email address (got ${value === undefined ? 'nothing' : JSON.stringify(value)}).` };
      }
      authors.push(value);
    } else if (arg === '--credit' || arg.startsWith('--credit=')) {
      const value = arg === '--credit' ? rest[++i] : arg.slice('--credit='.length);
      if (!isCreditPolicy(value)) {
        return { kind: 'usageError', message: `--credit must be one of ${CREDIT_POLICIES.join(', ')}.` };
      }
      credit = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usageError', message: `Unknown option: ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 1) {
    return { kind: 'usageError', message: `Too many folders: ${positional.join(' ')} (scan one folder at a time).` };
  }
  return { kind: 'scan', folder: positional[0] ?? '.', json, runTests, allowGit, ...(roadmapDir === undefined ? {} : { roadmapDir }), authors, credit };
}
