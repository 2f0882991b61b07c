// The roadmap loader against hostile input: each named case once crashed it, blocked it, took seconds or
// listed hundreds of thousands of problems. Now each gives located problems that say what to do, quickly,
// and the loader never throws (ROADMAP_LIMITS, docs/roadmap-loader.md).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRoadmapFromDirectory, parseRoadmap } from '../../src/core/roadmap/loader';
import type { LoadResult, RoadmapSource } from '../../src/core/roadmap/loader';
import { ROADMAP_LIMITS } from '../../src/core/roadmap/limits';
import type { RoadmapProblem } from '../../src/core/roadmap/problems';
import { locate, stageYaml } from './helpers/roadmapFixtures';

/** Generous for a loaded CI machine; the cases it guards took 2.6 s, 15 s and forever before the limits. */
const FAST_MS = 1_500;

const VALID = stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }] });

/** Parses in memory, asserting the result is refused quickly, and returns the problems. */
function refused(sources: readonly RoadmapSource[]): readonly RoadmapProblem[] {
  const started = performance.now();
  const result = parseRoadmap(sources);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < FAST_MS, `took ${elapsed.toFixed(0)} ms`);
  return problemsOf(result);
}

function problemsOf(result: LoadResult): readonly RoadmapProblem[] {
  assert.equal(result.roadmap, undefined, 'a roadmap with problems must not be returned');
  assert.ok(result.problems.length > 0, 'expected at least one problem');
  return result.problems;
}

function only(problems: readonly RoadmapProblem[]): RoadmapProblem {
  assert.equal(problems.length, 1, problems.map((problem) => problem.message).join('\n'));
  const [problem] = problems;
  assert.ok(problem);
  return problem;
}

function oneFile(text: string): RoadmapSource[] {
  return [{ file: 'stage.yaml', text }];
}

describe('roadmap loader limits', () => {
  describe('aliases', () => {
    it('reports an alias bomb at its first alias instead of expanding it', () => {
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let level = 1; level < 9; level++) {
        const previous = String.fromCharCode(96 + level);
        const name = String.fromCharCode(97 + level);
        levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`);
      }
      const text = `${levels.join('\n')}\n`;
      const problem = only(refused(oneFile(text)));
      assert.deepEqual([problem.line, problem.column], [locate(text, '*a').line, locate(text, '*a').column]);
      assert.match(problem.message, /^the aliases \(\*name\) in this file expand too far \(more than 1,000 uses, counting aliases inside aliased values\): write the values out/);
    });

    it('reports an alias with no anchor (title: *Web*) where it is, and says to quote it', () => {
      const text = VALID.replace('title: "Basics"', 'title: *Web*');
      const problem = only(refused(oneFile(text)));
      assert.deepEqual(problem, {
        file: 'stage.yaml',
        ...locate(text, '*Web*'),
        message: '"*Web*" is read as an alias, but no anchor "&Web*" comes before it: put the text in quotes ("*Web*") or define the anchor first',
      });
    });

    it('reports an alias inside the value it names, which would be endless', () => {
      const text = 'id: x\nsubtopics: &loop [a, *loop]\n';
      const problem = only(refused(oneFile(text)));
      assert.deepEqual([problem.line, problem.column], [locate(text, '*loop').line, locate(text, '*loop').column]);
      assert.match(problem.message, /sits inside the value it names/);
    });

    it(`reports more than ${ROADMAP_LIMITS.aliases} aliases at the first one past the limit`, () => {
      const text = `a: &x 1\nb: [${Array.from({ length: ROADMAP_LIMITS.aliases + 1 }, () => '*x').join(', ')}]\n`;
      const problem = only(refused(oneFile(text)));
      assert.equal(problem.column, 'b: ['.length + ROADMAP_LIMITS.aliases * '*x, '.length + 1);
      assert.match(problem.message, /more than 100 aliases/);
    });

    it('still loads a stage that uses a few aliases', () => {
      const text = VALID.replace('subtopics: ["A basics"]', 'subtopics: &same ["A basics"]').replace('practice: ["Practise A."]', 'practice: *same');
      assert.notEqual(text, VALID);
      const result = parseRoadmap(oneFile(text));
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.roadmap?.skills[0]?.practice, ['A basics']);
    });
  });

  describe('nesting', () => {
    for (const [name, text] of [
      ['3,000 nested flow lists', `${'['.repeat(3000)}${']'.repeat(3000)}`],
      ['3,000 nested flow maps', `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`],
      ['3,000 nested block lists', `${'- '.repeat(3000)}x\n`],
      ['700 nested block maps', Array.from({ length: 700 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n')],
    ] as const) {
      it(`reports ${name} at the level past the limit, without a stack overflow`, () => {
        const problem = only(refused(oneFile(text)));
        assert.match(problem.message, /^mappings and lists nest more than 32 levels deep here; a stage needs about 5: check the indentation/);
        assert.ok(problem.line > 1 || problem.column > ROADMAP_LIMITS.depth, `${problem.line}:${problem.column}`);
      });
    }

    it('reports 130 KB of [ quickly, once', () => {
      const problem = only(refused(oneFile('['.repeat(130_000))));
      assert.match(problem.message, /more than 30,000 YAML tokens|nest more than 32 levels/);
    });
  });

  describe('size and problem counts', () => {
    it('reports 1 MB of "&a " as one problem about the size, without parsing it', () => {
      const problem = only(refused(oneFile('&a '.repeat(350_000))));
      assert.deepEqual([problem.line, problem.column], [1, 1]);
      assert.match(problem.message, /^the file is 1 MiB; a stage file may be at most 256 KiB: split the stage/);
    });

    it('reports 250 KB of "&a " (within the size limit) as one problem about its tokens', () => {
      const problem = only(refused(oneFile('&a '.repeat(85_000))));
      assert.match(problem.message, /more than 30,000 YAML tokens/);
    });

    it(`lists at most ${ROADMAP_LIMITS.problemsPerFile} problems per file and ${ROADMAP_LIMITS.problemsInAll} in all, then says how many more`, () => {
      // Each file holds about 14,000 YAML errors: the old loader listed 333,332 for 1 MB of "&a ".
      const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((file) => ({ file, text: ']'.repeat(14_000) }));
      const problems = refused(files);
      assert.equal(problems.length, ROADMAP_LIMITS.problemsInAll + 1);
      for (const file of ['a.yaml', 'b.yaml']) {
        assert.equal(problems.filter((problem) => problem.file === file && problem.message.startsWith('YAML syntax')).length, ROADMAP_LIMITS.problemsPerFile);
      }
      const last = problems[problems.length - 1];
      assert.ok(last);
      assert.match(last.message, /^and \d+ more problems not listed \(in 3 files: a\.yaml, b\.yaml, c\.yaml\); at most 100 per file and 200 in all are shown: fix the ones above/);
    });

    it('counts the problems it does not list exactly', () => {
      const skills = Array.from({ length: 130 }, (_, index) => ({ id: `s${index}`, prerequisites: ['ghost'] }));
      const problems = refused(oneFile(stageYaml({ id: 'basics', order: 1, skills })));
      assert.equal(problems.length, ROADMAP_LIMITS.problemsPerFile + 1);
      assert.equal(problems[ROADMAP_LIMITS.problemsPerFile]?.message.split(';')[0], 'and 30 more problems not listed');
    });

    it('stops reading a roadmap past 4 MiB in all, at the file that passes it', () => {
      // Comments are single tokens, so each file is within the per-file limits.
      const comment = `# ${'x'.repeat(250 * 1024)}\n`;
      const sources = Array.from({ length: 20 }, (_, index) => ({
        file: `${String(index).padStart(2, '0')}.yaml`,
        text: stageYaml({ id: `stage-${index}`, order: index + 1, skills: [{ id: `skill-${index}` }] }) + comment,
      }));
      const problem = only(refused(sources));
      assert.equal(problem.file, '16.yaml');
      assert.match(problem.message, /^with this file the stage files add up to more than 4 MiB, the most a roadmap may hold/);
    });

    it('reports a second YAML document', () => {
      const text = `${VALID}---\nid: other\n`;
      const problems = refused(oneFile(text));
      assert.deepEqual(
        problems.map((problem) => [problem.line, problem.message.split(';')[0]]),
        [[locate(text, '---').line, 'a second YAML document starts here']],
      );
    });
  });

  describe('files that are not regular files', () => {
    let root: string;
    let stages: string;

    beforeEach(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-limits-'));
      stages = path.join(root, 'stages');
      await mkdir(stages);
      await writeFile(path.join(stages, '01-basics.yaml'), VALID);
    });

    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    async function load(): Promise<readonly RoadmapProblem[]> {
      const started = performance.now();
      const result = await loadRoadmapFromDirectory(root);
      assert.ok(performance.now() - started < FAST_MS);
      return problemsOf(result);
    }

    it('reports a folder named like a stage file', async () => {
      await mkdir(path.join(stages, '02-folder.yaml'));
      assert.deepEqual(only(await load()), {
        file: path.join(stages, '02-folder.yaml'),
        line: 1,
        column: 1,
        message: 'this is a folder; only regular files are read as stages: rename it so it does not end in .yaml, or remove it',
      });
    });

    it('reports a dangling symbolic link named like a stage file', async function () {
      try {
        await symlink(path.join(root, 'missing.yaml'), path.join(stages, '02-link.yaml'));
      } catch {
        this.skip(); // Windows without the right to create links.
      }
      const problem = only(await load());
      assert.equal(problem.file, path.join(stages, '02-link.yaml'));
      assert.equal(problem.message, 'this is a symbolic link to something that does not exist: point it at a stage file or remove it');
    });

    it('reads a symbolic link to a stage file', async function () {
      await writeFile(path.join(root, 'elsewhere.yaml'), stageYaml({ id: 'more', order: 2, skills: [{ id: 'b' }] }));
      try {
        await symlink(path.join(root, 'elsewhere.yaml'), path.join(stages, '02-link.yaml'));
      } catch {
        this.skip();
      }
      const result = await loadRoadmapFromDirectory(root);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.roadmap?.stages.map((stage) => stage.id), ['basics', 'more']);
    });

    it('reports a named pipe (FIFO) named like a stage file without blocking on it', async function () {
      if (process.platform === 'win32') {
        this.skip();
      }
      execFileSync('mkfifo', [path.join(stages, '02-pipe.yaml')]);
      const problem = only(await load());
      assert.equal(problem.file, path.join(stages, '02-pipe.yaml'));
      assert.match(problem.message, /^this is a named pipe \(FIFO\); only regular files are read as stages/);
    });

    it('reports a file over the size limit without reading it', async () => {
      const big = path.join(stages, '02-big.yaml');
      await writeFile(big, '');
      await truncate(big, 300 * 1024);
      const problem = only(await load());
      assert.equal(problem.file, big);
      assert.match(problem.message, /^the file is 300 KiB; a stage file may be at most 256 KiB/);
    });

    it(`reports more than ${ROADMAP_LIMITS.files} stage files once, without reading them`, async () => {
      await Promise.all(Array.from({ length: ROADMAP_LIMITS.files }, (_, index) => writeFile(path.join(stages, `x${index}.yaml`), 'not: read')));
      const problem = only(await load());
      assert.deepEqual([problem.file, problem.line, problem.column], [stages, 1, 1]);
      assert.match(problem.message, /^the roadmap folder has 201 \.yaml files; a roadmap may have at most 200: merge small stages/);
    });

    it('reports every unreadable file and every broken file in one load', async function () {
      if (process.platform === 'win32') {
        this.skip();
      }
      await mkdir(path.join(stages, '02-folder.yaml'));
      execFileSync('mkfifo', [path.join(stages, '03-pipe.yaml')]);
      await writeFile(path.join(stages, '04-broken.yaml'), 'title: *Web*\n');
      const problems = await load();
      assert.deepEqual(
        problems.map((problem) => path.basename(problem.file)),
        ['02-folder.yaml', '03-pipe.yaml', '04-broken.yaml'],
      );
    });
  });
});
