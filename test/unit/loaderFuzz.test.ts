// Fuzzing the roadmap loader with mutated copies of the shipped stage files and hand-written hostile cases.
// Seeded, so a failure replays (FUZZ_SEED=N); FUZZ_CASES=N runs more cases. Each case asserts: no throw, a
// time bound, and either a roadmap without problems or a non-empty, capped list of located problems.
// Most cases parse in memory (parseRoadmap); every DIRECTORY_EVERY-th is written to disk, with a folder, a
// dangling link or a named pipe beside it, and loaded with loadRoadmapFromDirectory.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRoadmapFromDirectory, parseRoadmap } from '../../src/core/roadmap/loader';
import type { LoadResult, RoadmapSource } from '../../src/core/roadmap/loader';
import { ROADMAP_LIMITS } from '../../src/core/roadmap/limits';
import { fuzzCases, fuzzSeed, mulberry32, Random } from './helpers/fuzz';

const CASES = fuzzCases();
const SEED = fuzzSeed(0x10ad_e9);
/** Per case; a real case takes milliseconds to a few hundred, a hang takes forever. */
const CASE_BOUND_MS = 2_000;
const DIRECTORY_EVERY = 50;
const STAGES_DIR = path.resolve(__dirname, '../../..', 'roadmap', 'stages');

const SPECIALS = [
  '&a ', '*a ', '[', ']', '{', '}', '!', '%', '@', '`', '|-', '>', '? ', ': ', '- ', '#', '"', "'", ',', '\t', '\n', '\r',
  '---\n', '...\n', '<<: *a\n', '!!binary ', '!!set ', '!!omap ', '!<tag:x> ', '%YAML 1.1\n', '%TAG ! !x\n', '*Web*', '&x [*x] ',
  '\0', '\x1b[2J', '\u2028', '\ufeff', '\ud800', 'é', '~', 'null', '.nan', '1e400', '0x7fffffffffffffffff', '__proto__: ', 'constructor: ',
];

const ALIAS_BOMB = Array.from({ length: 9 }, (_, level) =>
  level === 0 ? 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]' : `l${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(', ')}]`,
).join('\n');

/** Inputs named in the hardening issue and their neighbours, run before the random cases. */
const HOSTILE: readonly string[] = [
  `${ALIAS_BOMB}\n`,
  'id: x\ntitle: *Web*\n',
  'a: &a [*a]\n',
  'a: &a {b: *a}\n',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`,
  `${'- '.repeat(3000)}x`,
  `${'? '.repeat(3000)}x`,
  Array.from({ length: 700 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n'),
  '['.repeat(130_000),
  '{'.repeat(130_000),
  '&a '.repeat(350_000),
  '&a '.repeat(85_000),
  '[]'.repeat(14_000),
  ']'.repeat(29_000),
  '"'.repeat(59_000),
  '- &a x\n- *a\n'.repeat(200),
  '\n'.repeat(262_144),
  '|\n'.repeat(131_072),
  '---\n'.repeat(14_000),
  '',
  '\0'.repeat(1000),
];

interface Seeds {
  /** The shipped stage files. */
  readonly whole: readonly string[];
  /** Each stage with only its first skill: small, realistic files that keep most cases fast. */
  readonly small: readonly string[];
}

function readSeeds(): Seeds {
  const whole = readdirSync(STAGES_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(path.join(STAGES_DIR, name), 'utf8'));
  const small = whole.map((text) => {
    const second = text.indexOf('\n  - id:', text.indexOf('\n  - id:') + 1);
    return second > 0 ? text.slice(0, second + 1) : text;
  });
  return { whole, small };
}

function mutate(text: string, random: Random): string {
  let result = text;
  const steps = 1 + random.int(4);
  for (let step = 0; step < steps; step++) {
    const at = random.int(result.length + 1);
    switch (random.int(12)) {
      case 0: {
        const code = random.chance(0.5) ? random.int(128) : random.int(0x10000);
        result = result.slice(0, at) + String.fromCharCode(code) + result.slice(at + 1);
        break;
      }
      case 1:
      case 2:
        result = result.slice(0, at) + random.pick(SPECIALS) + result.slice(at);
        break;
      case 3:
        result = result.slice(0, at);
        break;
      case 4: {
        const start = random.int(result.length + 1);
        const piece = result.slice(start, start + random.int(4000));
        result = result.slice(0, at) + piece + result.slice(at);
        break;
      }
      case 5:
        result = result.slice(0, at) + result.slice(at + random.int(400));
        break;
      case 6:
        result = result.slice(0, at) + nesting(random) + result.slice(at);
        break;
      case 7: {
        // A huge repeat: usually past the token or size limit, sometimes just within it.
        const start = random.int(result.length + 1);
        const unit = random.chance(0.5) ? random.pick(SPECIALS) : result.slice(start, start + 1 + random.int(20)) || 'x';
        const length = random.pick([10_000, 100_000, 250_000, 1_100_000]);
        result = result.slice(0, at) + unit.repeat(Math.ceil(length / unit.length)) + result.slice(at);
        break;
      }
      case 8: {
        // Re-indent one line.
        const lineStart = result.lastIndexOf('\n', at - 1) + 1;
        const indent = random.pick(['', ' ', '   ', '\t', ' '.repeat(40)]);
        result = result.slice(0, lineStart) + indent + result.slice(lineStart).replace(/^[ \t]*/, '');
        break;
      }
      case 9: {
        // Replace a value after a colon.
        const colon = result.indexOf(': ', at);
        if (colon >= 0) {
          const end = result.indexOf('\n', colon);
          const value = random.pick(['*Web*', '&a', '*a', '!!binary x', '~', '[', '{', '|', '"', '1e400', '-1', '[*a]', '&a [*a]', `"${'x'.repeat(5000)}"`]);
          result = result.slice(0, colon + 2) + value + (end < 0 ? '' : result.slice(end));
        }
        break;
      }
      case 10:
        result = result.slice(0, at) + `\n${ALIAS_BOMB}\n` + result.slice(at);
        break;
      default: {
        // Swap two lines.
        const lines = result.split('\n');
        const a = random.int(lines.length);
        const b = random.int(lines.length);
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        result = lines.join('\n');
        break;
      }
    }
  }
  return result;
}

function nesting(random: Random): string {
  const depth = random.pick([20, 33, 100, 1000, 3000, 10_000]);
  switch (random.int(5)) {
    case 0:
      return '['.repeat(depth) + (random.chance(0.5) ? ']'.repeat(depth) : '');
    case 1:
      return '{a: '.repeat(depth) + (random.chance(0.5) ? `1${'}'.repeat(depth)}` : '');
    case 2:
      return `${'- '.repeat(depth)}x\n`;
    case 3:
      return `${'? '.repeat(depth)}x\n`;
    default:
      return `\n${Array.from({ length: Math.min(depth, 700) }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')}\n`;
  }
}

interface Outcome {
  readonly failure?: string;
  readonly ms: number;
  /** Whether a roadmap came back (some mutations leave a valid stage). */
  readonly loaded?: boolean;
}

function check(result: LoadResult, ms: number): Outcome {
  if (ms > CASE_BOUND_MS) {
    return { failure: `took ${ms.toFixed(0)} ms`, ms };
  }
  if (result.roadmap !== undefined) {
    return result.problems.length === 0 ? { ms, loaded: true } : { failure: 'a roadmap came back with problems', ms };
  }
  if (result.problems.length === 0) {
    return { failure: 'neither a roadmap nor a problem', ms };
  }
  if (result.problems.length > ROADMAP_LIMITS.problemsInAll + 1) {
    return { failure: `${result.problems.length} problems: the cap is ${ROADMAP_LIMITS.problemsInAll} and a summary`, ms };
  }
  for (const problem of result.problems) {
    const located = Number.isInteger(problem.line) && problem.line >= 1 && Number.isInteger(problem.column) && problem.column >= 1;
    if (!located || typeof problem.file !== 'string' || typeof problem.message !== 'string' || problem.message.length === 0) {
      return { failure: `a malformed problem: ${JSON.stringify(problem).slice(0, 200)}`, ms };
    }
  }
  return { ms };
}

function runInMemory(sources: readonly RoadmapSource[]): Outcome {
  const started = performance.now();
  try {
    const result = parseRoadmap(sources);
    return check(result, performance.now() - started);
  } catch (error) {
    return { failure: `threw ${String(error).slice(0, 200)}`, ms: performance.now() - started };
  }
}

describe('roadmap loader fuzz', function () {
  this.timeout(60_000 + CASES * 200);
  let root: string;
  const canMakeFifo = process.platform !== 'win32';

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-fuzz-'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function runOnDisk(index: number, sources: readonly RoadmapSource[], random: Random): Promise<Outcome> {
    const dir = path.join(root, `case-${index}`);
    const stages = path.join(dir, 'stages');
    await mkdir(stages, { recursive: true });
    await Promise.all(sources.map((source, at) => writeFile(path.join(stages, `${String(at).padStart(2, '0')}.yaml`), source.text)));
    const special = path.join(stages, '50-special.yaml');
    switch (random.int(4)) {
      case 0:
        await mkdir(special);
        break;
      case 1:
        await symlink(path.join(dir, 'missing'), special).catch(() => undefined);
        break;
      case 2:
        if (canMakeFifo) {
          execFileSync('mkfifo', [special]);
        }
        break;
      default:
        break;
    }
    const started = performance.now();
    try {
      const result = await loadRoadmapFromDirectory(dir);
      return check(result, performance.now() - started);
    } catch (error) {
      return { failure: `threw ${String(error).slice(0, 200)}`, ms: performance.now() - started };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it(`never throws, answers within ${CASE_BOUND_MS} ms and caps problems, over ${CASES} cases (seed ${SEED})`, async () => {
    const seeds = readSeeds();
    assert.ok(seeds.whole.length > 20, 'the shipped stage files are the fuzzer’s seeds');
    const failures: string[] = [];
    let slowest = { ms: 0, name: '' };
    let loaded = 0;
    const record = (name: string, outcome: Outcome): void => {
      if (outcome.failure) {
        failures.push(`${name}: ${outcome.failure}`);
      }
      if (outcome.ms > slowest.ms) {
        slowest = { ms: outcome.ms, name };
      }
      if (outcome.loaded) {
        loaded++;
      }
    };

    // Warm up first: compiling the schema validator is a one-time cost of the first load, not of a case.
    parseRoadmap([{ file: 'warm-up.yaml', text: seeds.small[0] ?? '' }]);
    HOSTILE.forEach((text, index) => record(`hostile #${index}`, runInMemory([{ file: 'hostile.yaml', text }])));
    for (let index = HOSTILE.length; index < CASES; index++) {
      const caseSeed = (SEED + index * 0x9e3779b1) >>> 0;
      const random = new Random(mulberry32(caseSeed));
      // Mostly one mutated stage; sometimes beside an intact one, so the cross-file checks run too.
      const seed = random.pick(random.chance(0.2) ? seeds.whole : seeds.small);
      const sources: RoadmapSource[] = [{ file: 'mutated.yaml', text: mutate(seed, random) }];
      if (random.chance(0.1)) {
        sources.push({ file: 'intact.yaml', text: random.pick(seeds.small) });
      }
      const name = `case ${index} (FUZZ_SEED=${SEED}, seed ${caseSeed})`;
      if (index % DIRECTORY_EVERY === 0) {
        record(name, await runOnDisk(index, sources, random));
      } else {
        record(name, runInMemory(sources));
      }
    }
    // The figures for the closing note.
    console.log(
      `      loader fuzz: ${CASES} cases (${loaded} loaded, ${CASES - loaded} refused), ${failures.length} failures, ` +
        `slowest ${slowest.ms.toFixed(0)} ms (${slowest.name})`,
    );
    assert.deepEqual(failures.slice(0, 20), []);
  });
});
