// `backend-roadmap quiz SKILL_ID --answers …`: grading headlessly against a roadmap folder.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { runQuizCommand } from '../../src/cli/quizCommand';
import { compileRoadmap } from '../../src/core/compiled/compileRoadmap';
import { COMPILED_TEXTS_FILE } from '../../src/core/compiled/compiledRoadmap';
import { createMarkdownEngine } from '../../src/core/content/markdownEngine';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import { writeCompiledRoadmap } from './helpers/compiledFiles';
import { stageYaml } from './helpers/roadmapFixtures';

const QUIZ = `
      - question: "Which is right?"
        choices: ["a", "b", "c"]
        answer: 1
        explain: "b is right."
      - question: "Which two? Select all that apply."
        choices: ["a", "b", "c", "d"]
        answer: [0, 2]
        explain: "a and c."
      - question: "Third?"
        choices: ["yes", "no"]
        answer: 0
        explain: "Yes."
      - question: "Fourth?"
        choices: ["yes", "no"]
        answer: 1
        explain: "No."
      - question: "Fifth?"
        choices: ["yes", "no"]
        answer: 0
        explain: "Yes again."`;

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('CLI: quiz', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'br-quiz-'));
    await mkdir(path.join(dir, 'stages'));
    await writeFile(path.join(dir, 'stages', '01.yaml'), stageYaml({ id: 'basics', order: 1, skills: [{ id: 'big-o', extra: { quiz: QUIZ } }, { id: 'no-quiz' }] }));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--json grades a pass at 4 of 5, with right or wrong and the explanation per question', async () => {
    const result = await run(['quiz', 'big-o', '--answers', '1,0+2,0,1,1', '--json', '--roadmap', dir]);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { skill: string; passed: boolean; score: number; results: { question: string; correct: boolean; explain: string }[] };
    assert.equal(report.skill, 'big-o');
    assert.equal(report.passed, true);
    assert.equal(report.score, 0.8);
    assert.deepEqual(
      report.results.map((r) => [r.question, r.correct, r.explain]),
      [
        ['Which is right?', true, 'b is right.'],
        ['Which two? Select all that apply.', true, 'a and c.'],
        ['Third?', true, 'Yes.'],
        ['Fourth?', true, 'No.'],
        ['Fifth?', false, 'Yes again.'],
      ],
    );
  });

  it('exits 0 for a graded attempt that does not pass, unanswered questions included', async () => {
    const result = await run(['quiz', 'big-o', '--answers=1,2+0,-', '--roadmap', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^1\. right: b is right\.$/m);
    assert.match(result.stdout, /^3\. not answered: Yes\.$/m);
    assert.match(result.stdout, /Not passed \(2 of 5 right/);
  });

  it('exits 2 for an unknown skill, a skill without a self-check, and answers that do not fit', async () => {
    const unknown = await run(['quiz', 'nope', '--answers', '0', '--roadmap', dir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no skill "nope" in the roadmap/);
    const none = await run(['quiz', 'no-quiz', '--answers', '0', '--roadmap', dir]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /has no self-check/);
    const outOfRange = await run(['quiz', 'big-o', '--answers', '3', '--roadmap', dir]);
    assert.equal(outOfRange.code, 2);
    assert.match(outOfRange.stderr, /question 1 has choices 0 to 2, not 3/);
    const tooMany = await run(['quiz', 'big-o', '--answers', '0,0,0,0,0,0', '--roadmap', dir]);
    assert.equal(tooMany.code, 2);
    assert.equal(tooMany.stdout, '');
  });

  it('exits 2 with the usage for missing or malformed arguments', async () => {
    for (const argv of [['quiz', 'big-o'], ['quiz', '--answers', '0'], ['quiz', 'big-o', '--answers', 'x'], ['quiz', 'big-o', '--answers'], ['quiz', 'a', 'b', '--answers', '0'], ['quiz', 'big-o', '--answers', '0', '--verbose']]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /backend-roadmap quiz SKILL_ID --answers/, argv.join(' '));
    }
  });

  it('grades against the compiled roadmap, and says to reinstall when its texts are damaged', async () => {
    const loaded = await loadRoadmapFromDirectory(dir);
    assert.ok(loaded.roadmap);
    const compiled = await writeCompiledRoadmap(dir, compileRoadmap(loaded.roadmap, createMarkdownEngine(), dir));
    const grade = async (): Promise<{ code: number; stdout: string; stderr: string }> => {
      let stdout = '';
      let stderr = '';
      const code = await runQuizCommand({ kind: 'quiz', skillId: 'big-o', answers: [1, [0, 2], 0, 1, 1], json: false }, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } }, compiled);
      return { code, stdout, stderr };
    };
    const whole = await grade();
    assert.equal(whole.code, 0, whole.stderr);
    assert.match(whole.stdout, /^Passed \(4 of 5 right\)\.$/m);

    // The stage's texts lose their closing brace, the file keeps its size: the roadmap reads, the self-check cannot.
    const textsFile = path.join(dir, COMPILED_TEXTS_FILE);
    const texts = await readFile(textsFile, 'utf8');
    await writeFile(textsFile, texts.replace(/}\n$/, ' \n'));
    const damaged = await grade();
    assert.equal(damaged.code, 1);
    assert.equal(damaged.stdout, '');
    assert.match(damaged.stderr, /^backend-roadmap: the texts of the roadmap built into Backend Roadmap \(roadmap-texts\.jsonl\) cannot be read \(line 2 of the compiled texts file is not what the build writes\): reinstall/);
  });
});
