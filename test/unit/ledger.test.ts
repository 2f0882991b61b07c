import * as assert from 'node:assert/strict';
import { MilestoneLedger } from '../../src/core/milestones/ledger';
import type { Evidence } from '../../src/core/progress/model';

const at = '2026-05-01T10:00:00.000Z';
const proof = (milestone: string, summary: string, folder = '/work/api'): Evidence => ({ milestone, summary, folder, at });

describe('MilestoneLedger', () => {
  it('unions present milestones across folders and keeps evidence per folder', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/work/api', [{ id: 'docker.file', present: true, checked: true, evidence: [proof('docker.file', 'Dockerfile')] }]);
    ledger.record('/work/web', [
      { id: 'docker.file', present: false, checked: true, evidence: [] },
      { id: 'git.repo', present: true, checked: true, evidence: [proof('git.repo', '.git', '/work/web')] },
    ]);
    assert.deepEqual([...ledger.present()].sort(), ['docker.file', 'git.repo']);
    assert.deepEqual(ledger.summary('docker.file'), { status: 'present', detail: 'Dockerfile (api)' });
    assert.deepEqual(
      ledger.evidenceFor({ all: ['docker.file', 'git.repo'], any: [] }).map((e) => e.summary),
      ['Dockerfile', '.git'],
    );
  });

  it('a partial re-check replaces only the milestones it checked', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/w', [
      { id: 'docker.file', present: true, checked: true, evidence: [proof('docker.file', 'Dockerfile', '/w')] },
      { id: 'git.ignore', present: true, checked: true, evidence: [proof('git.ignore', '.gitignore', '/w')] },
    ]);
    ledger.record('/w', [{ id: 'docker.file', present: false, checked: true, evidence: [] }]);
    assert.deepEqual([...ledger.present()], ['git.ignore']);
    assert.deepEqual(ledger.summary('docker.file'), { status: 'missing', detail: 'not found in w' });
  });

  it('keeps a passing test run seen in the terminal when a later scan cannot see it', () => {
    const ledger = new MilestoneLedger();
    ledger.addEvidence('/w', { ...proof('test.passing', '`npm test` exited with 0', '/w'), command: 'npm test', exitCode: 0 });
    ledger.record('/w', [{ id: 'test.passing', present: false, checked: true, evidence: [] }]);
    assert.ok(ledger.present().has('test.passing'));
  });

  it('says why a milestone is unknown: unchecked, no folder, or not scanned yet', () => {
    const empty = new MilestoneLedger();
    assert.deepEqual(empty.summary('git.history'), { status: 'unknown', detail: 'open a project folder to check' });
    const ledger = new MilestoneLedger();
    ledger.record('/w', [{ id: 'git.history', present: false, checked: false, reason: 'git does not run in an untrusted workspace', evidence: [] }]);
    assert.deepEqual(ledger.summary('git.history'), { status: 'unknown', detail: 'git does not run in an untrusted workspace' });
    assert.deepEqual(ledger.summary('docker.file'), { status: 'unknown', detail: 'not checked yet' });
  });

  it('forgets a folder that was closed', () => {
    const ledger = new MilestoneLedger();
    ledger.record('/w', [{ id: 'docs.readme', present: true, checked: true, evidence: [proof('docs.readme', 'README.md', '/w')] }]);
    ledger.forget('/w');
    assert.equal(ledger.present().size, 0);
  });
});
