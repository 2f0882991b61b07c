/**
 * The terminal practice milestones and the commands that prove each (docs: the catalog's "Terminal practice"
 * section). This table is the one declaration: recognition, messages and the CLI all read it.
 */

export const PRACTICE_MILESTONE_IDS = [
  'practice.dns',
  'practice.http',
  'practice.tls',
  'practice.shell',
  'practice.permissions',
  'practice.processes',
  'practice.systemd',
  'practice.packages',
  'practice.ssh',
  'practice.network',
  'practice.git-undo',
  'practice.pull-request',
  'practice.docker',
  'practice.k8s',
  'practice.sql-shell',
] as const;

export type PracticeMilestoneId = (typeof PRACTICE_MILESTONE_IDS)[number];

/** What else a command needs besides its program (and subcommand) to count. */
export type PracticeCondition = 'url' | 'verboseHttpsUrl';

export interface PracticeRule {
  readonly milestone: PracticeMilestoneId;
  readonly programs: readonly string[];
  /** The first non-option words after the program, any one of them ("revert", "pr create"); absent: none needed. */
  readonly subcommands?: readonly string[];
  /** An operation written as an option (`pacman -Syu`): the first option word must match. */
  readonly operation?: RegExp;
  readonly condition?: PracticeCondition;
}

export const PRACTICE_RULES: readonly PracticeRule[] = [
  { milestone: 'practice.dns', programs: ['dig', 'nslookup', 'host', 'drill'] },
  { milestone: 'practice.dns', programs: ['resolvectl'], subcommands: ['query'] },
  { milestone: 'practice.http', programs: ['curl', 'wget', 'http', 'https'], condition: 'url' },
  { milestone: 'practice.tls', programs: ['openssl'], subcommands: ['s_client', 'x509', 'req'] },
  { milestone: 'practice.tls', programs: ['curl'], condition: 'verboseHttpsUrl' },
  { milestone: 'practice.shell', programs: ['ls', 'cd', 'pwd', 'mkdir', 'cp', 'mv', 'rm', 'touch', 'cat', 'less', 'head', 'tail', 'grep', 'find', 'wc', 'sort'] },
  { milestone: 'practice.permissions', programs: ['chmod', 'chown', 'chgrp', 'umask'] },
  { milestone: 'practice.processes', programs: ['ps', 'top', 'htop', 'kill', 'pkill', 'pgrep', 'jobs', 'bg', 'fg', 'lsof'] },
  { milestone: 'practice.systemd', programs: ['systemctl', 'journalctl'] },
  { milestone: 'practice.packages', programs: ['apt', 'apt-get', 'dnf', 'yum', 'brew'], subcommands: ['install', 'update', 'search'] },
  { milestone: 'practice.packages', programs: ['apk'], subcommands: ['add', 'update', 'search'] },
  { milestone: 'practice.packages', programs: ['pacman'], operation: /^-S[suy]*$/ },
  { milestone: 'practice.ssh', programs: ['ssh', 'ssh-keygen', 'ssh-copy-id', 'scp', 'sftp'] },
  { milestone: 'practice.network', programs: ['ping', 'traceroute', 'tracepath', 'mtr', 'ss', 'netstat', 'ip', 'nc', 'telnet'] },
  { milestone: 'practice.git-undo', programs: ['git'], subcommands: ['revert', 'reset', 'restore', 'reflog', 'stash'] },
  { milestone: 'practice.pull-request', programs: ['gh'], subcommands: ['pr create', 'pr merge'] },
  { milestone: 'practice.pull-request', programs: ['glab'], subcommands: ['mr create'] },
  { milestone: 'practice.docker', programs: ['docker', 'podman'], subcommands: ['run', 'build', 'volume', 'network', 'compose up', 'container run', 'image build', 'buildx build'] },
  { milestone: 'practice.docker', programs: ['docker-compose'], subcommands: ['up'] },
  { milestone: 'practice.k8s', programs: ['kubectl'], subcommands: ['apply', 'get', 'describe', 'logs'] },
  { milestone: 'practice.k8s', programs: ['helm'], subcommands: ['install', 'upgrade'] },
  { milestone: 'practice.sql-shell', programs: ['psql', 'mysql', 'sqlite3', 'mongosh', 'redis-cli'] },
];

/** `practice.shell` counts once this many different commands of its family have been run. */
export const SHELL_COMMANDS_NEEDED = 5;

/**
 * Options that take a value, per program (global and common subcommand options), so the value is not
 * mistaken for a subcommand or a URL: `git -C repo revert`, `kubectl -n prod get pods`, `curl -o page.html URL`.
 */
export const VALUE_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    git: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--exec-path'],
    gh: ['-R', '--repo', '--hostname'],
    glab: ['-R', '--repo'],
    docker: ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory'],
    podman: ['--connection', '--url', '--root', '--runroot'],
    'docker-compose': ['-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory'],
    kubectl: ['-n', '--namespace', '--context', '--kubeconfig', '-s', '--server', '--cluster', '--user', '--token'],
    helm: ['-n', '--namespace', '--kube-context', '--kubeconfig'],
    apt: ['-o', '-c', '-t'],
    'apt-get': ['-o', '-c', '-t'],
    dnf: ['-c', '--repo', '--enablerepo', '--disablerepo', '--releasever'],
    yum: ['-c', '--enablerepo', '--disablerepo', '--releasever'],
    apk: ['-X', '--repository', '-p', '--root'],
    resolvectl: ['-i', '--interface', '-p', '--protocol', '-t', '--type', '-c', '--class'],
    curl: ['-o', '--output', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-X', '--request', '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-F', '--form', '-T', '--upload-file', '-w', '--write-out', '-x', '--proxy', '-b', '--cookie', '-c', '--cookie-jar', '-m', '--max-time', '--connect-timeout', '-r', '--range', '-E', '--cert', '--key', '--cacert', '--resolve', '--retry', '-K', '--config', '-D', '--dump-header', '-U', '--proxy-user', '--limit-rate', '--interface'],
    wget: ['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-U', '--user-agent', '--header', '--post-data', '--user', '--password', '-e', '--execute', '-t', '--tries', '-T', '--timeout', '-i', '--input-file'],
    http: ['-a', '--auth', '-A', '--auth-type', '-o', '--output', '--session', '--session-read-only'],
    https: ['-a', '--auth', '-A', '--auth-type', '-o', '--output', '--session', '--session-read-only'],
  }).map(([program, options]) => [program, new Set(options)]),
);

/** Programs for which `-h` means something other than help (`ls -h`, `psql -h HOST`). */
export const H_IS_NOT_HELP: ReadonlySet<string> = new Set(['ls', 'sort', 'grep', 'df', 'du', 'ps', 'ip', 'chmod', 'chown', 'chgrp', 'touch', 'less', 'psql', 'mysql', 'redis-cli', 'ssh-keygen']);

/** What a learner runs for one milestone, for messages: "dig, nslookup, host, drill, resolvectl query". */
export function practiceCommandsFor(milestone: string): string[] {
  const commands: string[] = [];
  for (const rule of PRACTICE_RULES.filter((r) => r.milestone === milestone)) {
    for (const program of rule.programs) {
      if (rule.subcommands !== undefined) {
        commands.push(`${program} ${rule.subcommands.join(`/`)}`);
      } else if (rule.operation !== undefined) {
        commands.push(`${program} -S`);
      } else if (rule.condition === 'url') {
        commands.push(`${program} URL`);
      } else if (rule.condition === 'verboseHttpsUrl') {
        commands.push(`${program} -v https://…`);
      } else {
        commands.push(program);
      }
    }
  }
  return commands;
}

export function isPracticeMilestone(id: string): id is PracticeMilestoneId {
  return (PRACTICE_MILESTONE_IDS as readonly string[]).includes(id);
}
