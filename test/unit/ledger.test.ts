import * as assert from 'node:assert/strict';
import { MilestoneLedger } from '../../src/core/detection/ledger';
import type { Evidence } from '../../src/core/progress/model';

const at = '2026-05-01T10:00:00.000Z';
const proof = (milestone: string, summary: string, folder = '/work/api', yours: boolean | null = true): Evidence => ({ milestone, summary, folder, at, yours });

describe('MilestoneLedger', () => {
  it('keeps facts per project and says which project shows a milestone', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/work/api', [{ id: 'docker.file', present: true, checked: true, evidence: [proof('docker.file', 'Dockerfile')] }], true);
    ledger.record('/work/web', [
      { id: 'docker.file', present: false, checked: true, evidence: [] },
      { id: 'git.repo', present: true, checked: true, evidence: [proof('git.repo', '.git', '/work/web')] },
    ], true);
    assert.deepEqual([...ledger.present()].sort(), ['docker.file', 'git.repo']);
    assert.deepEqual(ledger.summary('docker.file', 'yourWork'), { status: 'present', detail: 'Dockerfile (api)' });
    assert.deepEqual(ledger.projects().map((p) => [p.folder, p.repository, [...p.milestones.keys()]]), [
      ['/work/api', true, ['docker.file']],
      ['/work/web', true, ['docker.file', 'git.repo']],
    ]);
  });

  it('says "seen in X, written by someone else" for present evidence that is not credited', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/work/demo', [{ id: 'docker.file', present: true, checked: true, evidence: [proof('docker.file', 'Dockerfile', '/work/demo', false)] }], true);
    assert.deepEqual(ledger.summary('docker.file', 'yourWork'), { status: 'notCredited', detail: 'seen in demo, written by someone else: Dockerfile' });
    assert.equal(ledger.summary('docker.file', 'anyCode').status, 'present');
  });

  it('credits unknown authorship only in a folder without git, under yourWork', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/plain', [{ id: 'docker.file', present: true, checked: true, evidence: [proof('docker.file', 'Dockerfile', '/plain', null)] }], false);
    ledger.record('/repo', [{ id: 'docs.readme', present: true, checked: true, evidence: [proof('docs.readme', 'README.md', '/repo', null)] }], true);
    assert.equal(ledger.summary('docker.file', 'yourWork').status, 'present');
    assert.equal(ledger.summary('docker.file', 'verifiedOnly').status, 'notCredited');
    assert.equal(ledger.summary('docs.readme', 'yourWork').status, 'notCredited');
  });

  it('a partial re-check replaces only the milestones it checked', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/w', [
      { id: 'docker.file', present: true, checked: true, evidence: [proof('docker.file', 'Dockerfile', '/w')] },
      { id: 'git.ignore', present: true, checked: true, evidence: [proof('git.ignore', '.gitignore', '/w')] },
    ]);
    ledger.record('/w', [{ id: 'docker.file', present: false, checked: true, evidence: [] }]);
    assert.deepEqual([...ledger.present()], ['git.ignore']);
    assert.deepEqual(ledger.summary('docker.file', 'yourWork'), { status: 'missing', detail: 'not found in w' });
  });

  it('keeps event evidence (a passing test run) when a later scan cannot see it, and when the folder closes', () => {
    const ledger = new MilestoneLedger();
    ledger.addEvidence('/w', { ...proof('test.passing', '`npm test` exited with 0', '/w'), command: 'npm test', exitCode: 0 });
    ledger.record('/w', [{ id: 'test.passing', present: false, checked: true, evidence: [] }]);
    assert.ok(ledger.present().has('test.passing'));
    ledger.forget('/w');
    assert.ok(ledger.present().has('test.passing'));
    assert.equal(ledger.eventEvidence().length, 1);
  });

  it('says why a milestone is unknown: unchecked, no folder, or not scanned yet', () => {
    const empty = new MilestoneLedger();
    assert.deepEqual(empty.summary('git.history', 'yourWork'), { status: 'unknown', detail: 'open a project folder to check' });
    const ledger = new MilestoneLedger();
    ledger.record('/w', [{ id: 'git.history', present: false, checked: false, reason: 'git does not run in an untrusted workspace', evidence: [] }]);
    assert.deepEqual(ledger.summary('git.history', 'yourWork'), { status: 'unknown', detail: 'git does not run in an untrusted workspace' });
    assert.deepEqual(ledger.summary('docker.file', 'yourWork'), { status: 'unknown', detail: 'not checked yet' });
  });

  it('forgets a folder that was closed', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/w', [{ id: 'docs.readme', present: true, checked: true, evidence: [proof('docs.readme', 'README.md', '/w')] }]);
    ledger.forget('/w');
    assert.equal(ledger.present().size, 0);
  });
});
