import * as path from 'node:path';
import type { DetectRule } from '../roadmap/model';
import type { Evidence } from '../progress/model';
import { ruleMilestones } from '../progress/detection';

/** What is known about one milestone in one folder. */
export interface MilestoneFact {
  readonly present: boolean;
  readonly evidence: readonly Evidence[];
  /** False when it could not be checked (e.g. git in an untrusted workspace). */
  readonly checked: boolean;
  readonly reason?: string;
}

export interface MilestoneSummary {
  readonly status: 'present' | 'missing' | 'unknown';
  readonly detail: string;
}

/**
 * The latest facts per workspace folder and milestone. Scans replace the facts they checked; evidence
 * that arrives from events (a test run that passed) is added on top and kept until the folder closes.
 */
export class MilestoneLedger {
  private readonly folders = new Map<string, Map<string, MilestoneFact>>();

  /** Records the results of a (possibly partial) scan of `folder`. */
  record(folder: string, results: readonly ({ readonly id: string } & MilestoneFact)[]): void {
    const facts = this.folders.get(folder) ?? new Map<string, MilestoneFact>();
    for (const { id, ...fact } of results) {
      const previous = facts.get(id);
      // A scan cannot see a past test run: keep event evidence for test.passing unless a scan proved it anew.
      if (previous?.present && !fact.present && id === 'test.passing') {
        continue;
      }
      facts.set(id, fact);
    }
    this.folders.set(folder, facts);
  }

  /** Adds event evidence (e.g. a passing test run) for one milestone. */
  addEvidence(folder: string, evidence: Evidence): void {
    const facts = this.folders.get(folder) ?? new Map<string, MilestoneFact>();
    const previous = facts.get(evidence.milestone);
    facts.set(evidence.milestone, { present: true, checked: true, evidence: [evidence, ...(previous?.present ? previous.evidence : [])].slice(0, 5) });
    this.folders.set(folder, facts);
  }

  forget(folder: string): void {
    this.folders.delete(folder);
  }

  get folderPaths(): readonly string[] {
    return [...this.folders.keys()];
  }

  /** Milestones present in at least one folder. */
  present(): Set<string> {
    const ids = new Set<string>();
    for (const facts of this.folders.values()) {
      for (const [id, fact] of facts) {
        if (fact.present) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** Evidence for every present milestone a rule names, from every folder. */
  evidenceFor(rule: DetectRule): Evidence[] {
    const wanted = new Set(ruleMilestones(rule));
    const evidence: Evidence[] = [];
    for (const facts of this.folders.values()) {
      for (const [id, fact] of facts) {
        if (wanted.has(id) && fact.present) {
          evidence.push(...fact.evidence.slice(0, 2));
        }
      }
    }
    return evidence;
  }

  /** A one-line status of a milestone across folders, for the "Why is this (not) done?" view. */
  summary(id: string): MilestoneSummary {
    const known = [...this.folders].flatMap(([folder, facts]) => {
      const fact = facts.get(id);
      return fact ? [{ folder: path.basename(folder), fact }] : [];
    });
    const present = known.find((k) => k.fact.present);
    if (present) {
      const proof = present.fact.evidence[0];
      return { status: 'present', detail: `${proof?.summary ?? 'present'} (${present.folder})` };
    }
    const unchecked = known.find((k) => !k.fact.checked);
    if (unchecked) {
      return { status: 'unknown', detail: unchecked.fact.reason ?? 'not checked' };
    }
    if (known.length === 0) {
      return { status: 'unknown', detail: this.folders.size === 0 ? 'open a project folder to check' : 'not checked yet' };
    }
    return { status: 'missing', detail: `not found in ${known.map((k) => k.folder).join(', ')}` };
  }
}
