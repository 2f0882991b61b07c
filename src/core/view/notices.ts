import { skillsUsingMilestones } from '../progress/detection';
import type { ProgressMap } from '../progress/model';
import { isFinished, progressOf } from '../progress/rules';
import type { Roadmap, Skill } from '../roadmap/model';
import { agree, plural } from '../text/plural';
import { endSentence, listSome } from '../text/sentences';
import { plainText } from './inlineCode';

/**
 * The notifications the editor shows after evidence arrives, a Re-check or a Run My Tests, worded here so
 * unit tests reach them. Plain text: notifications cannot show code, so backticks are dropped.
 */

const TEST_PASSING = 'test.passing';

/** Skills evidence completed: marked done, or shown to a learner who had set them by hand. */
export interface Completed {
  readonly markedDone: readonly Skill[];
  readonly learnerDecides: readonly Skill[];
}

const quoted = (skills: readonly Skill[]): string[] => skills.map((skill) => `"${skill.title}"`);

/** What one automatic completion says; `proof` is the summary of the evidence that completed a single skill. */
export function completedMessage(markedDone: readonly Skill[], proof: string | undefined): string | undefined {
  const [first] = markedDone;
  if (first === undefined) {
    return undefined;
  }
  if (markedDone.length === 1) {
    return endSentence(`Backend Roadmap: "${first.title}" is done${proof === undefined ? '' : `, proved by ${plainText(proof)}`}`);
  }
  return endSentence(`Backend Roadmap: your work proves ${plural(markedDone.length, 'skill')}: ${listSome(quoted(markedDone), 4)}`);
}

/** A skill the learner set by hand that evidence now shows: they decide. */
export function learnerDecidesMessage(skill: Skill): string {
  return `Backend Roadmap: your work shows "${skill.title}", which you set by hand. Mark it done?`;
}

function setByHandSentence(skills: readonly Skill[]): string {
  return skills.length === 0 ? '' : ` It also shows ${listSome(quoted(skills))}, which you set by hand: mark ${agree(skills.length, 'it', 'them')} done from ${agree(skills.length, 'its page', 'their pages')} when you are ready.`;
}

/** The one notification of a Re-check: what was found, including any skills it completed. */
export function recheckMessage(folders: number, presentMilestones: number, completed: Completed): string {
  const where = folders === 1 ? 'your folder' : plural(folders, 'folder');
  const found =
    completed.markedDone.length > 0
      ? `your work proves ${listSome(quoted(completed.markedDone), 4)}`
      : `${plural(presentMilestones, 'milestone')} present, no new skill proved`;
  return `Backend Roadmap checked ${where}: ${found}.${setByHandSentence(completed.learnerDecides)}`;
}

/** Skills whose rule names passing tests, in roadmap order: what a passing run can prove. */
export function skillsProvedByTests(roadmap: Roadmap): readonly Skill[] {
  return skillsUsingMilestones(roadmap, new Set([TEST_PASSING]));
}

export interface TestRunOutcome {
  /** The test command as shown to the learner ("npm test"). */
  readonly command: string;
  /** undefined: the run was stopped before it exited. */
  readonly exitCode: number | undefined;
  readonly completed: Completed;
}

export interface TestRunNotice {
  readonly text: string;
  readonly severity: 'info' | 'warning';
  /** The skill worth opening from the notification: one just proved, or one a passing run would prove. */
  readonly skillId?: string;
}

/** What Run My Tests says when the run ends, every time: passed or failed, what it proved or would prove. */
export function testRunNotice(outcome: TestRunOutcome, roadmap: Roadmap, progress: ProgressMap): TestRunNotice {
  const { markedDone, learnerDecides } = outcome.completed;
  const decided = new Set([...markedDone, ...learnerDecides].map((skill) => skill.id));
  const open = skillsProvedByTests(roadmap).filter((skill) => !decided.has(skill.id) && !isFinished(progressOf(progress, skill.id).state));
  const would = open.length === 0 ? 'every skill that passing tests prove is already done or skipped' : `a run that passes proves ${listSome(quoted(open))}`;
  const firstOpen = open[0]?.id;
  if (outcome.exitCode === undefined) {
    return { text: `Your tests (${outcome.command}) were stopped before they finished. Run them again: ${would}.`, severity: 'warning', ...(firstOpen === undefined ? {} : { skillId: firstOpen }) };
  }
  if (outcome.exitCode !== 0) {
    return { text: `Your tests (${outcome.command}) failed with exit code ${outcome.exitCode}: see the terminal, fix them and run them again. ${capitalise(would)}.`, severity: 'warning', ...(firstOpen === undefined ? {} : { skillId: firstOpen }) };
  }
  const setByHand = setByHandSentence(learnerDecides);
  const [proved] = markedDone;
  if (proved !== undefined) {
    return { text: `Your tests (${outcome.command}) passed: that proves ${listSome(quoted(markedDone))}.${setByHand}`, severity: 'info', skillId: proved.id };
  }
  const nothingNew =
    open.length === 0
      ? 'every skill that passing tests prove is already done or skipped'
      : `${listSome(quoted(open))} ${agree(open.length, 'needs', 'need')} more of your work in the same project: see "Why is this (not) done?" on ${agree(open.length, 'its page', 'their pages')}`;
  return { text: `Your tests (${outcome.command}) passed. Nothing new is proved: ${nothingNew}.${setByHand}`, severity: 'info', ...(firstOpen === undefined ? {} : { skillId: firstOpen }) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
