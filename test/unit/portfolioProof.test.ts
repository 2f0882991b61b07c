import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { exportPortfolio } from '../../src/core/portfolio/exportPortfolio';
import { buildProof, emailSha256, parseProof, PROOF_FORMAT } from '../../src/core/portfolio/proof';
import type { FolderRepository, RepositoryResolver } from '../../src/core/portfolio/repositories';
import type { Evidence, ProgressMap } from '../../src/core/progress/model';
import { modelRoadmap } from './helpers/roadmapFixtures';

const MINE = 'a'.repeat(40);
const THEIRS = 'b'.repeat(40);
const FOLDER = '/home/ada/code/shop-api';
const GONE = '/home/ada/old-laptop/thing';

const ROADMAP = modelRoadmap([{ id: 'containers', skills: [{ id: 'dockerfiles', detect: { all: ['docker.file'] } }, { id: 'history', detect: { all: ['git.history'] } }, { id: 'compose', detect: { all: ['docker.compose'] } }] }]);

function evidence(fields: Partial<Evidence> & { milestone: string }): Evidence {
  return { summary: 'found', at: '2025-11-20T10:00:00.000Z', folder: FOLDER, ...fields };
}

const PROGRESS: ProgressMap = {
  dockerfiles: {
    state: 'done',
    setBy: 'detector',
    at: '2025-11-20T10:00:00.000Z',
    evidence: [
      evidence({ milestone: 'docker.file', path: 'Dockerfile', line: 1, commit: MINE.slice(0, 12), yours: true }),
      evidence({ milestone: 'docker.file', path: 'Dockerfile', line: 1, commit: MINE.slice(0, 12), yours: true }),
      evidence({ milestone: 'docker.file', path: 'vendor/Dockerfile', commit: THEIRS, yours: false }),
      evidence({ milestone: 'docker.file', path: 'tmp/Dockerfile', yours: true }),
      evidence({ milestone: 'docker.file', path: 'Dockerfile.unknown', commit: MINE, yours: null }),
      evidence({ milestone: 'docker.file', path: 'old/Dockerfile', commit: MINE, yours: true, folder: GONE }),
    ],
  },
  // A git-history milestone cannot be re-checked from a commit's files: no claim.
  history: { state: 'done', setBy: 'detector', at: '2025-11-20T10:00:00.000Z', evidence: [evidence({ milestone: 'git.history', commit: MINE, path: '.git', yours: true })] },
  // Not finished: no claim.
  compose: { state: 'inProgress', setBy: 'detector', at: '2025-11-20T10:00:00.000Z', evidence: [evidence({ milestone: 'docker.compose', path: 'compose.yaml', commit: MINE, yours: true })] },
};

const REPOSITORY: FolderRepository = {
  prefix: 'services/api/',
  remoteUrl: 'https://ada:ghp_SECRET@github.com/ada/shop.git',
  commitAuthor: (commit) => Promise.resolve(MINE.startsWith(commit) ? { commit: MINE, email: 'Ada@Example.com' } : undefined),
};
const resolver: RepositoryResolver = (folder) => Promise.resolve(folder === FOLDER ? REPOSITORY : undefined);

describe('portfolio: proof file', () => {
  it('claims only the learner\'s committed file evidence on finished skills, from the repository top', async () => {
    const { proof, notClaimed } = await buildProof(ROADMAP, PROGRESS, resolver, new Date('2025-12-01T00:00:00Z'));
    assert.equal(proof.format, PROOF_FORMAT);
    assert.equal(proof.version, 1);
    assert.equal(proof.createdAt, '2025-12-01T00:00:00.000Z');
    assert.deepEqual(proof.claims, [
      {
        skill: 'dockerfiles',
        milestone: 'docker.file',
        repository: 'https://github.com/ada/shop.git',
        commit: MINE,
        path: 'services/api/Dockerfile',
        line: 1,
        authorEmailSha256: createHash('sha256').update('ada@example.com').digest('hex'),
      },
    ]);
    assert.equal(notClaimed, 1, 'the evidence from a folder not on this machine is counted, not claimed');
  });

  it('hashes the lower-cased email', () => {
    assert.equal(emailSha256(' <Ada@Example.COM> '), emailSha256('ada@example.com'));
    assert.match(emailSha256('ada@example.com'), /^[0-9a-f]{64}$/);
  });

  it('exports Markdown, HTML and the proof together, with nothing private', async () => {
    const exported = await exportPortfolio({ roadmap: ROADMAP, progress: PROGRESS, repositoryOf: resolver, now: new Date('2025-12-01T00:00:00Z') });
    for (const text of [exported.markdown, exported.html, exported.proofText]) {
      assert.ok(!text.includes('/home/ada'), text);
      assert.ok(!text.includes('ghp_SECRET'), text);
      assert.ok(!text.includes('Ada@Example.com') && !text.includes('ada@example.com'), 'no email address, only its hash');
    }
    assert.equal(exported.proof.claims.length, 1);
    assert.deepEqual(JSON.parse(exported.proofText), exported.proof);
    assert.ok(exported.markdown.includes('services/api/Dockerfile#L1'), 'the file link goes from the repository top');
  });

  it('reads a proof back, and reports malformed claims one by one', () => {
    const good = { skill: 'dockerfiles', milestone: 'docker.file', repository: null, commit: MINE, path: 'Dockerfile', authorEmailSha256: 'c'.repeat(64) };
    const parsed = parseProof(
      JSON.stringify({
        format: PROOF_FORMAT,
        version: 1,
        createdAt: 'x',
        claims: [good, { ...good, commit: 'HEAD' }, { ...good, path: '../etc/passwd' }, { ...good, path: '/etc/passwd' }, { ...good, line: 0 }, { ...good, authorEmailSha256: 'ada@example.com' }, 'nope'],
      }),
    );
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.claims.map((claim) => claim.ok),
      [true, false, false, false, false, false, false],
    );
  });

  it('refuses what is not a proof file', () => {
    for (const [text, reason] of [
      ['{', /not valid JSON/],
      ['{"format":"backend-roadmap-progress"}', /not a Backend Roadmap proof file/],
      [`{"format":"${PROOF_FORMAT}","version":2,"claims":[]}`, /version 2/],
      [`{"format":"${PROOF_FORMAT}","version":1}`, /no "claims" list/],
    ] as const) {
      const parsed = parseProof(text);
      assert.ok(!parsed.ok, text);
      assert.match(parsed.reason, reason);
    }
  });
});
