import type { GitOutcome, GitRunner } from './gitRunner';

type Failure = Extract<GitOutcome, { ok: false }>;

const configOfRunner = new WeakMap<GitRunner, Promise<GitConfigList | Failure>>();

/** The configuration of the runner's folder, read at most once per runner. */
export function gitConfigOf(git: GitRunner): Promise<GitConfigList | Failure> {
  if (git.config !== undefined) {
    return git.config();
  }
  let pending = configOfRunner.get(git);
  if (pending === undefined) {
    pending = git.run(CONFIG_LIST_ARGS).then(configListOf);
    configOfRunner.set(git, pending);
  }
  return pending;
}

/** One `key=value` of git's configuration and the scope it came from (system, global, local, worktree, command). */
export interface GitConfigEntry {
  readonly scope: string;
  /** As git prints it: section and variable lower-cased, a subsection as written. */
  readonly key: string;
  readonly value: string;
}

/** Every configuration value git sees in the folder, in the order git reads them (a later value wins). */
export type GitConfigList = readonly GitConfigEntry[];

/**
 * One `git config --list` answers what used to take four commands per scan (filter and diff drivers to
 * switch off, the learner's emails, the remotes): each git process costs tens of milliseconds.
 */
export const CONFIG_LIST_ARGS: readonly string[] = ['config', '-z', '--list', '--show-scope'];

/** Parses `git config -z --list --show-scope`: `scope NUL key LF value NUL` per entry (no LF when valueless). */
export function parseConfigList(stdout: string): GitConfigEntry[] {
  const fields = stdout.split('\0');
  const entries: GitConfigEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const scope = fields[i] ?? '';
    const pair = fields[i + 1] ?? '';
    const newline = pair.indexOf('\n');
    entries.push(newline < 0 ? { scope, key: pair, value: '' } : { scope, key: pair.slice(0, newline), value: pair.slice(newline + 1) });
  }
  return entries;
}

/** The list, or the failure of the command that read it. */
export function configListOf(outcome: GitOutcome): GitConfigList | Failure {
  return outcome.ok ? parseConfigList(outcome.stdout) : outcome;
}

/** Keys naming a filter or diff driver program: git would run it when reading files or diffs. */
const DRIVER_KEY = /^(filter|diff)\..+\.(clean|smudge|process|textconv|command)$/;

export function driverKeys(config: GitConfigList): string[] {
  return [...new Set(config.filter((entry) => DRIVER_KEY.test(entry.key)).map((entry) => entry.key))];
}

/** `user.email` from the global configuration and the effective one (the repository's may override it). */
export function configuredEmails(config: GitConfigList): string[] {
  const emails = config.filter((entry) => entry.key === 'user.email');
  const global = emails.filter((entry) => entry.scope === 'global').map((entry) => entry.value);
  const effective = emails.at(-1)?.value;
  return effective === undefined ? global : [...global, effective];
}

/** Every `remote.<name>.url` value (a remote may list several). */
export function configuredRemotes(config: GitConfigList): { name: string; url: string }[] {
  const remotes: { name: string; url: string }[] = [];
  for (const entry of config) {
    const match = /^remote\.(.+)\.url$/.exec(entry.key);
    if (match?.[1] !== undefined) {
      remotes.push({ name: match[1], url: entry.value });
    }
  }
  return remotes;
}
