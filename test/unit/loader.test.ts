// The roadmap loader: valid content becomes a sorted roadmap; every kind of broken content becomes a problem
// located at the exact file, line and column an author must fix, and any problem withholds the roadmap.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { MILESTONES } from '../../src/core/milestones/catalog';
import { loadRoadmapFromDirectory, parseRoadmap } from '../../src/core/roadmap/loader';
import { formatProblem } from '../../src/core/roadmap/problems';
import { locate, oneStage, problemAt as at, problemsOf, stageSource, stageYaml } from './helpers/roadmapFixtures';

/** Loads sources that must be refused, checks the roadmap is withheld, and returns the problems. */

/** The problem expected at `needle` (its `occurrence`-th appearance) in `source`. */

describe('roadmap loader', () => {
  describe('valid content', () => {
    const later = stageSource('20-later.yaml', {
      id: 'later',
      order: 2,
      skills: [{ id: 'c', prerequisites: ['a', 'b'], detect: { all: ['docker.file', 'docker.compose'] } }],
    });
    const first = stageSource('10-first.yaml', {
      id: 'first',
      order: 1,
      skills: [{ id: 'a' }, { id: 'b', prerequisites: ['a'], detect: { any: ['git.repo', 'git.remote'] } }],
    });

    it('loads without problems and sorts stages by order, not by file', () => {
      const { roadmap, problems } = parseRoadmap([later, first]);
      assert.deepEqual(problems, []);
      assert.ok(roadmap);
      assert.deepEqual(
        roadmap.stages.map((stage) => [stage.id, stage.order, stage.source]),
        [
          ['first', 1, '10-first.yaml'],
          ['later', 2, '20-later.yaml'],
        ],
      );
    });

    it('lists skills in roadmap order with their stage, and indexes skills and stages by id', () => {
      const { roadmap } = parseRoadmap([later, first]);
      assert.ok(roadmap);
      assert.deepEqual(
        roadmap.skills.map((skill) => [skill.id, skill.stageId]),
        [
          ['a', 'first'],
          ['b', 'first'],
          ['c', 'later'],
        ],
      );
      assert.deepEqual([...roadmap.skillById.keys()], ['a', 'b', 'c']);
      assert.equal(roadmap.skillById.get('c')?.title, 'C');
      assert.deepEqual([...roadmap.stageById.keys()], ['first', 'later']);
      assert.deepEqual(roadmap.stageById.get('later')?.skills.map((skill) => skill.id), ['c']);
    });

    it('copies every field of a skill and a stage', () => {
      const { roadmap } = parseRoadmap([first]);
      const stage = roadmap?.stageById.get('first');
      assert.ok(stage);
      assert.deepEqual(stage.projectIdeas, [{ title: 'A First project', description: 'Build something with First.' }]);
      assert.equal(stage.summary, 'Everything about First.');
      assert.deepEqual(roadmap?.skillById.get('b'), {
        id: 'b',
        stageId: 'first',
        title: 'B',
        summary: 'What B is.',
        whyItMatters: 'Why B matters.',
        subtopics: ['B basics'],
        resources: [{ title: 'About B', url: 'https://example.com/b', kind: 'docs' }],
        practice: ['Practise B.'],
        estimatedHours: 2,
        level: 'core',
        prerequisites: ['a'],
        detect: { all: [], any: ['git.repo', 'git.remote'] },
        quiz: [],
      });
    });

    it('defaults a missing `all` or `any` of detect to an empty list, and leaves detect out when absent', () => {
      const { roadmap } = parseRoadmap([later, first]);
      assert.ok(roadmap);
      assert.deepEqual(roadmap.skillById.get('b')?.detect, { all: [], any: ['git.repo', 'git.remote'] });
      assert.deepEqual(roadmap.skillById.get('c')?.detect, { all: ['docker.file', 'docker.compose'], any: [] });
      const a = roadmap.skillById.get('a');
      assert.ok(a);
      assert.equal(a.detect, undefined);
      assert.equal(Object.hasOwn(a, 'detect'), false);
    });

    it('accepts a leading comment and a $schema property', () => {
      const text = `# yaml-language-server: $schema=../roadmap.schema.json\n$schema: ../roadmap.schema.json\n${stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }] })}`;
      const { roadmap, problems } = parseRoadmap([{ file: 'stage.yaml', text }]);
      assert.deepEqual(problems, []);
      assert.deepEqual(roadmap?.skills.map((skill) => skill.id), ['a']);
    });
  });

  describe('YAML syntax errors', () => {
    it('reports bad indentation at the misaligned line', () => {
      const valid = stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }] });
      const text = valid.replace('    estimatedHours: 2', '      estimatedHours: 2');
      const source = { file: 'indent.yaml', text };
      assert.deepEqual(problemsOf([source]), [
        { file: 'indent.yaml', line: locate(text, 'estimatedHours').line, column: 1, message: 'YAML syntax: All mapping items must start at the same column' },
      ]);
    });

    it('reports a tab used for indentation', () => {
      const valid = stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }] });
      const text = valid.replace('    estimatedHours: 2', '\testimatedHours: 2');
      const problems = problemsOf([{ file: 'tab.yaml', text }]);
      assert.deepEqual(problems[0], { file: 'tab.yaml', line: locate(text, 'estimatedHours').line, column: 1, message: 'YAML syntax: Tabs are not allowed as indentation' });
    });

    it('reports a duplicate key at the second occurrence of the key', () => {
      const source = stageSource('dup.yaml', { id: 'basics', order: 1, skills: [{ id: 'a' }], extra: { title: '"Again"' } });
      assert.deepEqual(problemsOf([source]), [at(source, 'title: "Again"', 'YAML syntax: Map keys must be unique')]);
    });

    it('reports a duplicate key inside a skill', () => {
      const valid = stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }] });
      const source = { file: 'dup.yaml', text: valid.replace('    estimatedHours: 2', '    estimatedHours: 2\n    estimatedHours: 3') };
      assert.deepEqual(problemsOf([source]), [at(source, 'estimatedHours: 3', 'YAML syntax: Map keys must be unique')]);
    });

    // The yaml library reports an unclosed quote at the end of the file; authors need the opening quote.
    it('reports an unclosed quote where the quoted text starts', () => {
      const text = 'id: basics\ntitle: "Basics\nsummary: Everything about the basics.\norder: 1\n';
      const problems = problemsOf([{ file: 'quote.yaml', text }]);
      assert.deepEqual(problems, [{ file: 'quote.yaml', line: 2, column: 8, message: 'YAML syntax: Missing closing "quote' }]);
    });

    it('still reports the unclosed quote with its message and file (independent of the position bug)', () => {
      const text = 'id: basics\ntitle: "Basics\nsummary: Everything about the basics.\norder: 1\n';
      const problems = problemsOf([{ file: 'quote.yaml', text }]);
      assert.deepEqual(
        problems.map((problem) => [problem.file, problem.message]),
        [['quote.yaml', 'YAML syntax: Missing closing "quote']],
      );
    });

    it('skips schema checks for a file with syntax errors but still checks the other files', () => {
      const broken = { file: 'broken.yaml', text: 'id: basics\nid: again\n' };
      const other = stageSource('other.yaml', { id: 'other', order: 2, skills: [{ id: 'b', raw: { estimatedHours: '"lots"' } }] });
      assert.deepEqual(problemsOf([broken, other]), [
        { file: 'broken.yaml', line: 2, column: 1, message: 'YAML syntax: Map keys must be unique' },
        at(other, '"lots"', 'skills.0.estimatedHours must be number'),
      ]);
    });
  });

  describe('schema violations', () => {
    it('reports a missing required skill property at the start of the skill', () => {
      const [source] = oneStage([{ id: 'a' }, { id: 'b', omit: ['summary'] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'id: b\n', 'skills.1 is missing the required property "summary"')]);
    });

    it('reports a missing required stage property at the start of the file', () => {
      const source = stageSource('stage.yaml', { id: 'basics', order: 1, skills: [{ id: 'a' }], omit: ['summary'] });
      assert.deepEqual(problemsOf([source]), [{ file: 'stage.yaml', line: 1, column: 1, message: 'the stage is missing the required property "summary"' }]);
    });

    it('still accepts the retired estimatedWeeks of older roadmaps, and ignores it', () => {
      const source = stageSource('stage.yaml', { id: 'basics', order: 1, skills: [{ id: 'a' }] });
      const { roadmap, problems } = parseRoadmap([{ ...source, text: `${source.text}\nestimatedWeeks: 3\n` }]);
      assert.deepEqual(problems, []);
      const stage = roadmap?.stageById.get('basics');
      assert.ok(stage);
      assert.equal('estimatedWeeks' in stage, false);
    });

    it('reports a wrong type at the value', () => {
      const [source] = oneStage([{ id: 'a', raw: { estimatedHours: '"lots"' } }]);
      assert.ok(source);
      const problems = problemsOf([source]);
      assert.deepEqual(problems, [at(source, '"lots"', 'skills.0.estimatedHours must be number')]);
      assert.deepEqual(problems[0] && { line: problems[0].line, column: problems[0].column }, { line: 19, column: 21 });
    });

    it('reports a list given where text is expected', () => {
      const source = stageSource('stage.yaml', { id: 'basics', order: 1, skills: [{ id: 'a' }], raw: { title: '[one, two]' } });
      assert.deepEqual(problemsOf([source]), [at(source, '[one, two]', 'title must be string')]);
    });

    it('reports an unknown skill property at its key', () => {
      const [source] = oneStage([{ id: 'a', extra: { colour: 'red' } }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'colour', 'unknown property "colour" in skills.0')]);
      assert.deepEqual(problemsOf([source])[0]?.column, 5);
    });

    it('reports an unknown stage property at its key', () => {
      const source = stageSource('stage.yaml', { id: 'basics', order: 1, skills: [{ id: 'a' }], extra: { weeks: '3' } });
      assert.deepEqual(problemsOf([source]), [at(source, 'weeks: 3', 'unknown property "weeks" in the stage')]);
    });

    it('reports an unknown property of a resource at its key', () => {
      const valid = stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }] });
      const source = { file: 'stage.yaml', text: valid.replace('        kind: docs', '        kind: docs\n        lang: en') };
      assert.deepEqual(problemsOf([source]), [at(source, 'lang: en', 'unknown property "lang" in skills.0.resources.0')]);
    });

    it('reports a skill id that is not kebab-case at the id', () => {
      const [source] = oneStage([{ id: 'Bad_Id' }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'Bad_Id', 'skills.0.id must be a kebab-case id (lowercase letters, digits and single hyphens)')]);
    });

    it('reports a stage id that is not kebab-case at the id', () => {
      const source = stageSource('stage.yaml', { id: 'two--hyphens', order: 1, skills: [{ id: 'a' }] });
      assert.deepEqual(problemsOf([source]), [{ file: 'stage.yaml', line: 1, column: 5, message: 'id must be a kebab-case id (lowercase letters, digits and single hyphens)' }]);
    });

    it('reports a prerequisite that is not a kebab-case id at the prerequisite', () => {
      const [source] = oneStage([{ id: 'a' }, { id: 'b', prerequisites: ['a', 'Not_An_Id'] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'Not_An_Id', 'skills.1.prerequisites.1 must be a kebab-case id (lowercase letters, digits and single hyphens)')]);
    });

    it('reports a resource URL that is not https at the URL', () => {
      const [source] = oneStage([{ id: 'a', resources: [{ url: 'https://example.com/ok' }, { url: 'http://example.com/plain' }] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, '"http://example.com/plain"', 'skills.0.resources.1.url must be an https:// link')]);
    });

    it('reports a javascript: resource URL', () => {
      const [source] = oneStage([{ id: 'a', resources: [{ url: 'javascript:alert(1)' }] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, '"javascript:alert(1)"', 'skills.0.resources.0.url must be an https:// link')]);
    });

    it('reports an unknown resource kind at the kind, listing the allowed kinds', () => {
      const [source] = oneStage([{ id: 'a', resources: [{ url: 'https://example.com/a', kind: 'blog' }] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'blog', 'skills.0.resources.0.kind is "blog", which is not one of the allowed values: docs, article, video, course')]);
    });

    it('reports an unknown milestone id in detect at the id, once', () => {
      const [source] = oneStage([{ id: 'a', detect: { all: ['git.repo'], any: ['docker.file', 'git.nope'] } }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [
        at(source, 'git.nope', `skills.0.detect.any.1 is "git.nope", which is not one of the allowed values (${MILESTONES.length} ids, listed in roadmap.schema.json)`),
      ]);
    });

    it('reports an empty detect rule', () => {
      const [source] = oneStage([{ id: 'a', raw: { detect: '{}' } }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, '{}', 'skills.0.detect must NOT have fewer than 1 properties')]);
    });

    it('reports an empty file as not a stage', () => {
      assert.deepEqual(problemsOf([{ file: 'empty.yaml', text: '' }]), [{ file: 'empty.yaml', line: 1, column: 1, message: 'the stage must be object' }]);
    });

    it('reports every violation of a file, each at its own place', () => {
      const [source] = oneStage([{ id: 'a', raw: { estimatedHours: '"lots"' }, resources: [{ url: 'http://example.com/a', kind: 'blog' }] }]);
      assert.ok(source);
      const problems = problemsOf([source]);
      assert.deepEqual(
        [...problems].sort((x, y) => x.line - y.line),
        [
          at(source, '"http://example.com/a"', 'skills.0.resources.0.url must be an https:// link'),
          at(source, 'blog', 'skills.0.resources.0.kind is "blog", which is not one of the allowed values: docs, article, video, course'),
          at(source, '"lots"', 'skills.0.estimatedHours must be number'),
        ],
      );
    });
  });

  describe('cross-file checks', () => {
    it('reports a skill id used in two files at the second one', () => {
      const one = stageSource('one.yaml', { id: 'one', order: 1, skills: [{ id: 'shared' }] });
      const two = stageSource('two.yaml', { id: 'two', order: 2, skills: [{ id: 'other' }, { id: 'shared' }] });
      assert.deepEqual(problemsOf([one, two]), [at(two, 'shared', 'duplicate skill id "shared" (also in one.yaml)')]);
    });

    it('reports a skill id used twice in one file at the second one', () => {
      const [source] = oneStage([{ id: 'a' }, { id: 'a', title: 'Again' }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'a\n    title: "Again"', 'duplicate skill id "a" (also in stage.yaml)')]);
    });

    it('reports a duplicate stage id at the id of the second stage', () => {
      const one = stageSource('one.yaml', { id: 'same', order: 1, skills: [{ id: 'a' }] });
      const two = stageSource('two.yaml', { id: 'same', order: 2, skills: [{ id: 'b' }] });
      assert.deepEqual(problemsOf([one, two]), [{ file: 'two.yaml', line: 1, column: 5, message: 'duplicate stage id "same" (also in one.yaml)' }]);
    });

    it('reports a duplicate stage order at the order of the second stage', () => {
      const one = stageSource('one.yaml', { id: 'one', order: 3, skills: [{ id: 'a' }] });
      const two = stageSource('two.yaml', { id: 'two', order: 3, skills: [{ id: 'b' }] });
      assert.deepEqual(problemsOf([one, two]), [{ file: 'two.yaml', line: 4, column: 8, message: 'stage order 3 is also used by stage "one" in one.yaml' }]);
    });

    it('reports a prerequisite that names no skill at the prerequisite', () => {
      const [source] = oneStage([{ id: 'a' }, { id: 'b', prerequisites: ['a', 'nowhere'] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'nowhere', 'skill "b" has an unknown prerequisite "nowhere"')]);
    });

    it('accepts a prerequisite declared in another file', () => {
      const one = stageSource('one.yaml', { id: 'one', order: 1, skills: [{ id: 'a' }] });
      const two = stageSource('two.yaml', { id: 'two', order: 2, skills: [{ id: 'b', prerequisites: ['a'] }] });
      assert.deepEqual(parseRoadmap([two, one]).problems, []);
    });

    it('reports a skill that is its own prerequisite once, and not also as a cycle', () => {
      const [source] = oneStage([{ id: 'a' }, { id: 'loop', prerequisites: ['a', 'loop'] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, 'loop]', 'skill "loop" lists itself as a prerequisite')]);
    });

    it('reports a 2-cycle once, naming the cycle, at the prerequisites of its first skill', () => {
      const [source] = oneStage([{ id: 'a', prerequisites: ['b'] }, { id: 'b', prerequisites: ['a'] }]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, '[b]', 'prerequisite cycle: a → b → a')]);
    });

    it('reports a 3-cycle once, naming the cycle in prerequisite order', () => {
      const [source] = oneStage([
        { id: 'start', prerequisites: [] },
        { id: 'x', prerequisites: ['start', 'z'] },
        { id: 'y', prerequisites: ['x'] },
        { id: 'z', prerequisites: ['y'] },
      ]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, '[start, z]', 'prerequisite cycle: x → z → y → x')]);
    });

    it('names only the skills in the cycle, not the path that led to it', () => {
      const [source] = oneStage([
        { id: 'entry', prerequisites: ['p'] },
        { id: 'p', prerequisites: ['q'] },
        { id: 'q', prerequisites: ['p'] },
      ]);
      assert.ok(source);
      assert.deepEqual(problemsOf([source]), [at(source, '[q]', 'prerequisite cycle: p → q → p')]);
    });

    it('reports a cycle that spans two files', () => {
      const one = stageSource('one.yaml', { id: 'one', order: 1, skills: [{ id: 'a', prerequisites: ['b'] }] });
      const two = stageSource('two.yaml', { id: 'two', order: 2, skills: [{ id: 'b', prerequisites: ['a'] }] });
      assert.deepEqual(problemsOf([one, two]), [at(one, '[b]', 'prerequisite cycle: a → b → a')]);
    });

    it('reports two separate cycles as two problems', () => {
      const [source] = oneStage([
        { id: 'a', prerequisites: ['b'] },
        { id: 'b', prerequisites: ['a'] },
        { id: 'c', prerequisites: ['d'] },
        { id: 'd', prerequisites: ['c'] },
      ]);
      assert.ok(source);
      assert.deepEqual(
        problemsOf([source]).map((problem) => problem.message),
        ['prerequisite cycle: a → b → a', 'prerequisite cycle: c → d → c'],
      );
    });

    it('formats a problem as file:line:column: message', () => {
      assert.equal(formatProblem({ file: 'stages/a.yaml', line: 3, column: 7, message: 'boom' }), 'stages/a.yaml:3:7: boom');
    });
  });

  describe('loadRoadmapFromDirectory', () => {
    let root: string;

    beforeEach(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-loader-'));
    });

    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('loads every .yaml and .yml file of <dir>/stages and ignores other files', async () => {
      const stages = path.join(root, 'stages');
      await mkdir(stages);
      await writeFile(path.join(stages, '02-second.yml'), stageYaml({ id: 'second', order: 2, skills: [{ id: 'b', prerequisites: ['a'] }] }));
      await writeFile(path.join(stages, '01-first.yaml'), stageYaml({ id: 'first', order: 1, skills: [{ id: 'a' }] }));
      await writeFile(path.join(stages, 'README.md'), '# not a stage\n');
      const { roadmap, problems } = await loadRoadmapFromDirectory(root);
      assert.deepEqual(problems, []);
      assert.ok(roadmap);
      assert.deepEqual(
        roadmap.stages.map((stage) => [stage.id, stage.source]),
        [
          ['first', path.join(stages, '01-first.yaml')],
          ['second', path.join(stages, '02-second.yml')],
        ],
      );
      assert.deepEqual(roadmap.skills.map((skill) => skill.id), ['a', 'b']);
    });

    it('reports problems under the full path of the file', async () => {
      const stages = path.join(root, 'stages');
      await mkdir(stages);
      const text = stageYaml({ id: 'first', order: 1, skills: [{ id: 'a', prerequisites: ['ghost'] }] });
      await writeFile(path.join(stages, '01-first.yaml'), text);
      const { roadmap, problems } = await loadRoadmapFromDirectory(root);
      assert.equal(roadmap, undefined);
      assert.deepEqual(problems, [{ file: path.join(stages, '01-first.yaml'), ...locate(text, 'ghost'), message: 'skill "a" has an unknown prerequisite "ghost"' }]);
    });

    it('reports an empty stages folder', async () => {
      await mkdir(path.join(root, 'stages'));
      await writeFile(path.join(root, 'stages', 'notes.txt'), 'no stages here');
      const { roadmap, problems } = await loadRoadmapFromDirectory(root);
      assert.equal(roadmap, undefined);
      assert.deepEqual(problems, [{ file: path.join(root, 'stages'), line: 1, column: 1, message: 'the roadmap folder has no .yaml stage files' }]);
    });

    it('reports a missing stages folder with the reason', async () => {
      const { roadmap, problems } = await loadRoadmapFromDirectory(root);
      assert.equal(roadmap, undefined);
      assert.equal(problems.length, 1);
      const [problem] = problems;
      assert.ok(problem);
      assert.deepEqual([problem.file, problem.line, problem.column], [path.join(root, 'stages'), 1, 1]);
      assert.match(problem.message, /^cannot read the roadmap folder: ENOENT: no such file or directory/);
    });
  });
});
