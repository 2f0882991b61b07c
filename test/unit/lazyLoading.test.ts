// What loads when: what activation loads (dist/extension.js), the extension it loads right after (dist/extensionMain.js) and dist/cli.js hold no YAML parser, schema validator, Markdown parser
// or detection engine (those are their own bundles, required on first use), and each CLI command loads
// only what it needs.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { createMarkdownEngine } from '../../src/core/content/markdownEngine';
import { compileRoadmap } from '../../src/core/compiled/compileRoadmap';
import { bundleOptions } from './helpers/bundleOptions';
import { writeCompiledRoadmap } from './helpers/compiledFiles';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';

// Compiled to <out>/test/unit/: three levels up is the repository root, two up is the compiled tree.
const REPO_ROOT = path.resolve(__dirname, '../../..');
const OUT_ROOT = path.resolve(__dirname, '../..');

/** Inputs that must stay out of what activation and CLI start-up load. */
const HEAVY = [/node_modules\/yaml\//, /node_modules\/ajv\//, /node_modules\/markdown-it\//, /src\/core\/roadmap\/loader\.[jt]s$/, /src\/core\/milestones\/engine\.[jt]s$/, /src\/core\/detection\/detectionCore\.[jt]s$/, /src\/core\/scan\/gitRunner\.[jt]s$/];

/** The input files of one bundle of scripts/bundles.mjs, built in memory as the release build does. */
async function bundleInputs(name: string): Promise<string[]> {
  const result = await esbuild.build({ ...(await bundleOptions(name)), bundle: true, minify: true, write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

/** The text of one bundle of scripts/bundles.mjs, built in memory as the release build does. */
async function bundleText(name: string): Promise<string> {
  const result = await esbuild.build({ ...(await bundleOptions(name)), bundle: true, minify: true, write: false, logLevel: 'silent' });
  const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
  assert.ok(output, `no JavaScript output for ${name}`);
  return output.text;
}

/** Runs `script` in a fresh node, which prints what it needs to; returns its output parsed as JSON. */
async function inFreshNode(script: string): Promise<{ modules: string[]; skills?: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: REPO_ROOT });
  const parsed: unknown = JSON.parse(stdout);
  assert.ok(typeof parsed === 'object' && parsed !== null && 'modules' in parsed && Array.isArray(parsed.modules));
  return { modules: parsed.modules.map(String), ...('skills' in parsed && typeof parsed.skills === 'number' ? { skills: parsed.skills } : {}) };
}

const heavyIn = (files: readonly string[]): string[] => files.filter((file) => HEAVY.some((pattern) => pattern.test(file.split(path.sep).join('/'))));

describe('lazy loading', function () {
  this.timeout(60_000);

  describe('bundles', () => {
    for (const name of ['extension', 'extensionMain', 'cli']) {
      it(`keeps the YAML, schema and Markdown tools and the detection engine out of dist/${name}.js`, async () => {
        assert.deepEqual(heavyIn(await bundleInputs(name)), []);
      });
    }

    // Loaded through V8's code cache from bytes (src/core/lazy/bundleScript.ts): ASCII text is decoded on V8's
    // fast path into a one-byte string; one character past it made decoding extensionMain.js take 4.8 ms of a 44 ms activation.
    for (const name of ['extension', 'extensionMain', 'detection', 'cli']) {
      it(`builds dist/${name}.js as ASCII text`, async () => {
        const text = await bundleText(name);
        const others = new Set<string>();
        for (let at = 0; at < text.length; at++) {
          if (text.charCodeAt(at) > 0x7f) {
            others.add(text.charAt(at));
          }
        }
        assert.deepEqual([...others], [], 'write such characters as \\u escapes (esbuild leaves them in regular expressions)');
      });
    }

    it('puts them in the lazily loaded bundles instead', async () => {
      const detection = heavyIn(await bundleInputs('detection'));
      assert.ok(detection.some((file) => file.endsWith('src/core/milestones/engine.ts')), detection.join(', '));
      const tools = heavyIn(await bundleInputs('contentTools'));
      for (const pkg of ['yaml', 'ajv', 'markdown-it']) {
        assert.ok(tools.some((file) => file.includes(`node_modules/${pkg}/`)), `${pkg} is not in contentTools.js`);
      }
    });
  });

  it("loads no perf_hooks with what activation loads (the first use of `performance` loads them, on activation's time)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'br-activation-'));
    try {
      const bundles = { extension: path.join(dir, 'extension.js'), extensionMain: path.join(dir, 'extensionMain.js') };
      for (const [name, file] of Object.entries(bundles)) {
        await fs.writeFile(file, await bundleText(name));
      }
      // A stand-in for the vscode API: loading the bundle only needs its names to exist.
      const stub = `const Module = require('module'); const load = Module._load; const api = new Proxy({}, { get: (_t, key) => (key === '__esModule' ? false : class {}) }); Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };`;
      const perf = `process.moduleLoadList.filter((m) => m.includes('perf_hooks') || m.includes('internal/perf/performance'))`;
      const requires = Object.values(bundles).map((file) => `require(${JSON.stringify(file)});`).join(' ');
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', `${stub} const before = ${perf}; ${requires} console.log(JSON.stringify({ before, after: ${perf} }));`], { cwd: REPO_ROOT });
      const loaded: unknown = JSON.parse(stdout);
      assert.ok(typeof loaded === 'object' && loaded !== null && 'before' in loaded && 'after' in loaded);
      assert.deepEqual(loaded.after, loaded.before);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  describe('activation (src/vscode/extension.ts): stand-ins first, the extension right after, through the code cache', () => {
    let dir: string;
    let packageCommands: string[];
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'br-loader-'));
      await fs.writeFile(path.join(dir, 'extension.js'), await bundleText('extension'));
      // The loader runs whatever extensionMain.js is beside it: a stand-in that counts its starts and says what it was given.
      await fs.writeFile(
        path.join(dir, 'extensionMain.js'),
        `exports.start = (context, activatedAt) => {
          globalThis.starts = (globalThis.starts ?? 0) + 1;
          if (process.env.BROKEN_START === '1') throw new Error('the roadmap file is missing');
          return {
            api: { statusBarText: () => 'made from ' + __filename + ' with ' + context.globalStorageUri.fsPath + (typeof activatedAt === 'number' ? ' at activation' : '') },
            runCommand: (id, args) => Promise.resolve({ id, args }),
            restorePanel: (panel, state) => { globalThis.restored = [panel, state]; },
          };
        };\n`,
      );
      const manifest: unknown = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
      assert.ok(typeof manifest === 'object' && manifest !== null && 'contributes' in manifest);
      const contributes = manifest.contributes as { commands: { command: string }[] };
      packageCommands = contributes.commands.map((c) => c.command).sort();
    });
    after(async () => fs.rm(dir, { recursive: true, force: true }));

    interface Activation {
      /** How many times the extension had started when activate() returned, and at the end. */
      readonly startsAtActivation: number;
      readonly starts: number;
      readonly commands: readonly string[];
      readonly serializers: readonly string[];
      readonly statusBarText: string | undefined;
      readonly commandResult: unknown;
      readonly commandError: string | undefined;
      readonly errorMessages: readonly string[];
      readonly restored: unknown;
      /** Whether Node's require loaded extensionMain.js (it is not in require.cache when compiled from the cache's code). */
      readonly required: boolean;
      readonly delays: readonly number[];
      readonly subscriptions: number;
      /** The cache folder's files and their modification times, after the timers ran. */
      readonly cache: Readonly<Record<string, number>>;
    }

    /**
     * Activates the loader in a fresh node with stand-ins for the vscode API and the context, then runs
     * its timers (`commandFirst`: runs a command before them, as a learner's first click would), then calls
     * the API and restores a panel.
     */
    async function activateIn(storage: string, options: { scheme?: string; env?: NodeJS.ProcessEnv; commandFirst?: boolean } = {}): Promise<Activation> {
      const script = `
        const fs = require('fs'); const path = require('path'); const Module = require('module');
        const commands = new Map(); const serializers = new Map(); const errorMessages = [];
        const vscode = {
          commands: { registerCommand: (id, fn) => { commands.set(id, fn); return { dispose() {} }; } },
          window: { registerWebviewPanelSerializer: (type, s) => { serializers.set(type, s); return { dispose() {} }; }, showErrorMessage: (m) => { errorMessages.push(m); } },
          l10n: { t: (m, ...a) => m.replace(/\\{(\\d+)\\}/g, (_, i) => String(a[Number(i)])) },
        };
        const load = Module._load; Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
        const timers = []; globalThis.setTimeout = (fn, ms) => { timers.push([fn, ms]); return 0; };
        const context = { globalStorageUri: { scheme: ${JSON.stringify(options.scheme ?? 'file')}, fsPath: ${JSON.stringify(storage)} }, subscriptions: [] };
        const api = require(${JSON.stringify(path.join(dir, 'extension.js'))}).activate(context);
        const startsAtActivation = globalThis.starts ?? 0;
        (async () => {
          let commandResult; let commandError;
          const run = async () => { try { commandResult = await commands.get('backendRoadmap.markDone')('http.basics', 'twice'); } catch (e) { commandError = e.message; } };
          if (${options.commandFirst === true}) await run();
          for (let i = 0; i < timers.length; i++) timers[i][0]();
          if (${options.commandFirst !== true}) await run();
          let statusBarText; try { statusBarText = api.statusBarText(); } catch {}
          try { await serializers.get('backendRoadmap.details')?.deserializeWebviewPanel('the panel', { skillId: 'git.basics' }); } catch {}
          const folder = path.join(${JSON.stringify(storage)}, 'code-cache');
          const cache = fs.existsSync(folder) ? Object.fromEntries(fs.readdirSync(folder).map((f) => [f, fs.statSync(path.join(folder, f)).mtimeMs])) : {};
          console.log(JSON.stringify({ startsAtActivation, starts: globalThis.starts ?? 0, commands: [...commands.keys()].sort(), serializers: [...serializers.keys()], statusBarText, commandResult, commandError, errorMessages, restored: globalThis.restored,
            required: require.cache[${JSON.stringify(path.join(dir, 'extensionMain.js'))}] !== undefined, delays: timers.map(([, ms]) => ms), subscriptions: context.subscriptions.length, cache }));
        })();`;
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: REPO_ROOT, env: { ...process.env, BACKEND_ROADMAP_NO_CODE_CACHE: '', ...options.env } });
      return JSON.parse(stdout) as Activation;
    }

    it("returns from activate() without loading the extension, with every command of package.json and the panel's serializer registered", async () => {
      const activation = await activateIn(path.join(dir, 'stand-ins'));
      assert.equal(activation.startsAtActivation, 0, 'activate() started the extension');
      assert.deepEqual(activation.commands, packageCommands);
      assert.deepEqual(activation.serializers, ['backendRoadmap.details']);
      assert.deepEqual(activation.delays, [0, 1000], 'the extension starts in the next turn; its code is saved 1 s after');
      assert.equal(activation.starts, 1);
      assert.deepEqual(activation.commandResult, { id: 'backendRoadmap.markDone', args: ['http.basics', 'twice'] }, 'a stand-in hands the command and its arguments on');
      assert.deepEqual(activation.restored, ['the panel', { skillId: 'git.basics' }]);
      assert.match(activation.statusBarText ?? '', / at activation$/, 'the extension is told when activation ran');
    });

    it('starts the extension once, at the first command when that comes before the next turn', async () => {
      const activation = await activateIn(path.join(dir, 'command-first'), { commandFirst: true });
      assert.equal(activation.startsAtActivation, 0);
      assert.deepEqual(activation.commandResult, { id: 'backendRoadmap.markDone', args: ['http.basics', 'twice'] });
      assert.equal(activation.starts, 1, 'the timer found it started');
    });

    it('starts a broken extension once: says so to the learner, and each command fails with the same reason', async () => {
      const activation = await activateIn(path.join(dir, 'broken'), { env: { BROKEN_START: '1' } });
      assert.equal(activation.starts, 1);
      assert.deepEqual(activation.errorMessages, ['Backend Roadmap could not start: the roadmap file is missing. Reload the window; if this happens again, reinstall the extension.']);
      assert.equal(activation.commandError, 'the roadmap file is missing');
      assert.equal(activation.statusBarText, undefined);
    });

    it('compiles the extension once, saves its code after it started, and loads it from there in the next session', async () => {
      const storage = path.join(dir, 'storage');
      const first = await activateIn(storage);
      assert.equal(first.statusBarText, `made from ${path.join(dir, 'extensionMain.js')} with ${storage} at activation`);
      assert.equal(first.required, false, 'loaded through the cache, not require');
      assert.equal(first.subscriptions, packageCommands.length + 3, 'the commands, the serializer and both timers are disposed with the extension');
      const files = Object.keys(first.cache);
      assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
      assert.match(files[0] ?? '', /^extensionMain\.js-v8-/);
      const text = await fs.readFile(path.join(storage, 'code-cache', files[0] ?? ''));
      assert.ok(text.includes(await fs.readFile(path.join(dir, 'extensionMain.js'))), 'the cache holds the exact text it was compiled from');

      const second = await activateIn(storage);
      assert.match(second.statusBarText ?? '', /^made from /);
      assert.equal(second.required, false);
      assert.deepEqual(second.cache, first.cache, 'a cache that was used is not written again');
    });

    it('loads the extension with require when there is no local storage or the cache is turned off', async () => {
      const remote = await activateIn(path.join(dir, 'remote'), { scheme: 'vscode-remote' });
      assert.match(remote.statusBarText ?? '', /^made from /);
      assert.equal(remote.required, true);
      assert.deepEqual(remote.delays, [0]);
      assert.deepEqual(remote.cache, {});
      const off = await activateIn(path.join(dir, 'off'), { env: { BACKEND_ROADMAP_NO_CODE_CACHE: '1' } });
      assert.equal(off.required, true);
      assert.deepEqual(off.cache, {});
    });
  });

  describe('CLI', () => {
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'br-lazy-'));
      const loaded = await loadRoadmapFromDirectory(path.join(REPO_ROOT, 'roadmap'));
      assert.ok(loaded.roadmap);
      await writeCompiledRoadmap(dir, compileRoadmap(loaded.roadmap, createMarkdownEngine(), REPO_ROOT));
    });
    after(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    const modules = 'Object.keys(require.cache)';

    it('`command` loads no roadmap and no detection engine', async () => {
      const main = JSON.stringify(path.join(OUT_ROOT, 'src', 'cli', 'main.js'));
      const run = await inFreshNode(`require(${main}).main(['command', 'git status'], { stdout: { write() {} }, stderr: { write() {} } }).then(() => console.log(JSON.stringify({ modules: ${modules} })))`);
      assert.deepEqual(heavyIn(run.modules), []);
      assert.deepEqual(run.modules.filter((file) => /roadmap[/\\]stages|lazy[/\\](contentTools|detection)/.test(file)), []);
    });

    it('reads the compiled roadmap without the YAML tools, and loads them for --roadmap', async () => {
      const source = JSON.stringify(path.join(OUT_ROOT, 'src', 'cli', 'roadmapSource.js'));
      const print = `(r) => console.log(JSON.stringify({ modules: ${modules}, skills: r.loaded.roadmap ? r.loaded.roadmap.skills.length : 0 }))`;
      const compiled = await inFreshNode(`require(${source}).loadCliRoadmap(undefined, ${JSON.stringify(path.join(dir, 'roadmap.jsonl'))}).then(${print})`);
      assert.ok((compiled.skills ?? 0) > 100, `read ${compiled.skills ?? 0} skills`);
      assert.deepEqual(heavyIn(compiled.modules), []);

      const yaml = await inFreshNode(`require(${source}).loadCliRoadmap(${JSON.stringify(path.join(REPO_ROOT, 'roadmap'))}).then(${print})`);
      assert.equal(yaml.skills, compiled.skills);
      assert.ok(heavyIn(yaml.modules).some((file) => file.includes('node_modules/yaml/')), 'the YAML parser did not load for --roadmap');
    });
  });
});
