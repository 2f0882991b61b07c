import * as assert from 'node:assert/strict';
import { Logger } from '../../../src/vscode/logger';
import { ProgressService } from '../../../src/vscode/progressService';
import { Storage } from '../../../src/vscode/storage';
import { InMemoryMemento } from '../inMemoryMemento';

/** The storage wrapper and progress service against an in-memory Memento, in the real extension host. */
describe('Stored progress', () => {
  const now = (): Date => new Date('2026-05-01T10:00:00.000Z');
  // One output channel for the suite: VS Code makes a log channel asynchronously, and one disposed within
  // its test (before it was made) left the host warning "added to a DisposableStore already disposed".
  let logger: Logger;
  before(() => {
    logger = new Logger();
  });
  after(() => {
    logger.dispose();
  });

  function service(initial: Record<string, unknown>): { memento: InMemoryMemento; storage: Storage; progress: ProgressService } {
    const memento = new InMemoryMemento(initial);
    const storage = new Storage(memento);
    return { memento, storage, progress: new ProgressService(storage, logger, now) };
  }

  it('registers the progress, event evidence and finished brief keys for Settings Sync, prefixed', () => {
    const { memento, storage } = service({});
    assert.deepEqual(memento.syncedKeys, ['backendRoadmap.progress', 'backendRoadmap.eventEvidence', 'backendRoadmap.finishedBriefs']);
    storage.dispose();
  });

  it('writes a versioned snapshot that a new service reads back (a reload)', async () => {
    const { memento, progress, storage } = service({});
    await progress.setState('git-basics', 'done', 'first repo');
    const stored = memento.get<{ version: number; skills: Record<string, { state: string; note?: string; setBy: string }> }>('backendRoadmap.progress');
    assert.equal(stored?.version, 2);
    assert.equal(stored.skills['git-basics']?.state, 'done');
    const reloaded = new ProgressService(storage, logger, now);
    assert.equal(reloaded.get('git-basics').state, 'done');
    assert.equal(reloaded.get('git-basics').note, 'first repo');
    assert.equal(reloaded.get('git-basics').setBy, 'learner');
    storage.dispose();
  });

  it('takes progress that Settings Sync changed in storage, and ignores its own writes', async () => {
    const { memento, progress, storage } = service({});
    await progress.setState('dns', 'done');
    let changes = 0;
    const listener = progress.onDidChange(() => changes++);
    progress.reloadIfChangedElsewhere();
    assert.equal(changes, 0);
    const synced = { version: 2, skills: { dns: { state: 'done', setBy: 'learner', at: now().toISOString(), evidence: [] }, sql: { state: 'inProgress', setBy: 'learner', at: now().toISOString(), evidence: [] } } };
    await memento.update('backendRoadmap.progress', synced);
    progress.reloadIfChangedElsewhere();
    assert.equal(changes, 1);
    assert.equal(progress.get('sql').state, 'inProgress');
    listener.dispose();
    storage.dispose();
  });

  it('migrates the version 1 format and stores it as version 2', async () => {
    const { memento, progress, storage } = service({ 'backendRoadmap.progress': { version: 1, states: { dns: 'done', docker: 'inProgress' } } });
    assert.equal(progress.get('dns').state, 'done');
    assert.equal(progress.get('docker').state, 'inProgress');
    await progress.flush();
    assert.equal(memento.get<{ version: number }>('backendRoadmap.progress')?.version, 2);
    storage.dispose();
  });

  it('keeps unreadable progress as a backup, salvages the readable records, and never loses the backup', async () => {
    const readable = { state: 'done', setBy: 'learner', at: '2026-04-01T10:00:00.000Z', evidence: [] };
    const corrupt = { version: 2, skills: { 'git-basics': { state: 'exploded' }, sql: readable } };
    const { memento, progress, storage } = service({ 'backendRoadmap.progress': corrupt });
    assert.deepEqual(progress.all, { sql: readable });
    await progress.flush();
    const backups = memento.get<{ reason: string; data: unknown }[]>('backendRoadmap.progressBackups');
    assert.deepEqual(backups?.map((backup) => backup.data), [corrupt]);
    assert.match(backups[0]?.reason ?? '', /git-basics/);
    assert.deepEqual(progress.backups(), backups);
    await progress.setState('dns', 'done');
    // The new progress is saved with the salvaged record; the backup still holds what could not be read.
    const skills = memento.get<{ skills: Record<string, { state: string }> }>('backendRoadmap.progress')?.skills;
    assert.deepEqual([skills?.dns?.state, skills?.sql?.state], ['done', 'done']);
    assert.deepEqual(memento.get<{ data: unknown }[]>('backendRoadmap.progressBackups')?.map((backup) => backup.data), [corrupt]);
    storage.dispose();
  });

  it('refuses progress from a newer version without overwriting it', async () => {
    const newer = { version: 7, skills: {} };
    const { memento, progress, storage } = service({ 'backendRoadmap.progress': newer });
    assert.deepEqual(progress.all, {});
    await progress.flush();
    assert.deepEqual(memento.get('backendRoadmap.progress'), newer);
    assert.match(memento.get<{ reason: string }[]>('backendRoadmap.progressBackups')?.[0]?.reason ?? '', /newer/);
    storage.dispose();
  });

  it('two windows over one globalState never write a stale copy over each other\'s change', async () => {
    const memento = new InMemoryMemento({});
    const storage = new Storage(memento);
    const first = new ProgressService(storage, logger, now);
    const second = new ProgressService(storage, logger, () => new Date(now().getTime() + 1000));
    assert.deepEqual(second.all, {});
    await first.setState('dns', 'done', 'from the first window');
    await second.setState('sql', 'inProgress');
    const skills = memento.get<{ skills: Record<string, { state: string; note?: string }> }>('backendRoadmap.progress')?.skills;
    assert.deepEqual(Object.keys(skills ?? {}).sort(), ['dns', 'sql']);
    assert.equal(skills?.dns?.note, 'from the first window');
    first.reloadIfChangedElsewhere();
    assert.equal(first.get('sql').state, 'inProgress');
    first.dispose();
    second.dispose();
    storage.dispose();
  });

  it('lets evidence complete a skill but never overrules the learner', async () => {
    const { progress, storage } = service({});
    const evidence = [{ milestone: 'docker.file', summary: 'Dockerfile', folder: '/w', path: 'Dockerfile', at: now().toISOString() }];
    assert.equal((await progress.addCompletingEvidence('dockerfile', evidence)).outcome, 'markedDone');
    assert.equal(progress.get('dockerfile').setBy, 'detector');
    await progress.setState('docker-compose', 'inProgress');
    const result = await progress.addCompletingEvidence('docker-compose', [{ ...evidence[0]!, milestone: 'docker.compose', summary: 'compose.yaml' }]);
    assert.equal(result.outcome, 'learnerDecides');
    assert.equal(progress.get('docker-compose').state, 'inProgress');
    assert.equal(progress.get('docker-compose').evidence.length, 1);
    storage.dispose();
  });
});
