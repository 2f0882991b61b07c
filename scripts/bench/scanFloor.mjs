// A lower bound of what `backend-roadmap scan` costs by its design, for the small-repository figure of
// `npm run bench`: the engine (dist/detection.js) loaded from the code cache the CLI keeps, the git processes
// every scan that finds evidence starts (configuration, history, branches, work tree, listing, the remote
// branches' history where there are some, then status and the files' history for the evidence), with the
// engine's own arguments (SCAN_GIT_QUESTIONS) through its own git runner, and a read of the files the checks
// would read. Left out: the CLI's own code, the roadmap, every check, every blame and the question whether
// a commit renamed a file (src/core/detection/lineHistory.ts). So a scan can never be faster than this
// program, whatever its checks cost.
//
// Usage: node scripts/bench/scanFloor.mjs LOADER FOLDER, where LOADER is the bundle `buildScanFloorLoader`
// writes (the CLI's code cache, from src/core/lazy/codeCache.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFromSource } from './bundleSource.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The files a scan's checks read at most per detector (MAX_SOURCE_FILES_PER_DETECTOR). */
const FILES_READ = 400;
/** What the checks read: source, manifests, configuration and container files. */
const READ = /\.(?:[cm]?[jt]sx?|py|go|java|kt|rb|php|cs|rs|json|ya?ml|toml|sql|prisma|xml|gradle|properties|env\.example)$|(?:^|\/)(?:Dockerfile|Containerfile|Makefile|Procfile)$/;

/** Builds the loader bundle (the CLI's code cache) into `dir`; returns its path. */
export function buildScanFloorLoader(dir) {
  // Minified, as dist/cli.js is.
  return bundleFromSource("export { codeCacheIn, defaultCodeCacheFolder } from './src/core/lazy/codeCache';\n", path.join(dir, 'scan-floor-loader.cjs'), { minify: true });
}

async function floor(loaderFile, folder) {
  const require = createRequire(import.meta.url);
  const { codeCacheIn, defaultCodeCacheFolder } = require(loaderFile);
  const cacheFolder = defaultCodeCacheFolder();
  const cache = cacheFolder === undefined ? undefined : codeCacheIn(cacheFolder);
  const detection = path.join(root, 'dist', 'detection.js');
  const engine = cache === undefined ? require(detection) : cache.load(detection);
  const git = engine.createGitRunner(folder);
  const ok = (outcome, what) => {
    if (!outcome.ok) throw new Error(`git ${what} failed in ${folder}: ${outcome.message}`);
    return outcome.stdout;
  };
  // The engine's own questions (src/core/milestones/scanGitQuestions.ts), asked as the scan asks them: at
  // once (the runner starts one process per turn, four at a time), the remote branches' history once the
  // branches are known, then the evidence's status and history.
  const questions = engine.SCAN_GIT_QUESTIONS;
  const [, , refs, , listed] = await Promise.all([git.config(), ...questions.atStart.map((args) => git.run(args))]);
  if (ok(refs, 'for-each-ref').includes('refs/remotes/')) {
    await git.run(questions.whenRemotes);
  }
  const files = ok(listed, 'ls-files').split('\0').filter((file) => READ.test(file)).slice(0, FILES_READ);
  for (const file of files) {
    try {
      readFileSync(path.join(folder, file), 'utf8');
    } catch {
      // Listed but gone: the scan skips it too.
    }
  }
  // The evidence's status and history: one process each, for the few files a scan's evidence names.
  await Promise.all(questions.forEvidence(files.slice(0, 8)).map((args) => git.run(args)));
  // Never saved: the cache is the CLI's, and one holding only what this program ran would slow the CLI.
  return files.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [loaderFile, folder] = process.argv.slice(2);
  if (loaderFile === undefined || folder === undefined) {
    console.error('usage: node scripts/bench/scanFloor.mjs LOADER FOLDER');
    process.exit(2);
  }
  const read = await floor(loaderFile, path.resolve(folder));
  if (process.env.SCAN_FLOOR_VERBOSE === '1') console.error(`${read} files read`);
}
