import type { EvidenceView, SkillLink } from './protocol';

/**
 * The project brief page as the host sends it (built in ./briefView.ts). Types only, with no import that
 * needs Node: the page script (media/src/brief.ts) reads them too.
 */

/** A check's status, as src/core/briefs/checkBrief.ts decides it (`CheckStatus` must stay assignable to it: ./briefView.ts does not compile otherwise). */
export type BriefCheckStatus = 'found' | 'notYours' | 'notChecked' | 'missing';

/** A criterion as the checklist shows it: `notYours` and `notChecked` say more than "missing" when that is all that holds it back. */
export type BriefRowStatus = BriefCheckStatus | 'checkYourself';

/** A piece of evidence as the checklist shows it: where (path:line), and the commit when it has one. */
export interface BriefEvidenceView extends EvidenceView {
  /** The short commit id. */
  readonly commit?: string;
}

export interface BriefCheckView {
  readonly check: string;
  readonly title: string;
  readonly status: BriefCheckStatus;
  readonly statusLabel: string;
  readonly reason?: string;
  /** Indexes refer to the evidence list the host keeps for the brief on screen (`openBriefEvidence`). */
  readonly evidence: readonly BriefEvidenceView[];
}

export interface BriefCriterionView {
  readonly textHtml: string;
  readonly status: BriefRowStatus;
  readonly statusLabel: string;
  readonly checks: readonly BriefCheckView[];
}

export interface BriefView {
  readonly kind: 'brief';
  readonly id: string;
  readonly title: string;
  readonly stage: { readonly id: string; readonly title: string; readonly order: number };
  readonly goalHtml: string;
  readonly descriptionHtml: string;
  readonly skills: readonly SkillLink[];
  /** The learner started this brief (it is the one checked as they work). */
  readonly active: boolean;
  /** The folder the checklist is for: chosen by the learner, or only suggested (the closest one). */
  readonly folder?: { readonly name: string; readonly chosen: boolean; readonly open: boolean };
  /** One sentence above the checklist: where it was checked and how far it is. */
  readonly summary: string;
  /** What limits the checklist or what to do next, each a sentence. */
  readonly notes: readonly string[];
  readonly criteria: readonly BriefCriterionView[];
  readonly checksFound: number;
  readonly checksTotal: number;
  /** Every check is found in the chosen folder by the learner's own work. */
  readonly complete: boolean;
  /** YYYY-MM-DD the completion was recorded, once it was. */
  readonly completedOn?: string;
}
