// Roadmaps the learner writes: a header (roadmap.yaml), stages that reuse shipped skills with `- ref: ID`,
// problems for ids that collide with shipped skills, the last good version kept while a folder is broken,
// the list to switch between, rules cut down to file milestones in Restricted Mode, and the CLI's --roadmap.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StatusJson } from '../../src/cli/progressCommands';
import { loadCliRoadmap } from '../../src/cli/roadmapSource';
import { exportProgress } from '../../src/core/progress/exchange';
import type { ProgressMap } from '../../src/core/progress/model';
import { roadmapCounts } from '../../src/core/progress/stats';
import { loadCustomRoadmap } from '../../src/core/roadmap/customRoadmap';
import type { CustomLoadResult } from '../../src/core/roadmap/customRoadmap';
import { parseRoadmapHeader } from '../../src/core/roadmap/headerDocument';
import { parseRoadmap } from '../../src/core/roadmap/loader';
import type { Roadmap } from '../../src/core/roadmap/model';
import { readSavedRoadmap, savedState, settleCustomRoadmap } from '../../src/core/roadmaps/lastGood';
import { chooseRoadmap, roadmapChoices, SHIPPED_ROADMAP_ID } from '../../src/core/roadmaps/roadmapChoices';
import { roadmapFolders } from '../../src/core/roadmaps/roadmapFolders';
import { fileRule, fileRulesOnly } from '../../src/core/roadmaps/untrustedRules';
import { runCli } from './helpers/cli';
import { locate, stageSource } from './helpers/roadmapFixtures';

/** A small stand-in for the shipped roadmap: git (with a former id), http (after git), docker. */
function shippedRoadmap(): Roadmap {
  const result = parseRoadmap([
    stageSource('shipped.yaml', {
      id: 'basics',
      order: 1,
      skills: [
        { id: 'git', detect: { all: ['git.repo'] }, extra: { formerIds: '[version-control]' } },
        { id: 'http', prerequisites: ['git'] },
        { id: 'docker', prerequisites: ['http'], detect: { all: ['docker.file'] } },
      ],
    }),
  ]);
  assert.ok(result.roadmap, JSON.stringify(result.problems));
  return result.roadmap;
}

/** A stage of a custom roadmap: its own skill `api-design` (after docker), then the given raw skill lines. */
function customStage(extraSkills: string): string {
  return [
    'id: my-path',
    'title: My path',
    'summary: What my team needs.',
    'order: 1',
    'projectIdeas: []',
    'skills:',
    '  - ref: docker',
    '  - id: api-design',
    '    title: API design',
    '    summary: Designing APIs.',
    '    whyItMatters: Clients depend on them.',
    '    subtopics: [Resources]',
    '    resources: []',
    '    practice: [Design one]',
    '    estimatedHours: 3',
    '    prerequisites: [docker]',
    '    detect:',
    '      all: [api.rest]',
    '      any: [git.history, api.openapi]',
    extraSkills,
  ].join('\n');
}

describe('custom roadmaps', () => {
  const shipped = shippedRoadmap();

  describe('reusing shipped skills', () => {
    it('replaces "- ref: ID" by the shipped skill, in this stage, with only the prerequisites this roadmap has', () => {
      const result = parseRoadmap([{ file: 'mine.yaml', text: customStage('') }], { shipped });
      assert.deepEqual(result.problems, []);
      const docker = result.roadmap?.skillById.get('docker');
      assert.ok(docker);
      assert.equal(docker.title, shipped.skillById.get('docker')?.title);
      assert.equal(docker.stageId, 'my-path');
      assert.deepEqual(docker.prerequisites, [], 'http is not in this roadmap');
      assert.deepEqual(docker.detect, shipped.skillById.get('docker')?.detect);
      assert.deepEqual(result.roadmap?.skills.map((skill) => skill.id), ['docker', 'api-design']);
    });

    it('keeps a reused skill\'s former ids, so progress kept under them counts', () => {
      const result = parseRoadmap([{ file: 'mine.yaml', text: customStage('  - ref: git') }], { shipped });
      assert.deepEqual(result.roadmap?.skillById.get('git')?.formerIds, ['version-control']);
    });

    it('counts a skill proved once as done in every roadmap that has it', () => {
      const custom = parseRoadmap([{ file: 'mine.yaml', text: customStage('') }], { shipped }).roadmap;
      assert.ok(custom);
      const progress: ProgressMap = { docker: { state: 'done', setBy: 'learner', at: '2024-06-01T12:00:00.000Z', evidence: [] } };
      assert.equal(roadmapCounts(shipped, progress).done, 1);
      assert.equal(roadmapCounts(custom, progress).done, 1);
      assert.equal(roadmapCounts(custom, progress).total, 2);
    });

    it('says where a ref names no shipped skill, and points a former id to the current one', () => {
      const text = customStage('  - ref: kubernetes\n  - ref: version-control');
      const result = parseRoadmap([{ file: 'mine.yaml', text }], { shipped });
      assert.equal(result.roadmap, undefined);
      assert.deepEqual(result.problems, [
        { file: 'mine.yaml', ...locate(text, 'kubernetes'), message: '"kubernetes" is not a skill of the shipped roadmap: check the id (Backend Roadmap: Go to Skill lists them in the shipped roadmap), or define the skill here with its own id' },
        { file: 'mine.yaml', ...locate(text, 'version-control'), message: '"version-control" is the former id of the shipped skill "git": write "- ref: git"' },
      ]);
    });

    it('refuses a ref in a roadmap without a header', () => {
      const text = customStage('');
      const result = parseRoadmap([{ file: 'mine.yaml', text }]);
      assert.equal(result.problems.length, 1);
      const [problem] = result.problems;
      assert.ok(problem);
      assert.deepEqual({ ...problem, message: '' }, { file: 'mine.yaml', ...locate(text, 'docker'), message: '' });
      assert.match(problem.message, /only a roadmap with a header can do: add a roadmap\.yaml/);
    });

    it('allows nothing but the id beside ref (the schema)', () => {
      const text = customStage('  - ref: git\n    title: My git');
      const result = parseRoadmap([{ file: 'mine.yaml', text }], { shipped });
      assert.deepEqual(result.problems, [{ file: 'mine.yaml', ...locate(text, 'title: My git'), message: 'unknown property "title" in skills.2' }]);
    });
  });

  describe('ids that collide with shipped skills', () => {
    it('refuses a skill defined under a shipped id, saying how to reuse it instead', () => {
      const text = customStage('  - id: http\n    title: My HTTP\n    summary: s\n    whyItMatters: w\n    subtopics: []\n    resources: []\n    practice: []\n    estimatedHours: 1\n    prerequisites: []');
      const result = parseRoadmap([{ file: 'mine.yaml', text }], { shipped });
      assert.deepEqual(result.problems, [
        {
          file: 'mine.yaml',
          ...locate(text, 'http\n'),
          message: '"http" is a skill of the shipped roadmap, and a skill is one skill everywhere: to reuse it, write only "- ref: http"; to define your own, give it another id',
        },
      ]);
    });

    it('refuses a shipped former id as an id, and a shipped id or former id in formerIds', () => {
      const fields = '    title: T\n    summary: s\n    whyItMatters: w\n    subtopics: []\n    resources: []\n    practice: []\n    estimatedHours: 1\n    prerequisites: []';
      const text = customStage(`  - id: version-control\n${fields}\n  - id: mine\n${fields}\n    formerIds: [http]`);
      const result = parseRoadmap([{ file: 'mine.yaml', text }], { shipped });
      assert.equal(result.roadmap, undefined);
      assert.deepEqual(
        result.problems.map((problem) => ({ line: problem.line, column: problem.column, start: problem.message.slice(0, 40) })),
        [
          { ...locate(text, 'version-control'), start: '"version-control" is a former id of the ' },
          { ...locate(text, 'http]'), start: 'former id "http" belongs to the shipped ' },
        ],
      );
    });
  });

  describe('the header', () => {
    it('reads id, title and description', () => {
      const result = parseRoadmapHeader({ file: 'roadmap.yaml', text: 'id: team-path\ntitle: Our team path\ndescription: What we expect in the first month.\n' });
      assert.deepEqual(result, { header: { id: 'team-path', title: 'Our team path', description: 'What we expect in the first month.' }, problems: [] });
    });

    it('points at what is wrong, with what to do', () => {
      const text = 'id: Team Path\ndescription: x\nstages: []\n';
      const result = parseRoadmapHeader({ file: 'roadmap.yaml', text });
      assert.deepEqual(
        [...result.problems].sort((a, b) => a.line - b.line || a.message.localeCompare(b.message)),
        [
          { file: 'roadmap.yaml', line: 1, column: 1, message: 'the roadmap header is missing "title": a header has id, title and (optionally) description' },
          { file: 'roadmap.yaml', line: 1, column: 5, message: '"id" must be a kebab-case id (lowercase letters, digits and single hyphens)' },
          { file: 'roadmap.yaml', line: 1, column: 1, message: 'unknown property "stages" in the roadmap header: a header has only id, title and description; stages go in the stages folder' },
        ].sort((a, b) => a.line - b.line || a.message.localeCompare(b.message)),
      );
    });

    it('refuses the shipped roadmap\'s id', () => {
      const result = parseRoadmapHeader({ file: 'roadmap.yaml', text: `id: ${SHIPPED_ROADMAP_ID}\ntitle: Mine\n` });
      assert.equal(result.header, undefined);
      assert.deepEqual(result.problems, [{ file: 'roadmap.yaml', line: 1, column: 5, message: '"backend" is the id of the shipped roadmap: give yours another id' }]);
    });

    it('loads a folder with header and stages, and lists the problems of both', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'br-custom-'));
      try {
        await mkdir(path.join(dir, 'stages'));
        await writeFile(path.join(dir, 'stages', '01.yaml'), customStage(''));
        const missing = await loadCustomRoadmap(dir, shipped);
        assert.equal(missing.roadmap, undefined);
        const [problem] = missing.problems;
        assert.ok(problem);
        assert.equal(problem.file, path.join(dir, 'roadmap.yaml'));
        assert.match(problem.message, /needs roadmap\.yaml with id, title and description/);

        await writeFile(path.join(dir, 'roadmap.yaml'), 'id: mine\ntitle: Mine\n');
        const good = await loadCustomRoadmap(dir, shipped);
        assert.deepEqual(good.problems, []);
        assert.deepEqual(good.header, { id: 'mine', title: 'Mine' });
        assert.equal(good.roadmap?.skills.length, 2);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the last good version', () => {
    const good: CustomLoadResult = { folder: '/r', header: { id: 'mine', title: 'Mine' }, roadmap: parseRoadmap([{ file: 'mine.yaml', text: customStage('') }], { shipped }).roadmap, problems: [] };
    const broken: CustomLoadResult = { folder: '/r', header: undefined, roadmap: undefined, problems: [{ file: '/r/stages/01.yaml', line: 3, column: 1, message: 'YAML syntax: oops' }] };

    it('stores a version that loaded, and writes nothing when it did not change', () => {
      const first = settleCustomRoadmap(good, undefined);
      assert.equal(first.state.stale, false);
      assert.ok(first.save);
      assert.equal(settleCustomRoadmap(good, JSON.parse(JSON.stringify(first.save))).save, undefined);
    });

    it('keeps using the stored version while the folder has problems, and lists them', () => {
      const stored: unknown = JSON.parse(JSON.stringify(settleCustomRoadmap(good, undefined).save));
      const settled = settleCustomRoadmap(broken, stored);
      assert.equal(settled.save, undefined, 'a broken version never replaces the good one');
      assert.equal(settled.state.stale, true);
      assert.deepEqual(settled.state.header, { id: 'mine', title: 'Mine' });
      assert.deepEqual(settled.state.roadmap?.skills.map((skill) => skill.id), ['docker', 'api-design']);
      assert.deepEqual(settled.state.problems, broken.problems);
      assert.deepEqual(savedState('/r', stored)?.roadmap?.skills.map((skill) => skill.id), ['docker', 'api-design']);
    });

    it('has nothing to use when nothing good was ever stored, or what is stored is not a roadmap', () => {
      for (const stored of [undefined, null, 'text', { header: { id: 'x' }, stages: [] }, { header: { id: 'x', title: 'X' }, stages: [{ id: 's' }] }]) {
        const settled = settleCustomRoadmap(broken, stored);
        assert.equal(settled.state.roadmap, undefined, JSON.stringify(stored));
        assert.equal(settled.state.stale, false);
        assert.equal(readSavedRoadmap(stored), undefined);
      }
    });
  });

  describe('switching', () => {
    const mine = settleCustomRoadmap({ folder: '/a', header: { id: 'mine', title: 'Mine' }, roadmap: shipped, problems: [] }, undefined).state;
    const again = { ...mine, folder: '/b' };

    it('offers the shipped roadmap first, then each custom one; a second roadmap with the same id is a problem', () => {
      const { choices, problems } = roadmapChoices(shipped, [mine, again]);
      assert.deepEqual(choices.map((choice) => [choice.id, choice.folder]), [[SHIPPED_ROADMAP_ID, undefined], ['mine', '/a']]);
      assert.equal(problems.length, 1);
      const [problem] = problems;
      assert.ok(problem);
      assert.equal(problem.file, path.join('/b', 'roadmap.yaml'));
      assert.match(problem.message, /also the id of the roadmap in \/a: give each roadmap its own id/);
    });

    it('uses the selected roadmap, or the shipped one while the selected one is not available', () => {
      const { choices } = roadmapChoices(shipped, [mine]);
      assert.equal(chooseRoadmap(choices, 'mine')?.id, 'mine');
      assert.equal(chooseRoadmap(choices, 'gone')?.id, SHIPPED_ROADMAP_ID);
      assert.equal(chooseRoadmap(choices, undefined)?.id, SHIPPED_ROADMAP_ID);
    });
  });

  describe('in Restricted Mode', () => {
    it('proves a custom roadmap\'s own skills by file milestones only; reused shipped skills keep their rules', () => {
      const custom = parseRoadmap([{ file: 'mine.yaml', text: customStage('  - ref: git') }], { shipped }).roadmap;
      assert.ok(custom);
      const restricted = fileRulesOnly(custom, (id) => shipped.skillById.has(id));
      assert.deepEqual(restricted.skillById.get('api-design')?.detect, { all: ['api.rest'], any: ['api.openapi'] }, 'git.history is dropped');
      assert.deepEqual(restricted.skillById.get('git')?.detect, shipped.skillById.get('git')?.detect);
    });

    it('leaves no rule where only git or event milestones could meet it', () => {
      assert.equal(fileRule({ all: ['git.history'], any: [] }), undefined);
      assert.equal(fileRule({ all: [], any: ['practice.docker', 'test.passing'] }), undefined);
      assert.equal(fileRule({ all: [], any: ['git.history', 'practice.docker', 'docker.file'], atLeast: 2 }), undefined);
      assert.deepEqual(fileRule({ all: ['docker.file'], any: [] }), { all: ['docker.file'], any: [] });
    });
  });

  describe('the CLI', () => {
    let dir: string;

    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'br-custom-cli-'));
      await mkdir(path.join(dir, 'mine', 'stages'), { recursive: true });
      await writeFile(path.join(dir, 'mine', 'roadmap.yaml'), 'id: containers-first\ntitle: Containers first\ndescription: Ship a service in a container.\n');
      await writeFile(path.join(dir, 'mine', 'stages', '01.yaml'), customStage('').replace('ref: docker', 'ref: docker-basics').replace('[docker]', '[docker-basics]'));
      await writeFile(path.join(dir, 'progress.json'), exportProgress({ 'docker-basics': { state: 'done', setBy: 'learner', at: '2024-05-20T18:00:00.000Z', evidence: [] } }, new Date('2024-06-01T12:00:00.000Z')));
    });

    after(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('--roadmap reads a folder with a header against the shipped roadmap', async () => {
      const loaded = await loadCliRoadmap(path.join(dir, 'mine'));
      assert.deepEqual(loaded.loaded.problems, []);
      assert.equal(loaded.from, path.join(dir, 'mine'));
      assert.deepEqual(loaded.loaded.roadmap?.skills.map((skill) => skill.id), ['docker-basics', 'api-design']);
    });

    it('status counts a shipped skill done in the custom roadmap that reuses it', async () => {
      const result = await runCli(['status', '--json', '--progress', path.join(dir, 'progress.json'), '--roadmap', path.join(dir, 'mine')]);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as StatusJson;
      assert.equal(report.total, 2);
      assert.equal(report.done, 1);
    });
  });
});

describe('custom roadmap folders', () => {
  it('reads .backend-roadmap of each workspace folder, then the setting with ~ and ${workspaceFolder} expanded, each once', () => {
    const folders = roadmapFolders(['/w/api', '/w/web'], ['~/roadmaps/team', '${workspaceFolder}/docs/roadmap', 'relative/one', '/w/api/.backend-roadmap', 42, ''], '/home/me');
    assert.deepEqual(folders, [
      { folder: path.resolve('/w/api/.backend-roadmap'), from: 'workspace' },
      { folder: path.resolve('/w/web/.backend-roadmap'), from: 'workspace' },
      { folder: path.resolve('/home/me/roadmaps/team'), from: 'setting' },
      { folder: path.resolve('/w/api/docs/roadmap'), from: 'setting' },
      { folder: path.resolve('/w/web/docs/roadmap'), from: 'setting' },
      { folder: path.resolve('/w/api/relative/one'), from: 'setting' },
    ]);
  });

  it('skips a relative path or ${workspaceFolder} when no folder is open', () => {
    assert.deepEqual(roadmapFolders([], ['relative', '${workspaceFolder}/x', '/abs'], '/home/me'), [{ folder: path.resolve('/abs'), from: 'setting' }]);
  });
});

describe('validation while typing', () => {
  const root = path.resolve(__dirname, '../../..');

  it('maps .backend-roadmap files to schemas that exist and ship in the .vsix', () => {
    const manifest: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.ok(typeof manifest === 'object' && manifest !== null && 'contributes' in manifest && typeof manifest.contributes === 'object' && manifest.contributes !== null);
    const entries: unknown = 'yamlValidation' in manifest.contributes ? manifest.contributes.yamlValidation : undefined;
    assert.ok(Array.isArray(entries));
    const urls = entries.map((entry: unknown) => (typeof entry === 'object' && entry !== null && 'url' in entry ? String(entry.url) : ''));
    assert.deepEqual(urls, ['./roadmap/roadmap.schema.json', './roadmap/roadmap-header.schema.json']);
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const url of urls) {
      assert.ok(existsSync(path.join(root, url)), url);
      assert.ok(ignore.includes(`!${url.slice(2)}`), `${url} is left out of the .vsix`);
    }
  });
});
