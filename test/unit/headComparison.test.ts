// On a large repository `git status` reads the whole index (about 120 ms for 100k files) however few paths
// it is asked about; the working files are compared with HEAD's tree first, and status asked only about
// those that differ (issue 10). The verdicts must be the ones status gives.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compareWithHead } from '../../src/core/detection/headComparison';
import type { Evidence } from '../../src/core/progress/model';
import { createGitRunner } from '../../src/core/scan/gitRunner';
import { attributeRecorded } from './helpers/recordingRunner';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';
const OTHER = 'maintainer@example.invalid';

function fileEvidence(folder: string, file: string, line?: number): Evidence {
  return { milestone: 'docker.file', summary: file, folder, path: file, ...(line === undefined ? {} : { line }), at: '2026-12-03T00:00:00.000Z' };
}

/** Whose each file is, and the git subcommands asked, with or without the comparison with HEAD first. */
async function attribute(folder: string, evidence: readonly Evidence[], listed?: readonly string[]): Promise<{ yours: (boolean | null | undefined)[]; subcommands: string[] }> {
  const { attributed, subcommands } = await attributeRecorded(folder, evidence, {
    emails: new Set([LEARNER]),
    ...(listed === undefined ? {} : { listedByGit: (file: string) => listed.includes(file) }),
  });
  return { yours: attributed.map((e) => e.yours), subcommands: subcommands.sort() };
}

describe('comparing working files with HEAD before asking git status', function () {
  this.timeout(60_000);
  isolateGitConfig();
  const repository = scratchFolders(LEARNER).repository;

  it('settles unchanged files as clean and paths HEAD lacks as not in HEAD; changed files are left to status', async () => {
    const root = await repository();
    await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\n', 'src/app.ts': 'export {};\n', 'run.sh': '#!/bin/sh\n' }, 'Initial commit');
    await gitAs(LEARNER, root, 'update-index', '--chmod=+x', 'run.sh');
    await writeTree(root, { 'src/app.ts': 'export const changed = 1;\n', 'new.ts': 'export {};\n' });
    const compared = await compareWithHead(createGitRunner(root), root, (await gitAs(LEARNER, root, 'rev-parse', 'HEAD')).trim(), ['Dockerfile', 'src/app.ts', 'new.ts', 'run.sh']);
    assert.deepEqual([...(compared?.clean ?? [])].sort(), ['Dockerfile', 'run.sh']);
    assert.deepEqual([...(compared?.notInHead ?? [])], ['new.ts']);
    assert.deepEqual(compared?.unsettled, ['src/app.ts']);
  });

  it('hashes as git stores: a CRLF checkout is clean where core.autocrlf converts it, changed where nothing does; a link is left to status', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const root = await repository();
    await commitFilesAs(OTHER, root, { 'ci.yml': 'on: push\njobs: {}\n', 'target.txt': 'x\n' }, 'Initial commit');
    await fs.symlink('target.txt', path.join(root, 'link.txt'));
    await commitFilesAs(OTHER, root, {}, 'Link');
    await fs.writeFile(path.join(root, 'ci.yml'), 'on: push\r\njobs: {}\r\n');
    const head = (await gitAs(LEARNER, root, 'rev-parse', 'HEAD')).trim();
    const asIs = await compareWithHead(createGitRunner(root), root, head, ['ci.yml', 'link.txt']);
    assert.deepEqual([...(asIs?.clean ?? [])], []);
    assert.deepEqual(asIs?.unsettled, ['ci.yml', 'link.txt']);
    await gitAs(LEARNER, root, 'config', 'core.autocrlf', 'true');
    const converted = await compareWithHead(createGitRunner(root), root, head, ['ci.yml', 'link.txt']);
    assert.deepEqual([...(converted?.clean ?? [])], ['ci.yml']);
    assert.deepEqual(converted?.unsettled, ['link.txt']);
  });

  it('answers with paths relative to a subfolder of the repository, and in a SHA-256 repository', async () => {
    const root = await repository();
    await fs.rm(path.join(root, '.git'), { recursive: true });
    await gitAs(LEARNER, root, 'init', '-q', '--object-format=sha256');
    await commitFilesAs(OTHER, root, { 'api/Dockerfile': 'FROM node:20\n', 'api/src/a.ts': 'export {};\n' }, 'Initial commit');
    await writeTree(root, { 'api/src/a.ts': 'export const a = 1;\n' });
    const folder = path.join(root, 'api');
    const head = (await gitAs(LEARNER, root, 'rev-parse', 'HEAD')).trim();
    assert.equal(head.length, 64);
    const compared = await compareWithHead(createGitRunner(folder), folder, head, ['Dockerfile', 'src/a.ts']);
    assert.deepEqual([...(compared?.clean ?? [])], ['Dockerfile']);
    assert.deepEqual(compared?.unsettled, ['src/a.ts']);
  });

  it('gives every file the verdict status gives, without status when nothing differs from HEAD', async () => {
    const root = await repository();
    await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\n', '.gitignore': 'build/\n' }, 'Initial commit');
    await commitFilesAs(LEARNER, root, { 'src/app.ts': 'export {};\n' }, 'App');
    await writeTree(root, { 'docker-compose.yml': 'services: {}\n', 'staged.ts': 'export {};\n' });
    await gitAs(LEARNER, root, 'add', 'staged.ts');
    const evidence = ['Dockerfile', 'src/app.ts', 'docker-compose.yml', 'staged.ts'].map((file) => fileEvidence(root, file));
    const listed = ['Dockerfile', '.gitignore', 'src/app.ts', 'docker-compose.yml', 'staged.ts'];
    const byStatus = await attribute(root, evidence);
    const byHead = await attribute(root, evidence, listed);
    assert.deepEqual(byStatus.yours, [false, true, true, true]);
    assert.deepEqual(byHead.yours, byStatus.yours);
    assert.ok(byStatus.subcommands.includes('status'));
    assert.deepEqual(byHead.subcommands, ['hash-object', 'log', 'ls-tree']);
  });

  it('still asks status about a changed file and about a file git did not list (ignored), with the same verdicts', async () => {
    const root = await repository();
    await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\n', '.gitignore': 'build/\n' }, 'Initial commit');
    await writeTree(root, { 'Dockerfile': 'FROM node:22\n', 'build/Dockerfile': 'FROM scratch\n' });
    const evidence = [fileEvidence(root, 'Dockerfile'), fileEvidence(root, 'Dockerfile', 1), fileEvidence(root, 'build/Dockerfile')];
    const byStatus = await attribute(root, evidence);
    const byHead = await attribute(root, evidence, ['Dockerfile', '.gitignore']);
    assert.deepEqual(byStatus.yours, [true, true, null]);
    assert.deepEqual(byHead.yours, byStatus.yours);
    assert.ok(byHead.subcommands.includes('ls-tree') && byHead.subcommands.includes('status'));
  });
});
