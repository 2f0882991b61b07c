import type * as vscode from 'vscode';
import type { ActiveBrief, FinishedBriefs } from '../core/briefs/briefRecords';
import type { KeyValueStore } from '../core/progress/progressStore';
import type { ProgressBackup } from '../core/progress/storedState';
import { Disposable } from './lifecycle';

/** Every key we store, with its type. Keys are prefixed so they never collide with other extensions. */
export interface GlobalStorageKeys {
  /** The progress snapshot (src/core/progress/snapshot.ts); synced across machines. */
  readonly progress: unknown;
  /** Stored progress that could not be read, kept verbatim, newest last (src/core/progress/storedState.ts); not synced. */
  readonly progressBackups: readonly ProgressBackup[] | undefined;
  /** The single backup older versions kept; folded into `progressBackups` by the next backup. */
  readonly progressBackup: ProgressBackup | undefined;
  /**
   * Evidence of things the learner did that no scan can see again (test runs that passed, commands practised
   * in the terminal), newest first, bounded (src/core/detection/detectionCore.ts); synced like progress.
   */
  readonly eventEvidence: readonly unknown[] | undefined;
  /** The Get Started walkthrough was opened once on its own; later it opens only when asked. Not synced. */
  readonly walkthroughOffered: boolean | undefined;
  /** The id of the roadmap the learner switched to (src/core/roadmaps/roadmapChoices.ts); not synced (custom roadmaps are per machine). */
  readonly selectedRoadmap: string | undefined;
  /** The last good version of each custom roadmap, by folder (src/core/roadmaps/lastGood.ts); not synced. */
  readonly customRoadmaps: Readonly<Record<string, unknown>> | undefined;
  /** The project brief the learner works on and its folder (read with readActiveBrief); a folder of this machine, not synced. */
  readonly activeBrief: ActiveBrief | undefined;
  /** Project briefs completed, with folder and repository URL (read with readFinishedBriefs); synced like progress. */
  readonly finishedBriefs: FinishedBriefs | undefined;
}

const PREFIX = 'backendRoadmap.';

/** Keys synced by Settings Sync: progress belongs to the learner, on every machine. */
const SYNCED: readonly (keyof GlobalStorageKeys)[] = ['progress', 'eventEvidence', 'finishedBriefs'];

/** The one typed wrapper around `globalState`. */
export class Storage extends Disposable {
  constructor(private readonly memento: vscode.Memento & { setKeysForSync?(keys: readonly string[]): void }) {
    super();
    memento.setKeysForSync?.(SYNCED.map((key) => PREFIX + key));
  }

  get<K extends keyof GlobalStorageKeys>(key: K): GlobalStorageKeys[K] | undefined {
    return this.memento.get<GlobalStorageKeys[K]>(PREFIX + key);
  }

  async set<K extends keyof GlobalStorageKeys>(key: K, value: GlobalStorageKeys[K] | undefined): Promise<void> {
    await this.memento.update(PREFIX + key, value);
  }

  /** The same prefixed keys, untyped, for the core ProgressStore (which validates everything it reads). */
  keyValueStore(): KeyValueStore {
    return {
      get: (key: string): unknown => this.memento.get(PREFIX + key),
      update: (key: string, value: unknown) => this.memento.update(PREFIX + key, value),
    };
  }
}
