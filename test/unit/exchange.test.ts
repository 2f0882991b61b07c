// Export and import of progress: the export reads back exactly, a file that is not progress is refused with a
// clear reason, bad records are skipped and reported while readable ones are imported, backups import like
// exports, and merging keeps the most recent record per skill with the evidence of both.
import * as assert from 'node:assert/strict';
import { BACKUP_FORMAT, EXPORT_FORMAT, MAX_IMPORT_CHARS, describeImportLosses, exportBackups, exportProgress, mergeProgress, parseProgressExport } from '../../src/core/progress/exchange';
import type { ParsedImport } from '../../src/core/progress/exchange';
import type { Evidence, ProgressMap, SkillProgress } from '../../src/core/progress/model';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';
const T3 = '2024-03-01T00:00:00.000Z';

function evidence(summary: string, milestone = 'git.history'): Evidence {
  return { milestone, summary, folder: '/home/me/app', at: T1 };
}

function record(state: SkillProgress['state'], at: string, items: readonly Evidence[] = [], extra: Partial<SkillProgress> = {}): SkillProgress {
  return { state, setBy: 'learner', at, evidence: items, ...extra };
}

const progress: ProgressMap = {
  'git-basics': { state: 'done', setBy: 'detector', at: T2, evidence: [evidence('commit 1a2b3c4 Add login'), { ...evidence('Dockerfile', 'docker.file'), path: 'Dockerfile', line: 1 }] },
  docker: record('inProgress', T1, [], { note: 'multi-stage builds next' }),
  'unit-testing': record('skipped', T3),
};

function refusal(result: ParsedImport): string {
  assert.equal(result.ok, false, 'expected the file to be refused');
  assert.ok(!result.ok);
  assert.equal(Object.hasOwn(result, 'progress'), false, 'a refused file must not import anything');
  return result.reason;
}

function file(body: Readonly<Record<string, unknown>>): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: NOW.toISOString(), ...body });
}

describe('progress exchange', () => {
  describe('exportProgress', () => {
    it('writes the format, version, time and skills as indented JSON ending in a newline', () => {
      const text = exportProgress(progress, NOW);
      assert.equal(text, `${JSON.stringify({ format: 'backend-roadmap-progress', version: 2, exportedAt: '2024-06-01T12:00:00.000Z', skills: progress }, null, 2)}\n`);
    });
  });

  describe('parseProgressExport', () => {
    it('reads an export back exactly', () => {
      assert.deepEqual(parseProgressExport(exportProgress(progress, NOW), NOW), { ok: true, progress, skipped: [] });
    });

    it('reads an export of empty progress back as empty', () => {
      assert.deepEqual(parseProgressExport(exportProgress({}, NOW), NOW), { ok: true, progress: {}, skipped: [] });
    });

    it('reads a version 1 file, migrating it to records without a time and reporting unknown states', () => {
      const text = JSON.stringify({ format: EXPORT_FORMAT, version: 1, states: { docker: 'done', bad: 'maybe' } });
      const parsed = parseProgressExport(text, NOW);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.progress, { docker: { state: 'done', setBy: 'learner', at: '', evidence: [] } });
      assert.deepEqual(parsed.skipped.map((item) => item.skillId), ['bad']);
    });

    it('refuses a file larger than the bound without parsing it', () => {
      assert.match(refusal(parseProgressExport(' '.repeat(MAX_IMPORT_CHARS + 1), NOW)), /^the file is larger than 32 MB/);
    });

    it('refuses text that is not JSON, saying so', () => {
      assert.match(refusal(parseProgressExport('{"format": "backend-roadmap-progress",', NOW)), /^the file is not valid JSON \(.+\)$/);
      assert.match(refusal(parseProgressExport('', NOW)), /^the file is not valid JSON \(.+\)$/);
    });

    it('refuses JSON that is not a progress export, naming the format it needs', () => {
      const expected = 'the file is not a Backend Roadmap progress export (it needs "format": "backend-roadmap-progress")';
      assert.deepEqual(
        [
          file({ format: 'someone-elses-progress' }),
          JSON.stringify({ version: 2, skills: {} }),
          '[]',
          'null',
          '"backend-roadmap-progress"',
        ].map((text) => refusal(parseProgressExport(text, NOW))),
        [expected, expected, expected, expected, expected],
      );
    });

    it('refuses a file from a newer version, saying it is newer', () => {
      const reason = refusal(parseProgressExport(file({ version: 99, skills: {} }), NOW));
      assert.equal(reason, 'the file is version 99, written by a newer Backend Roadmap (this one reads up to version 2); update the extension');
    });

    it('refuses a file without a version', () => {
      assert.equal(refusal(parseProgressExport(JSON.stringify({ format: EXPORT_FORMAT, skills: {} }), NOW)), 'the file has no valid version number (found undefined)');
    });

    it('refuses a file without skills', () => {
      assert.equal(refusal(parseProgressExport(file({ skills: undefined }), NOW)), 'the file has no "skills" object (found undefined)');
    });

    it('imports the readable records and skips a bad one, saying which and why', () => {
      const text = file({ skills: { ...progress, 'rest-apis': { state: 'finished', setBy: 'learner', at: T1, evidence: [] }, sql: { state: 'done', setBy: 'learner', at: T1, evidence: [{ ...evidence('x'), line: 'ten' }] } } });
      const parsed = parseProgressExport(text, NOW);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.progress, progress);
      assert.deepEqual(parsed.skipped, [
        { skillId: 'rest-apis', problem: 'has a "state" that is not one of notStarted, inProgress, done, skipped (found "finished")' },
        { skillId: 'sql', problem: 'has invalid evidence (item 1 has a "line" that is not a whole number (found "ten"))' },
      ]);
      assert.equal(
        describeImportLosses(parsed.skipped, []),
        '2 records could not be read and were skipped: "rest-apis" has a "state" that is not one of notStarted, inProgress, done, skipped (found "finished"); "sql" has invalid evidence (item 1 has a "line" that is not a whole number (found "ten")). Fix them in the file and import it again (records already imported are merged, not duplicated).',
      );
    });

    it('skips records dated in the future instead of letting them win every later merge', () => {
      const parsed = parseProgressExport(file({ skills: { docker: record('done', '2099-01-01T00:00:00.000Z') } }), NOW);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.progress, {});
      assert.equal(parsed.skipped[0]?.problem, 'has an "at" that is in the future (2099-01-01T00:00:00.000Z)');
    });

    it('imports ids named like Object.prototype members as plain ids', () => {
      const text = `{"format":"${EXPORT_FORMAT}","version":2,"skills":{"constructor":${JSON.stringify(record('done', T1))},"hasOwnProperty":${JSON.stringify(record('done', T1))},"__proto__":${JSON.stringify(record('skipped', T1))}}}`;
      const parsed = parseProgressExport(text, NOW);
      assert.ok(parsed.ok);
      assert.deepEqual(Object.keys(parsed.progress).sort(), ['__proto__', 'constructor', 'hasOwnProperty']);
      const merged = mergeProgress({ toString: record('done', T1) }, parsed.progress, () => true);
      assert.deepEqual(Object.keys(merged.progress).sort(), ['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
      assert.equal(Object.getPrototypeOf(merged.progress), Object.prototype);
      assert.doesNotThrow(() => exportProgress(merged.progress, NOW));
    });

    it('imports a backup file (what "Export the Backup" writes), salvaging every readable record of every backup', () => {
      const backups = [
        { savedAt: T1, reason: 'the progress of one skill could not be read', data: { version: 2, skills: { docker: record('done', T1), bad: { state: 'exploded' } } } },
        { savedAt: T2, reason: 'newer version', data: { version: 9, skills: {} } },
        { savedAt: T3, reason: 'v1', data: { version: 1, states: { sql: 'inProgress' } } },
      ];
      const parsed = parseProgressExport(exportBackups(backups, NOW), NOW);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.progress, { docker: record('done', T1), sql: record('inProgress', '') });
      assert.deepEqual(parsed.skipped.map((item) => item.skillId), ['bad']);
      assert.equal((JSON.parse(exportBackups(backups, NOW)) as { format: string }).format, BACKUP_FORMAT);
    });

    it('imports the single-backup file older versions exported', () => {
      const legacy = JSON.stringify({ savedAt: T1, reason: 'unreadable', data: { version: 2, skills: { docker: record('done', T1) } } });
      assert.deepEqual(parseProgressExport(legacy, NOW), { ok: true, progress: { docker: record('done', T1) }, skipped: [] });
    });

    it('refuses a backup file with nothing readable, saying why', () => {
      assert.equal(refusal(parseProgressExport(exportBackups([], NOW), NOW)), 'the backup file holds no readable progress (it holds no backup)');
      assert.equal(
        refusal(parseProgressExport(exportBackups([{ savedAt: T1, reason: 'x', data: 'garbage' }], NOW), NOW)),
        'the backup file holds no readable progress (backup 1: it is not an object (found "garbage"))',
      );
    });
  });

  describe('mergeProgress', () => {
    const known = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
    const isKnown = (id: string): boolean => known.has(id);

    it('takes the newer record, keeping the evidence of both (winner first)', () => {
      const current: ProgressMap = { a: record('inProgress', T1, [evidence('old')], { note: 'mine' }) };
      const imported: ProgressMap = { a: record('done', T3, [evidence('new')]) };
      const merged = mergeProgress(current, imported, isKnown);
      assert.deepEqual(merged.progress, { a: record('done', T3, [evidence('new'), evidence('old')]) });
      assert.deepEqual([merged.added, merged.updated, merged.unchanged], [0, 1, 0]);
    });

    it('keeps the current record when it is newer, adding evidence only the file has', () => {
      const current: ProgressMap = { b: record('skipped', T3, [evidence('one')]) };
      const imported: ProgressMap = { b: record('done', T1, [evidence('one'), evidence('two')]) };
      const merged = mergeProgress(current, imported, isKnown);
      assert.deepEqual(merged.progress, { b: record('skipped', T3, [evidence('one'), evidence('two')]) });
      assert.deepEqual([merged.added, merged.updated, merged.unchanged], [0, 1, 0]);
    });

    it('counts a record as unchanged when the current one is newer or equal and has all the evidence', () => {
      const same = record('done', T2, [evidence('one')]);
      const current: ProgressMap = { c: same, d: record('inProgress', T3, [evidence('one'), evidence('two')]) };
      const imported: ProgressMap = { c: { ...same }, d: record('done', T1, [evidence('two')]) };
      const merged = mergeProgress(current, imported, isKnown);
      assert.deepEqual(merged.progress, current);
      assert.equal(merged.progress.c, same);
      assert.deepEqual([merged.added, merged.updated, merged.unchanged], [0, 0, 2]);
    });

    it('keeps the current record on a tie', () => {
      const current: ProgressMap = { e: record('inProgress', T2) };
      const merged = mergeProgress(current, { e: record('done', T2) }, isKnown);
      assert.equal(merged.progress.e?.state, 'inProgress');
      assert.equal(merged.unchanged, 1);
    });

    it('adds records the current progress lacks and keeps those only it has', () => {
      const current: ProgressMap = { a: record('done', T1) };
      const merged = mergeProgress(current, { f: record('skipped', T2) }, isKnown);
      assert.deepEqual(merged.progress, { a: record('done', T1), f: record('skipped', T2) });
      assert.deepEqual([merged.added, merged.updated, merged.unchanged], [1, 0, 0]);
    });

    it('reports skill ids the roadmap does not know, and keeps their records', () => {
      const merged = mergeProgress({ retired: record('done', T1) }, { retired: record('skipped', T2), future: record('done', T1), a: record('done', T1) }, isKnown);
      assert.deepEqual(merged.unknownSkills, ['retired', 'future']);
      assert.deepEqual(merged.progress, { retired: record('skipped', T2), future: record('done', T1), a: record('done', T1) });
      assert.deepEqual([merged.added, merged.updated, merged.unchanged], [2, 1, 0]);
    });

    it('counts a mixed import exactly', () => {
      const current: ProgressMap = {
        a: record('inProgress', T1),
        b: record('done', T3, [evidence('one')]),
        c: record('skipped', T2),
      };
      const imported: ProgressMap = {
        a: record('done', T2),
        b: record('done', T1, [evidence('two')]),
        c: record('skipped', T2),
        d: record('done', T1),
        ghost: record('done', T1),
      };
      const merged = mergeProgress(current, imported, isKnown);
      assert.deepEqual(
        { added: merged.added, updated: merged.updated, unchanged: merged.unchanged, unknownSkills: merged.unknownSkills },
        { added: 2, updated: 2, unchanged: 1, unknownSkills: ['ghost'] },
      );
      assert.deepEqual(Object.keys(merged.progress).sort(), ['a', 'b', 'c', 'd', 'ghost']);
    });

    it('caps merged evidence at 12', () => {
      const mine = Array.from({ length: 8 }, (_, i) => evidence(`mine ${i}`));
      const theirs = Array.from({ length: 8 }, (_, i) => evidence(`theirs ${i}`));
      const merged = mergeProgress({ a: record('done', T3, mine) }, { a: record('done', T1, theirs) }, isKnown);
      assert.deepEqual(merged.progress.a?.evidence, [...mine, ...theirs.slice(0, 4)]);
    });

    it('leaves its inputs untouched', () => {
      const current: ProgressMap = { a: record('inProgress', T1, [evidence('old')]) };
      const imported: ProgressMap = { a: record('done', T3, [evidence('new')]), b: record('done', T1) };
      const before = structuredClone({ current, imported });
      mergeProgress(current, imported, isKnown);
      assert.deepEqual({ current, imported }, before);
    });

    it('merges what an export of other progress reads back to', () => {
      const elsewhere: ProgressMap = { a: record('done', T3, [evidence('laptop')]) };
      const parsed = parseProgressExport(exportProgress(elsewhere, NOW), NOW);
      assert.ok(parsed.ok);
      const merged = mergeProgress({ a: record('inProgress', T1) }, parsed.progress, isKnown);
      assert.deepEqual(merged.progress, elsewhere);
    });
    it('never lets an old version 1 export win and delete notes: its records have no time, so the current one wins', () => {
      const parsed = parseProgressExport(JSON.stringify({ format: EXPORT_FORMAT, version: 1, states: { a: 'notStarted', b: 'done' } }), NOW);
      assert.ok(parsed.ok);
      const current: ProgressMap = { a: record('done', T1, [evidence('proof')], { note: 'my notes' }) };
      const merged = mergeProgress(current, parsed.progress, isKnown);
      assert.deepEqual(merged.progress, { a: current.a, b: record('done', '') });
      assert.equal(merged.progress.a, current.a);
    });

    it('keeps the current record when neither has a time', () => {
      const current: ProgressMap = { a: record('done', '', [], { note: 'mine' }) };
      assert.equal(mergeProgress(current, { a: record('skipped', '') }, isKnown).progress.a, current.a);
    });

    it('adds no skill beyond 2,000, reporting the ids it did not add', () => {
      const current: ProgressMap = Object.fromEntries(Array.from({ length: 1_999 }, (_, i) => [`s${i}`, record('done', T1)]));
      const merged = mergeProgress(current, { extra1: record('done', T1), extra2: record('done', T1), s0: record('skipped', T2) }, isKnown);
      assert.deepEqual(merged.notAdded, ['extra2']);
      assert.equal(Object.keys(merged.progress).length, 2_000);
      assert.equal(merged.progress.s0?.state, 'skipped', 'records already there are still updated');
      assert.match(describeImportLosses([], merged.notAdded), /^1 skill was not added because progress holds at most 2,000 skills \(first: "extra2"\)\.$/);
    });
  });
});
