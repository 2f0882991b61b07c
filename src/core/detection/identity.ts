import { configuredEmails, gitConfigOf } from '../scan/gitConfig';
import type { GitRunner } from '../scan/gitRunner';

/** Who the learner is, as far as commits can tell: lower-cased author email addresses. */
export type LearnerEmails = ReadonlySet<string>;

export function normalizeEmail(email: string): string {
  return email.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}

/** A plausible address: something@something, no spaces. Settings and CLI flags are checked with it. */
export function isEmailLike(text: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(normalizeEmail(text));
}

export function learnerEmails(addresses: Iterable<string>): LearnerEmails {
  const emails = new Set<string>();
  for (const address of addresses) {
    if (isEmailLike(address)) {
      emails.add(normalizeEmail(address));
    }
  }
  return emails;
}

/**
 * The learner's identities for one folder: `user.email` from the global git config and from the folder's
 * repository (which may override it), plus extra addresses (the `backendRoadmap.identity.emails` setting).
 * When `replace` is given (CLI `--author`), only those count and git config is not read.
 */
export async function readLearnerEmails(git: GitRunner | undefined, extra: readonly string[], replace?: readonly string[]): Promise<LearnerEmails> {
  if (replace !== undefined && replace.length > 0) {
    return learnerEmails(replace);
  }
  const found = [...extra];
  if (git !== undefined) {
    const config = await gitConfigOf(git);
    if (!('ok' in config)) {
      found.push(...configuredEmails(config).map((email) => email.trim()));
    }
  }
  return learnerEmails(found);
}
