#!/usr/bin/env node
// Generates a synthetic monorepo for benchmarks: N tracked files in one of two layouts, a few untracked
// files, and an ignored dependency tree (node_modules) that a listing must not walk.
//
//   node scripts/bench/makeRepo.mjs DIR [--files 100000] [--layout flat|grouped] [--ignored 20000]
//
//   flat     one file per folder (100k files → 100k folders): the worst case for walking folders
//   grouped  50 files per folder (100k files → 2k folders)
//
// Git runs with an isolated configuration and never starts background maintenance (gc.auto=0,
// maintenance.auto=false), so nothing repacks the repository while it is being measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAYOUTS = ['flat', 'grouped'];
const FILES_PER_GROUPED_FOLDER = 50;
const FILES_PER_PACKAGE = 500;
const UNTRACKED = ['src/new-feature/handler.ts', 'src/new-feature/handler.test.ts', 'docker-compose.yml', 'notes/todo.md', 'packages/pkg-0/src/draft.ts'];

/** Git for fixtures: no user or system configuration, a fixed identity, no background gc or maintenance. */
export function fixtureGit(repo, args, options = {}) {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  };
  const quiet = ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false'];
  return execFileSync('git', [...quiet, ...args], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, ...options });
}

/**
 * Creates (or reuses, when a finished repository with the same parameters is there) the repository.
 * Returns its description.
 */
export function makeRepo(dir, { files = 100_000, layout = 'flat', ignored = 20_000 } = {}) {
  if (!LAYOUTS.includes(layout)) {
    throw new Error(`layout must be one of ${LAYOUTS.join(', ')}, got ${layout}`);
  }
  const stamp = path.join(dir, '.git', 'bench-repo.json');
  const wanted = { files, layout, ignored, version: 1 };
  if (existsSync(stamp) && JSON.stringify(JSON.parse(readFileSync(stamp, 'utf8'))) === JSON.stringify(wanted)) {
    return { dir, ...wanted, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let written = 0;
  const write = (relative, content) => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  const tracked = (relative, content) => {
    write(relative, content);
    written++;
  };
  // A realistic root: a Node/TypeScript API with a few milestones present.
  tracked('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], dependencies: { express: '^4.19.0', pg: '^8.11.0' }, devDependencies: { typescript: '^5.4.0', eslint: '^9.0.0' } }, null, 2));
  tracked('tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
  tracked('eslint.config.mjs', 'export default [];\n');
  tracked('.gitignore', 'node_modules/\ndist/\n');
  tracked('README.md', '# Synthetic monorepo\n\nUsed to benchmark the scanner.\n');
  tracked('Dockerfile', 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "dist/main.js"]\n');
  tracked('.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
  for (let p = 0; written < files; p++) {
    const pkg = `packages/pkg-${p}`;
    tracked(`${pkg}/package.json`, JSON.stringify({ name: `@mono/pkg-${p}`, version: '1.0.0', dependencies: { lodash: '^4.17.21' } }, null, 2));
    for (let i = 0; written < files && i < FILES_PER_PACKAGE - 1; i++) {
      const folder = layout === 'flat' ? `${pkg}/src/m${i}` : `${pkg}/src/module-${Math.floor(i / FILES_PER_GROUPED_FOLDER)}`;
      const kind = i % 10;
      if (kind < 6) {
        tracked(`${folder}/file-${i}.ts`, sourceFile(p, i));
      } else if (kind < 8) {
        tracked(`${folder}/file-${i}.test.ts`, `import { f${i} } from './file-${i - 1}';\nit('works', () => expect(f${i}()).toBe(${i}));\n`);
      } else if (kind === 8) {
        tracked(`${folder}/page-${i}.md`, `# Page ${i}\n\nNothing to see here.\n`);
      } else {
        tracked(`${folder}/data-${i}.json`, `{"id": ${i}, "values": [1, 2, 3]}\n`);
      }
    }
  }
  fixtureGit(dir, ['init', '-q']);
  fixtureGit(dir, ['add', '-A']);
  fixtureGit(dir, ['commit', '-q', '-m', 'Synthetic monorepo']);
  // Work in progress git does not know yet, and installed dependencies .gitignore hides.
  for (const relative of UNTRACKED) {
    write(relative, `export const draft = '${relative}';\n`);
  }
  for (let i = 0; i < ignored; i++) {
    write(`node_modules/dep-${Math.floor(i / 20)}/lib/file-${i}.js`, `module.exports = ${i};\n`);
  }
  writeFileSync(stamp, JSON.stringify(wanted));
  return { dir, ...wanted, reused: false, untracked: UNTRACKED.length };
}

function sourceFile(p, i) {
  // No routes, no clients: source detectors read up to their cap, the worst case for them.
  return `// Module ${p}/${i}: helpers. Mentions like app.get('/x') in comments never count.\nimport { map } from 'lodash';\n\nexport function f${i}(values: number[] = [${i}]): number {\n  return map(values, (v) => v * 2).reduce((a, b) => a + b, 0);\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  const dir = args[0];
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: node scripts/bench/makeRepo.mjs DIR [--files 100000] [--layout flat|grouped] [--ignored 20000]');
    process.exit(1);
  }
  const started = performance.now();
  const made = makeRepo(path.resolve(dir), { files: Number(option('--files', 100_000)), layout: option('--layout', 'flat'), ignored: Number(option('--ignored', 20_000)) });
  console.log(`${made.reused ? 'Reused' : 'Made'} ${made.dir}: ${made.files} tracked files (${made.layout}), ${made.ignored} ignored, in ${Math.round(performance.now() - started)} ms`);
}
