// Which commit wrote a line, from one `git log -p -U0` instead of a blame per file (lineHistory.ts): the
// answer must be blame's, line for line, or the line must be left to blame.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LineHistory } from '../../src/core/detection/lineHistory';
import { lastChanges, lineOrigin, lineOrigins, parseLineHistory, parseRenames, unquotedPath } from '../../src/core/detection/lineHistory';
import type { Evidence } from '../../src/core/progress/model';
import { attributeFileEvidence, readWorkTree } from '../../src/core/detection/authorship';
import type { GitRunner } from '../../src/core/scan/gitRunner';
import { attributeRecorded, recordingRunner } from './helpers/recordingRunner';
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
    /** A commit as `git log --pretty=raw --parents -m` prints it: rewritten parents, `(from <parent>)` for a merge's diff. */
    const header = (commit: string, shownParents: readonly string[], realParents: readonly string[], email: string, from?: string): string =>
      [
        `commit ${[commit, ...shownParents].join(' ')}${from === undefined ? '' : ` (from ${from})`}`,
        `tree ${'f'.repeat(40)}`,
        ...realParents.map((parent) => `parent ${parent}`),
        `author Some One <${email}> 1750000000 +0000`,
        `committer Some One <${email}> 1750000100 +0000`,
        'gpgsig -----BEGIN PGP SIGNATURE-----',
        ' continued',
        '',
        '    The message',
        '',
        '    commit in a message is indented',
        '',
      ].join('\n');
    const hash = (digit: string): string => digit.repeat(40);
    const [c1, c2, c3] = [hash('1'), hash('2'), hash('3')];

    it('reads hunks with and without counts, created files, binary changes and the commits\' authors, times and parents', async () => {
      const history = await parseLineHistory(
        [
          header(c3, [c2], [c2], 'me@example.com'),
          'diff --git a/src/app.js b/src/app.js',
          'index 1..2 100644',
          '--- a/src/app.js',
          '+++ b/src/app.js',
          '@@ -2 +2,2 @@ const x',
          '-old',
          '+new',
          '+@@ -1 +1 @@ inside a hunk is content, not a header',
          '+commit 1111111111111111111111111111111111111111 inside a hunk too',
          '@@ -9,0 +11 @@',
          '+added',
          'diff --git a/logo.png b/logo.png',
          'Binary files a/logo.png and b/logo.png differ',
          // Its parent is not printed (it changed none of the files): rewritten away.
          header(c2, [], ['0'.repeat(40)], 'you@example.com'),
          'diff --git a/src/app.js b/src/app.js',
          'new file mode 100644',
          '--- /dev/null',
          '+++ b/src/app.js',
          '@@ -0,0 +1,10 @@',
          '+line',
        ].join('\n'),
      );
      assert.equal(history.commits.length, 2);
      assert.deepEqual([history.commits.map((commit) => [commit.parents, commit.realParents, commit.email, commit.committed]), history.unreadable], [
        [
          [[c2], 1, 'me@example.com', 1750000100],
          [[], 1, 'you@example.com', 1750000100],
        ],
        false,
      ]);
      const newest = history.commits[0];
      assert.deepEqual(newest?.diffs.get(c2)?.get('src/app.js')?.hunks, [
        { start: 2, count: 1, newStart: 2, newCount: 2 },
        { start: 9, count: 0, newStart: 11, newCount: 1 },
      ]);
      assert.equal(newest.diffs.get(c2)?.get('logo.png')?.binary, true);
      assert.equal(history.commits[1]?.diffs.get('')?.get('src/app.js')?.created, true);
      // Line 3 was added by c3; line 10 was line 9 before c3 (one line more above it), added by c2.
      assert.equal(lineOrigin(history, 'src/app.js', 3)?.commit, c3);
      assert.deepEqual(lineOrigin(history, 'src/app.js', 10), { commit: c2, email: 'you@example.com', createdWithParent: true });
      assert.equal(lineOrigin(history, 'logo.png', 1), undefined, 'a binary change is left to blame');
      assert.equal(lineOrigin(history, 'src/app.js', 12)?.commit, c2);
      assert.equal(lineOrigin(history, 'src/app.js', 13), undefined, 'a line the history never added is left to blame');
      assert.equal(lastChanges(history).get('src/app.js')?.commit, c3);
    });

    it('follows a line through a merge as blame does: whole to the first parent with the same file, else to the first that has the line', async () => {
      const [m, p1, p2, root] = [hash('a'), hash('b'), hash('c'), hash('d')];
      const patch = (hunk: string, created = false): string => ['diff --git a/f b/f', ...(created ? ['new file mode 100644', '--- /dev/null'] : ['--- a/f']), '+++ b/f', hunk, '+x'].join('\n');
      const history = (mergeDiffs: string): Promise<LineHistory> =>
        parseLineHistory(
          [
            mergeDiffs,
            header(p2, [root], [root], 'side@example.com'),
            patch('@@ -1,0 +2 @@'),
            header(p1, [root], [root], 'main@example.com'),
            patch('@@ -3,0 +4 @@'),
            header(root, [], [], 'root@example.com'),
            patch('@@ -0,0 +1,3 @@', true),
          ].join('\n'),
        );
      // The same as the second parent: every line goes there, even one the first parent has too.
      const sameAsSide = await history([header(m, [p1, p2], [p1, p2], 'merger@example.com', p1), patch('@@ -1,0 +2 @@')].join('\n'));
      assert.deepEqual([1, 2, 3, 4].map((line) => lineOrigin(sameAsSide, 'f', line)?.commit), [root, p2, root, root]);
      assert.deepEqual(lastChanges(sameAsSide).get('f')?.commit, p2, 'the names-only log follows the side the merge took');
      // Changed against both: the first parent's unchanged lines, then the second's, then the merge's own.
      const both = await history([header(m, [p1, p2], [p1, p2], 'merger@example.com', p1), patch('@@ -1,0 +2,2 @@'), header(m, [p1, p2], [p1, p2], 'merger@example.com', p2), patch('@@ -2,0 +3 @@')].join('\n'));
      // Line 2 is new against the first parent only (the second parent's line), line 3 against both (the merge's own).
      assert.deepEqual([1, 2, 3].map((line) => lineOrigin(both, 'f', line)?.commit), [root, p2, m]);
      // A first parent that lacks the file: the second has it the same, and takes every line.
      const lacking = await history([header(m, [p1, p2], [p1, p2], 'merger@example.com', p1), patch('@@ -0,0 +1,4 @@', true)].join('\n'));
      assert.deepEqual(lineOrigin(lacking, 'f', 2), { commit: p2, email: 'side@example.com', createdWithParent: false });
      // No parent has the file the same, and one lacks it: blame would look for a rename there.
      const renamedOnOneSide = await history([header(m, [p1, p2], [p1, p2], 'merger@example.com', p1), patch('@@ -0,0 +1,4 @@', true), header(m, [p1, p2], [p1, p2], 'merger@example.com', p2), patch('@@ -1,0 +2 @@')].join('\n'));
      assert.equal(lineOrigin(renamedOnOneSide, 'f', 3), undefined);
      // Two parents rewritten to one commit: left to blame.
      const collapsed = await history([header(m, [p1], [p1, p2], 'merger@example.com', p1), patch('@@ -1,0 +2 @@')].join('\n'));
      assert.equal(lineOrigin(collapsed, 'f', 2), undefined);
    });

    it('refuses a combined diff (log.diffMerges) and a commit line it cannot read', async () => {
      assert.equal((await parseLineHistory(`${header(c1, [], [], 'me@example.com')}diff --cc f\n`)).unreadable, true);
      assert.equal((await parseLineHistory('commit not-a-hash\n')).unreadable, true);
    });

    it('gives the event loop turns while it reads a long history and follows lines through it (the extension host must not be held)', async () => {
      const commits = Array.from({ length: 20_000 }, (_, i) => {
        const commit = i.toString(16).padStart(40, '0');
        const parent = (i + 1).toString(16).padStart(40, '0');
        return `${header(commit, [parent], [parent], 'me@example.com')}diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n-a\n+b\n+c\n`;
      });
      let turns = 0;
      let counting = true;
      const count = (): void => {
        turns += 1;
        if (counting) {
          setImmediate(count);
        }
      };
      setImmediate(count);
      const history = await parseLineHistory(commits.join(''));
      counting = false;
      assert.equal(history.commits.length, 20_000);
      assert.ok(turns > 1, `the event loop had ${String(turns)} turn(s) during the reading`);
      // Following lines the history never added walks all 20,000 commits for each.
      turns = 0;
      counting = true;
      setImmediate(count);
      const origins = await lineOrigins(history, Array.from({ length: 100 }, () => ({ file: 'other', line: 1 })));
      counting = false;
      assert.deepEqual(new Set(origins), new Set([undefined]));
      assert.ok(turns > 1, `the event loop had ${String(turns)} turn(s) while lines were followed`);
    });

    it('reads the names git quotes, and refuses what it cannot read', async () => {
      assert.equal(unquotedPath('"b/caf\\303\\251 \\"x\\".js"'), 'b/café "x".js');
      assert.equal(unquotedPath('b/plain name.js'), 'b/plain name.js');
      assert.equal(unquotedPath('"b/broken\\q"'), undefined);
      assert.equal(unquotedPath('"b/unterminated'), undefined);
      const quoted = await parseLineHistory(`${header(c1, [], [], 'me@example.com')}diff --git "a/caf\\303\\251.js" "b/caf\\303\\251.js"\nnew file mode 100644\n--- /dev/null\n+++ "b/caf\\303\\251.js"\n@@ -0,0 +1 @@\n+x\n`);
      assert.equal(lineOrigin(quoted, 'café.js', 1)?.commit, c1);
      const odd = await parseLineHistory(`${header(c1, [], [], 'me@example.com')}diff --git a/x b/x\n--- a/x\n+++ weird\n@@ -1 +1 @@\n`);
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
    afterEach(() => {
      // Set by the tests that date their commits.
      Reflect.deleteProperty(process.env, 'GIT_COMMITTER_DATE');
    });

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

    for (const seed of [21, 22, 23, 24, 25, 26, 27, 28]) {
      it(`gives every line of files made and changed on branches merged both ways the commit blame gives, and each file the last change the names-only log gives (seed ${String(seed)})`, async () => {
        const random = randomFrom(seed);
        const root = await repo();
        const files = ['src/app.js', 'src/routes.js', 'Dockerfile'];
        const start = (file: string): string[] => Array.from({ length: 6 + random(6) }, (_, i) => (i % 3 === 2 ? '}' : `${file} ${String(i)}`));
        // Each commit a second after the last: git prints commits of the same second in its walk's order, which
        // passes through commits the patch log leaves out; lastChanges breaks such ties by the printed order.
        let clock = 0;
        const tick = (): void => {
          process.env.GIT_COMMITTER_DATE = `${String(1_750_000_000 + clock++)} +0000`;
        };
        tick();
        await commitFilesAs(OTHER, root, { 'src/app.js': `${start('src/app.js').join('\n')}\n`, 'notes.md': 'n\n' }, 'Start');
        const main = (await gitAs(LEARNER, root, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
        const read = async (file: string): Promise<string[] | undefined> => {
          const text = await fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
          return text?.split('\n').slice(0, -1);
        };
        let step = 0;
        // One commit on the current branch: a file changed, or made when it is not there yet.
        const change = async (): Promise<void> => {
          const file = files[random(files.length)] ?? 'src/app.js';
          const before = await read(file);
          const tag = `c${String(step++)}`;
          const after = before === undefined ? start(file) : edited(before, random, tag);
          const lines = after.length === 0 || after.join('\n') === before?.join('\n') ? [...after, tag] : after;
          tick();
          await commitFilesAs(random(2) === 0 ? LEARNER : OTHER, root, { [file]: `${lines.join('\n')}\n` }, tag);
        };
        // A merge; a conflict is resolved by taking the incoming side's files with a line of the merge's own.
        // Now and then the side's changes are dropped (`-s ours`): the names-only log then leaves that side out.
        const merge = async (branch: string): Promise<void> => {
          tick();
          try {
            await gitAs(random(2) === 0 ? LEARNER : OTHER, root, 'merge', '-q', '--no-ff', ...(random(4) === 0 ? ['-s', 'ours'] : []), '-m', `Merge ${branch}`, branch);
          } catch {
            const conflicted = (await gitAs(LEARNER, root, 'diff', '--name-only', '--diff-filter=U')).split('\n').filter((name) => name !== '');
            for (const file of conflicted) {
              const theirs = await gitAs(LEARNER, root, 'show', `${branch}:${file}`);
              await writeTree(root, { [file]: `${theirs}resolved ${String(step++)}\n` });
              await gitAs(LEARNER, root, 'add', file);
            }
            await gitAs(OTHER, root, 'commit', '-q', '-m', `Merge ${branch} by hand`);
          }
        };
        for (let round = 0; round < 4; round++) {
          const side = `side${String(round)}`;
          await gitAs(LEARNER, root, 'checkout', '-q', '-b', side);
          for (let commits = 1 + random(3); commits > 0; commits--) {
            await change();
          }
          await gitAs(LEARNER, root, 'checkout', '-q', main);
          for (let commits = random(3); commits > 0; commits--) {
            if (random(3) === 0) {
              tick();
              await commitFilesAs(OTHER, root, { 'notes.md': `n${String(step++)}\n` }, 'Notes');
            } else {
              await change();
            }
          }
          if (random(3) === 0) {
            // The main line merged into the side first, then the side back.
            await gitAs(LEARNER, root, 'checkout', '-q', side);
            await merge(main);
            await change();
            await gitAs(LEARNER, root, 'checkout', '-q', main);
          }
          await merge(side);
        }
        await change();
        const present = (await Promise.all(files.map(async (file) => [file, await read(file)] as const))).filter((entry): entry is readonly [string, string[]] => entry[1] !== undefined);
        const lineEvidenceOf = present.flatMap(([file, lines]) => lines.map((_, i) => lineEvidence(root, file, i + 1)));
        const fileEvidenceOf = present.map(([file]): Evidence => ({ milestone: 'docker.file', summary: file, folder: root, path: file, at: '2026-12-02T00:00:00.000Z' }));
        const { attributed, subcommands } = await attributeRecorded(root, [...fileEvidenceOf, ...lineEvidenceOf], { emails: new Set([LEARNER]) });
        for (const [file] of present) {
          assert.deepEqual(
            attributed.filter((e) => e.path === file && e.line !== undefined).map((e) => e.commit),
            await blamed(root, file),
            `${file}, seed ${String(seed)}`,
          );
        }
        // The file evidence read from the patch log names the commit the names-only log (no lines asked) names.
        const namesOnly = await attributeRecorded(root, fileEvidenceOf, { emails: new Set([LEARNER]) });
        assert.deepEqual(attributed.slice(0, present.length).map((e) => e.commit), namesOnly.attributed.map((e) => e.commit), `seed ${String(seed)}`);
        assert.deepEqual(subcommands.filter((name) => name === 'blame'), [], `seed ${String(seed)}: ${subcommands.join(' ')}`);
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

    it('follows the branch a merge took a file from, as blame does, even when against the first parent the merge is a rename', async () => {
      const root = await repo();
      const server = 'const app = express();\napp.listen(3000);\nmodule.exports = app;\n';
      await commitFilesAs(OTHER, root, { 'server.js': server }, 'Server');
      const main = (await gitAs(LEARNER, root, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
      await gitAs(LEARNER, root, 'checkout', '-q', '-b', 'tidy');
      await commitFilesAs(LEARNER, root, { 'app.js': server }, 'Copy the server');
      await gitAs(LEARNER, root, 'rm', '-q', 'server.js');
      await gitAs(LEARNER, root, 'commit', '-q', '-m', 'Remove the old name');
      await gitAs(LEARNER, root, 'checkout', '-q', main);
      await commitFilesAs(OTHER, root, { 'notes.md': 'x\n' }, 'Notes');
      await gitAs(LEARNER, root, 'merge', '-q', '--no-ff', '-m', 'Merge tidy', 'tidy');
      const { attributed, subcommands } = await attributeRecorded(root, [lineEvidence(root, 'app.js', 2)], { emails: new Set([LEARNER]) });
      // Blame gives the whole file to the parent that has it unchanged before it looks for renames in the
      // others: the copy on the branch is the learner's, though server.js was the other author's.
      assert.deepEqual([attributed[0]?.commit, attributed[0]?.yours], [...(await blamed(root, 'app.js')).slice(1, 2), true]);
      assert.deepEqual(subcommands.sort(), ['log', 'log', 'status'], 'the copy was not a rename: one question, no blame');
    });

    it('asks blame where the log and blame could name authors or merges otherwise (a mailmap, log.diffMerges)', async () => {
      for (const setUp of [
        (root: string) => writeTree(root, { '.mailmap': `Learner <${LEARNER}> <${OTHER}>\n` }),
        (root: string) => gitAs(LEARNER, root, 'config', 'log.diffMerges', 'first-parent'),
      ]) {
        const root = await repo();
        await commitFilesAs(OTHER, root, { 'app.js': 'const app = express();\n' }, 'App');
        await setUp(root);
        const { attributed, subcommands } = await attributeRecorded(root, [lineEvidence(root, 'app.js', 1)], { emails: new Set([LEARNER]) });
        assert.deepEqual([attributed[0]?.commit], await blamed(root, 'app.js'));
        assert.ok(subcommands.includes('blame'), subcommands.join(' '));
      }
    });

    it('still names the file\'s last commit, and asks blame about its lines, when the log with patches fails (its output past the bound)', async () => {
      const root = await repo();
      const mine = await commitFilesAs(LEARNER, root, { Dockerfile: 'FROM node:22\n', 'app.js': 'const app = express();\n' }, 'App');
      const { git, subcommands } = recordingRunner(root);
      const failing: GitRunner = {
        run: (args) => (args.includes('-m') ? Promise.resolve({ ok: false, kind: 'failed', message: 'git log printed more than 128 MiB and was stopped', stuck: false }) : git.run(args)),
        config: git.config?.bind(git),
      };
      const workTree = await readWorkTree(failing);
      assert.ok(workTree);
      const fileEvidence: Evidence = { milestone: 'docker.file', summary: 'Dockerfile', folder: root, path: 'Dockerfile', at: '2026-12-02T00:00:00.000Z' };
      const attributed = await attributeFileEvidence(root, [fileEvidence, lineEvidence(root, 'app.js', 1)], workTree, { git: failing, emails: new Set([LEARNER]) });
      assert.deepEqual(attributed.map((e) => [e.commit, e.yours]), [
        [mine, true],
        [mine, true],
      ]);
      assert.ok(subcommands.includes('blame'), subcommands.join(' '));
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
