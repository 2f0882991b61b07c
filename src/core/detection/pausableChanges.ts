import { HeldChanges } from './heldChanges';

/**
 * Paths held per folder at most; past this the folder is listed again. The same bound as
 * MAX_INCREMENTAL_PATHS (not imported: this file is loaded at start-up, the scan code only on first use).
 */
export const MAX_HELD_PATHS = 500;

/** Where file and git changes go: changed paths, or a whole folder to list again. */
export interface ChangeSink {
  pathsChanged(folder: string, relativePaths: readonly string[], quietMs: number): void;
  folderChanged(folder: string, quietMs: number): void;
}

/**
 * Passes changes on while running; while paused (the window is in the background) it only collects
 * them, and on resume passes each folder's changes on once. A build or checkout in the background thus
 * costs nothing until the learner looks again, and then one re-check per folder.
 */
export class PausableChangeSink implements ChangeSink {
  private paused = false;
  private readonly held = new HeldChanges(MAX_HELD_PATHS);

  constructor(private readonly target: ChangeSink) {}

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  /** Passes on what was collected while paused, one call per folder. */
  resume(): void {
    if (!this.paused) {
      return;
    }
    this.paused = false;
    for (let next = this.held.takeFirst(); next !== undefined; next = this.held.takeFirst()) {
      const [folder, changes] = next;
      if (changes.relist) {
        this.target.folderChanged(folder, changes.quietMs);
      } else if (changes.paths.size > 0) {
        this.target.pathsChanged(folder, [...changes.paths.keys()], changes.quietMs);
      }
    }
  }

  pathsChanged(folder: string, relativePaths: readonly string[], quietMs: number): void {
    if (!this.paused) {
      this.target.pathsChanged(folder, relativePaths, quietMs);
      return;
    }
    // Past MAX_HELD_PATHS, listing the folder again is cheaper than applying the paths, and holds less.
    for (const changed of relativePaths) {
      this.held.pathChanged(folder, changed, quietMs);
    }
  }

  folderChanged(folder: string, quietMs: number): void {
    if (!this.paused) {
      this.target.folderChanged(folder, quietMs);
      return;
    }
    this.held.folderChanged(folder, quietMs);
  }

  /** Drops what was collected for a folder that was closed. */
  forget(folder: string): void {
    this.held.forget(folder);
  }
}
