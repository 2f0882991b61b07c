import { CREDIT_POLICIES, DEFAULT_CREDIT_POLICY, isCreditPolicy } from '../core/detection/credit';
import type { CreditPolicy } from '../core/detection/credit';
import { isEmailLike } from '../core/detection/identity';

import { parsePortfolioArgs, parseVerifyArgs } from './portfolioCommands';
import type { PortfolioCommandRequest, VerifyCommandRequest } from './portfolioCommands';
import { parsePracticeCommandArgs } from './practiceCommand';
import type { PracticeCommandRequest } from './practiceCommand';
import { isProgressCommand, parseProgressCommandArgs } from './progressCommands';
import type { ProgressCommandRequest } from './progressCommands';
import { parseQuizArgs } from './quizCommand';
import type { ScanAllRequest } from './scanAllCommand';
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
      /** False with --no-cache: never answer with the kept result of an earlier scan. */
      readonly reuse: boolean;
      readonly roadmapDir?: string;
      /** --author: the learner's emails, replacing those read from git config. */
      readonly authors: readonly string[];
      readonly credit: CreditPolicy;
    }
  | PracticeCommandRequest
  | QuizCommandRequest
  | ScanAllRequest
  | ProgressCommandRequest
  | PortfolioCommandRequest
  | VerifyCommandRequest
  | { readonly kind: 'usageError'; readonly message: string };

export const USAGE = `Usage:
  backend-roadmap scan [dir] [--json] [--author EMAIL]... [--credit POLICY]
                      [--run-tests] [--no-git] [--no-cache] [--roadmap DIR]
  backend-roadmap scan --all DIR [--json] [--author EMAIL]... [--credit POLICY]
                      [--no-git] [--roadmap DIR]
  backend-roadmap command "<command line>" [--exit N] [--json]
  backend-roadmap quiz SKILL_ID --answers 0,2,1 [--json] [--roadmap DIR]
  backend-roadmap status|next|plan --progress FILE [--json] [--today YYYY-MM-DD]
                      [--stack STACK] [--path core|all] [--hours N] [--roadmap DIR]
  backend-roadmap portfolio --progress FILE [--format md|html] [--proof OUT.json]
                      [--no-notes] [--no-git] [--roadmap DIR]
  backend-roadmap verify PROOF.json --repo DIR [--json] [--roadmap DIR]
  backend-roadmap --help
  backend-roadmap --version

Scans a project folder (default: the current folder) for evidence of backend skills:
which milestones are present, and which roadmap skills they prove. With --all DIR,
finds the git repositories under DIR (4 levels deep; hidden, dependency and build
folders skipped) and lists the skills your own work proves in each, and all together.

\`command\` shows which terminal practice milestones a command line would count for
(--exit N: its exit code, default 0; only 0 counts) and exactly what the editor would
store for it: the program and its subcommand, never the arguments.

\`quiz\` grades answers to a skill's self-check: one answer per question, in order,
choices counted from 0; join several choices of one question with + (0+2), leave
one out with -. Prints right or wrong per question with the explanation, and
whether it passes (every question answered, at least 80% right).

\`status\`, \`next\` and \`plan\` read a progress export (FILE, from "Export Progress..."
in VS Code): \`status\` counts done, in progress and skipped skills per stage (total
leaves skipped skills out) and lists records of skills the roadmap no longer has;
\`next\` ranks the skills ready to start (in progress first, then path order);
\`plan\` gives hours and weeks left and a finish date at --hours a week (default 10)
and at your measured pace (hours of skills finished in the last 28 days; none when
nothing was finished). --stack (node, python, java, csharp, go, php, ruby, rust)
and --path choose the skills: core (the core skills, and your stack's) is the
default with a stack, all (everything, or everything for the stack) without one.
--today fixes the date (a UTC day) instead of the clock.

\`portfolio\` writes your portfolio (finished skills by stage with the evidence of your
own work, commits linked on GitHub, GitLab and Bitbucket, self-checks passed) to
stdout, as Markdown or a standalone HTML page; --proof also writes the proof file: one
claim (repository, commit, path, milestone, author email hash) per piece of evidence
a commit pins down. --no-notes leaves your notes out. No local path and no terminal
argument is ever written.

\`verify\` re-checks each claim of a proof file in your clone (--repo DIR): the commit
exists, the file is in it, its author matches the hash, and a scan of the commit's
files finds the milestone in that file. Exit code 0 only when every claim verifies.

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
  --no-cache      Scan in full even when nothing the last scan of this repository
                  read has changed since (its configuration, refs, index, file list
                  and every listed file's size and times): without it, that scan's
                  result is shown again, saying so. Kept in ~/.cache/backend-roadmap.
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
  if (isProgressCommand(command)) {
    return parseProgressCommandArgs(command, rest);
  }
  if (command === 'portfolio') {
    return parsePortfolioArgs(rest);
  }
  if (command === 'verify') {
    return parseVerifyArgs(rest);
  }
  if (command !== 'scan') {
    return { kind: 'usageError', message: `Unknown command: ${command}` };
  }
  let json = false;
  let all = false;
  let runTests = false;
  let allowGit = true;
  let reuse = true;
  let roadmapDir: string | undefined;
  let credit: CreditPolicy = DEFAULT_CREDIT_POLICY;
  const authors: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--all') {
      all = true;
    } else if (arg === '--run-tests') {
      runTests = true;
    } else if (arg === '--no-git') {
      allowGit = false;
    } else if (arg === '--no-cache') {
      // Also taken with --all, which never reuses a result.
      reuse = false;
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
  if (all) {
    if (runTests) {
      return { kind: 'usageError', message: '--run-tests cannot be used with --all: it would run the code of every repository found. Run it on one project you trust: backend-roadmap scan DIR --run-tests.' };
    }
    if (positional.length !== 1) {
      return { kind: 'usageError', message: `--all needs exactly one folder to search for repositories (got ${positional.length === 0 ? 'none' : positional.join(' ')}).` };
    }
    return { kind: 'scanAll', root: positional[0] ?? '.', json, allowGit, ...(roadmapDir === undefined ? {} : { roadmapDir }), authors, credit };
  }
  if (positional.length > 1) {
    return { kind: 'usageError', message: `Too many folders: ${positional.join(' ')} (scan one folder at a time).` };
  }
  return { kind: 'scan', folder: positional[0] ?? '.', json, runTests, allowGit, reuse, ...(roadmapDir === undefined ? {} : { roadmapDir }), authors, credit };
}
