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

interface HeldChanges {
  readonly paths: Set<string>;
  /** The folder must be listed again (a folder appeared, or too many paths to apply one by one). */
  relist: boolean;
  quietMs: number;
}

/**
 * Passes changes on while running; while paused (the window is in the background) it only collects
 * them, and on resume passes each folder's changes on once. A build or checkout in the background thus
 * costs nothing until the learner looks again, and then one re-check per folder.
 */
export class PausableChangeSink implements ChangeSink {
  private paused = false;
  private readonly held = new Map<string, HeldChanges>();

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
    const held = [...this.held];
    this.held.clear();
    for (const [folder, changes] of held) {
      if (changes.relist) {
        this.target.folderChanged(folder, changes.quietMs);
      } else if (changes.paths.size > 0) {
        this.target.pathsChanged(folder, [...changes.paths], changes.quietMs);
      }
    }
  }

  pathsChanged(folder: string, relativePaths: readonly string[], quietMs: number): void {
    if (!this.paused) {
      this.target.pathsChanged(folder, relativePaths, quietMs);
      return;
    }
    const changes = this.hold(folder, quietMs);
    if (changes.relist) {
      return;
    }
    for (const changed of relativePaths) {
      changes.paths.add(changed);
    }
    // Past this many, listing the folder again is cheaper than applying the paths, and holds less.
    if (changes.paths.size > MAX_HELD_PATHS) {
      changes.relist = true;
      changes.paths.clear();
    }
  }

  folderChanged(folder: string, quietMs: number): void {
    if (!this.paused) {
      this.target.folderChanged(folder, quietMs);
      return;
    }
    const changes = this.hold(folder, quietMs);
    changes.relist = true;
    changes.paths.clear();
  }

  /** Drops what was collected for a folder that was closed. */
  forget(folder: string): void {
    this.held.delete(folder);
  }

  private hold(folder: string, quietMs: number): HeldChanges {
    let changes = this.held.get(folder);
    if (changes === undefined) {
      changes = { paths: new Set(), relist: false, quietMs };
      this.held.set(folder, changes);
    }
    changes.quietMs = Math.max(changes.quietMs, quietMs);
    return changes;
  }
}
