import { evaluateRule } from '../progress/detection';
import type { Evidence, ProgressMap, SkillProgress } from '../progress/model';
import type { EvidenceResult } from '../progress/rules';
import { MAX_EVIDENCE_PER_SKILL, NOT_STARTED, isFinished } from '../progress/rules';
import type { Skill } from '../roadmap/model';
import type { QuizGrade } from './grade';

/** The pseudo-milestone a rule names for "this skill's own self-check passed". */
export const QUIZ_PASSED = 'quiz.passed';

/** The evidence a passed self-check leaves on its skill. */
export function quizPassEvidence(grade: QuizGrade, now: Date): Evidence {
  return {
    milestone: QUIZ_PASSED,
    summary: `self-check passed (${grade.correctCount}/${grade.total})`,
    kind: 'quiz',
    score: grade.score,
    at: now.toISOString(),
    yours: true,
  };
}

export function isQuizPassEvidence(evidence: Evidence): boolean {
  return evidence.milestone === QUIZ_PASSED && evidence.kind === 'quiz';
}

/** Whether this skill's record holds a passed self-check: what `quiz.passed` in the skill's own rule means. */
export function quizPassed(record: SkillProgress | undefined): boolean {
  return record?.evidence.some(isQuizPassEvidence) ?? false;
}

/** The skill's rule is met by its passed self-check alone (e.g. `detect: { all: [quiz.passed] }`). */
export function quizPassProvesSkill(skill: Skill): boolean {
  return skill.detect !== undefined && evaluateRule(skill.detect, new Set([QUIZ_PASSED])).complete;
}

/**
 * Records a passed self-check on its skill, replacing an earlier pass (the newest score is the one shown).
 * When the pass alone proves the skill it is marked done, as any completing evidence would be: never over a
 * state the learner set by hand (then the outcome is `learnerDecides`). Otherwise the state is left as it is.
 */
export function applyQuizPass(progress: ProgressMap, skill: Skill, evidence: Evidence, now: Date): EvidenceResult {
  const previous = Object.hasOwn(progress, skill.id) ? progress[skill.id] : undefined;
  const kept = (previous?.evidence ?? []).filter((item) => !isQuizPassEvidence(item));
  const merged = [evidence, ...kept].slice(0, MAX_EVIDENCE_PER_SKILL);
  const proves = quizPassProvesSkill(skill);
  if (proves && (previous === undefined || (previous.setBy === 'detector' && previous.state !== 'done'))) {
    const record: SkillProgress = { state: 'done', setBy: 'detector', at: now.toISOString(), evidence: merged, ...(previous?.reviews === undefined ? {} : { reviews: previous.reviews }) };
    return { progress: { ...progress, [skill.id]: record }, outcome: 'markedDone', added: [evidence] };
  }
  const record: SkillProgress = { ...(previous ?? NOT_STARTED), evidence: merged };
  const outcome = proves && previous?.setBy === 'learner' && !isFinished(previous.state) ? 'learnerDecides' : 'evidenceAdded';
  return { progress: { ...progress, [skill.id]: record }, outcome, added: [evidence] };
}
