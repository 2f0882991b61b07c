import * as assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, pathFromTop, projectRelativePath, publicCommand } from '../../src/core/portfolio/escape';
import { renderPortfolioHtml } from '../../src/core/portfolio/html';
import { renderPortfolioMarkdown } from '../../src/core/portfolio/markdown';
import { buildPortfolio } from '../../src/core/portfolio/model';
import type { FolderFacts, PortfolioInput } from '../../src/core/portfolio/model';
import type { Evidence, ProgressMap } from '../../src/core/progress/model';
import { modelRoadmap } from './helpers/roadmapFixtures';

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const FOLDER = '/home/ada/private-stuff/shop-api';
const OTHER_FOLDER = '/home/ada/secret-client-work/billing';
const HOSTILE = '<script>alert(1)</script> [click](javascript:alert(1)) `code` | a | b | ![x](https://evil.example/x.png) **bold** <img src=x onerror=alert(1)>\n# heading\n- item';

const ROADMAP = modelRoadmap([
  { id: 'containers', skills: [{ id: 'dockerfiles', detect: { all: ['docker.file'] } }, { id: 'compose', detect: { all: ['docker.compose'] } }] },
  { id: 'shell', skills: [{ id: 'terminal', detect: { all: ['practice.shell'] } }, { id: 'git-basics' }] },
]);

function evidence(fields: Partial<Evidence> & { milestone: string }): Evidence {
  return { summary: 'found', at: '2025-11-20T10:00:00.000Z', ...fields };
}

const PROGRESS: ProgressMap = {
  dockerfiles: {
    state: 'done',
    setBy: 'detector',
    at: '2025-11-20T10:00:00.000Z',
    note: HOSTILE,
    evidence: [
      evidence({ milestone: 'docker.file', folder: FOLDER, path: 'deploy/Dockerfile', line: 1, commit: SHA, yours: true }),
      evidence({ milestone: 'docker.file', folder: OTHER_FOLDER, path: 'vendor/Dockerfile', commit: SHA, yours: false }),
      evidence({ milestone: 'docker.file', folder: OTHER_FOLDER, path: 'Dockerfile.unknown', yours: null }),
      evidence({ milestone: 'quiz.passed', kind: 'quiz', score: 0.8, yours: true, at: '2025-11-21T10:00:00.000Z' }),
    ],
  },
  compose: { state: 'inProgress', setBy: 'detector', at: '2025-11-20T10:00:00.000Z', evidence: [evidence({ milestone: 'docker.compose', folder: FOLDER, path: 'compose.yaml', yours: true })] },
  terminal: {
    state: 'done',
    setBy: 'learner',
    at: 'not a date',
    evidence: [
      evidence({ milestone: 'practice.shell', folder: FOLDER, command: 'grep', exitCode: 0, yours: true }),
      evidence({ milestone: 'practice.shell', folder: FOLDER, command: 'curl -H Authorization:secret https://x', exitCode: 0, yours: true }),
      evidence({ milestone: 'practice.shell', folder: FOLDER, command: '/home/ada/bin/tool run', exitCode: 0, yours: true }),
    ],
  },
  'git-basics': { state: 'done', setBy: 'learner', at: '2025-11-22T10:00:00.000Z', evidence: [] },
};

function input(folders: ReadonlyMap<string, FolderFacts>, extra: Partial<PortfolioInput> = {}): PortfolioInput {
  return { roadmap: ROADMAP, progress: PROGRESS, folders, now: new Date('2025-12-01T00:00:00.000Z'), ...extra };
}

const ON_GITHUB = new Map<string, FolderFacts>([[FOLDER, { remoteUrl: 'https://ada:ghp_SECRET@github.com/ada/shop-api.git', prefix: '' }]]);

describe('portfolio: model', () => {
  it('lists finished skills by stage, with only the learner\'s own evidence', () => {
    const portfolio = buildPortfolio(input(ON_GITHUB));
    assert.equal(portfolio.finishedSkills, 3);
    assert.equal(portfolio.totalSkills, 4);
    assert.deepEqual(
      portfolio.stages.map((stage) => [stage.id, stage.skills.map((skill) => skill.id)]),
      [
        ['containers', ['dockerfiles']],
        ['shell', ['terminal', 'git-basics']],
      ],
    );
    const dockerfiles = portfolio.stages[0]?.skills[0];
    assert.equal(dockerfiles?.evidence.length, 1, 'someone else\'s evidence and evidence of unknown authorship are left out');
    assert.deepEqual(dockerfiles.evidence[0], {
      milestone: 'A Dockerfile',
      project: { text: 'github.com/ada/shop-api', url: 'https://github.com/ada/shop-api' },
      location: { text: 'deploy/Dockerfile:1', url: `https://github.com/ada/shop-api/blob/${SHA}/deploy/Dockerfile#L1` },
      commit: { text: 'abcdef0', url: `https://github.com/ada/shop-api/commit/${SHA}` },
    });
    assert.equal(dockerfiles.finishedOn, '2025-11-20');
    assert.deepEqual(portfolio.selfChecks, [{ skill: 'Dockerfiles', score: 0.8, passedOn: '2025-11-21' }]);
  });

  it('links files from the repository top when the folder is a subfolder', () => {
    const portfolio = buildPortfolio(input(new Map([[FOLDER, { remoteUrl: 'git@gitlab.com:school/backend/shop.git', prefix: 'services/api/' }]])));
    const location = portfolio.stages[0]?.skills[0]?.evidence[0]?.location;
    assert.deepEqual(location, { text: 'deploy/Dockerfile:1', url: `https://gitlab.com/school/backend/shop/-/blob/${SHA}/services/api/deploy/Dockerfile#L1` });
  });

  it('shows terminal commands as program and subcommand only, refusing anything more', () => {
    const terminal = buildPortfolio(input(ON_GITHUB)).stages[1]?.skills[0];
    assert.deepEqual(
      terminal?.evidence.map((e) => e.command),
      ['grep', undefined],
    );
    assert.equal(terminal.markedByLearner, true);
    assert.equal(terminal.finishedOn, undefined);
  });

  it('leaves notes out when asked', () => {
    assert.equal(buildPortfolio(input(ON_GITHUB, { includeNotes: false })).stages[0]?.skills[0]?.note, undefined);
  });
});

describe('portfolio: rendering', () => {
  const briefs = [
    { title: 'URL shortener | with `stats`', repositoryUrl: 'git@bitbucket.org:ada/shortener.git' },
    { title: 'Private brief', repositoryUrl: '/home/ada/private-stuff/brief' },
    { title: 'Self-hosted', repositoryUrl: 'https://tok@git.example.com/ada/x.git' },
  ];

  for (const folders of [ON_GITHUB, new Map<string, FolderFacts>()]) {
    const label = folders.size === 0 ? 'without git facts' : 'with a GitHub remote';
    const portfolio = buildPortfolio(input(folders, { briefs }));
    const markdown = renderPortfolioMarkdown(portfolio);
    const html = renderPortfolioHtml(portfolio);

    it(`writes no local path, credential or terminal argument (${label})`, () => {
      for (const text of [markdown, html]) {
        for (const secret of ['/home/ada', 'private-stuff', 'secret-client-work', 'ghp_SECRET', 'tok@', 'Authorization', '/bin/tool', 'vendor/Dockerfile', 'Dockerfile.unknown']) {
          assert.ok(!text.includes(secret), `${secret} leaked into:\n${text}`);
        }
      }
      assert.ok(markdown.includes('shop-api'), 'the project is still named (by its remote or its folder name)');
    });

    it(`escapes a hostile note in Markdown and HTML (${label})`, () => {
      assert.ok(!markdown.includes('<script'), markdown);
      assert.ok(!markdown.includes('<img'), markdown);
      assert.ok(!markdown.includes('](javascript:'), markdown);
      assert.ok(!/[^\\]`code/.test(markdown), 'backticks are escaped');
      assert.ok(markdown.includes('&lt;script&gt;alert\\(1\\)&lt;/script&gt;'), markdown);
      assert.ok(markdown.includes('\\| a \\| b \\|'), 'table pipes are escaped');
      assert.ok(!/^# heading/m.test(markdown) && !/^- item/m.test(markdown), 'a line break in a note starts no heading or list');
      assert.ok(!html.includes('<script'), html);
      assert.ok(!html.includes('<img'), html);
      assert.ok(!/href="(?!https:)/.test(html), 'every link is https');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), html);
      assert.ok(html.includes('URL shortener | with `stats`'), 'HTML needs no Markdown escapes');
      assert.ok(markdown.includes('URL shortener \\| with \\`stats\\`'), markdown);
    });
  }

  it('links commits and briefs on known hosts, and lists self-checks', () => {
    const markdown = renderPortfolioMarkdown(buildPortfolio(input(ON_GITHUB, { briefs })));
    assert.ok(markdown.includes(`[abcdef0](https://github.com/ada/shop-api/commit/${SHA})`), markdown);
    assert.ok(markdown.includes('[bitbucket.org/ada/shortener](https://bitbucket.org/ada/shortener)'), markdown);
    assert.ok(markdown.includes('- Self-hosted: [https://git.example.com/ada/x.git](https://git.example.com/ada/x.git)\n'), 'an https remote elsewhere is shown, without its token');
    assert.ok(markdown.includes('- Private brief\n'), 'a local brief repository is not shown');
    assert.ok(markdown.includes('- Dockerfiles: 80% right (2025-11-21)'), markdown);
    assert.ok(markdown.includes('No evidence of the learner\'s own work recorded.'), 'a skill marked done by hand says it has no evidence');
  });

  it('makes a standalone page: no script, light and dark, inline style', () => {
    const html = renderPortfolioHtml(buildPortfolio(input(ON_GITHUB)));
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.includes('prefers-color-scheme: dark'));
    assert.ok(html.includes("default-src 'none'"));
    assert.ok(!/<(script|link|img|iframe|object)\b|<[^>]*\s(src|on\w+)=/i.test(html), 'nothing loads or runs');
  });

  it('says so when nothing is finished', () => {
    const empty = buildPortfolio({ roadmap: ROADMAP, progress: {}, folders: new Map(), now: new Date('2025-12-01T00:00:00Z') });
    assert.ok(renderPortfolioMarkdown(empty).includes('No skill finished yet.'));
    assert.ok(renderPortfolioHtml(empty).includes('No skill finished yet.'));
  });
});

describe('portfolio: escaping and guards', () => {
  it('escapes Markdown so no construct can start', () => {
    assert.equal(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\]\\(javascript:alert\\(1\\)\\)');
    assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
    assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
    assert.equal(escapeMarkdown('> not a quote'), '&gt; not a quote');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
    assert.equal(escapeMarkdown('a\u202eb\u001b[2Jc'), 'abc', 'no bidi override or escape sequence');
  });

  it('escapes HTML text and attributes', () => {
    assert.equal(escapeHtml('<a href="x" onclick=\'y\'>&</a>'), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps only commands of a program and a subcommand', () => {
    assert.equal(publicCommand('docker build'), 'docker build');
    assert.equal(publicCommand('kubectl'), 'kubectl');
    assert.equal(publicCommand('docker build -t x .'), undefined);
    assert.equal(publicCommand('curl https://x'), undefined);
    assert.equal(publicCommand('TOKEN=abc curl'), undefined);
    assert.equal(publicCommand('/usr/bin/git log'), undefined);
    assert.equal(publicCommand(undefined), undefined);
  });

  it('keeps only paths inside the project', () => {
    assert.equal(projectRelativePath('src\\app.ts'), 'src/app.ts');
    assert.equal(projectRelativePath('./Dockerfile'), 'Dockerfile');
    for (const bad of ['/etc/passwd', 'C:/Users/ada/x', '../x', 'a/../../x', '~/x', '']) {
      assert.equal(projectRelativePath(bad), undefined, bad);
    }
    assert.equal(pathFromTop('services/api/', 'Dockerfile'), 'services/api/Dockerfile');
    assert.equal(pathFromTop('', 'Dockerfile'), 'Dockerfile');
    assert.equal(pathFromTop('../', 'Dockerfile'), undefined);
  });
});
