// The roadmap compiled at build time (dist/roadmap.jsonl, dist/roadmap-html.jsonl): the same model as the
// YAML loader gives, the HTML of every Markdown text the views render, and clear failures for broken input.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMarkdownEngine } from '../../src/core/content/markdownEngine';
import { compileRoadmap, compileRoadmapDirectory } from '../../src/core/compiled/compileRoadmap';
import type { CompiledRoadmap } from '../../src/core/compiled/compiledRoadmap';
import { markdownFileText, parseMarkdownFile, parseRoadmapFile, roadmapFileText } from '../../src/core/compiled/compiledRoadmap';
import { readShippedMarkdown, readShippedRoadmap } from '../../src/core/compiled/shippedRoadmap';
import { gradeQuiz } from '../../src/core/quiz/grade';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import type { Roadmap } from '../../src/core/roadmap/model';
import { buildQuizResultView } from '../../src/core/view/quizViews';
import { buildSkillView } from '../../src/core/view/viewModels';
import type { DetectionInfo } from '../../src/core/view/viewModels';
import { countEventLoopTurns } from './helpers/eventLoopTurns';
import { locate, stageYaml } from './helpers/roadmapFixtures';

// Compiled to <out>/test/unit/: three levels up is the repository root.
const REPO_ROOT = path.resolve(__dirname, '../../..');

const NO_DETECTION: DetectionInfo = {
  milestoneStatus: () => ({ status: 'unknown', detail: '' }),
  judge: () => {
    throw new Error('not judged: the limitation below answers first');
  },
  limitation: 'Automatic checks are off.',
};

/** Every string under a key ending in `Html`, anywhere in `value`. */
function htmlStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return key.endsWith('Html') ? [value] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => htmlStrings(item, key));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => htmlStrings(v, k));
  }
  return [];
}

describe('compiled roadmap', function () {
  this.timeout(60_000);
  let loaded: Roadmap;
  let compiled: CompiledRoadmap;

  before(async () => {
    const result = await loadRoadmapFromDirectory(path.join(REPO_ROOT, 'roadmap'));
    assert.ok(result.roadmap, `the shipped roadmap has problems: ${JSON.stringify(result.problems.slice(0, 3))}`);
    loaded = result.roadmap;
    compiled = compileRoadmap(loaded, createMarkdownEngine(), REPO_ROOT);
  });

  it('reads back as the model the YAML loader gives, with sources relative to the package', async () => {
    const read = await parseRoadmapFile(Buffer.from(roadmapFileText(compiled)));
    const expected = loaded.stages.map((stage) => ({ ...stage, source: path.relative(REPO_ROOT, stage.source).split(path.sep).join('/') }));
    assert.deepStrictEqual(read.stages, expected);
    assert.deepStrictEqual([...read.skillById.keys()], [...loaded.skillById.keys()]);
    assert.deepStrictEqual([...read.stageById.keys()], [...loaded.stageById.keys()]);
    assert.deepStrictEqual(read.skills, read.stages.flatMap((stage) => stage.skills));
    assert.ok(read.stages.every((stage) => stage.source.startsWith('roadmap/stages/') && stage.source.endsWith('.yaml')));
  });

  it('writes each stage on one line and its self-checks on the next, so reading never parses more than a stage at a time', () => {
    const lines = roadmapFileText(compiled).trimEnd().split('\n');
    assert.equal(lines.length, 2 * loaded.stages.length + 1);
    const largest = Math.max(...lines.map((line) => line.length));
    assert.ok(largest < 200_000, `a line of ${largest} characters: split big stages`);
    assert.ok(
      lines.slice(1).every((line, index) => (index % 2 === 0) === line.startsWith('{')),
      'a stage line is not followed by a self-check line',
    );
    assert.ok(!lines.some((line) => line.includes('"quiz"')), 'a stage line still holds its self-checks');
  });

  it('parses a stage\'s self-checks only when one of its skills\' quiz is read, and says to reinstall when they are damaged', async () => {
    const lines = roadmapFileText(compiled).trimEnd().split('\n');
    const damagedStage = loaded.stages.findIndex((stage) => stage.skills.some((skill) => skill.quiz.length > 0));
    assert.ok(damagedStage >= 0, 'no stage with a self-check to test with');
    // The line keeps its brackets (the frame read checks) and loses its middle.
    const quizLine = 2 + 2 * damagedStage;
    lines[quizLine] = `[${'x'.repeat(10)}]`;
    const read = await parseRoadmapFile(Buffer.from(lines.join('\n') + '\n'));
    const stage = read.stages[damagedStage];
    assert.ok(stage);
    assert.throws(() => stage.skills[0]?.quiz, /self-checks of stage "[^"]+" \(line \d+ of the compiled roadmap file\) are damaged: reinstall/);
    // The other stages' self-checks read as compiled.
    const other = read.stages.findIndex((candidate, index) => index !== damagedStage && candidate.skills.some((skill) => skill.quiz.length > 0));
    assert.deepStrictEqual(read.stages[other]?.skills.map((skill) => skill.quiz), compiled.stages[other]?.skills.map((skill) => skill.quiz));

    // A line without its brackets (a stage where its self-checks belong: lines out of order) fails the read itself.
    lines[quizLine] = `${lines[quizLine - 1]}`;
    await assert.rejects(parseRoadmapFile(Buffer.from(lines.join('\n') + '\n')), /self-checks of stage .* are damaged: reinstall/);
  });

  it('reads in a few turns of the event loop, not one per stage (each turn at start-up waits behind other extensions)', async () => {
    const text = roadmapFileText(compiled);
    const loop = countEventLoopTurns();
    let turns: number;
    try {
      await parseRoadmapFile(Buffer.from(text));
    } finally {
      turns = loop.stop();
    }
    // Each turn lets the host run; the parse gives one every 8 ms of work (the whole file is a few tens of ms).
    assert.ok(turns >= 1 && turns < loaded.stages.length, `${turns} turns for ${loaded.stages.length} stages`);
  });

  it('holds the HTML of every Markdown text a skill view or a quiz result renders', async () => {
    const markdown = await parseMarkdownFile(Buffer.from(markdownFileText(compiled)));
    const html = new Set([...markdown.block, ...markdown.inline].map(([, rendered]) => rendered));
    const missing: string[] = [];
    for (const skill of loaded.skills) {
      const view = buildSkillView(loaded, {}, skill, NO_DETECTION);
      const result = buildQuizResultView(gradeQuiz(skill, skill.quiz.map(() => 0)), undefined);
      for (const rendered of [...htmlStrings(view), ...htmlStrings(result)]) {
        if (!html.has(rendered)) {
          missing.push(`${skill.id}: ${rendered.slice(0, 80)}`);
        }
      }
    }
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} rendered text(s) not compiled: add their field to markdownTexts()`);
  });

  it('renders each Markdown text exactly as the run-time renderer does', async () => {
    const engine = createMarkdownEngine();
    const markdown = await parseMarkdownFile(Buffer.from(markdownFileText(compiled)));
    for (const [source, rendered] of markdown.block) {
      assert.equal(rendered, engine.block(source));
    }
    for (const [source, rendered] of markdown.inline) {
      assert.equal(rendered, engine.inline(source));
    }
    assert.ok([...markdown.block].length > loaded.skills.length, 'block Markdown is missing');
  });

  describe('files', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'br-compiled-'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('reads the written files back, and tells to reinstall when one is cut short or missing', async () => {
      const roadmapFile = path.join(dir, 'roadmap.jsonl');
      const markdownFile = path.join(dir, 'roadmap-html.jsonl');
      const text = roadmapFileText(compiled);
      await fs.writeFile(roadmapFile, text);
      await fs.writeFile(markdownFile, markdownFileText(compiled));
      const fromFile = await readShippedRoadmap(roadmapFile);
      // Read as bytes and decoded a line at a time: texts with multi-byte characters come back whole.
      assert.match(text, /[^ -~\n]/, 'no multi-byte character in the shipped roadmap to test decoding with');
      assert.deepStrictEqual(fromFile.roadmap?.stages, compiled.stages);
      assert.equal(await readShippedMarkdown(markdownFile), undefined);

      await fs.writeFile(roadmapFile, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
      const cut = await readShippedRoadmap(roadmapFile);
      assert.equal(cut.roadmap, undefined);
      assert.match(cut.problems[0]?.message ?? '', /cut short.*reinstall/);

      const missing = await readShippedRoadmap(path.join(dir, 'nope.jsonl'));
      assert.equal(missing.roadmap, undefined);
      assert.match(missing.problems[0]?.message ?? '', /cannot be read \(ENOENT.*reinstall/);
      assert.match((await readShippedMarkdown(path.join(dir, 'nope.jsonl'))) ?? '', /reinstall/);
    });

    it('reads back the model it wrote from the bytes, whatever the characters', async () => {
      const stages = compiled.stages.map((stage, index) => (index === 0 ? { ...stage, title: 'Ünïcödé — “quoted” ✓ 𝄞' } : stage));
      const fromBytes = await parseRoadmapFile(Buffer.from(roadmapFileText({ stages, markdown: compiled.markdown })));
      assert.equal(fromBytes.stages[0]?.title, 'Ünïcödé — “quoted” ✓ 𝄞');
      assert.deepStrictEqual(fromBytes.stages, stages);
      await assert.rejects(parseRoadmapFile(Buffer.alloc(0)), /not a compiled roadmap file/);
    });

    it('refuses a file of another kind or format', async () => {
      await assert.rejects(parseRoadmapFile(Buffer.from(markdownFileText(compiled))), /not a compiled roadmap file/);
      await assert.rejects(parseRoadmapFile(Buffer.from('{"format":0,"kind":"roadmap","lines":0}\n')), /not a compiled roadmap file of format 2/);
    });

    it('gives file:line:column problems instead of a compiled roadmap when the YAML is broken', async () => {
      await fs.mkdir(path.join(dir, 'stages'));
      const stage = stageYaml({ id: 'basics', order: 1, skills: [{ id: 'one', raw: { estimatedHours: '"many"' } }] });
      const file = path.join(dir, 'stages', '01-basics.yaml');
      await fs.writeFile(file, stage);
      const result = await compileRoadmapDirectory(dir, createMarkdownEngine(), dir);
      assert.ok(!result.ok, 'broken YAML compiled');
      assert.deepEqual(
        result.problems.map(({ file: at, line, column }) => ({ at, line, column })),
        [{ at: file, ...locate(stage, '"many"') }],
      );
    });
  });
});
