// The first hour in the editor: the words and numbers a new learner sees (issue 12, "A polished first hour").
import * as assert from 'node:assert/strict';
import { DetectionCore } from '../../src/core/detection/detectionCore';
import type { MilestoneSummary } from '../../src/core/detection/ledger';
import { MilestoneLedger } from '../../src/core/detection/ledger';
import type { SkillVerdict } from '../../src/core/detection/projectRules';
import { testsNotRunReason } from '../../src/core/milestones/testsNotRun';
import type { Evidence, ProgressMap, SkillProgress } from '../../src/core/progress/model';
import { percent } from '../../src/core/progress/stats';
import { createRoadmap } from '../../src/core/roadmap/model';
import type { Skill } from '../../src/core/roadmap/model';
import { agree, plural } from '../../src/core/text/plural';
import { endSentence, listSome } from '../../src/core/text/sentences';
import { parseHoursPerWeek, stackChoices } from '../../src/core/view/choosePath';
import { inlineCodeParts, plainText } from '../../src/core/view/inlineCode';
import { STAGE_LABEL_MAX, stageRow, studyEstimate, treeFilterDescription, treeViewMessage } from '../../src/core/view/labels';
import { completedMessage, recheckMessage, testRunNotice } from '../../src/core/view/notices';
import { isWebviewMessage } from '../../src/core/view/protocol';
import { buildSkillView, editorCheck } from '../../src/core/view/viewModels';
import type { DetectionInfo } from '../../src/core/view/viewModels';
import { walkthroughFacts } from '../../src/core/view/walkthrough';

const at = '2026-05-01T10:00:00.000Z';

function skill(id: string, all: string[] = [], estimatedHours = 6): Skill {
  return { id, stageId: 'testing', title: `Skill ${id}`, summary: 'A summary.', whyItMatters: 'Why.', subtopics: [], resources: [], practice: [], estimatedHours, level: 'core', prerequisites: [], ...(all.length > 0 ? { detect: { all, any: [] } } : {}), quiz: [] };
}

const ROADMAP = createRoadmap([
  { id: 'testing', title: 'Testing', summary: '', order: 1, projectIdeas: [], source: 'testing.yaml', skills: [skill('unit', ['test.present', 'test.passing']), skill('ci', ['ci.workflow', 'test.passing']), skill('tdd', ['test.passing']), skill('notes')] },
]);
const byId = (id: string): Skill => {
  const found = ROADMAP.skillById.get(id);
  assert.ok(found, id);
  return found;
};
const record = (state: SkillProgress['state'], evidence: Evidence[] = []): SkillProgress => ({ state, setBy: 'learner', at, evidence });
const testRun: Evidence = { milestone: 'test.passing', summary: '`npm test` exited with 0', command: 'npm test', exitCode: 0, at, yours: true };

/** Detection as the editor has it: test.passing never decided by a scan, the rest as given. */
function detection(status: MilestoneSummary): DetectionInfo {
  return { milestoneStatus: (id) => (id === 'test.passing' ? { status: 'unknown', detail: testsNotRunReason('cli') } : status), judge: (): SkillVerdict => ({ complete: false, project: undefined, status: { complete: false, presentAll: [], missingAll: [], presentAny: [], missingAny: [] }, evidence: [], onlyAcrossProjects: false, seenNotCredited: [] }), limitation: undefined };
}

describe('the first hour', () => {
  describe('"Why is this (not) done?" for passing tests', () => {
    it('tells the editor to run the tests (with a Run My Tests button), the CLI to add --run-tests', () => {
      assert.match(testsNotRunReason('cli'), /--run-tests/);
      assert.doesNotMatch(testsNotRunReason('editor'), /--run-tests|CLI/);
      assert.match(testsNotRunReason('editor'), /run your tests in the terminal or use Run My Tests/i);
      const check = editorCheck('test.passing', 'all', { status: 'unknown', detail: testsNotRunReason('cli') });
      assert.deepEqual([check.detail, check.action], [testsNotRunReason('editor'), 'runTests']);
    });

    it('keeps the evidence of a run that passed, and offers nothing for other milestones', () => {
      const passed = editorCheck('test.passing', 'all', { status: 'present', detail: '`npm test` exited with 0 (api)' });
      assert.deepEqual([passed.detail, passed.action], ['`npm test` exited with 0 (api)', undefined]);
      assert.equal(editorCheck('test.present', 'all', { status: 'unknown', detail: 'not checked yet' }).action, undefined);
    });

    it('builds the skill page with the editor wording and the study estimate', () => {
      const view = buildSkillView(ROADMAP, {}, byId('unit'), detection({ status: 'unknown', detail: 'not checked yet' }));
      const tests = view.checks.find((check) => check.id === 'test.passing');
      assert.equal(tests?.action, 'runTests');
      assert.ok(view.checks.every((check) => !check.detail.includes('--run-tests')));
      assert.equal(view.estimate, 'about 6 h of study');
    });

    it('lets the page ask for Run My Tests', () => {
      assert.equal(isWebviewMessage({ type: 'runTests' }), true);
    });
  });

  describe('words', () => {
    it('says "1 skill" and "2 skills", never "skill(s)"', () => {
      assert.deepEqual([plural(1, 'skill'), plural(2, 'skill'), plural(0, 'record'), plural(1200, 'file')], ['1 skill', '2 skills', '0 records', '1,200 files']);
      assert.equal(plural(3, 'match', 'matches'), '3 matches');
      assert.deepEqual([agree(1, 'is', 'are'), agree(4, 'is', 'are')], ['is', 'are']);
    });

    it('lists a few and counts the rest, never ending in ", …."', () => {
      assert.deepEqual([listSome([]), listSome(['a']), listSome(['a', 'b']), listSome(['a', 'b', 'c'])], ['', 'a', 'a and b', 'a, b and c']);
      assert.equal(listSome(['a', 'b', 'c', 'd', 'e'], 3), 'a, b, c and 2 more');
      assert.equal(endSentence('3 branches: main, dev, …'), '3 branches: main, dev and more.');
      assert.deepEqual([endSentence('done'), endSentence('done.'), endSentence('really?'), endSentence('and so on…')], ['done.', 'done.', 'really?', 'and so on…']);
    });

    it('shows `code` as code where it can and drops the backticks where it cannot', () => {
      assert.deepEqual(inlineCodeParts('`npm test` exited with 0'), [
        { text: 'npm test', code: true },
        { text: ' exited with 0', code: false },
      ]);
      assert.deepEqual(inlineCodeParts('ran `git revert` in the terminal'), [
        { text: 'ran ', code: false },
        { text: 'git revert', code: true },
        { text: ' in the terminal', code: false },
      ]);
      assert.deepEqual(inlineCodeParts('a lone ` stays'), [{ text: 'a lone ` stays', code: false }]);
      assert.equal(plainText('ran `dig` then `curl`'), 'ran dig then curl');
    });

    it('reads an estimate as study to come, not time spent', () => {
      assert.equal(studyEstimate(6), 'about 6 h of study');
      assert.equal(studyEstimate(1.5), 'about 1.5 h of study');
    });
  });

  describe('numbers', () => {
    const counts = (done: number, total: number) => ({ done, skipped: 0, inProgress: 0, total, all: total });
    it('rounds percentages to the nearest: 3 of 7 is 43%', () => {
      assert.equal(percent(counts(3, 7)), 43);
      assert.equal(percent(counts(1, 8)), 13);
    });

    it('never shows 0% once something is done, nor 100% before everything is', () => {
      assert.equal(percent(counts(1, 300)), 1);
      assert.equal(percent(counts(299, 300)), 99);
      assert.equal(percent(counts(300, 300)), 100);
      assert.equal(percent(counts(0, 300)), 0);
    });
  });

  describe('the Roadmap view', () => {
    it('shortens a long stage title at a word so done/total stays in view', () => {
      const row = stageRow('Authentication, authorization and security', 3, 7);
      assert.equal(row.description, '3/7');
      assert.ok(row.label.length <= STAGE_LABEL_MAX, row.label);
      assert.equal(row.label, 'Authentication…');
      assert.equal(stageRow('A backend programming language', 0, 9).label, 'A backend programming…');
      assert.equal(stageRow('Message queues and background jobs', 0, 9).label, 'Message queues…', 'no dangling "and"');
      assert.deepEqual(stageRow('Version control with Git', 1, 5), { label: 'Version control with Git', description: '1/5' });
    });

    it('says when done and skipped skills are hidden', () => {
      assert.equal(treeFilterDescription(false, 4), undefined);
      assert.equal(treeFilterDescription(true, 4), '4 done or skipped skills hidden');
      assert.equal(treeFilterDescription(true, 1), '1 done or skipped skill hidden');
      assert.equal(treeFilterDescription(true, 0), 'hiding done and skipped');
      assert.equal(treeViewMessage(treeFilterDescription(true, 4), undefined), 'Showing open skills only (4 done or skipped skills hidden): use the filled filter button to show them all.');
      assert.equal(treeViewMessage(undefined, 'Automatic checks are off.'), 'Automatic checks are off.');
      assert.equal(treeViewMessage(undefined, undefined), undefined);
    });
  });

  describe('notifications', () => {
    it('names the proof of one skill in plain text, ending once', () => {
      assert.equal(completedMessage([byId('unit')], '`npm test` exited with 0'), 'Backend Roadmap: "Skill unit" is done, proved by npm test exited with 0.');
      assert.equal(completedMessage([byId('unit')], '3 branches: main, dev, …'), 'Backend Roadmap: "Skill unit" is done, proved by 3 branches: main, dev and more.');
      assert.equal(completedMessage([], undefined), undefined);
    });

    it('counts several skills and names a few', () => {
      const skills = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => skill(id));
      assert.equal(completedMessage(skills, undefined), 'Backend Roadmap: your work proves 6 skills: "Skill a", "Skill b", "Skill c", "Skill d" and 2 more.');
    });

    it('gives a Re-check one message, with the skills it completed in it', () => {
      assert.equal(recheckMessage(1, 12, { markedDone: [], learnerDecides: [] }), 'Backend Roadmap checked your folder: 12 milestones present, no new skill proved.');
      assert.equal(recheckMessage(2, 1, { markedDone: [byId('unit')], learnerDecides: [] }), 'Backend Roadmap checked 2 folders: your work proves "Skill unit".');
      assert.equal(
        recheckMessage(1, 3, { markedDone: [], learnerDecides: [byId('ci')] }),
        'Backend Roadmap checked your folder: 3 milestones present, no new skill proved. It also shows "Skill ci", which you set by hand: mark it done from its page when you are ready.',
      );
    });
  });

  describe('Run My Tests says what happened', () => {
    const none = { markedDone: [], learnerDecides: [] };
    it('when the tests fail: what a passing run would prove', () => {
      const notice = testRunNotice({ command: 'npm test', exitCode: 1, completed: none }, ROADMAP, { tdd: record('skipped') });
      assert.equal(notice.severity, 'warning');
      assert.equal(notice.text, 'Your tests (npm test) failed with exit code 1: see the terminal, fix them and run them again. A run that passes proves "Skill unit" and "Skill ci".');
      assert.equal(notice.skillId, 'unit');
    });

    it('when they pass and prove a skill', () => {
      const notice = testRunNotice({ command: 'pytest', exitCode: 0, completed: { markedDone: [byId('tdd')], learnerDecides: [] } }, ROADMAP, {});
      assert.deepEqual(notice, { text: 'Your tests (pytest) passed: that proves "Skill tdd".', severity: 'info', skillId: 'tdd' });
    });

    it('when they pass and prove nothing new: which skills need more', () => {
      const progress: ProgressMap = { tdd: record('done', [testRun]) };
      const notice = testRunNotice({ command: 'npm test', exitCode: 0, completed: none }, ROADMAP, progress);
      assert.equal(notice.text, 'Your tests (npm test) passed. Nothing new is proved: "Skill unit" and "Skill ci" need more of your work in the same project: see "Why is this (not) done?" on their pages.');
      const allDone = testRunNotice({ command: 'npm test', exitCode: 0, completed: none }, ROADMAP, { unit: record('done'), ci: record('done'), tdd: record('skipped') });
      assert.match(allDone.text, /passed\. Nothing new is proved: every skill that passing tests prove is already done or skipped\.$/);
      assert.equal(allDone.skillId, undefined);
    });

    it('when the run was stopped', () => {
      const notice = testRunNotice({ command: 'go test ./...', exitCode: undefined, completed: none }, ROADMAP, {});
      assert.match(notice.text, /^Your tests \(go test \.\/\.\.\.\) were stopped before they finished\. Run them again: a run that passes proves "Skill unit", "Skill ci" and "Skill tdd"\.$/);
    });
  });

  describe('Reset All forgets the remembered test runs', () => {
    it('clears event evidence from the ledger, and saves the empty list', async () => {
      const ledger = new MilestoneLedger();
      ledger.addEvidence('/p', { ...testRun, folder: '/p' });
      ledger.record('/p', [{ id: 'docker.file', present: true, checked: true, evidence: [] }]);
      ledger.forgetEvents();
      assert.deepEqual(ledger.eventEvidence(), []);
      assert.equal(ledger.summary('test.passing', 'yourWork').status, 'unknown');
      assert.ok(ledger.present().has('docker.file'), 'scanned facts stay: the workspace still shows them');

      const saved: (readonly Evidence[])[] = [];
      const core = new DetectionCore({
        roadmap: () => Promise.resolve(ROADMAP),
        addCompletingEvidence: () => Promise.reject(new Error('nothing is judged here')),
        settings: () => ({ enabled: true, allowGit: true, credit: 'yourWork', extraEmails: [] }),
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
        events: { load: () => [{ ...testRun, folder: '/p' }], save: (evidence) => (saved.push(evidence), Promise.resolve()) },
      });
      assert.equal(core.eventEvidence().length, 1);
      await core.forgetEvents();
      assert.deepEqual(core.eventEvidence(), []);
      assert.deepEqual(saved.at(-1), []);
      core.dispose();
    });
  });

  describe('Get Started', () => {
    it('completes "prove a first milestone" and "run your tests" from the records', () => {
      assert.deepEqual(walkthroughFacts({}, []), { milestoneProved: false, testsPassed: false });
      assert.deepEqual(walkthroughFacts({ a: record('done', [{ milestone: 'docker.file', summary: 'Dockerfile', at }]) }, []), { milestoneProved: true, testsPassed: false });
      assert.deepEqual(walkthroughFacts({}, [testRun]), { milestoneProved: true, testsPassed: true });
      assert.deepEqual(walkthroughFacts({}, [{ milestone: 'practice.shell', summary: 'ran `ls` in the terminal', command: 'ls', exitCode: 0, at }]), { milestoneProved: false, testsPassed: false }, 'one shell command is not a milestone yet');
    });

    it('offers every stack and reads hours a week', () => {
      assert.deepEqual(
        stackChoices().map((choice) => choice.stack),
        ['node', 'python', 'java', 'csharp', 'go', 'php', 'ruby', 'rust'],
      );
      assert.deepEqual(parseHoursPerWeek(' 6 '), { ok: true, hours: 6 });
      assert.deepEqual(parseHoursPerWeek('7.5'), { ok: true, hours: 7.5 });
      assert.equal(parseHoursPerWeek('0').ok, false);
      assert.equal(parseHoursPerWeek('lots').ok, false);
      assert.equal(parseHoursPerWeek('').ok, false);
    });
  });
});
