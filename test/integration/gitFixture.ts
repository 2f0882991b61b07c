import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Git for test fixtures: a fixed identity and no user or system config, so runs are repeatable. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Learner', '-c', 'user.email=learner@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
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
