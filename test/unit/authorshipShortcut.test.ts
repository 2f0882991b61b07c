// Blame only where it can add something: a line of a committed file, unchanged since, was written by the
// commit whose patch added it, as the history's patches say (lineHistory.ts; issue 10: one `git blame`
// costs hundreds of milliseconds on a large repository).
import * as assert from 'node:assert/strict';
import type { Evidence } from '../../src/core/progress/model';
import { attributeRecorded } from './helpers/recordingRunner';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';
const OTHER = 'maintainer@example.invalid';

function lineEvidence(folder: string, file: string, line: number): Evidence {
  return { milestone: 'docker.file', summary: `${file}:${line}`, folder, path: file, line, at: '2026-12-02T00:00:00.000Z' };
}

function attribute(folder: string, evidence: readonly Evidence[]): Promise<{ attributed: Evidence[]; subcommands: string[] }> {
  return attributeRecorded(folder, evidence, { emails: new Set([LEARNER]) });
}

describe('authorship: blame only where it can add something', function () {
  this.timeout(60_000);
  isolateGitConfig();
  const repo = scratchFolders(LEARNER).repository;

  it('gives a line of a file only the first commit touched to that commit, without blame', async () => {
    const root = await repo();
    const first = await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\nRUN npm ci\n' }, 'Initial commit');
    await commitFilesAs(LEARNER, root, { 'notes.md': 'mine\n' }, 'Notes');
    const { attributed, subcommands } = await attribute(root, [lineEvidence(root, 'Dockerfile', 2)]);
    assert.deepEqual([attributed[0]?.yours, attributed[0]?.commit], [false, first]);
    assert.deepEqual(subcommands.sort(), ['log', 'status']);
  });

  it('still blames a line of that file once it is changed in the working tree, and the change is the learner\'s', async () => {
    const root = await repo();
    await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\nRUN npm ci\n' }, 'Initial commit');
    await writeTree(root, { 'Dockerfile': 'FROM node:20\nRUN npm ci --omit=dev\n' });
    const { attributed, subcommands } = await attribute(root, [lineEvidence(root, 'Dockerfile', 2), lineEvidence(root, 'Dockerfile', 1)]);
    assert.equal(attributed[0]?.yours, true, 'the uncommitted line');
    assert.equal(attributed[1]?.yours, false, 'the committed line');
    assert.ok(subcommands.includes('blame'));
  });

  it('reads which commit wrote each line of a file changed after the first commit from the history\'s patches, without blame', async () => {
    const root = await repo();
    await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\nRUN npm ci\n' }, 'Initial commit');
    const mine = await commitFilesAs(LEARNER, root, { 'Dockerfile': 'FROM node:20\nRUN npm ci\nEXPOSE 3000\n' }, 'Expose');
    const { attributed, subcommands } = await attribute(root, [lineEvidence(root, 'Dockerfile', 3), lineEvidence(root, 'Dockerfile', 1)]);
    assert.deepEqual([attributed[0]?.yours, attributed[0]?.commit], [true, mine]);
    assert.equal(attributed[1]?.yours, false);
    assert.deepEqual(subcommands.sort(), ['log', 'status']);
  });

  it('blames when the history has a merge, which may change a file without naming it', async () => {
    const root = await repo();
    await commitFilesAs(OTHER, root, { 'Dockerfile': 'FROM node:20\n' }, 'Initial commit');
    const main = (await gitAs(LEARNER, root, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
    await gitAs(LEARNER, root, 'checkout', '-q', '-b', 'side');
    await commitFilesAs(LEARNER, root, { 'side.md': 'side\n' }, 'Side');
    await gitAs(LEARNER, root, 'checkout', '-q', main);
    await commitFilesAs(LEARNER, root, { 'main.md': 'main\n' }, 'Main');
    // An "evil" merge: the merge commit itself rewrites the Dockerfile's only line.
    await gitAs(LEARNER, root, 'merge', '-q', '--no-ff', '--no-commit', 'side');
    await writeTree(root, { 'Dockerfile': 'FROM node:22\n' });
    await gitAs(LEARNER, root, 'add', 'Dockerfile');
    await gitAs(LEARNER, root, 'commit', '-q', '-m', 'Merge side');
    const { attributed, subcommands } = await attribute(root, [lineEvidence(root, 'Dockerfile', 1)]);
    assert.equal(attributed[0]?.yours, true, 'the merge wrote the line');
    assert.ok(subcommands.includes('blame'));
  });
});
