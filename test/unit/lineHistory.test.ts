// Which commit wrote a line, from one `git log -p -U0` instead of a blame per file (lineHistory.ts): the
// answer must be blame's, line for line, or the line must be left to blame.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { lineOrigin, parseLineHistory, parseRenames, unquotedPath } from '../../src/core/detection/lineHistory';
import type { Evidence } from '../../src/core/progress/model';
import { attributeRecorded } from './helpers/recordingRunner';
import { commitFilesAs, gitAs, isolateGitConfig, scratchFolders, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';
const OTHER = 'maintainer@example.invalid';

function lineEvidence(folder: string, file: string, line: number): Evidence {
  return { milestone: 'docker.file', summary: `${file}:${line}`, folder, path: file, line, at: '2026-12-02T00:00:00.000Z' };
}

/** What `git blame` says wrote each line of `file`, in order. */
async function blamed(root: string, file: string): Promise<string[]> {
  const out = await gitAs(LEARNER, root, 'blame', '--line-porcelain', '--', file);
  return out.split('\n').flatMap((line) => /^([0-9a-f]{40}) \d+ \d+/.exec(line)?.[1] ?? []);
}

/** A small deterministic generator (mulberry32), so a failure names the seed that shows it. */
function randomFrom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** Inserts, deletes or rewrites a few lines at random; repeated lines make the diff's choices matter. */
function edited(lines: readonly string[], random: (below: number) => number, tag: string): string[] {
  const next = [...lines];
  for (let edits = 1 + random(3); edits > 0; edits--) {
    const at = random(next.length + 1);
    const kind = next.length === 0 ? 0 : random(3);
    const count = 1 + random(4);
    const fresh = Array.from({ length: count }, (_, i) => (random(4) === 0 ? '}' : `${tag} ${String(at)} ${String(i)}`));
    if (kind === 0) {
      next.splice(at, 0, ...fresh);
    } else if (kind === 1) {
      next.splice(Math.min(at, next.length - 1), count);
    } else {
      next.splice(Math.min(at, next.length - 1), count, ...fresh);
    }
  }
  return next;
}

describe('lineHistory: which commit wrote a line, from the history\'s patches', function () {
  this.timeout(120_000);
  isolateGitConfig();
  const repo = scratchFolders(LEARNER).repository;

  describe('reading git\'s output', () => {
    it('reads hunks with and without counts, created files, binary changes and the commits\' authors and parents', () => {
      const history = parseLineHistory(
        [
          '\x01c3\tme@example.com\tc2',
          '',
          'diff --git a/src/app.js b/src/app.js',
          'index 1..2 100644',
          '--- a/src/app.js',
          '+++ b/src/app.js',
          '@@ -2 +2,2 @@ const x',
          '-old',
          '+new',
          '+@@ -1 +1 @@ inside a hunk is content, not a header',
          '@@ -9,0 +11 @@',
          '+added',
          'diff --git a/logo.png b/logo.png',
          'Binary files a/logo.png and b/logo.png differ',
          '\x01c2\tyou@example.com\tc1',
          '',
          'diff --git a/src/app.js b/src/app.js',
          'new file mode 100644',
          '--- /dev/null',
          '+++ b/src/app.js',
          '@@ -0,0 +1,10 @@',
          '+line',
        ].join('\n'),
      );
      assert.equal(history.commits.length, 2);
      assert.deepEqual([history.commits.map((commit) => commit.parents), history.unreadable], [[1, 1], false]);
      const newest = history.commits[0];
      assert.deepEqual(newest?.files.get('src/app.js')?.hunks, [
        { start: 2, count: 1, newStart: 2, newCount: 2 },
        { start: 9, count: 0, newStart: 11, newCount: 1 },
      ]);
      assert.equal(newest.files.get('logo.png')?.binary, true);
      assert.equal(history.commits[1]?.files.get('src/app.js')?.created, true);
      // Line 3 was added by c3; line 10 was line 9 before c3 (one line more above it), added by c2.
      assert.equal(lineOrigin(history, 'src/app.js', 3)?.commit, 'c3');
      assert.deepEqual(lineOrigin(history, 'src/app.js', 10), { commit: 'c2', email: 'you@example.com', createdWithParent: true });
      assert.equal(lineOrigin(history, 'logo.png', 1), undefined, 'a binary change is left to blame');
      assert.equal(lineOrigin(history, 'src/app.js', 12)?.commit, 'c2');
      assert.equal(lineOrigin(history, 'src/app.js', 13), undefined, 'a line the history never added is left to blame');
    });

    it('answers for a line added after the newest merge, and leaves older lines to blame', () => {
      const history = parseLineHistory(
        '\x01c\tme@example.com\tm\n\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,0 +2 @@\n+y\n' +
          '\x01m\tme@example.com\tp1 p2\n\n\x01p1\tme@example.com\t\n\ndiff --git a/f b/f\nnew file mode 100644\n--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+x\n',
      );
      assert.equal(history.commits[1]?.parents, 2, 'the merge is read with its two parents');
      assert.equal(lineOrigin(history, 'f', 2)?.commit, 'c');
      assert.equal(lineOrigin(history, 'f', 1), undefined);
    });

    it('reads the names git quotes, and refuses what it cannot read', () => {
      assert.equal(unquotedPath('"b/caf\\303\\251 \\"x\\".js"'), 'b/café "x".js');
      assert.equal(unquotedPath('b/plain name.js'), 'b/plain name.js');
      assert.equal(unquotedPath('"b/broken\\q"'), undefined);
      assert.equal(unquotedPath('"b/unterminated'), undefined);
      const quoted = parseLineHistory('\x01c1\tme@example.com\t\n\ndiff --git "a/caf\\303\\251.js" "b/caf\\303\\251.js"\nnew file mode 100644\n--- /dev/null\n+++ "b/caf\\303\\251.js"\n@@ -0,0 +1 @@\n+x\n');
      assert.equal(lineOrigin(quoted, 'café.js', 1)?.commit, 'c1');
      const odd = parseLineHistory('\x01c1\tme@example.com\t\n\ndiff --git a/x b/x\n--- a/x\n+++ weird\n@@ -1 +1 @@\n');
      assert.equal(odd.unreadable, true);
      assert.equal(lineOrigin(odd, 'x', 1), undefined);
    });

    it('reads which paths a commit made by renaming a file', () => {
      const renames = parseRenames('\x01c2\0\nR087\0old/a.js\0new/a.js\0M\0b.js\0A\0c.js\0\x01c1\0\nA\0old/a.js\0');
      assert.deepEqual([...(renames.get('c2') ?? [])], ['new/a.js']);
      assert.deepEqual([...(renames.get('c1') ?? [])], []);
    });
  });

  describe('the same answer as blame', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      it(`gives every line of three files edited by two authors over 24 commits the commit blame gives (seed ${String(seed)}), without blame`, async () => {
        const random = randomFrom(seed);
        const root = await repo();
        const files = ['src/app.js', 'src/routes/users.js', 'Dockerfile'];
        const contents = new Map(files.map((file) => [file, Array.from({ length: 8 + random(10) }, (_, i) => (i % 3 === 2 ? '}' : `${file} ${String(i)}`))]));
        await commitFilesAs(OTHER, root, Object.fromEntries([...contents].map(([file, lines]) => [file, `${lines.join('\n')}\n`])), 'Start');
        for (let commit = 1; commit < 24; commit++) {
          const file = files[random(files.length)] ?? 'src/app.js';
          const before = contents.get(file) ?? [];
          const lines = edited(before, random, `c${String(commit)}`);
          // A commit must change something: an edit that undid itself adds a line instead.
          const after = lines.length === 0 ? ['empty'] : lines;
          contents.set(file, after.join('\n') === before.join('\n') ? [...after, `c${String(commit)}`] : after);
          await commitFilesAs(random(2) === 0 ? LEARNER : OTHER, root, { [file]: `${(contents.get(file) ?? []).join('\n')}\n` }, `Change ${String(commit)}`);
        }
        const evidence = files.flatMap((file) => (contents.get(file) ?? []).map((_, i) => lineEvidence(root, file, i + 1)));
        const { attributed, subcommands } = await attributeRecorded(root, evidence, { emails: new Set([LEARNER]) });
        for (const file of files) {
          const expected = await blamed(root, file);
          const got = attributed.filter((e) => e.path === file).map((e) => e.commit);
          assert.deepEqual(got, expected, `${file}, seed ${String(seed)}`);
        }
        assert.deepEqual(subcommands.sort(), ['log', 'status']);
      });
    }

    for (const seed of [11, 12, 13, 14]) {
      it(`gives every line the commit blame gives in a history with branches merged, conflicts and all (seed ${String(seed)})`, async () => {
        const random = randomFrom(seed);
        const root = await repo();
        const file = 'src/app.js';
        let lines = Array.from({ length: 12 }, (_, i) => `line ${String(i)}`);
        await commitFilesAs(OTHER, root, { [file]: `${lines.join('\n')}\n`, 'notes.md': 'n\n' }, 'Start');
        const main = (await gitAs(LEARNER, root, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
        const change = async (tag: string): Promise<void> => {
          const before = lines;
          const after = edited(lines, random, tag);
          lines = after.length === 0 || after.join('\n') === before.join('\n') ? [...after, tag] : after;
          await commitFilesAs(random(2) === 0 ? LEARNER : OTHER, root, { [file]: `${lines.join('\n')}\n` }, tag);
        };
        for (let round = 0; round < 4; round++) {
          await gitAs(LEARNER, root, 'checkout', '-q', '-b', `side${String(round)}`);
          const onMain = lines;
          await change(`s${String(round)}a`);
          await change(`s${String(round)}b`);
          const onSide = lines;
          await gitAs(LEARNER, root, 'checkout', '-q', main);
          lines = onMain;
          if (random(3) > 0) {
            await change(`m${String(round)}`);
          } else {
            await commitFilesAs(OTHER, root, { 'notes.md': `n${String(round)}\n` }, `notes ${String(round)}`);
          }
          // A conflict is resolved by taking the side's lines plus one the merge writes itself.
          try {
            await gitAs(LEARNER, root, 'merge', '-q', '--no-ff', '-m', `Merge ${String(round)}`, `side${String(round)}`);
          } catch {
            await writeTree(root, { [file]: `${[...onSide, `resolved ${String(round)}`].join('\n')}\n` });
            await gitAs(LEARNER, root, 'add', file);
            await gitAs(LEARNER, root, 'commit', '-q', '-m', `Merge ${String(round)} by hand`);
          }
          lines = (await fs.readFile(path.join(root, file), 'utf8')).split('\n').slice(0, -1);
          await change(`after${String(round)}`);
        }
        const evidence = lines.map((_, i) => lineEvidence(root, file, i + 1));
        const { attributed } = await attributeRecorded(root, evidence, { emails: new Set([LEARNER]) });
        assert.deepEqual(attributed.map((e) => e.commit), await blamed(root, file), `seed ${String(seed)}`);
      });
    }

    it('follows a branch merged without changes of its own, as blame does, without blame', async () => {
      const root = await repo();
      await commitFilesAs(OTHER, root, { 'src/app.js': 'a\nb\nc\n' }, 'Start');
      const main = (await gitAs(LEARNER, root, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
      await gitAs(LEARNER, root, 'checkout', '-q', '-b', 'feature');
      await commitFilesAs(LEARNER, root, { 'src/app.js': 'a\nb2\nc\nd\n' }, 'Feature');
      await gitAs(LEARNER, root, 'checkout', '-q', main);
      await commitFilesAs(OTHER, root, { 'notes.md': 'x\n' }, 'Notes');
      await gitAs(LEARNER, root, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
      const evidence = [1, 2, 3, 4].map((line) => lineEvidence(root, 'src/app.js', line));
      const { attributed, subcommands } = await attributeRecorded(root, evidence, { emails: new Set([LEARNER]) });
      assert.deepEqual(attributed.map((e) => e.commit), await blamed(root, 'src/app.js'));
      assert.deepEqual(attributed.map((e) => e.yours), [false, true, false, true]);
      assert.deepEqual(subcommands.sort(), ['log', 'status']);
    });

    for (const newer of ['main', 'side'] as const) {
      it(`gives a file's last change as the names-only log does, with branches merged (the ${newer} branch's change newer)`, async () => {
        const root = await repo();
        const at = async (seconds: number, step: () => Promise<unknown>): Promise<void> => {
          process.env.GIT_COMMITTER_DATE = `${String(1_750_000_000 + seconds)} +0000`;
          try {
            await step();
          } finally {
            Reflect.deleteProperty(process.env, 'GIT_COMMITTER_DATE');
          }
        };
        await at(0, () => commitFilesAs(OTHER, root, { Dockerfile: 'FROM node:20\n\nCMD ["node"]\n', 'app.js': 'x\n' }, 'Start'));
        const main = (await gitAs(LEARNER, root, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
        await gitAs(LEARNER, root, 'checkout', '-q', '-b', 'side');
        await at(newer === 'side' ? 20 : 10, () => commitFilesAs(OTHER, root, { Dockerfile: 'FROM node:22\n\nCMD ["node"]\n' }, 'Side'));
        await gitAs(LEARNER, root, 'checkout', '-q', main);
        await at(newer === 'main' ? 20 : 10, () => commitFilesAs(LEARNER, root, { Dockerfile: 'FROM node:20\n\nCMD ["node", "app.js"]\n' }, 'Main'));
        await at(30, () => gitAs(LEARNER, root, 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side'));
        const fileEvidence: Evidence = { milestone: 'docker.file', summary: 'Dockerfile', folder: root, path: 'Dockerfile', at: '2026-12-02T00:00:00.000Z' };
        const { attributed } = await attributeRecorded(root, [fileEvidence, lineEvidence(root, 'app.js', 1)], { emails: new Set([LEARNER]) });
        // The first commit naming the file in a plain `git log --name-only` (a merge names none).
        assert.equal(attributed[0]?.commit, (await gitAs(LEARNER, root, 'log', '--no-merges', '-1', '--format=%H', 'HEAD', '--', 'Dockerfile')).trim());
        assert.equal(attributed[0].yours, newer === 'main');
      });
    }

    it('answers for a workspace folder inside the repository (paths from the top level in the history, from the folder in the evidence)', async () => {
      const root = await repo();
      await commitFilesAs(OTHER, root, { 'api/src/app.js': 'a\nb\nc\n', 'README.md': 'hi\n' }, 'Start');
      const mine = await commitFilesAs(LEARNER, root, { 'api/src/app.js': 'a\nb2\nc\nd\n' }, 'Change');
      await gitAs(LEARNER, root, 'mv', 'README.md', 'api/README.md');
      await gitAs(LEARNER, root, 'commit', '-q', '-m', 'Move the readme');
      const folder = path.join(root, 'api');
      const evidence = [...[1, 2, 3, 4].map((line) => lineEvidence(folder, 'src/app.js', line)), lineEvidence(folder, 'README.md', 1)];
      const { attributed, subcommands } = await attributeRecorded(folder, evidence, { emails: new Set([LEARNER]) });
      assert.deepEqual(attributed.slice(0, 4).map((e) => e.commit), await blamed(folder, 'src/app.js'));
      assert.deepEqual(attributed.slice(0, 4).map((e) => e.yours), [false, true, false, true]);
      assert.equal(attributed[1]?.commit, mine);
      // The readme came into the folder by a rename of the other author's file: blame's answer, theirs.
      assert.deepEqual([attributed[4]?.commit, attributed[4]?.yours], [...(await blamed(folder, 'README.md')), false]);
      assert.deepEqual(subcommands.filter((name) => name === 'blame'), ['blame'], 'src/app.js needs none');
    });

    it('asks blame about a file the learner made by renaming another author\'s file: the lines stay that author\'s', async () => {
      const root = await repo();
      const theirs = await commitFilesAs(OTHER, root, { 'README.md': 'hi\n' }, 'Start');
      await commitFilesAs(OTHER, root, { 'server.js': 'const app = express();\napp.listen(3000);\nmodule.exports = app;\n' }, 'Server');
      await gitAs(LEARNER, root, 'mv', 'server.js', 'app.js');
      await gitAs(LEARNER, root, 'commit', '-q', '-m', 'Rename');
      const { attributed, subcommands } = await attributeRecorded(root, [lineEvidence(root, 'app.js', 2)], { emails: new Set([LEARNER]) });
      assert.equal(attributed[0]?.yours, false);
      assert.notEqual(attributed[0].commit, theirs);
      assert.deepEqual([attributed[0].commit], (await blamed(root, 'app.js')).slice(1, 2));
      assert.ok(subcommands.includes('blame'), subcommands.join(' '));
    });

    it('needs no blame for a file the learner created, with one process asking whether it was a rename', async () => {
      const root = await repo();
      await commitFilesAs(OTHER, root, { 'README.md': 'hi\n' }, 'Start');
      const mine = await commitFilesAs(LEARNER, root, { 'app.js': 'const app = express();\n' }, 'App');
      const { attributed, subcommands } = await attributeRecorded(root, [lineEvidence(root, 'app.js', 1)], { emails: new Set([LEARNER]) });
      assert.deepEqual([attributed[0]?.yours, attributed[0]?.commit], [true, mine]);
      assert.deepEqual(subcommands.sort(), ['log', 'log', 'status']);
    });

    it('asks blame when the repository tells blame to skip revisions (blame.ignoreRevsFile)', async () => {
      const root = await repo();
      const mine = await commitFilesAs(LEARNER, root, { 'app.js': 'const app = express()\n' }, 'App');
      const format = await commitFilesAs(OTHER, root, { 'app.js': 'const app = express();\n' }, 'Format');
      await writeTree(root, { '.git-blame-ignore-revs': `${format}\n` });
      await gitAs(LEARNER, root, 'config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs');
      const { attributed, subcommands } = await attributeRecorded(root, [lineEvidence(root, 'app.js', 1)], { emails: new Set([LEARNER]) });
      assert.deepEqual([attributed[0]?.commit, attributed[0]?.yours], [mine, true], 'blame passes the formatting commit\'s line to the one before');
      assert.ok(subcommands.includes('blame'));
    });

    it('asks blame about a file git holds as binary in its history', async () => {
      const root = await repo();
      await commitFilesAs(LEARNER, root, { 'data.txt': 'a\n' }, 'Text');
      await fs.writeFile(path.join(root, 'data.txt'), Buffer.from([0, 1, 2, 10]));
      await gitAs(OTHER, root, 'add', '-A');
      await gitAs(OTHER, root, 'commit', '-q', '-m', 'Binary');
      await writeTree(root, { 'data.txt': 'a\nb\n' });
      await gitAs(OTHER, root, 'add', '-A');
      await gitAs(OTHER, root, 'commit', '-q', '-m', 'Text again');
      const { attributed, subcommands } = await attributeRecorded(root, [lineEvidence(root, 'data.txt', 1)], { emails: new Set([LEARNER]) });
      assert.deepEqual([attributed[0]?.commit], (await blamed(root, 'data.txt')).slice(0, 1));
      assert.ok(subcommands.includes('blame'));
    });
  });
});
