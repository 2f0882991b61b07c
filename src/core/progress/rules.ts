import type { Evidence, ProgressMap, SkillProgress, SkillState } from './model';

/** Evidence kept per skill: enough to explain "why", small enough for synced storage. */
export const MAX_EVIDENCE_PER_SKILL = 12;

/** Reviews kept per skill: the spaced schedule needs only the recent ones; the oldest go first. */
export const MAX_REVIEWS_PER_SKILL = 20;

export const NOT_STARTED: SkillProgress = { state: 'notStarted', setBy: 'learner', at: '', evidence: [] };

export function progressOf(progress: ProgressMap, skillId: string): SkillProgress {
  return ownRecord(progress, skillId) ?? NOT_STARTED;
}

/** Own properties only: a skill id like "constructor" must not find Object.prototype members. */
function ownRecord(progress: ProgressMap, skillId: string): SkillProgress | undefined {
  return Object.hasOwn(progress, skillId) ? progress[skillId] : undefined;
}

export function isFinished(state: SkillState): boolean {
  return state === 'done' || state === 'skipped';
}

/** The learner sets a state by hand. Evidence already gathered is kept: it still explains the skill. */
export function setStateByLearner(progress: ProgressMap, skillId: string, state: SkillState, now: Date, note?: string): ProgressMap {
  const previous = ownRecord(progress, skillId);
  const keptNote = note ?? previous?.note;
  const record: SkillProgress = {
    state,
    setBy: 'learner',
    at: now.toISOString(),
    evidence: previous?.evidence ?? [],
    ...(keptNote !== undefined && keptNote !== '' ? { note: keptNote } : {}),
    ...(previous?.reviews === undefined ? {} : { reviews: previous.reviews }),
  };
  return { ...progress, [skillId]: record };
}

/**
 * What new evidence did to a skill:
 * - `markedDone`: a detector marked it done (nobody had set it by hand);
 * - `learnerDecides`: the learner set it to not started or in progress by hand, so it stays; the UI may offer to mark it done;
 * - `evidenceAdded`: it was already done or skipped; the evidence is recorded;
 * - `unchanged`: nothing new.
 */
export type EvidenceOutcome = 'markedDone' | 'learnerDecides' | 'evidenceAdded' | 'unchanged';

export interface EvidenceResult {
  readonly progress: ProgressMap;
  readonly outcome: EvidenceOutcome;
  /** The evidence that was not recorded before. */
  readonly added: readonly Evidence[];
}

/**
 * Records evidence that completes a skill's `detect` rule. A state the learner set by hand is never
 * overwritten: the evidence is recorded beside it and the outcome tells the caller to ask.
 */
export function applyCompletingEvidence(progress: ProgressMap, skillId: string, evidence: readonly Evidence[], now: Date): EvidenceResult {
  const previous = ownRecord(progress, skillId);
  // Only what fits under the cap counts: items beyond it would look new on every re-check.
  const incoming = evidence.slice(0, MAX_EVIDENCE_PER_SKILL);
  const added = incoming.filter((item) => !(previous?.evidence ?? []).some((known) => sameEvidence(known, item)));
  const mergedEvidence = [...added, ...(previous?.evidence ?? [])].slice(0, MAX_EVIDENCE_PER_SKILL);

  if (previous === undefined || (previous.setBy === 'detector' && previous.state !== 'done')) {
    const record: SkillProgress = { state: 'done', setBy: 'detector', at: now.toISOString(), evidence: mergedEvidence, ...(previous?.reviews === undefined ? {} : { reviews: previous.reviews }) };
    return { progress: { ...progress, [skillId]: record }, outcome: 'markedDone', added };
  }
  if (added.length === 0) {
    return { progress, outcome: 'unchanged', added };
  }
  const record: SkillProgress = { ...previous, evidence: mergedEvidence };
  const outcome: EvidenceOutcome = previous.setBy === 'learner' && !isFinished(previous.state) ? 'learnerDecides' : 'evidenceAdded';
  return { progress: { ...progress, [skillId]: record }, outcome, added };
}

/** Two records describe the same fact when they prove the same milestone at the same place. */
export function sameEvidence(a: Evidence, b: Evidence): boolean {
  return (
    a.milestone === b.milestone &&
    a.folder === b.folder &&
    a.path === b.path &&
    a.line === b.line &&
    a.commit === b.commit &&
    a.command === b.command &&
    a.summary === b.summary
  );
}
