import type { Evidence } from '../progress/model';
import { milestoneKind } from '../milestones/catalog';
import { isPracticeMilestone } from '../practice/families';
import { practiceMilestoneMet } from '../practice/records';
import type { CreditPolicy } from './credit';
import { isCredited, notCreditedReason } from './credit';
import type { MilestoneFact, ProjectFacts } from './projectRules';
import { isMilestoneCredited, projectName } from './projectRules';

export interface MilestoneSummary {
  readonly status: 'present' | 'notCredited' | 'missing' | 'unknown';
  readonly detail: string;
}

interface FolderEntry {
  repository: boolean;
  readonly facts: Map<string, MilestoneFact>;
}

/** Event evidence kept per milestone and folder: the newest few, enough to show and to count distinct commands. */
const MAX_EVENT_EVIDENCE = 20;

/**
 * The latest facts per project (workspace folder) and milestone. Scans replace the facts they checked.
 * Event milestones (a test run that passed, a command practised in the terminal) are never decided by a
 * scan: their evidence is added when it happens and kept, so a reload does not lose it.
 */
export class MilestoneLedger {
  private readonly folders = new Map<string, FolderEntry>();

  /** Records the results of a (possibly partial) scan of `folder`. */
  record(folder: string, results: readonly ({ readonly id: string } & MilestoneFact)[], repository?: boolean): void {
    const entry = this.entry(folder);
    if (repository !== undefined) {
      entry.repository = repository;
    }
    for (const { id, ...fact } of results) {
      const previous = entry.facts.get(id);
      // A scan cannot see a past event: keep event evidence unless the scan itself proved it anew (CLI --run-tests).
      if (milestoneKind(id) === 'event' && previous !== undefined && previous.evidence.length > 0 && !fact.present) {
        continue;
      }
      entry.facts.set(id, fact);
    }
  }

  /** Adds event evidence (a passing test run, a practised command). `folder` '' is the terminal outside every folder. */
  addEvidence(folder: string, evidence: Evidence): void {
    const entry = this.entry(folder);
    const previous = entry.facts.get(evidence.milestone);
    const kept = (previous?.checked === true ? previous.evidence : []).filter((e) => !(e.command === evidence.command && e.summary === evidence.summary));
    const all = [evidence, ...kept].slice(0, MAX_EVENT_EVIDENCE);
    // Most events prove their milestone at once; shell practice needs several different commands over time.
    const present = isPracticeMilestone(evidence.milestone) ? practiceMilestoneMet(evidence.milestone, all) : true;
    entry.facts.set(evidence.milestone, { present, checked: true, evidence: all, ...(present ? {} : { reason: 'practise more different commands of this family' }) });
  }

  /** Every piece of event evidence held, for persisting. */
  eventEvidence(): Evidence[] {
    const all: Evidence[] = [];
    for (const entry of this.folders.values()) {
      for (const [id, fact] of entry.facts) {
        if (milestoneKind(id) === 'event') {
          all.push(...fact.evidence);
        }
      }
    }
    return all;
  }

  /** Drops every piece of event evidence (Reset All): the test runs and practised commands remembered. */
  forgetEvents(): void {
    for (const entry of this.folders.values()) {
      for (const id of [...entry.facts.keys()]) {
        if (milestoneKind(id) === 'event') {
          entry.facts.delete(id);
        }
      }
    }
  }

  forget(folder: string): void {
    // Event evidence stays: it happened, and it comes back into view when the folder is opened again.
    const entry = this.folders.get(folder);
    if (entry === undefined) {
      return;
    }
    for (const id of [...entry.facts.keys()]) {
      if (milestoneKind(id) !== 'event') {
        entry.facts.delete(id);
      }
    }
  }

  projects(): ProjectFacts[] {
    return [...this.folders].map(([folder, entry]) => ({ folder, repository: entry.repository, milestones: entry.facts }));
  }

  /** Milestones present in at least one project, whoever made them. */
  present(): Set<string> {
    const ids = new Set<string>();
    for (const entry of this.folders.values()) {
      for (const [id, fact] of entry.facts) {
        if (fact.present) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** A one-line status of a milestone across projects, for the "Why is this (not) done?" view. */
  summary(id: string, policy: CreditPolicy): MilestoneSummary {
    const known = [...this.folders].flatMap(([folder, entry]) => {
      const fact = entry.facts.get(id);
      return fact ? [{ name: projectName(folder), repository: entry.repository, fact }] : [];
    });
    for (const k of known) {
      const proof = isMilestoneCredited(id, k.fact, policy, k.repository) ? k.fact.evidence.find((e) => isCredited(e, policy, k.repository)) : undefined;
      if (proof !== undefined) {
        return { status: 'present', detail: `${proof.summary} (${k.name})` };
      }
    }
    const seen = known.find((k) => k.fact.present);
    if (seen) {
      const example = seen.fact.evidence[0];
      const why = example === undefined ? 'not credited' : notCreditedReason(example, policy);
      return { status: 'notCredited', detail: `seen in ${seen.name}, ${why}${example === undefined ? '' : `: ${example.summary}`}` };
    }
    const unchecked = known.find((k) => !k.fact.checked);
    if (unchecked) {
      return { status: 'unknown', detail: unchecked.fact.reason ?? 'not checked' };
    }
    const projects = [...this.folders.keys()].filter((folder) => folder !== '');
    if (known.length === 0) {
      return { status: 'unknown', detail: projects.length === 0 ? 'open a project folder to check' : 'not checked yet' };
    }
    return { status: 'missing', detail: `not found in ${known.map((k) => k.name).join(', ')}` };
  }

  private entry(folder: string): FolderEntry {
    let entry = this.folders.get(folder);
    if (entry === undefined) {
      entry = { repository: false, facts: new Map() };
      this.folders.set(folder, entry);
    }
    return entry;
  }
}
