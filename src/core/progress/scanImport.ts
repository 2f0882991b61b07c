import type { CreditedSkill } from '../detection/repositoryCredit';
import type { ProgressMap, SkillProgress } from './model';
import { defineRecord, ownRecord } from './ownMap';
import { unionEvidence } from './merge';

/** What "Scan My Projects" would record, for the summary the learner agrees to first. */
export interface ScanImport {
  /** Records to merge with `mergeProgress` (src/core/progress/exchange.ts) once the learner agrees. */
  readonly progress: ProgressMap;
  /** Skills the import marks done, in the order found. */
  readonly newlyDone: readonly string[];
  /** Skills already done: left out, nothing to record. */
  readonly alreadyDone: readonly string[];
}

/**
 * Turns the skills the learner's own work proves in their repositories into an import: a `done` record set by
 * the detector, with its evidence, for each skill not already done. The learner has seen the list and agreed,
 * so a state they set by hand (in progress, skipped) gives way; their note and earlier evidence are kept.
 * `now` is the records' time, so that merging prefers them over the older records they replace.
 */
export function scanImportProgress(credited: readonly CreditedSkill[], current: ProgressMap, now: Date): ScanImport {
  const progress: Record<string, SkillProgress> = {};
  const newlyDone: string[] = [];
  const alreadyDone: string[] = [];
  for (const { skill, evidence } of credited) {
    const previous = ownRecord(current, skill.id);
    if (previous?.state === 'done') {
      alreadyDone.push(skill.id);
      continue;
    }
    const record: SkillProgress = {
      state: 'done',
      setBy: 'detector',
      at: now.toISOString(),
      evidence: unionEvidence(evidence, previous?.evidence ?? []),
      ...(previous?.note === undefined ? {} : { note: previous.note }),
    };
    defineRecord(progress, skill.id, record);
    newlyDone.push(skill.id);
  }
  return { progress, newlyDone, alreadyDone };
}
