import { formerSkillIds } from '../roadmap/formerIds';
import type { Roadmap } from '../roadmap/model';
import { timeOf, unionEvidence, unionReviews } from './merge';
import type { ProgressMap, SkillProgress } from './model';
import { defineRecord, ownRecord } from './ownMap';
import { PROGRESS_LIMITS } from './validate';

/**
 * Progress across content changes. A skill renamed, or several skills merged into one, lists the old ids as
 * `formerIds`; records stored under them are read under the current id.
 *
 * Nothing is ever removed or rewritten under an old id: the combined record is added under the current id
 * and the former records stay as they were, so the progress is all there again if the content goes back
 * (and an export holds every record). Once the current id has a record, a former record counts again only
 * when it changed after that record (someone kept working under the old id: an older install, another
 * machine, an import); an older one was taken in already. That makes re-reading the same records change
 * nothing, and a later change made under the current id (a state set back, a note edited) is never undone.
 *
 * How records of one skill combine (a rename with both ids in use, or a merge of several skills):
 * - the most recently changed record gives the state, who set it and when. The alternative, "the most
 *   advanced state wins" (done over in progress), would put a skill the learner deliberately re-opened back
 *   to done; and for a merge it would call the merged skill done when only one of its parts is. Newest-wins
 *   is also the rule for every other merge of progress here (import, Settings Sync: src/core/progress/merge.ts);
 * - the evidence of all of them is united (the newest record's first, no duplicates, up to the cap), and
 *   so are the self-check reviews;
 * - the notes of all of them are kept, the newest record's first, each once, joined by a blank line
 *   (up to the note limit; a note that no longer fits is still in its own record).
 */

/**
 * The progress with each skill of `roadmap` that has records under former ids given its combined record
 * under its current id. Every other record is kept exactly as it was. Pure; applying it twice changes nothing.
 */
export function applyFormerIds(roadmap: Roadmap, progress: ProgressMap): ProgressMap {
  const formersBySkill = new Map<string, SkillProgress[]>();
  for (const [formerId, currentId] of formerSkillIds(roadmap)) {
    const record = ownRecord(progress, formerId);
    if (record !== undefined) {
      formersBySkill.set(currentId, [...(formersBySkill.get(currentId) ?? []), record]);
    }
  }
  let result: Record<string, SkillProgress> | undefined;
  for (const [currentId, formers] of formersBySkill) {
    const current = ownRecord(progress, currentId);
    const combined = combineSkillRecords(current, formers);
    if (combined !== current) {
      result ??= { ...progress };
      defineRecord(result, currentId, combined);
    }
  }
  // The same object when nothing moved, so callers can tell "no change" without comparing records.
  return result ?? progress;
}

/**
 * One skill's record from its record under the current id (if any) and its records under former ids (in
 * `formerIds` order), by the rules above. Returns `current` itself when nothing changes it.
 */
export function combineSkillRecords(current: SkillProgress | undefined, formers: readonly SkillProgress[]): SkillProgress {
  const candidates = current === undefined ? formers : [current, ...formers.filter((record) => timeOf(record.at) > timeOf(current.at))];
  const [first, ...rest] = candidates;
  if (first === undefined) {
    // No record at all: only reachable when called without any, which applyFormerIds never does.
    return current ?? { state: 'notStarted', setBy: 'learner', at: '', evidence: [] };
  }
  if (rest.length === 0) {
    return first;
  }
  // The newest wins; on a tie the earlier candidate (the current id's record, then formerIds order).
  const winner = rest.reduce((best, record) => (timeOf(record.at) > timeOf(best.at) ? record : best), first);
  const others = candidates.filter((record) => record !== winner);
  const evidence = others.reduce((united, record) => unionEvidence(united, record.evidence), winner.evidence);
  const reviews = others.reduce((united, record) => unionReviews(united, record.reviews), winner.reviews);
  const note = joinNotes([winner, ...others]);
  const { note: _winnerNote, reviews: _winnerReviews, ...fields } = winner;
  return { ...fields, evidence, ...(reviews === undefined ? {} : { reviews }), ...(note === undefined ? {} : { note }) };
}

/**
 * The newest record's note as it is, then each paragraph of the other notes it does not hold yet (so a
 * note combined before is not repeated), while the whole fits in one note.
 */
function joinNotes(records: readonly SkillProgress[]): string | undefined {
  const [winner, ...others] = records;
  let note = winner?.note ?? '';
  const known = new Set(paragraphsOf(note));
  for (const paragraph of others.flatMap((record) => paragraphsOf(record.note ?? ''))) {
    const joined = note === '' ? paragraph : `${note}\n\n${paragraph}`;
    if (!known.has(paragraph) && joined.length <= PROGRESS_LIMITS.noteChars) {
      known.add(paragraph);
      note = joined;
    }
  }
  return note === '' ? undefined : note;
}

function paragraphsOf(note: string): string[] {
  return note
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
