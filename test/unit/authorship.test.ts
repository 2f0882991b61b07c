import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuthorshipCache } from '../../src/core/detection/authorship';
import { readLearnerEmails } from '../../src/core/detection/identity';
import { scanFolder } from '../../src/core/milestones/engine';
import type { FolderScan, MilestoneResult } from '../../src/core/milestones/engine';
import { createGitRunner } from '../../src/core/scan/gitRunner';
import { runCli, SHIPPING_STAGE } from './helpers/cli';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';
const OTHER = 'maintainer@example.invalid';



async function commitMany(email: string, cwd: string, count: number, prefix: string): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await commitFilesAs(email, cwd, { [`notes/${prefix}-${i}.txt`]: `${i}\n` }, `${prefix} ${i}`);
  }
}

function byId(scan: FolderScan): Map<string, MilestoneResult> {
  return new Map(scan.milestones.map((m) => [m.id, m]));
}

const IDS = new Set(['docker.file', 'docker.compose', 'framework.web', 'db.sql', 'ci.workflow', 'git.history', 'git.branching', 'git.remote', 'git.hosted', 'docs.readme']);

function scanAs(folder: string, emails: readonly string[], allowGit = true): Promise<FolderScan> {
  return scanFolder(folder, { allowGit, only: IDS, authorship: { onlyEmails: emails } });
}

describe('authorship: whose work is the evidence', function () {
  this.timeout(120_000);
  const scratch = scratchFolders(LEARNER);
  const repo = scratch.repository;
  /** A bare repository in a scratch folder: a remote to push to, on this machine. */
  const bareRepository = async (): Promise<string> => {
    const bare = await scratch.tree();
    await gitAs(LEARNER, bare, 'init', '-q', '--bare');
    return bare;
  };
  // The scans read git config like the CLI does: never the developer's own identity.
  isolateGitConfig();

  describe('file and line evidence', () => {
    let root: string;
    before(async () => {
      root = await repo();
      // Someone else's project: Dockerfile, express, a README.
      await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\n', 'README.md': '# Demo\n\nA demo app.\n', 'package.json': '{\n  "dependencies": {\n    "express": "4",\n    "zod": "3"\n  }\n}\n' }, 'Initial commit');
      await commitMany(OTHER, root, 4, 'upstream');
      // The learner adds a database driver on its own line, and a compose file.
      await commitFilesAs(LEARNER, root, { 'package.json': '{\n  "dependencies": {\n    "express": "4",\n    "pg": "8",\n    "zod": "3"\n  }\n}\n' }, 'Add pg');
      await commitFilesAs(LEARNER, root, { 'compose.yaml': 'services:\n  db:\n    image: postgres\n' }, 'Add compose');
      // Untracked work in progress.
      await writeTree(root, { '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' });
    });

    it('marks a line last changed by the learner as yours, and one by someone else as not, with the commit', async () => {
      const results = byId(await scanAs(root, [LEARNER]));
      const pg = results.get('db.sql')?.evidence[0];
      assert.equal(pg?.yours, true, JSON.stringify(pg));
      assert.match(pg.commit ?? '', /^[0-9a-f]{40}$/);
      const express = results.get('framework.web')?.evidence[0];
      assert.equal(express?.yours, false, JSON.stringify(express));
    });

    it('marks a file committed by someone else as not yours, and the learner\'s committed and untracked files as yours', async () => {
      const results = byId(await scanAs(root, [LEARNER]));
      assert.equal(results.get('docker.file')?.evidence[0]?.yours, false);
      assert.equal(results.get('docker.compose')?.evidence[0]?.yours, true);
      assert.equal(results.get('ci.workflow')?.evidence[0]?.yours, true, 'untracked files are the learner\'s work in progress');
      assert.equal(results.get('docker.file')?.present, true, 'presence keeps its meaning: the folder shows a Dockerfile');
    });

    it('counts a file changed in the working tree as yours', async () => {
      await fs.appendFile(path.join(root, 'Dockerfile'), 'EXPOSE 3000\n');
      try {
        const results = byId(await scanAs(root, [LEARNER]));
        assert.equal(results.get('docker.file')?.evidence[0]?.yours, true);
      } finally {
        await gitAs(LEARNER, root, 'checkout', '--', 'Dockerfile');
      }
    });

    it('cannot tell without the learner\'s email (null), and cannot tell without git', async () => {
      const unknown = byId(await scanAs(root, []));
      assert.equal(unknown.get('docker.file')?.evidence[0]?.yours, null);
      assert.equal(unknown.get('ci.workflow')?.evidence[0]?.yours, true, 'untracked is the learner\'s whoever they are');
      const untrusted = await scanAs(root, [LEARNER], false);
      assert.equal(untrusted.repository, true);
      assert.equal(byId(untrusted).get('docker.compose')?.evidence[0]?.yours, null);
    });

    it('git.history counts only the learner\'s commits (5 needed)', async () => {
      const other = byId(await scanAs(root, [OTHER])).get('git.history');
      assert.equal(other?.present, true);
      assert.equal(other.evidence[0]?.yours, true, other.evidence[0]?.summary);
      const learner = byId(await scanAs(root, [LEARNER])).get('git.history');
      assert.equal(learner?.present, true, 'the folder still shows a history');
      assert.equal(learner.evidence[0]?.yours, false);
      assert.match(learner.evidence[0].summary, /2 by you \(5 of your own are needed\)/);
    });
  });

  describe('git milestones', () => {
    it('a merge by someone else is not the learner\'s branching; a branch of their own is', async () => {
      const root = await repo();
      await commitMany(OTHER, root, 2, 'base');
      await gitAs(OTHER, root, 'checkout', '-q', '-b', 'feature');
      await commitMany(OTHER, root, 1, 'feature');
      await gitAs(OTHER, root, 'checkout', '-q', 'main');
      await gitAs(OTHER, root, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
      const before = byId(await scanAs(root, [LEARNER])).get('git.branching');
      assert.equal(before?.present, true);
      assert.ok(before.evidence.length >= 2);
      assert.ok(before.evidence.every((e) => e.yours === false), JSON.stringify(before.evidence));

      await gitAs(LEARNER, root, 'checkout', '-q', '-b', 'my-idea');
      await commitMany(LEARNER, root, 1, 'mine');
      const after = byId(await scanAs(root, [LEARNER])).get('git.branching');
      assert.equal(after?.evidence[0]?.yours, true, JSON.stringify(after?.evidence));
      assert.match(after.evidence[0].summary, /my-idea has your commit/);
    });

    it('a merge the learner made is theirs', async () => {
      const root = await repo();
      await commitMany(OTHER, root, 2, 'base');
      await gitAs(OTHER, root, 'checkout', '-q', '-b', 'feature');
      await commitMany(OTHER, root, 1, 'feature');
      await gitAs(LEARNER, root, 'checkout', '-q', 'main');
      await gitAs(LEARNER, root, 'merge', '-q', '--no-ff', '-m', 'Merge their feature', 'feature');
      const branching = byId(await scanAs(root, [LEARNER])).get('git.branching');
      assert.ok(branching?.evidence.some((e) => e.yours === true && e.summary.includes('your merge')), JSON.stringify(branching?.evidence));
    });

    it('git.remote is the learner\'s only when a remote-tracking ref holds one of their commits', async () => {
      const root = await repo();
      const bare = await bareRepository();
      await commitMany(OTHER, root, 2, 'upstream');
      await gitAs(LEARNER, root, 'remote', 'add', 'origin', bare);
      const added = byId(await scanAs(root, [LEARNER])).get('git.remote');
      assert.equal(added?.present, true, '`git remote add` makes the milestone present');
      assert.equal(added.evidence[0]?.yours, false);
      assert.match(added.evidence[0].summary, /nothing fetched or pushed yet/);

      await gitAs(OTHER, root, 'push', '-q', 'origin', 'main');
      const othersOnly = byId(await scanAs(root, [LEARNER])).get('git.remote');
      assert.equal(othersOnly?.evidence[0]?.yours, false);
      assert.match(othersOnly.evidence[0].summary, /none of your commits pushed yet/);

      await commitMany(LEARNER, root, 1, 'mine');
      assert.equal(byId(await scanAs(root, [LEARNER])).get('git.remote')?.evidence[0]?.yours, false, 'committed but not pushed');
      await gitAs(LEARNER, root, 'push', '-q', 'origin', 'main');
      const pushed = byId(await scanAs(root, [LEARNER])).get('git.remote');
      assert.equal(pushed?.evidence[0]?.yours, true);
      assert.match(pushed.evidence[0].summary, /1 of your commits pushed/);
    });

    it('pushing to a folder proves remotes, not hosting; a remote on a server proves both', async () => {
      const root = await repo();
      const bare = await bareRepository();
      await commitMany(LEARNER, root, 2, 'mine');
      await gitAs(LEARNER, root, 'remote', 'add', 'origin', bare);
      await gitAs(LEARNER, root, 'push', '-q', 'origin', 'main');
      const toFolder = byId(await scanAs(root, [LEARNER]));
      assert.equal(toFolder.get('git.remote')?.evidence[0]?.yours, true);
      assert.equal(toFolder.get('git.remote')?.evidence[0]?.summary, `remote origin ${bare} (a folder on this machine; 2 of your commits pushed)`);
      assert.equal(toFolder.get('git.hosted')?.checked, true);
      assert.equal(toFolder.get('git.hosted')?.present, false, JSON.stringify(toFolder.get('git.hosted')));

      // The same pushed refs, the remote now on a server (a push to one cannot be made offline).
      await gitAs(LEARNER, root, 'remote', 'set-url', 'origin', 'git@git.example.invalid:learner/api.git');
      const toServer = byId(await scanAs(root, [LEARNER]));
      assert.deepEqual(toServer.get('git.hosted')?.evidence.map((e) => [e.summary, e.yours]), [['remote origin git@git.example.invalid:learner/api.git (2 of your commits pushed)', true]]);
      assert.equal(toServer.get('git.remote')?.evidence[0]?.summary, 'remote origin git@git.example.invalid:learner/api.git (2 of your commits pushed)');
    });

    it('with a folder and a server as remotes, hosting counts only what the server\'s refs hold', async () => {
      const root = await repo();
      await commitMany(OTHER, root, 2, 'upstream');
      // The server's branch holds only someone else's commits; the learner's own went to a backup folder.
      await gitAs(OTHER, root, 'remote', 'add', 'origin', 'https://git.example.invalid/team/api.git');
      await gitAs(OTHER, root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
      await commitMany(LEARNER, root, 1, 'mine');
      const bare = await bareRepository();
      await gitAs(LEARNER, root, 'remote', 'add', 'backup', bare);
      await gitAs(LEARNER, root, 'push', '-q', 'backup', 'main');
      const mixed = byId(await scanAs(root, [LEARNER]));
      assert.ok(mixed.get('git.remote')?.evidence.every((e) => e.yours === true), 'pushed to the folder: remotes are proved');
      assert.deepEqual(mixed.get('git.hosted')?.evidence.map((e) => [e.summary, e.yours]), [['remote origin https://git.example.invalid/team/api.git (none of your commits pushed yet)', false]]);

      await gitAs(LEARNER, root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
      const published = byId(await scanAs(root, [LEARNER]));
      assert.deepEqual(published.get('git.hosted')?.evidence.map((e) => [e.summary, e.yours]), [['remote origin https://git.example.invalid/team/api.git (1 of your commits pushed)', true]]);
    });
  });

  describe('what a review found', () => {
    it('a repository is the learner\'s when it holds their commits (so Git basics can complete), not when it holds only others\'', async () => {
      const own = await repo();
      await commitMany(LEARNER, own, 5, 'mine');
      const mine = byId(await scanFolder(own, { allowGit: true, only: new Set(['git.repo', 'git.history']), authorship: { onlyEmails: [LEARNER] } }));
      assert.equal(mine.get('git.repo')?.evidence[0]?.yours, true);
      assert.equal(mine.get('git.history')?.evidence[0]?.yours, true);
      const others = byId(await scanFolder(own, { allowGit: true, only: new Set(['git.repo']), authorship: { onlyEmails: [OTHER] } }));
      assert.equal(others.get('git.repo')?.evidence[0]?.yours, false);
      const fresh = await repo();
      const empty = byId(await scanFolder(fresh, { allowGit: true, only: new Set(['git.repo']), authorship: { onlyEmails: [LEARNER] } }));
      assert.equal(empty.get('git.repo')?.evidence[0]?.yours, true, 'a repository with no commit yet is the one the learner just made');
    });

    it('commit evidence (a revert, a pull-request merge) says whose commit it is, the learner\'s first', async () => {
      const root = await repo();
      await commitMany(OTHER, root, 2, 'base');
      await gitAs(OTHER, root, 'revert', '--no-edit', 'HEAD');
      const before = byId(await scanFolder(root, { allowGit: true, only: new Set(['git.undo']), authorship: { onlyEmails: [LEARNER] } })).get('git.undo');
      assert.equal(before?.present, true);
      assert.equal(before.evidence[0]?.yours, false);
      await commitMany(LEARNER, root, 1, 'mine');
      await gitAs(LEARNER, root, 'revert', '--no-edit', 'HEAD');
      const after = byId(await scanFolder(root, { allowGit: true, only: new Set(['git.undo']), authorship: { onlyEmails: [LEARNER] } })).get('git.undo');
      assert.equal(after?.evidence[0]?.yours, true, JSON.stringify(after?.evidence));
    });

    it('a subfolder of someone else\'s clone is under git even without git (Restricted Mode, --no-git): nothing in it is credited', async () => {
      const root = await repo();
      await commitFilesAs(OTHER, root, { 'services/api/Dockerfile': 'FROM node:20\n' }, 'Add the API image');
      const scan = await scanFolder(path.join(root, 'services', 'api'), { allowGit: false, only: new Set(['docker.file']), authorship: {} });
      assert.equal(scan.repository, true);
      assert.equal(byId(scan).get('docker.file')?.evidence[0]?.yours, null);
    });

    it('a new address in the identity setting takes effect at the next check, without a file change', async () => {
      const root = await repo();
      await commitFilesAs('old-work@example.invalid', root, { 'Dockerfile': 'FROM node:20\n' }, 'Dockerfile from my old job');
      const cache = new AuthorshipCache();
      const only = new Set(['docker.file']);
      const first = byId(await scanFolder(root, { allowGit: true, only, authorship: { onlyEmails: [LEARNER], cache } }));
      assert.equal(first.get('docker.file')?.evidence[0]?.yours, false);
      const second = byId(await scanFolder(root, { allowGit: true, only, authorship: { onlyEmails: [LEARNER, 'old-work@example.invalid'], cache } }));
      assert.equal(second.get('docker.file')?.evidence[0]?.yours, true);
    });
  });

  describe('identities', () => {
    it('reads user.email from the global config and the repository, plus extra addresses, lower-cased', async () => {
      const root = await repo();
      const home = await scratch.tree({ '.gitconfig': '[user]\n\temail = Global@Example.invalid\n' });
      await gitAs(LEARNER, root, 'config', 'user.email', 'repo@example.invalid');
      process.env.GIT_CONFIG_GLOBAL = path.join(home, '.gitconfig');
      try {
        const emails = await readLearnerEmails(createGitRunner(root), ['Old@Work.invalid', 'not an email']);
        assert.deepEqual([...emails].sort(), ['global@example.invalid', 'old@work.invalid', 'repo@example.invalid']);
        const replaced = await readLearnerEmails(createGitRunner(root), ['old@work.invalid'], ['Only@Me.invalid']);
        assert.deepEqual([...replaced], ['only@me.invalid']);
      } finally {
        process.env.GIT_CONFIG_GLOBAL = os.devNull;
      }
    });
  });

  describe('the CLI says the same', () => {
    let root: string;
    let roadmap: string;
    before(async () => {
      root = await repo();
      await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\n' }, 'Dockerfile');
      await commitFilesAs(LEARNER, root, { 'compose.yaml': 'services:\n  app:\n    build: .\n' }, 'Compose');
      roadmap = await scratch.tree({ 'stages/01-shipping.yaml': SHIPPING_STAGE });
    });

    it('scan --json gives yours per evidence, milestone and skill, under the credit policy', async () => {
      const result = await runCli(['scan', root, '--json', '--roadmap', roadmap, '--author', LEARNER]);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { credit: string; authors: string[]; milestones: { id: string; present: boolean; yours: boolean | null; evidence: { yours: boolean | null }[] }[]; skills: { id: string; yours: boolean }[] };
      assert.equal(report.credit, 'yourWork');
      assert.deepEqual(report.authors, [LEARNER]);
      const docker = report.milestones.find((m) => m.id === 'docker.file');
      assert.deepEqual([docker?.present, docker?.yours, docker?.evidence[0]?.yours], [true, false, false]);
      assert.deepEqual(report.skills, [
        { id: 'dockerfiles', title: 'Writing a Dockerfile', stage: 'shipping', yours: false },
        { id: 'compose', title: 'Docker Compose', stage: 'shipping', yours: true },
      ]);
      const anyCode = JSON.parse((await runCli(['scan', root, '--json', '--roadmap', roadmap, '--author', LEARNER, '--credit', 'anyCode'])).stdout) as { skills: { id: string; yours: boolean }[] };
      assert.deepEqual(anyCode.skills.map((s) => s.yours), [true, true]);
    });

    it('the readable report marks what is not the learner\'s', async () => {
      const result = await runCli(['scan', root, '--roadmap', roadmap, '--author', LEARNER]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, / {8}Dockerfile {2}\(someone else's work: not credited\)\n/);
      assert.match(result.stdout, /Skills this proves \(1\):\n {2}Shipping\n {4}- Docker Compose \(compose\)\n/);
      assert.match(result.stdout, /Shown by this folder but not proved by your own work \(1, credit policy yourWork\):\n {4}- Writing a Dockerfile \(dockerfiles\)\n/);
    });

    it('rejects a bad --author or --credit with exit code 2', async () => {
      assert.equal((await runCli(['scan', root, '--author', 'nobody'])).code, 2);
      assert.equal((await runCli(['scan', root, '--credit', 'everything'])).code, 2);
    });
  });
});
