#!/usr/bin/env node
// Benchmark of the detector engine on a synthetic 100k-file git repository.
// Usage: node scripts/bench-scan.mjs [--files 100000] [--runs 3] [--keep] [--repo DIR (reuse a generated repo)]
// Prints, side by side, the time of `git ls-files` alone and of a full scan (with git, and with the
// crawl used in untrusted workspaces), their ratio, the scan's peak RSS and its longest event-loop stall.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};

if (args[0] === '--measure') {
  await measure(args[1], Number(args[2]), args[3]);
} else {
  await orchestrate();
}

async function orchestrate() {
  const fileCount = option('--files', 100_000);
  const runs = option('--runs', 3);
  const work = mkdtempSync(path.join(tmpdir(), 'br-bench-'));
  try {
    const reuse = args.includes('--repo') ? args[args.indexOf('--repo') + 1] : undefined;
    const repo = reuse ?? path.join(work, 'repo');
    const written = reuse === undefined ? createRepo(repo, fileCount) : fileCount;

    const engine = path.join(work, 'engine.cjs');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(root, 'src/core/milestones/engine.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: engine, logLevel: 'warning' });

    // Measure in a fresh process so peak RSS is the scan's, not the generator's.
    const result = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--measure', repo, String(runs), engine], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`measure exited ${code}`))));
    });
    report(result, written, runs);
  } finally {
    if (!args.includes('--keep')) {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

function createRepo(repo, fileCount) {
  const t0 = performance.now();
  const written = generateRepo(repo, fileCount);
  const t1 = performance.now();
  // Isolated from the machine's git config; gc.auto=0 and maintenance.auto=false on every call (and in the
  // repository's config), so no background `git gc` repacks during the timed runs or holds files at clean-up.
  const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
  const git = (...a) => execFileSync('git', ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...a], { cwd: repo, env: gitEnv, stdio: 'pipe', maxBuffer: 1 << 30 });
  git('init', '-q');
  git('config', 'gc.auto', '0');
  git('config', 'maintenance.auto', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'Synthetic monorepo');
  const t2 = performance.now();
  console.log(`Generated ${written} files in ${ms(t1 - t0)} ms; git add + commit in ${ms(t2 - t1)} ms (${repo})`);
  return written;
}

function generateRepo(repo, fileCount) {
  let written = 0;
  const write = (relative, content) => {
    const file = path.join(repo, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written++;
  };
  // A realistic monorepo root: a Node/TypeScript API with a few of the milestones present.
  write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], dependencies: { express: '^4.19.0', pg: '^8.11.0' }, devDependencies: { typescript: '^5.4.0', eslint: '^9.0.0' } }, null, 2));
  write('tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
  write('eslint.config.mjs', 'export default [];\n');
  write('.gitignore', 'node_modules/\ndist/\n');
  write('README.md', '# Synthetic monorepo\n\nUsed to benchmark the scanner.\n');
  write('Dockerfile', 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "dist/main.js"]\n');
  write('.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
  const perPackage = 500;
  const packages = Math.ceil((fileCount - written) / perPackage);
  for (let p = 0; p < packages && written < fileCount; p++) {
    const dir = `packages/pkg-${p}`;
    write(`${dir}/package.json`, JSON.stringify({ name: `@mono/pkg-${p}`, version: '1.0.0', dependencies: { lodash: '^4.17.21' } }, null, 2));
    for (let i = 0; written < fileCount && i < perPackage - 1; i++) {
      const kind = i % 10;
      if (kind < 6) {
        write(`${dir}/src/module-${Math.floor(i / 50)}/file-${i}.ts`, sourceFile(p, i));
      } else if (kind < 8) {
        write(`${dir}/src/module-${Math.floor(i / 50)}/file-${i}.test.ts`, `import { f${i} } from './file-${i - 1}';\nit('works', () => expect(f${i}()).toBe(${i}));\n`);
      } else if (kind === 8) {
        write(`${dir}/docs/page-${i}.md`, `# Page ${i}\n\nNothing to see here.\n`);
      } else {
        write(`${dir}/assets/data-${i}.json`, `{"id": ${i}, "values": [1, 2, 3]}\n`);
      }
    }
  }
  return written;
}

function sourceFile(p, i) {
  // No routes, no clients: source detectors read up to their cap, the worst case for them.
  return `// Module ${p}/${i}: helpers. Mentions like app.get('/x') in comments never count.\nimport { map } from 'lodash';\n\nexport function f${i}(values: number[] = [${i}]): number {\n  return map(values, (v) => v * 2).reduce((a, b) => a + b, 0);\n}\n`;
}

async function measure(repo, runs, enginePath) {
  const { scanFolder } = createRequire(import.meta.url)(enginePath);
  const lsFiles = () =>
    new Promise((resolve, reject) => {
      const child = spawn('git', ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      let bytes = 0;
      child.stdout.on('data', (chunk) => (bytes += chunk.length));
      child.on('error', reject);
      child.on('close', () => resolve(bytes));
    });
  const time = async (action) => {
    const started = performance.now();
    const value = await action();
    return { ms: performance.now() - started, value };
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rssBefore = process.memoryUsage().rss;
  const ls = [];
  const gitScan = [];
  const crawlScan = [];
  let lastGit;
  let lastCrawl;
  // Longest gap between ticks of a 1 ms timer while a scan runs: how long the event loop was blocked.
  let longestStall = 0;
  const watchStalls = () => {
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 1);
    return () => clearInterval(timer);
  };
  for (let run = 0; run < runs; run++) {
    ls.push((await time(lsFiles)).ms);
    const stopWatching = watchStalls();
    const g = await time(() => scanFolder(repo, { allowGit: true }));
    stopWatching();
    gitScan.push(g.ms);
    lastGit = g.value;
    const c = await time(() => scanFolder(repo, { allowGit: false }));
    crawlScan.push(c.ms);
    lastCrawl = c.value;
  }
  const present = (scan) => scan.milestones.filter((m) => m.present).map((m) => m.id);
  process.stdout.write(
    JSON.stringify({
      lsFilesMs: median(ls),
      gitScanMs: median(gitScan),
      crawlScanMs: median(crawlScan),
      filesListedGit: lastGit.filesListed,
      filesListedCrawl: lastCrawl.filesListed,
      crawlWarnings: lastCrawl.warnings,
      present: present(lastGit),
      rssBeforeMb: rssBefore / 1048576,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      maxEventLoopDelayMs: longestStall,
      node: process.version,
      git: execFileSync('git', ['--version']).toString().trim(),
    }),
  );
}

function report(r, files, runs) {
  const rows = [
    ['git ls-files -co --exclude-standard -z (alone)', r.lsFilesMs, 1],
    ['full scan, trusted (git listing + git facts)', r.gitScanMs, r.gitScanMs / r.lsFilesMs],
    ['full scan, untrusted (bounded crawl, no git)', r.crawlScanMs, r.crawlScanMs / r.lsFilesMs],
  ];
  console.log(`\n${files} files, median of ${runs} runs (${r.node}, ${r.git})`);
  console.log('| what | time (ms) | ratio to git ls-files |');
  console.log('| --- | ---: | ---: |');
  for (const [what, time, ratio] of rows) {
    console.log(`| ${what} | ${ms(time)} | ${ratio.toFixed(2)}x |`);
  }
  console.log(`\nfiles listed: ${r.filesListedGit} with git, ${r.filesListedCrawl} by the crawl${r.crawlWarnings.length ? ` (${r.crawlWarnings.join(' ')})` : ''}`);
  console.log(`peak RSS of the measuring process: ${r.peakRssMb.toFixed(0)} MB (RSS before scanning: ${r.rssBeforeMb.toFixed(0)} MB)`);
  console.log(`longest event-loop stall during a trusted scan: ${r.maxEventLoopDelayMs.toFixed(1)} ms`);
  console.log(`milestones present: ${r.present.join(', ')}`);
}

function ms(value) {
  return Math.round(value).toString();
}
