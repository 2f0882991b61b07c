import * as vscode from 'vscode';
import type { DetectionCore, DetectionSettings, EventEvidenceStore, SkillsCompleted } from '../../core/detection/detectionCore';
import { DEFAULT_CREDIT_POLICY, isCreditPolicy } from '../../core/detection/credit';
import type { CreditPolicy } from '../../core/detection/credit';
import type { MilestoneSummary } from '../../core/detection/ledger';
import type { ProjectFacts, SkillVerdict } from '../../core/detection/projectRules';
import type { Evidence } from '../../core/progress/model';
import { readEvidence } from '../../core/progress/validate';
import { MILESTONE_IDS } from '../../core/milestones/catalog';
import { ChangedPathFilter } from '../../core/detection/changedPathFilter';
import { PausableChangeSink } from '../../core/detection/pausableChanges';
import { detectionModule } from '../../core/lazy/modules';
import { prepareBundle } from '../../core/lazy/prepareBundle';
import type { DetectRule, Roadmap, Skill } from '../../core/roadmap/model';
import { quizPassed } from '../../core/quiz/passRecord';
import { getConfig, onDidChangeConfig } from '../config';
import { Disposable, MutableDisposable } from '../lifecycle';
import type { Logger } from '../logger';
import type { ProgressService } from '../progressService';
import type { Storage } from '../storage';
import { FolderWatchers } from './folderWatchers';
import { localFolders } from './localFolders';
import { TerminalPracticeListener } from './terminalPracticeListener';
import { TestRunListener } from './testRunListener';

/** Startup scans wait a little so they never compete with the window opening. */
const STARTUP_DELAY_MS = 1500;

/** What detection needs from the rest of the extension, passed explicitly. */
export interface DetectionServiceDeps {
  readonly roadmap: () => Promise<Roadmap | undefined>;
  readonly progress: ProgressService;
  readonly storage: Storage;
  readonly logger: Logger;
}

/** What the panel and tree need to explain detection. */
export interface DetectionExplainer {
  milestoneStatus(id: string): MilestoneSummary;
  judge(skill: Skill & { readonly detect: DetectRule }): SkillVerdict;
  limitation(): string | undefined;
}

/**
 * The VS Code side of automatic detection: feeds the core (src/core/detection) with workspace folders,
 * file and git changes, test runs and settings, and re-publishes its events. Decisions live in the core.
 */
export class DetectionService extends Disposable implements DetectionExplainer {
  private lazyCore: DetectionCore | undefined;
  private readonly watchers = this._register(new MutableDisposable<FolderWatchers>());
  /** File and git changes; held while the window is in the background, passed on once when it is focused again. */
  private readonly changes = new PausableChangeSink({
    pathsChanged: (folder, paths, quietMs) => this.core.pathsChanged(folder, paths, quietMs),
    folderChanged: (folder, quietMs) => this.core.request(folder, quietMs),
  });
  /**
   * Changed paths tested against the detectors' rules, once the engine is loaded (compiled on a worker
   * first) and its detectors built, a slice at a time: an early or large burst of events never loads or
   * builds the engine in one stretch of the host's thread.
   */
  private readonly changedPaths = new ChangedPathFilter(
    async () => (await this.engine()).changedPathTest(),
    this.changes,
    (error) => this.deps.logger.error('A file change could not be passed on to the checks', error),
  );
  private started = false;
  private readonly recording = new Set<Promise<void>>();
  private readonly checkedEmitter = this._register(new vscode.EventEmitter<void>());
  /** After every check and every recorded event: the panel and the tree refresh. */
  readonly onDidChange = this.checkedEmitter.event;
  private readonly completedEmitter = this._register(new vscode.EventEmitter<SkillsCompleted>());
  /** When evidence completes skills (the notifications listen). */
  readonly onDidComplete = this.completedEmitter.event;

  constructor(private readonly deps: DetectionServiceDeps) {
    super();
    this._register({ dispose: () => this.changedPaths.dispose() });
  }

  /** The detection bundle, compiled on a worker thread before it is loaded (prepareBundle.ts), not loaded in one stretch here. */
  private async engine(): Promise<ReturnType<typeof detectionModule>> {
    await prepareBundle('detection');
    return detectionModule();
  }

  /**
   * The detection core, made on first use: its bundle (the engine, every detector, the git runner) is
   * required then, off the activation path: by the first scan, a change event, or the panel asking.
   */
  private get core(): DetectionCore {
    if (this.lazyCore === undefined) {
      const deps = this.deps;
      const core = new (detectionModule().DetectionCore)({
        roadmap: deps.roadmap,
        addCompletingEvidence: (skillId, evidence) => deps.progress.addCompletingEvidence(skillId, evidence),
        settings: () => this.settings(),
        log: deps.logger,
        events: this.eventStore(),
        quizPassed: (skillId) => quizPassed(deps.progress.get(skillId)),
      });
      this._register({ dispose: () => core.dispose() });
      this._register(core.onDidCheck(() => this.checkedEmitter.fire()));
      this._register(core.onDidRecordEvent(() => this.checkedEmitter.fire()));
      this._register(core.onDidComplete((completed) => this.completedEmitter.fire(completed)));
      this.lazyCore = core;
    }
    return this.lazyCore;
  }

  /** Called from activate(): sets up listeners only; the first scan runs later, off the activation path. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this._register(new TestRunListener((_folder, evidence) => void this.recordEvents([evidence]), this.deps.logger));
    this._register(new TerminalPracticeListener((_folder, evidence) => void this.recordEvents(evidence), this.deps.logger));
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          this.changedPaths.forget(removed.uri.fsPath);
          this.changes.forget(removed.uri.fsPath);
          // No core yet: nothing of the folder is known to forget.
          this.lazyCore?.forget(removed.uri.fsPath);
        }
        this.restartWatchers();
        for (const added of event.added) {
          this.changedPaths.folderChanged(added.uri.fsPath, 0);
        }
      }),
    );
    if (!vscode.window.state.focused) {
      this.changes.pause();
    }
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) {
          this.changes.resume();
        } else {
          this.changes.pause();
        }
      }),
    );
    this._register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.checkedEmitter.fire();
        void this.recheckAll();
      }),
    );
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('detection.enabled')) {
          this.restartWatchers();
          if (getConfig('detection.enabled')) {
            void this.recheckAll();
          }
        }
        if (affects('detection.credit') || affects('identity.emails')) {
          // Whose work counts changed: judge every folder again.
          void this.recheckAll();
        }
        this.checkedEmitter.fire();
      }),
    );
    const timer = setTimeout(() => {
      this.restartWatchers();
      if (getConfig('detection.enabled')) {
        // Compiled on a worker thread first: loading the engine then holds this thread only for its own
        // top-level code, not for reading and compiling 300 KB as well (prepareBundle.ts). Loaded, then a
        // turn of the event loop, then the first check: under load the engine's top-level code (building
        // every detector, 20-26 ms) and the check's first work made one 63 ms block of the host's thread.
        void prepareBundle('detection')
          .then(() => {
            if (!this.isDisposed) {
              detectionModule();
            }
            return new Promise<void>((resolve) => setImmediate(resolve));
          })
          .then(() => {
            if (!this.isDisposed) {
              void this.recheckAll();
            }
          });
      }
    }, STARTUP_DELAY_MS);
    this._register({ dispose: () => clearTimeout(timer) });
  }

  /** Scans every open folder from scratch; resolves with the skills newly marked done. */
  async recheckAll(): Promise<{ folders: number; newlyDone: readonly string[] }> {
    const folders = localFolders();
    if (folders.length === 0 || !getConfig('detection.enabled')) {
      return { folders: folders.length, newlyDone: [] };
    }
    const newlyDone: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Backend Roadmap: checking workspace') }, async () => {
      for (const folder of folders) {
        newlyDone.push(...(await this.core.checkNow(folder.uri.fsPath)));
      }
    });
    return { folders: folders.length, newlyDone };
  }

  /** Records evidence of something the learner did (test run, terminal practice). */
  async recordEvents(evidence: readonly Evidence[]): Promise<void> {
    for (const e of evidence) {
      this.deps.logger.info(`${e.summary}${e.folder ? ` in ${e.folder}` : ''}`);
    }
    const recording = this.engine().then(() => this.core.recordEvent(evidence)).then(() => undefined);
    this.recording.add(recording);
    try {
      await recording;
    } finally {
      this.recording.delete(recording);
    }
  }

  /** Resolves when every event recorded so far is judged (Run My Tests reports after its own run is). */
  async eventsSettled(): Promise<void> {
    await Promise.allSettled([...this.recording]);
  }

  /** Reset All: the remembered test runs and practised commands go too. */
  async forgetEvents(): Promise<void> {
    await this.core.forgetEvents();
  }

  /** Milestones present in any open folder, whoever made them. */
  presentMilestones(): ReadonlySet<string> {
    return this.core.presentMilestones();
  }

  /** Evidence of what the learner did (test runs, terminal practice), exactly as it is stored. */
  eventEvidence(): readonly Evidence[] {
    return this.core.eventEvidence();
  }

  /** Waits until queued and running re-checks are done (tests). */
  idle(): Promise<void> {
    return this.core.idle();
  }

  /** Milestone facts per checked folder, as the detection core holds them; none before the first check (the engine is not loaded for this). */
  projects(): readonly ProjectFacts[] {
    return this.lazyCore?.projects() ?? [];
  }

  /** Whose work counts (setting backendRoadmap.detection.credit). */
  creditPolicy(): CreditPolicy {
    return this.settings().credit;
  }

  milestoneStatus(id: string): MilestoneSummary {
    return this.core.milestoneStatus(id);
  }

  judge(skill: Skill & { readonly detect: DetectRule }): SkillVerdict {
    return this.core.judge(skill);
  }

  /** A self-check passed: rules naming `quiz.passed` may now be met. */
  async quizPassed(): Promise<void> {
    await this.core.reevaluate(['quiz.passed']);
  }

  /** Another roadmap is in use (switched, or edited): its rules are judged against what is already known. */
  async roadmapChanged(): Promise<void> {
    await this.core.reevaluate(MILESTONE_IDS);
    this.checkedEmitter.fire();
  }

  limitation(): string | undefined {
    if (!getConfig('detection.enabled')) {
      return vscode.l10n.t('Automatic checks are off (setting "backendRoadmap.detection.enabled"). Mark the skill yourself, or turn them on.');
    }
    if (localFolders().length === 0) {
      return vscode.l10n.t('Open a project folder: Backend Roadmap checks your own code and marks skills it proves.');
    }
    if (!vscode.workspace.isTrusted) {
      return vscode.l10n.t('This workspace is in Restricted Mode: git and test commands do not run, so git and test milestones are not checked, and whose work a file is cannot be told (files in a git repository then prove nothing). Trust the folder to turn them on.');
    }
    return undefined;
  }

  /** A line above the tree, for what is off and why. */
  viewMessage(): string | undefined {
    return !getConfig('detection.enabled')
      ? vscode.l10n.t('Automatic checks are off.')
      : !vscode.workspace.isTrusted
        ? vscode.l10n.t('Restricted Mode: git and test checks are off until you trust this folder; file checks still run.')
        : undefined;
  }

  private settings(): DetectionSettings {
    const credit = getConfig('detection.credit');
    return {
      enabled: getConfig('detection.enabled'),
      allowGit: vscode.workspace.isTrusted,
      credit: isCreditPolicy(credit) ? credit : DEFAULT_CREDIT_POLICY,
      extraEmails: getConfig('identity.emails').filter((email): email is string => typeof email === 'string'),
    };
  }

  private eventStore(): EventEvidenceStore {
    const storage = this.deps.storage;
    return {
      load: () => {
        const stored = storage.get('eventEvidence');
        const now = new Date();
        // Stored state may come from another machine or an older version: keep only what reads as evidence.
        return (Array.isArray(stored) ? stored : []).flatMap((value) => {
          const checked = readEvidence(value, now);
          return checked.ok ? [checked.value] : [];
        });
      },
      save: (evidence) => storage.set('eventEvidence', evidence),
    };
  }

  private restartWatchers(): void {
    this.watchers.value = getConfig('detection.enabled')
      ? new FolderWatchers(localFolders(), this.changedPaths)
      : undefined;
  }
}
