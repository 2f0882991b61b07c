import { Emitter } from '../events';
import { milestoneKind, MILESTONES } from '../milestones/catalog';
import { milestonesAffectedByPath, scanFolder } from '../milestones/engine';
import type { FolderScan, ScanOptions } from '../milestones/engine';
import type { Evidence } from '../progress/model';
import { skillsUsingMilestones } from '../progress/detection';
import type { EvidenceResult } from '../progress/rules';
import type { DetectRule, Roadmap, Skill } from '../roadmap/model';
import type { ListingSource } from '../scan/fileList';
import { updateFileList } from '../scan/fileListUpdate';
import { filesInside } from '../scan/filesInside';
import { isGitPath } from '../scan/ignoredPaths';
import { yieldWhenDue } from '../scan/yieldToEventLoop';
import { createGitRunner } from '../scan/gitRunner';
import { AuthorshipCache } from './authorship';
import { GitStateCache } from './gitStateCache';
import type { CreditPolicy } from './credit';
import { MilestoneLedger } from './ledger';
import type { MilestoneSummary } from './ledger';
import { judgeSkill, ProjectMemo } from './projectRules';
import type { ProjectFacts, SkillVerdict } from './projectRules';
import { RecheckQueue } from './recheckQueue';
import type { RecheckRequest } from './recheckQueue';

export const ALL_MILESTONE_IDS: ReadonlySet<string> = new Set(MILESTONES.map((m) => m.id));

/** Files of a changed folder asked about one by one; past this, every milestone is checked again. */
const MAX_FILES_INSIDE = 500;

/** What detection may do right now (read on every check, so setting changes apply at once). */
export interface DetectionSettings {
  readonly enabled: boolean;
  /** False in untrusted workspaces: no git process runs. */
  readonly allowGit: boolean;
  readonly credit: CreditPolicy;
  /** Extra learner emails (setting backendRoadmap.identity.emails). */
  readonly extraEmails: readonly string[];
}

export interface DetectionLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Where event evidence (test runs, terminal practice) is kept between sessions. */
export interface EventEvidenceStore {
  load(): readonly Evidence[];
  save(evidence: readonly Evidence[]): Promise<void>;
}

export interface DetectionCoreDeps {
  roadmap(): Promise<Roadmap | undefined>;
  addCompletingEvidence(skillId: string, evidence: readonly Evidence[]): Promise<EvidenceResult>;
  settings(): DetectionSettings;
  log: DetectionLog;
  events?: EventEvidenceStore;
  /** Whether the skill's own self-check has passed (rules may name `quiz.passed`). */
  quizPassed?: (skillId: string) => boolean;
  /** The engine; replaced in tests. */
  scan?: (folder: string, options: ScanOptions) => Promise<FolderScan>;
}

/** A folder was checked (fully or partly). */
export interface FolderChecked {
  readonly folder: string;
  readonly scan: FolderScan;
}

/** Skills that evidence completed: marked done, or shown to a learner who had set them by hand. */
export interface SkillsCompleted {
  readonly markedDone: readonly Skill[];
  readonly learnerDecides: readonly Skill[];
}

/** Event evidence kept at most (newest first), across folders. */
const MAX_STORED_EVENTS = 500;

/**
 * Automatic detection without the editor: owns the ledger of milestone facts per project, the debounced
 * re-check queue, rule evaluation per project, authorship and crediting. The VS Code layer feeds it
 * changes (paths, git state, events) and listens to its events.
 */
export class DetectionCore {
  private readonly ledger = new MilestoneLedger();
  private readonly authorship = new AuthorshipCache();
  private readonly gitState = new GitStateCache();
  private readonly files = new Map<string, { readonly files: readonly string[]; readonly source: ListingSource }>();
  private readonly queue = new RecheckQueue(async (folder, request) => {
    const done = await this.check(folder, request);
    this.newlyDone.get(folder)?.push(...done.map((skill) => skill.id));
  });
  /** Skills marked done by the checks of folders a `checkNow` waits for. */
  private readonly newlyDone = new Map<string, string[]>();
  private readonly checked = new Emitter<FolderChecked>();
  private readonly completed = new Emitter<SkillsCompleted>();
  private readonly eventsChanged = new Emitter<void>();
  private running = 0;
  private persisting: Promise<void> = Promise.resolve();

  /** After every check, full or partial. */
  readonly onDidCheck = this.checked.event;
  /** When evidence completes skills. */
  readonly onDidComplete = this.completed.event;
  /** When event evidence arrived (a test run, a practised command). */
  readonly onDidRecordEvent = this.eventsChanged.event;

  constructor(private readonly deps: DetectionCoreDeps) {
    // Oldest first, so each milestone's list ends newest first as when it was recorded; only event
    // milestones (stored state may come from another machine or version: nothing else is taken from it).
    const stored = [...(deps.events?.load() ?? [])].filter((e) => milestoneKind(e.milestone) === 'event').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const evidence of stored) {
      this.ledger.addEvidence(evidence.folder ?? '', evidence);
    }
  }

  /** Files changed in `folder` (relative paths): re-check what they can affect, after `quietMs` of quiet. */
  pathsChanged(folder: string, paths: readonly string[], quietMs: number): void {
    const ids = new Set<string>();
    const listed = this.files.get(folder)?.files ?? [];
    const folders = new Set<string>();
    for (const changed of paths) {
      const affected = milestonesAffectedByPath(changed);
      affected.forEach((id) => ids.add(id));
      // A path that affects nothing may be a folder (deleted, moved): then what its listed files affected.
      if (affected.size === 0 && !isGitPath(changed)) {
        folders.add(changed);
      }
    }
    const inside = filesInside(listed, folders, MAX_FILES_INSIDE);
    if (inside === undefined) {
      // A large folder went (or came): its files may have proved anything.
      ALL_MILESTONE_IDS.forEach((id) => ids.add(id));
    } else {
      inside.forEach((file) => milestonesAffectedByPath(file).forEach((id) => ids.add(id)));
    }
    const filePaths = paths.filter((p) => !isGitPath(p));
    this.queue.add(folder, ids, quietMs, filePaths);
  }

  /** Re-check `ids` (default: every milestone) in `folder` after `quietMs`, listing the folder again. */
  request(folder: string, quietMs: number, ids: Iterable<string> = ALL_MILESTONE_IDS): void {
    this.queue.add(folder, ids, quietMs);
  }

  /** Checks one folder now, from scratch. Returns the ids of skills newly marked done. */
  async checkNow(folder: string): Promise<readonly string[]> {
    // Through the queue, so it never overlaps a queued partial check of the same folder.
    this.newlyDone.set(folder, this.newlyDone.get(folder) ?? []);
    this.queue.add(folder, ALL_MILESTONE_IDS, 0);
    await this.queue.idle();
    const done = this.newlyDone.get(folder) ?? [];
    this.newlyDone.delete(folder);
    return done;
  }

  /** Records evidence of something the learner did (yours: true), under its folder ('' outside every folder). */
  async recordEvent(evidence: readonly Evidence[]): Promise<readonly string[]> {
    if (evidence.length === 0) {
      return [];
    }
    for (const e of evidence) {
      this.ledger.addEvidence(e.folder ?? '', { ...e, yours: e.yours ?? true });
    }
    this.persistEvents();
    this.eventsChanged.fire();
    const done = await this.applyRules(new Set(evidence.map((e) => e.milestone)));
    return done.map((skill) => skill.id);
  }

  /** Reset All: forgets the remembered test runs and practised commands, here and in storage. */
  async forgetEvents(): Promise<void> {
    this.ledger.forgetEvents();
    this.persistEvents();
    this.eventsChanged.fire();
    await this.persisting;
  }

  /** A folder was closed: its scanned facts go, its event evidence stays. */
  forget(folder: string): void {
    this.ledger.forget(folder);
    this.files.delete(folder);
  }

  /** Milestones present anywhere, whoever made them. */
  presentMilestones(): ReadonlySet<string> {
    return this.ledger.present();
  }

  /** Milestone facts per checked folder (project briefs are checked against one folder's facts). */
  projects(): ProjectFacts[] {
    return this.ledger.projects();
  }

  milestoneStatus(id: string): MilestoneSummary {
    return this.ledger.summary(id, this.deps.settings().credit);
  }

  /** How a skill's rule fares per project under the current credit policy (for "Why is this (not) done?"). */
  judge(skill: Skill & { readonly detect: DetectRule }): SkillVerdict {
    return judgeSkill(skill.detect, this.ledger.projects(), this.deps.settings().credit, this.deps.quizPassed?.(skill.id) ?? false);
  }

  /** Judges again the skills whose rules name these milestones (e.g. `quiz.passed` after a self-check passed). */
  async reevaluate(milestones: Iterable<string>): Promise<readonly string[]> {
    return (await this.applyRules(new Set(milestones))).map((skill) => skill.id);
  }

  /** Event evidence held (for tests and export). */
  eventEvidence(): readonly Evidence[] {
    return this.ledger.eventEvidence();
  }

  /** Resolves when nothing is queued or running, and event evidence is saved. */
  async idle(): Promise<void> {
    await this.queue.idle();
    while (this.running > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.persisting;
  }

  dispose(): void {
    this.queue.dispose();
    this.checked.dispose();
    this.completed.dispose();
    this.eventsChanged.dispose();
  }

  private async check(folder: string, request: RecheckRequest): Promise<Skill[]> {
    const settings = this.deps.settings();
    if (!settings.enabled || request.ids.size === 0) {
      return [];
    }
    this.running++;
    try {
      const files = await this.updatedFiles(folder, request, settings.allowGit);
      const scan = await (this.deps.scan ?? scanFolder)(folder, {
        allowGit: settings.allowGit,
        only: request.ids,
        ...(files === undefined ? {} : { files, changedPaths: request.paths }),
        gitState: this.gitState,
        authorship: { extraEmails: settings.extraEmails, cache: this.authorship },
      });
      if (scan.files !== undefined) {
        this.files.set(folder, scan.files);
      }
      for (const warning of scan.warnings) {
        this.deps.log.warn(`${folder}: ${warning}`);
      }
      const what = request.ids.size >= ALL_MILESTONE_IDS.size ? 'all milestones' : [...request.ids].join(', ');
      this.deps.log.info(`Checked ${what} in ${folder} (${scan.filesListed} files${files === undefined ? '' : ', list updated in place'}, ${scan.durationMs} ms)`);
      this.ledger.record(folder, scan.milestones, scan.repository);
      const done = await this.applyRules(new Set(scan.milestones.map((m) => m.id)));
      this.checked.fire({ folder, scan });
      return done;
    } catch (error: unknown) {
      this.deps.log.error(`Checking ${folder} failed`, error);
      return [];
    } finally {
      this.running--;
    }
  }

  /** The previous file list with the changed paths applied, when the request carries paths and that is possible. */
  private async updatedFiles(folder: string, request: RecheckRequest, allowGit: boolean): Promise<{ files: readonly string[]; source: ListingSource } | undefined> {
    const previous = this.files.get(folder);
    if (request.paths === undefined || previous === undefined) {
      return undefined;
    }
    const git = allowGit && previous.source === 'git' ? createGitRunner(folder) : undefined;
    const files = await updateFileList(folder, previous, request.paths, git);
    return files === undefined ? undefined : { files, source: previous.source };
  }

  /** Marks skills whose rules are now met inside one project by credited evidence. */
  private async applyRules(changed: ReadonlySet<string>): Promise<Skill[]> {
    const roadmap = await this.deps.roadmap();
    if (roadmap === undefined) {
      return [];
    }
    const policy = this.deps.settings().credit;
    const projects = this.ledger.projects();
    const markedDone: Skill[] = [];
    const learnerDecides: Skill[] = [];
    // What each project credits is worked out once for all the skills, not once per skill.
    const memo = new ProjectMemo();
    for (const skill of skillsUsingMilestones(roadmap, changed)) {
      if (skill.detect === undefined) {
        continue;
      }
      // Awaiting a settled promise gives no other work a turn: the first check of a workspace judges dozens
      // of skills and marks some done (measured in the extension host: one 59 ms block without this).
      await yieldWhenDue();
      const verdict = judgeSkill(skill.detect, projects, policy, this.deps.quizPassed?.(skill.id) ?? false, memo);
      if (!verdict.complete) {
        continue;
      }
      // What just changed comes first: it is what completed the rule, and what the notification cites.
      const evidence = [...verdict.evidence].sort((a, b) => Number(changed.has(b.milestone)) - Number(changed.has(a.milestone)));
      const result = await this.deps.addCompletingEvidence(skill.id, evidence);
      if (result.outcome === 'markedDone') {
        markedDone.push(skill);
      } else if (result.outcome === 'learnerDecides') {
        learnerDecides.push(skill);
      }
    }
    if (markedDone.length > 0 || learnerDecides.length > 0) {
      this.completed.fire({ markedDone, learnerDecides });
    }
    return markedDone;
  }

  private persistEvents(): void {
    const store = this.deps.events;
    if (store === undefined) {
      return;
    }
    const evidence = [...this.ledger.eventEvidence()].sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, MAX_STORED_EVENTS);
    this.persisting = this.persisting.then(() => store.save(evidence)).catch((error: unknown) => this.deps.log.error('Saving event evidence failed', error));
  }
}
