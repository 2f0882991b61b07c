// The roadmap compiled at build time (dist/roadmap.jsonl, dist/roadmap-texts.jsonl, dist/roadmap-html.jsonl): the same model as the
// YAML loader gives, the HTML of every Markdown text the views render, and clear failures for broken input.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMarkdownEngine } from '../../src/core/content/markdownEngine';
import { compileRoadmap, compileRoadmapDirectory } from '../../src/core/compiled/compileRoadmap';
import type { CompiledRoadmap } from '../../src/core/compiled/compiledRoadmap';
import { markdownFileText, parseMarkdownFile, parseRoadmapFile, roadmapFileText, textsFileText } from '../../src/core/compiled/compiledRoadmap';
import { readText } from '../../src/core/roadmap/readText';
import { readShippedMarkdown, readShippedRoadmap } from '../../src/core/compiled/shippedRoadmap';
import { gradeQuiz } from '../../src/core/quiz/grade';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import type { Roadmap } from '../../src/core/roadmap/model';
import { buildQuizResultView } from '../../src/core/view/quizViews';
import { buildSkillView } from '../../src/core/view/viewModels';
import type { DetectionInfo } from '../../src/core/view/viewModels';
import { textsInMemory, writeCompiledRoadmap } from './helpers/compiledFiles';
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

  it('reads back as the model the YAML loader gives, with sources relative to the package', () => {
    const read = parseRoadmapFile(Buffer.from(roadmapFileText(compiled)), textsInMemory(compiled));
    const expected = loaded.stages.map((stage) => ({ ...stage, source: path.relative(REPO_ROOT, stage.source).split(path.sep).join('/') }));
    assert.deepStrictEqual(read.stages, expected);
    assert.deepStrictEqual([...read.skillById.keys()], [...loaded.skillById.keys()]);
    assert.deepStrictEqual([...read.stageById.keys()], [...loaded.stageById.keys()]);
    assert.deepStrictEqual(read.skills, read.stages.flatMap((stage) => stage.skills));
    assert.ok(read.stages.every((stage) => stage.source.startsWith('roadmap/stages/') && stage.source.endsWith('.yaml')));
  });

  it('writes each stage on one line without its texts, and the texts in a file of their own, a stage per line', () => {
    const lines = roadmapFileText(compiled).trimEnd().split('\n');
    const texts = textsFileText(compiled).trimEnd().split('\n');
    assert.equal(lines.length, loaded.stages.length + 1);
    assert.equal(texts.length, loaded.stages.length + 1);
    for (const field of ['summary', 'whyItMatters', 'subtopics', 'resources', 'practice', 'quiz', 'projectIdeas']) {
      assert.ok(!lines.some((line) => line.includes(`"${field}":`)), `the model's file still holds "${field}"`);
    }
    const size = (text: readonly string[]): number => Buffer.byteLength(text.join('\n'));
    // What start-up reads and parses is a small part of the whole: ids, titles, levels, hours and rules.
    assert.ok(size(lines) * 10 < size(texts), `the model without texts is ${size(lines)} bytes against ${size(texts)} of texts`);
    const largest = Math.max(...[...lines, ...texts].map((line) => line.length));
    assert.ok(largest < 200_000, `a line of ${largest} characters: split big stages`);
  });

  it('reads the texts file when a text is first asked for, and each stage\'s texts once', () => {
    const texts = textsInMemory(compiled);
    const read = parseRoadmapFile(Buffer.from(roadmapFileText(compiled)), texts);
    assert.ok(read.skills.length > 100 && read.skills.every((skill) => skill.title.length > 0 && skill.estimatedHours > 0));
    assert.equal(texts.reads, 0, 'the texts were read with the model');
    const [first, second] = read.skills;
    assert.equal(first?.summary, compiled.stages[0]?.skills[0]?.summary);
    assert.deepStrictEqual(second?.quiz, compiled.stages[0]?.skills[1]?.quiz);
    assert.equal(read.stages.at(-1)?.projectIdeas.length, compiled.stages.at(-1)?.projectIdeas.length);
    assert.equal(texts.reads, 1);
    // Parsed once: the same objects every time.
    assert.equal(first?.quiz, first?.quiz);
    assert.equal(read.stages[0]?.projectIdeas, read.stages[0]?.projectIdeas);
  });

  it('says to reinstall when the texts are missing, cut short, from another build or damaged', () => {
    const model = Buffer.from(roadmapFileText(compiled));
    const text = textsFileText(compiled);
    const texts = (content: string): { size: number; read: () => Buffer } => ({ size: Buffer.byteLength(content), read: () => Buffer.from(content) });
    // Another size than the model's header says: missing, cut or from another build. The read fails at once.
    assert.throws(() => parseRoadmapFile(model, texts(text.slice(0, -100))), /texts of the compiled roadmap \(roadmap-texts\.jsonl\) are missing, cut short or from another build/);
    // Damaged inside, the size kept: the model reads; the damaged stage's texts say what to do when asked for.
    const lines = text.trimEnd().split('\n');
    const damagedStage = 3;
    lines[damagedStage + 1] = (lines[damagedStage + 1] ?? '').replace(/"summary"/, '"sumXary"');
    const read = parseRoadmapFile(model, texts(`${lines.join('\n')}\n`));
    assert.throws(() => read.stages[damagedStage]?.skills[0]?.quiz, /texts of the roadmap built into Backend Roadmap \(roadmap-texts\.jsonl\) cannot be read \(line 5 of the compiled texts file is not what the build writes\): reinstall/);
    assert.deepStrictEqual(read.stages[0]?.skills[0]?.quiz, compiled.stages[0]?.skills[0]?.quiz);
    // A texts file of another kind.
    const markdown = markdownFileText(compiled);
    assert.throws(() => parseRoadmapFile(model, { size: Buffer.byteLength(text), read: () => Buffer.from(markdown) }).skills[0]?.summary, /cannot be read \(not a compiled texts file of format 3, or cut short\): reinstall/);
  });

  it('gives a tooltip or a picker the reason a damaged text cannot be read, and the other texts as they are', () => {
    const model = Buffer.from(roadmapFileText(compiled));
    const lines = textsFileText(compiled).trimEnd().split('\n');
    lines[2] = (lines[2] ?? '').replace(/"subtopics"/, '"subXopics"');
    const content = `${lines.join('\n')}\n`;
    const read = parseRoadmapFile(model, { size: Buffer.byteLength(content), read: () => Buffer.from(content) });
    const damaged = readText(() => read.stages[1]?.skills[0]?.subtopics.join(' · '));
    assert.equal(damaged.ok, false);
    assert.match(damaged.reason, /cannot be read \(line 3 of the compiled texts file is not what the build writes\): reinstall the extension/);
    // Asked again (another hover), the same answer, not a crash.
    assert.equal(readText(() => read.stages[1]?.skills[0]?.summary).ok, false);
    assert.deepStrictEqual(readText(() => read.stages[0]?.skills[0]?.subtopics), { ok: true, value: compiled.stages[0]?.skills[0]?.subtopics });
  });

  it('reads the model without its texts at once, in one small block (each turn at start-up waits behind other extensions)', () => {
    const bytes = Buffer.from(roadmapFileText(compiled));
    // Small enough to parse in a few milliseconds: ids, titles, levels, hours, prerequisites and rules.
    assert.ok(bytes.length < 64 * 1024, `the model without its texts is ${bytes.length} bytes`);
    const read = parseRoadmapFile(bytes, textsInMemory(compiled));
    assert.deepStrictEqual(read.skills.map((skill) => skill.id), loaded.skills.map((skill) => skill.id));
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
      const roadmapFile = await writeCompiledRoadmap(dir, compiled);
      const markdownFile = path.join(dir, 'roadmap-html.jsonl');
      const text = roadmapFileText(compiled);
      await fs.writeFile(markdownFile, markdownFileText(compiled));
      const fromFile = readShippedRoadmap(roadmapFile);
      // Read as bytes and decoded a line at a time: texts with multi-byte characters come back whole.
      assert.match(textsFileText(compiled), /[^ -~\n]/, 'no multi-byte character in the shipped roadmap to test decoding with');
      assert.deepStrictEqual(fromFile.roadmap?.stages, compiled.stages);
      assert.equal(await readShippedMarkdown(markdownFile), undefined);

      await fs.writeFile(roadmapFile, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
      const cut = readShippedRoadmap(roadmapFile);
      assert.equal(cut.roadmap, undefined);
      assert.match(cut.problems[0]?.message ?? '', /cut short.*reinstall/);

      await fs.writeFile(roadmapFile, text);
      await fs.rm(path.join(dir, 'roadmap-texts.jsonl'));
      const noTexts = readShippedRoadmap(roadmapFile);
      assert.equal(noTexts.roadmap, undefined);
      assert.match(noTexts.problems[0]?.message ?? '', /cannot be read \(ENOENT.*roadmap-texts\.jsonl.*reinstall/);

      const missing = readShippedRoadmap(path.join(dir, 'nope.jsonl'));
      assert.equal(missing.roadmap, undefined);
      assert.match(missing.problems[0]?.message ?? '', /cannot be read \(ENOENT.*reinstall/);
      assert.match((await readShippedMarkdown(path.join(dir, 'nope.jsonl'))) ?? '', /reinstall/);
    });

    it('reads back the model it wrote from the bytes, whatever the characters', () => {
      const odd = 'Ünïcödé — “quoted” ✓ 𝄞';
      const stages = compiled.stages.map((stage, index) => (index === 0 ? { ...stage, title: odd, summary: odd } : stage));
      const built = { stages, markdown: compiled.markdown };
      const fromBytes = parseRoadmapFile(Buffer.from(roadmapFileText(built)), textsInMemory(built));
      assert.equal(fromBytes.stages[0]?.title, odd);
      assert.equal(fromBytes.stages.find((stage) => stage.title === odd)?.summary, odd);
      assert.deepStrictEqual(fromBytes.stages, stages);
      assert.throws(() => parseRoadmapFile(Buffer.alloc(0), textsInMemory(built)), /not a compiled roadmap file/);
    });

    it('refuses a file of another kind or format', () => {
      const texts = textsInMemory(compiled);
      assert.throws(() => parseRoadmapFile(Buffer.from(markdownFileText(compiled)), texts), /not a compiled roadmap file/);
      assert.throws(() => parseRoadmapFile(Buffer.from(textsFileText(compiled)), texts), /not a compiled roadmap file/);
      assert.throws(() => parseRoadmapFile(Buffer.from('{"format":0,"kind":"roadmap","lines":0}\n'), texts), /not a compiled roadmap file of format 3/);
      // A header that is not JSON says the same as any other line that is not what the build writes.
      assert.throws(() => parseRoadmapFile(Buffer.from('{"format":3,"kind":"road\n'), texts), /not a compiled roadmap file of format 3/);
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
