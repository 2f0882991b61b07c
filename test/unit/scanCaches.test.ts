import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitStateCache } from '../../src/core/detection/gitStateCache';
import { codeCacheIn } from '../../src/core/lazy/codeCache';
import { TextCache } from '../../src/core/milestones/textCache';
import { configuredEmails, configuredRemotes, driverKeys, parseConfigList } from '../../src/core/scan/gitConfig';
import { commitMany, git, makeTree, removeTree } from './helpers/scanFixtures';

describe('git config, read once', () => {
  const listed = 'system\0core.autocrlf\ninput\0global\0user.email\nMe@Home.example\0local\0user.email\nme@work.example\0local\0remote.origin.url\nhttps://token@github.com/me/app.git\0local\0filter.lfs.smudge\ngit-lfs smudge\0local\0core.bare\0';

  it('parses scope, key and value, a valueless key included', () => {
    const entries = parseConfigList(listed);
    assert.equal(entries.length, 6);
    assert.deepEqual(entries[0], { scope: 'system', key: 'core.autocrlf', value: 'input' });
    assert.deepEqual(entries.at(-1), { scope: 'local', key: 'core.bare', value: '' });
  });

  it('gives the global email and the effective one, the drivers to switch off and the remotes', () => {
    const entries = parseConfigList(listed);
    assert.deepEqual(configuredEmails(entries), ['Me@Home.example', 'me@work.example']);
    assert.deepEqual(driverKeys(entries), ['filter.lfs.smudge']);
    assert.deepEqual(configuredRemotes(entries), [{ name: 'origin', url: 'https://token@github.com/me/app.git' }]);
  });
});

describe('TextCache', () => {
  it('forgets changed paths only, with what was worked out from them', async () => {
    const cache = new TextCache(1000);
    cache.keepText('a.ts', Promise.resolve('a'));
    cache.keepText('b.ts', Promise.resolve('b'));
    let computed = 0;
    const key = {};
    const compute = (): Promise<number> => Promise.resolve(++computed);
    const answer = async (path: string): Promise<number> => {
      const found = cache.answerForFile(path, key, compute);
      return found instanceof Promise ? found : found.value;
    };
    assert.equal(await answer('a.ts'), 1);
    assert.equal(await answer('a.ts'), 1, 'remembered');
    assert.equal(await answer('b.ts'), 2);
    cache.forget(['a.ts']);
    assert.equal(cache.texts.has('a.ts'), false);
    assert.equal(cache.texts.has('b.ts'), true);
    assert.equal(await answer('a.ts'), 3, 'worked out again after a change');
    assert.equal(await answer('b.ts'), 2);
  });

  it('gives a settled answer itself, not a promise, and never one from before a change', async () => {
    const cache = new TextCache(1000);
    const key = {};
    let release: (value: string) => void = () => undefined;
    const first = cache.answerForFile('a.ts', key, () => new Promise<string>((resolve) => (release = resolve)));
    assert.ok(first instanceof Promise, 'pending at first');
    // Changed while the first answer was being worked out: that answer must not be kept.
    cache.forget(['a.ts']);
    release('before the change');
    await first;
    const second = cache.answerForFile('a.ts', key, () => Promise.resolve('after the change'));
    assert.ok(second instanceof Promise);
    assert.equal(await second, 'after the change');
    assert.deepEqual(cache.answerForFile('a.ts', key, () => Promise.resolve('not asked')), { value: 'after the change' });
  });

  it('stops keeping texts past its budget', async () => {
    const cache = new TextCache(4);
    cache.keepText('a', Promise.resolve('12345'));
    await new Promise((resolve) => setImmediate(resolve));
    cache.keepText('b', Promise.resolve('x'));
    assert.equal(cache.full, true);
    assert.equal(cache.texts.has('b'), false);
  });
});

describe('GitStateCache', () => {
  let repo = '';
  beforeEach(async () => {
    repo = await makeTree({ 'a.txt': 'a\n' });
    await git(repo, 'init', '-q');
    await commitMany(repo, 1);
  });
  afterEach(async () => removeTree(repo));

  it('holds while .git is unchanged; a commit, a config change or a minute makes it read again', async () => {
    let now = 1_000_000;
    const cache = new GitStateCache(() => now);
    const stamp = await cache.stamp(repo);
    assert.ok(stamp !== undefined);
    cache.set(repo, stamp, { config: [], workTree: { prefix: '', head: 'x' } });
    assert.equal(await cache.stamp(repo), stamp);
    assert.ok(cache.get(repo, stamp) !== undefined);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await commitMany(repo, 1, 'Later');
    const afterCommit = await cache.stamp(repo);
    assert.notEqual(afterCommit, stamp, 'the branch ref moved');
    assert.equal(cache.get(repo, afterCommit ?? ''), undefined);

    cache.set(repo, afterCommit ?? '', { config: [], workTree: undefined });
    await git(repo, 'config', 'user.email', 'other@example.invalid');
    assert.notEqual(await cache.stamp(repo), afterCommit, '.git/config changed');

    const settled = (await cache.stamp(repo)) ?? '';
    cache.set(repo, settled, { config: [], workTree: undefined });
    now += 61_000;
    assert.equal(cache.get(repo, settled), undefined, 'kept at most a minute');
  });

  it('does not cache a folder without its own .git directory', async () => {
    const cache = new GitStateCache();
    const inner = path.join(repo, 'sub');
    await fs.mkdir(inner);
    assert.equal(await cache.stamp(inner), undefined);
  });
});

describe('code cache for bundles', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'code-cache-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('loads a CommonJS file, writes its compiled code once and uses it next time; other text never reuses it', async () => {
    const bundle = path.join(dir, 'bundle.js');
    await fs.writeFile(bundle, "exports.answer = () => 42; exports.file = __filename; exports.path = require('node:path').sep;\n");
    const cacheFolder = path.join(dir, 'cache');

    const first = codeCacheIn(cacheFolder);
    const loaded = first.load(bundle) as { answer(): number; file: string; path: string };
    assert.equal(loaded.answer(), 42);
    assert.equal(loaded.file, bundle);
    assert.equal(loaded.path, path.sep);
    first.save();
    const written = await fs.readdir(cacheFolder);
    assert.equal(written.length, 1);

    const second = codeCacheIn(cacheFolder);
    assert.equal((second.load(bundle) as { answer(): number }).answer(), 42);
    second.save();
    assert.deepEqual(await fs.readdir(cacheFolder), written, 'a used cache is not written again');

    // The same length as before: V8's own check (the text's length) would take the old code.
    await fs.writeFile(bundle, "exports.answer = () => 24; exports.file = __filename; exports.path = require('node:path').sep;\n");
    const third = codeCacheIn(cacheFolder);
    assert.equal((third.load(bundle) as { answer(): number }).answer(), 24, 'changed text compiles afresh');
    third.save();
    assert.deepEqual(await fs.readdir(cacheFolder), written, 'one cache per bundle, replaced');
    const fourth = codeCacheIn(cacheFolder);
    assert.equal((fourth.load(bundle) as { answer(): number }).answer(), 24);
    const [cacheFile = ''] = written;
    const before = await fs.stat(path.join(cacheFolder, cacheFile));
    fourth.save();
    assert.equal((await fs.stat(path.join(cacheFolder, cacheFile))).mtimeMs, before.mtimeMs, 'the replaced cache is used: not written again');
  });

  it('compiles afresh from a cache file that is cut short or holds other text', async () => {
    const bundle = path.join(dir, 'bundle.js');
    await fs.writeFile(bundle, 'exports.answer = () => 42;\n');
    const cacheFolder = path.join(dir, 'cache');
    const first = codeCacheIn(cacheFolder);
    first.load(bundle);
    first.save();
    const [cacheFile = ''] = await fs.readdir(cacheFolder);
    const full = await fs.readFile(path.join(cacheFolder, cacheFile));
    for (const broken of [full.subarray(0, 3), full.subarray(0, 20), Buffer.concat([full.subarray(0, 4), Buffer.from('exports.answer = () => 41;\n'), full.subarray(4 + 27)])]) {
      await fs.writeFile(path.join(cacheFolder, cacheFile), broken);
      assert.equal((codeCacheIn(cacheFolder).load(bundle) as { answer(): number }).answer(), 42);
    }
  });

  it('works when the cache folder cannot be made', async () => {
    // A regular file where a folder should be: mkdir fails with ENOTDIR.
    const blocker = path.join(dir, 'not-a-folder');
    await fs.writeFile(blocker, '');
    const cache = codeCacheIn(path.join(blocker, 'cache'));
    const bundle = path.join(dir, 'b.js');
    await fs.writeFile(bundle, 'exports.x = 1;\n');
    assert.equal((cache.load(bundle) as { x: number }).x, 1);
    assert.doesNotThrow(() => cache.save());
  });
});
