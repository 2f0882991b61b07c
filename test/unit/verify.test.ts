// A proof made from a real repository's scan, re-checked in a clone: it verifies, and every tampered claim fails.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanFolder } from '../../src/core/milestones/engine';
import { buildProof, emailSha256, parseProof, proofText } from '../../src/core/portfolio/proof';
import type { ProofClaim, ProofFile, ReadClaim } from '../../src/core/portfolio/proof';
import { gitRepositoryResolver } from '../../src/core/portfolio/repositories';
import { readTarFiles } from '../../src/core/portfolio/tarArchive';
import { verifyProof } from '../../src/core/portfolio/verify';
import type { VerifyOptions, VerifyReport } from '../../src/core/portfolio/verify';
import { exportProgress } from '../../src/core/progress/exchange';
import type { ProgressMap } from '../../src/core/progress/model';
import { createGitRunner } from '../../src/core/scan/gitRunner';
import { runCli, SHIPPING_STAGE } from './helpers/cli';
import { modelRoadmap } from './helpers/roadmapFixtures';
import { commitFilesAs, gitAs, makeTree, removeTree, writeTree } from './helpers/scanFixtures';

const LEARNER = 'learner@example.invalid';
const OTHER = 'maintainer@example.invalid';
const DEEP = `services/${'a'.repeat(60)}/${'b'.repeat(50)}/Dockerfile`;
const ROADMAP = modelRoadmap([{ id: 'shipping', skills: [{ id: 'dockerfiles', detect: { all: ['docker.file'] } }, { id: 'compose', detect: { all: ['docker.compose'] } }] }]);
const TOOLS = { createGitRunner, scanFolder };



function asRead(claims: readonly ProofClaim[]): ReadClaim[] {
  return claims.map((claim) => ({ ok: true, claim }));
}

function reasonsOf(report: VerifyReport): string {
  return report.claims.map((verdict) => verdict.reasons.join('; ')).join(' | ');
}

/** Verifies in a repository (the test fails when the folder is refused). */
async function check(claims: readonly ReadClaim[], repoDir: string, tools: typeof TOOLS, options: VerifyOptions = {}): Promise<VerifyReport> {
  const outcome = await verifyProof(claims, repoDir, tools, options);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  return outcome.report;
}

async function verifyFolders(): Promise<string[]> {
  return (await fs.readdir(os.tmpdir())).filter((name) => name.startsWith('backend-roadmap-verify-'));
}

describe('portfolio: verify a proof in a clone', function () {
  this.timeout(120_000);
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
  let work: string;
  let origin: string;
  let clone: string;
  let firstCommit: string;
  let learnerCommit: string;
  let otherCommit: string;
  let progress: ProgressMap;
  let proof: ProofFile;

  before(async () => {
    // The code under test runs git too: never with the developer's own configuration.
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    work = await makeTree({});
    origin = path.join(work, 'shop-api');
    await fs.mkdir(origin);
    await gitAs(LEARNER, origin, 'init', '-q');
    firstCommit = await commitFilesAs(LEARNER, origin, { 'README.md': '# Shop API\n' }, 'Start');
    learnerCommit = await commitFilesAs(LEARNER, origin, { Dockerfile: 'FROM node:20\nCOPY . .\n', [DEEP]: 'FROM python:3.12\n' }, 'Containerise');
    otherCommit = await commitFilesAs(OTHER, origin, { 'vendor/tool/Dockerfile': 'FROM alpine\n' }, 'Vendor a tool');
    await gitAs(LEARNER, origin, 'remote', 'add', 'origin', 'https://learner:ghp_SECRET@github.com/learner/shop-api.git');
    clone = path.join(work, 'reviewer-clone');
    await gitAs(OTHER, work, 'clone', '-q', origin, clone);

    // What the editor would have recorded: the scan's evidence, with its authorship, on a finished skill.
    const scan = await scanFolder(origin, { allowGit: true, only: new Set(['docker.file']), authorship: { onlyEmails: [LEARNER] } });
    const evidence = (scan.milestones.find((m) => m.id === 'docker.file')?.evidence ?? []).map((e) => ({ ...e, folder: origin }));
    progress = { dockerfiles: { state: 'done', setBy: 'detector', at: '2025-11-20T10:00:00.000Z', evidence } };
    proof = (await buildProof(ROADMAP, progress, gitRepositoryResolver((folder) => createGitRunner(folder)), new Date('2025-12-01T00:00:00Z'))).proof;
  });

  after(async () => {
    for (const [name, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.nosystem]] as const) {
      if (value === undefined) {
        Reflect.deleteProperty(process.env, name);
      } else {
        process.env[name] = value;
      }
    }
    await removeTree(work);
  });

  it('claims the learner\'s Dockerfiles, not the one someone else committed', () => {
    assert.deepEqual(proof.claims.map((claim) => [claim.path, claim.commit]).sort(), [
      ['Dockerfile', learnerCommit],
      [DEEP, learnerCommit],
    ].sort());
    for (const claim of proof.claims) {
      assert.equal(claim.repository, 'https://github.com/learner/shop-api.git', 'the remote, without its token');
      assert.equal(claim.authorEmailSha256, emailSha256(LEARNER));
    }
  });

  it('verifies every claim of a genuine proof in a clone, and leaves no temporary folder', async () => {
    const leftBefore = await verifyFolders();
    const report = await check(asRead(proof.claims), clone, TOOLS, { roadmap: ROADMAP });
    assert.equal(report.failed, 0, reasonsOf(report));
    assert.equal(report.verified, 2);
    assert.deepEqual(await verifyFolders(), leftBefore);
  });

  const tamperings: readonly [string, (claim: ProofClaim) => ProofClaim, RegExp][] = [
    ['a commit that does not exist', (claim) => ({ ...claim, commit: 'f'.repeat(40) }), /is not in the repository/],
    ['an earlier commit of the learner without the file', (claim) => ({ ...claim, commit: firstCommit }), /is not in commit/],
    ['a path the milestone is not in', (claim) => ({ ...claim, path: 'README.md' }), /not in README\.md|is not present/],
    ['another milestone', (claim) => ({ ...claim, milestone: 'docker.compose', skill: 'compose' }), /docker\.compose is not present/],
    ['another identity', (claim) => ({ ...claim, authorEmailSha256: emailSha256(OTHER) }), /authored by someone else/],
    ['a skill the milestone does not prove', (claim) => ({ ...claim, skill: 'compose' }), /not proved by milestone docker\.file/],
  ];
  for (const [what, tamper, reason] of tamperings) {
    it(`fails a claim changed to ${what}`, async () => {
      const genuine = proof.claims.find((claim) => claim.path === 'Dockerfile');
      assert.ok(genuine);
      const report = await check(asRead([genuine, tamper(genuine)]), clone, TOOLS, { roadmap: ROADMAP });
      assert.equal(report.claims[0]?.verified, true, reasonsOf(report));
      const changed = report.claims[1];
      assert.ok(changed);
      assert.equal(changed.verified, false);
      assert.match(changed.reasons.join('; '), reason);
    });
  }

  it('fails a claim on someone else\'s commit made with the learner\'s hash', async () => {
    const claim: ProofClaim = { skill: 'dockerfiles', milestone: 'docker.file', repository: null, commit: otherCommit, path: 'vendor/tool/Dockerfile', authorEmailSha256: emailSha256(LEARNER) };
    const report = await check(asRead([claim]), clone, TOOLS, { roadmap: ROADMAP });
    assert.equal(report.failed, 1);
    assert.match(report.claims[0]?.reasons.join('; ') ?? '', /authored by someone else/);
  });

  it('fails a malformed claim and refuses a folder that is not a repository', async () => {
    const parsed = parseProof(JSON.stringify({ ...proof, claims: [{ ...proof.claims[0], commit: 'HEAD' }] }));
    assert.ok(parsed.ok);
    const report = await check(parsed.claims, clone, TOOLS);
    assert.equal(report.failed, 1);
    assert.match(report.claims[0]?.reasons[0] ?? '', /malformed/);
    const plain = await makeTree({ 'a.txt': 'x' });
    try {
      const refused = await verifyProof(parsed.claims, plain, TOOLS);
      assert.ok(!refused.ok);
      assert.match(refused.reason, /is not a git repository/);
    } finally {
      await removeTree(plain);
    }
  });

  it('reads the long paths git archive writes', async () => {
    const archive = path.join(work, 'tree.tar');
    await gitAs(LEARNER, origin, 'archive', '--format=tar', `--output=${archive}`, learnerCommit);
    const files = readTarFiles(await fs.readFile(archive));
    assert.deepEqual(files.map((file) => file.path).sort(), ['Dockerfile', DEEP, 'README.md'].sort());
    assert.equal(files.find((file) => file.path === DEEP)?.content.toString('utf8'), 'FROM python:3.12\n');
  });

  describe('CLI', () => {
    let roadmapDir: string;
    let progressFile: string;
    let proofFile: string;

    before(async () => {
      roadmapDir = path.join(work, 'roadmap');
      await writeTree(roadmapDir, { 'stages/01-shipping.yaml': SHIPPING_STAGE });
      progressFile = path.join(work, 'progress.json');
      await fs.writeFile(progressFile, exportProgress(progress, new Date('2025-12-01T00:00:00Z')));
      proofFile = path.join(work, 'proof.json');
    });

    it('portfolio writes the page to stdout and the proof beside it', async () => {
      const run = await runCli(['portfolio', '--progress', progressFile, '--roadmap', roadmapDir, '--format', 'html', '--proof', proofFile]);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.startsWith('<!DOCTYPE html>'));
      assert.ok(run.stdout.includes(`https://github.com/learner/shop-api/commit/${learnerCommit}`), 'the commit is linked on GitHub');
      assert.ok(!run.stdout.includes(work), 'no local path');
      assert.ok(!run.stdout.includes('ghp_SECRET'));
      assert.match(run.stderr, /Wrote 2 claims/);
      const written = parseProof(await fs.readFile(proofFile, 'utf8'));
      assert.ok(written.ok);
      assert.equal(written.claims.length, 2);

      const markdown = await runCli(['portfolio', '--progress', progressFile, '--roadmap', roadmapDir]);
      assert.equal(markdown.code, 0, markdown.stderr);
      assert.match(markdown.stdout, /^# Backend skills portfolio/);
      const noGit = await runCli(['portfolio', '--progress', progressFile, '--roadmap', roadmapDir, '--no-git']);
      assert.ok(!noGit.stdout.includes('github.com'), 'without git no remote is read');
      assert.ok(noGit.stdout.includes('shop\\-api') || noGit.stdout.includes('shop-api'), 'the folder is named by its name');
    });

    it('verify exits 0 for a genuine proof, 1 for a tampered one', async () => {
      const ok = await runCli(['verify', proofFile, '--repo', clone, '--roadmap', roadmapDir]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /2 of 2 claims verified\./);
      const json = await runCli(['verify', proofFile, '--repo', clone, '--roadmap', roadmapDir, '--json']);
      assert.equal(json.code, 0);
      assert.deepEqual((JSON.parse(json.stdout) as { verified: number; failed: number }).failed, 0);

      const tampered = path.join(work, 'tampered.json');
      await fs.writeFile(tampered, proofText({ ...proof, claims: proof.claims.map((claim) => ({ ...claim, authorEmailSha256: emailSha256(OTHER) })) }));
      const bad = await runCli(['verify', tampered, '--repo', clone, '--roadmap', roadmapDir]);
      assert.equal(bad.code, 1);
      assert.match(bad.stdout, /FAILED/);
      assert.match(bad.stdout, /0 of 2 claims verified; 2 failed\./);

      const empty = path.join(work, 'empty.json');
      await fs.writeFile(empty, proofText({ ...proof, claims: [] }));
      assert.equal((await runCli(['verify', empty, '--repo', clone, '--roadmap', roadmapDir])).code, 1, 'nothing verified is not success');
    });

    it('exits 2 with a clear message for usage errors', async () => {
      const cases: readonly [string[], RegExp][] = [
        [['portfolio'], /needs --progress FILE/],
        [['portfolio', '--progress', path.join(work, 'missing.json')], /does not exist/],
        [['portfolio', '--progress', proofFile], /not a Backend Roadmap progress export/],
        [['portfolio', '--progress', progressFile, '--format', 'pdf'], /--format must be md/],
        [['verify', proofFile], /needs --repo DIR/],
        [['verify', '--repo', clone], /needs the proof file/],
        [['verify', path.join(work, 'missing.json'), '--repo', clone], /does not exist/],
        [['verify', progressFile, '--repo', clone], /not a Backend Roadmap proof file/],
        [['verify', proofFile, '--repo', roadmapDir, '--roadmap', roadmapDir], /is not a git repository/],
      ];
      for (const [argv, message] of cases) {
        const run = await runCli(argv);
        assert.equal(run.code, 2, `${argv.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, message, argv.join(' '));
      }
    });
  });
});
