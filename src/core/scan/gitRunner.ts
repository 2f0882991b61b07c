import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';

/** Why a git command gave no output: git is absent, the folder is not a repository, or it failed otherwise. */
export type GitFailureKind = 'missing' | 'notRepository' | 'failed';

export type GitOutcome =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly kind: GitFailureKind; readonly message: string };

/** Runs read-only git commands in one folder. Only created when git is allowed (trusted workspaces). */
export interface GitRunner {
  run(args: readonly string[]): Promise<GitOutcome>;
}

/** A git command that produces no output for this long is killed. */
const BLOCK_TIMEOUT_MS = 60_000;

export function createGitRunner(folder: string, signal?: AbortSignal): GitRunner {
  let git: SimpleGit | undefined;
  let missing: GitOutcome | undefined;
  return {
    async run(args) {
      signal?.throwIfAborted();
      if (missing !== undefined) {
        return missing;
      }
      git ??= simpleGit({
        baseDir: folder,
        maxConcurrentProcesses: 4,
        trimmed: false,
        timeout: { block: BLOCK_TIMEOUT_MS },
        ...(signal === undefined ? {} : { abort: signal }),
      });
      try {
        const stdout = await git.raw([...args]);
        return { ok: true, stdout };
      } catch (error: unknown) {
        // A cancelled scan must reject, not look like a git failure.
        signal?.throwIfAborted();
        const outcome = classifyFailure(error);
        if (outcome.kind === 'missing') {
          missing = outcome;
        }
        return outcome;
      }
    },
  };
}

function classifyFailure(error: unknown): Extract<GitOutcome, { ok: false }> {
  const message = error instanceof Error ? error.message : String(error);
  if (/\bENOENT\b/.test(message) && /spawn/i.test(message)) {
    return { ok: false, kind: 'missing', message: 'git is not installed or not on PATH' };
  }
  if (/not a git repository/i.test(message)) {
    return { ok: false, kind: 'notRepository', message: firstLine(message) };
  }
  return { ok: false, kind: 'failed', message: firstLine(message) };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return (line ?? text).trim();
}
