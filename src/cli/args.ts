/** What the command line asked for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'scan'; readonly folder: string; readonly json: boolean; readonly runTests: boolean; readonly allowGit: boolean; readonly roadmapDir?: string }
  | { readonly kind: 'usageError'; readonly message: string };

export const USAGE = `Usage:
  backend-roadmap scan [dir] [--json] [--run-tests] [--no-git] [--roadmap DIR]
  backend-roadmap --help
  backend-roadmap --version

Scans a project folder (default: the current folder) for evidence of backend skills:
which milestones are present, and which roadmap skills they prove.

Options:
  --json          Print the result as JSON.
  --run-tests     Run the project's test command to check "tests pass".
  --no-git        Run no git process (as in an untrusted workspace).
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
  if (command !== 'scan') {
    return { kind: 'usageError', message: `Unknown command: ${command}` };
  }
  let json = false;
  let runTests = false;
  let allowGit = true;
  let roadmapDir: string | undefined;
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
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usageError', message: `Unknown option: ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 1) {
    return { kind: 'usageError', message: `Too many folders: ${positional.join(' ')} (scan one folder at a time).` };
  }
  return { kind: 'scan', folder: positional[0] ?? '.', json, runTests, allowGit, ...(roadmapDir === undefined ? {} : { roadmapDir }) };
}
