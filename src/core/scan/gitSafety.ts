/**
 * How every git command is started so that scanning a stranger's repository never runs a program its
 * configuration names (threat model in docs/detection.md). `-c` on the command line outranks the
 * repository's own `.git/config`, which is the file an attacker controls.
 */

/** Configuration that would otherwise start a program, set to values that start none. */
export const SAFE_CONFIG: readonly string[] = [
  // Runs on every command that reads the index (ls-files, blame, status).
  'core.fsmonitor=false',
  // No read-only command should run a hook; this makes sure (a path with no hooks in it).
  'core.hooksPath=/dev/null',
  // Signature checks run gpg.program during log/show; an empty program name runs nothing.
  'log.showSignature=false',
  'gpg.program=',
  'gpg.openpgp.program=',
  'gpg.x509.program=',
  'gpg.ssh.program=',
  'gpg.ssh.defaultKeyCommand=',
  // Diff drivers are also switched off by --no-ext-diff/--no-textconv (SUBCOMMAND_FLAGS) and per name.
  'diff.external=',
  'diff.submodule=short',
  'status.submoduleSummary=false',
  'core.pager=cat',
  'core.askPass=',
  'credential.helper=',
  // A partial clone fetches missing objects on demand, through ext::/ssh/file transports whose
  // commands (ext::, core.sshCommand, remote.*.uploadpack) the repository names: no transport at all.
  'protocol.allow=never',
  ...['ext', 'fd', 'file', 'git', 'ssh', 'http', 'https'].map((name) => `protocol.${name}.allow=never`),
  'submodule.recurse=false',
  'gc.auto=0',
  'maintenance.auto=false',
];

const NO_DIFF_PROGRAMS = ['--no-ext-diff', '--no-textconv'];
/** A submodule has its own configuration, which the per-name driver overrides do not cover: never enter one. */
const NO_SUBMODULES = '--ignore-submodules=all';

/** Flags inserted after these subcommands: no external diff or textconv program, no git run inside a submodule. */
const SUBCOMMAND_FLAGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['log', NO_DIFF_PROGRAMS],
  ['show', NO_DIFF_PROGRAMS],
  ['whatchanged', NO_DIFF_PROGRAMS],
  ['blame', NO_DIFF_PROGRAMS],
  ['diff', [...NO_DIFF_PROGRAMS, NO_SUBMODULES]],
  ['status', [NO_SUBMODULES]],
]);

export interface SafeGitArgs {
  /** The whole argument list for the git executable. */
  readonly args: readonly string[];
  readonly subcommand: string;
  /** Where the subcommand is in `args`: per-repository `-c` overrides go before it. */
  readonly subcommandIndex: number;
  /** True unless the command only reads configuration (filter and diff drivers are overridden by name first). */
  readonly needsDriverOverrides: boolean;
}

/** `args` starts with the subcommand: `['log', '-1', …]`. */
export function safeGitArgs(args: readonly string[]): SafeGitArgs {
  const [subcommand = '', ...rest] = args;
  const global = ['--no-pager', ...SAFE_CONFIG.flatMap((setting) => ['-c', setting])];
  return {
    args: [...global, subcommand, ...(SUBCOMMAND_FLAGS.get(subcommand) ?? []), ...rest],
    subcommand,
    subcommandIndex: global.length,
    needsDriverOverrides: subcommand !== 'config',
  };
}

/**
 * A driver key that `-c key=` would not override exactly: `-c` splits at the first `=`, so a
 * subsection name holding `=` (or a line break) would name another key and leave the driver on.
 */
export function unsafeDriverKey(key: string): boolean {
  return /[=\n\r\0]/.test(key);
}

/**
 * Variables git reads that say where the learner's own configuration is (their identity lives there), and
 * where repository discovery must stop (GIT_CEILING_DIRECTORIES names folders, never programs).
 */
const KEPT_GIT_VARIABLES = new Set(['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES']);

/**
 * The environment for git: no inherited GIT_* variable that redirects it or names a program (GIT_DIR,
 * GIT_EXTERNAL_DIFF, GIT_SSH_COMMAND, GIT_CONFIG_PARAMETERS…), never a prompt, pager, optional lock or
 * lazy fetch, and English messages so failures can be classified.
 */
export function gitEnvironment(inherited: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(inherited)) {
    const upper = name.toUpperCase();
    if (!upper.startsWith('GIT_') || KEPT_GIT_VARIABLES.has(upper)) {
      env[name] = value;
    }
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
  };
}
