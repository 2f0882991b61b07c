import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The learner's identity: what the test session's ~/.gitconfig says (scripts/code-server/run.mjs), so the
 * extension, reading `git config user.email` like it does for a learner, sees these commits as theirs.
 */
export const LEARNER_EMAIL = 'test@example.com';

/** Git for test fixtures, as the learner: a fixed identity and no user or system config, so runs are repeatable. */
export function git(cwd: string, ...args: string[]): string {
  return gitAs(LEARNER_EMAIL, cwd, ...args);
}

/** Git as someone else (or the learner), isolated from the machine's config. */
export function gitAs(email: string, cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', `user.name=${email.split('@')[0] ?? 'someone'}`, '-c', `user.email=${email}`, '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** Makes `count` commits, each adding a file. */
export function commitFiles(cwd: string, prefix: string, count: number): void {
  for (let i = 1; i <= count; i++) {
    writeFileSync(path.join(cwd, `${prefix}-${i}.md`), `# Note ${i}\n`);
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '-q', '-m', `Add ${prefix} note ${i}`);
  }
}
