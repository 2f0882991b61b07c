/**
 * Coalesces change notifications into few re-checks: each folder collects the milestones its changes
 * affect, and one re-check runs after `quietMs` without further changes. A checkout or rebase that
 * touches hundreds of files thus causes one re-check. Runs never overlap per folder: changes that
 * arrive during a run are checked right after it.
 */
/** What one re-check of a folder should look at. */
export interface RecheckRequest {
  readonly ids: ReadonlySet<string>;
  /**
   * The changed paths (relative, forward slashes) that caused it, so the file list can be updated instead
   * of listed again; undefined when the whole folder must be listed (first scan, a re-check asked for).
   */
  readonly paths: ReadonlySet<string> | undefined;
}

interface PendingEntry {
  readonly ids: Set<string>;
  paths: Set<string> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  delay: number;
}

export class RecheckQueue {
  private readonly pending = new Map<string, PendingEntry>();
  private readonly running = new Map<string, Promise<void>>();
  private disposed = false;

  constructor(private readonly run: (folder: string, request: RecheckRequest) => Promise<void>) {}

  /**
   * Notes that `milestones` in `folder` may have changed; re-checks after `quietMs` of silence. `paths`
   * are the changed files; without them the re-check lists the folder again.
   */
  add(folder: string, milestones: Iterable<string>, quietMs: number, paths?: Iterable<string>): void {
    if (this.disposed) {
      return;
    }
    const existing = this.pending.get(folder);
    const entry: PendingEntry = existing ?? { ids: new Set<string>(), paths: paths === undefined ? undefined : new Set<string>(), timer: undefined, delay: quietMs };
    for (const id of milestones) {
      entry.ids.add(id);
    }
    // One request without paths (list everything) outweighs any number with paths.
    if (paths === undefined) {
      entry.paths = undefined;
    } else if (entry.paths !== undefined) {
      for (const changed of paths) {
        entry.paths.add(changed);
      }
    }
    if (entry.ids.size === 0) {
      return;
    }
    // The longest quiet period asked for wins: a working-tree change waits longer than a git ref change.
    entry.delay = entry.timer === undefined ? quietMs : Math.max(entry.delay, quietMs);
    if (entry.timer !== undefined) {
      clearTimeout(entry.timer);
    }
    entry.timer = setTimeout(() => void this.fire(folder), entry.delay);
    this.pending.set(folder, entry);
  }

  /** Resolves when nothing is pending or running. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.running.size > 0) {
      await Promise.all([...this.running.values(), new Promise((resolve) => setTimeout(resolve, 20))]);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.pending.values()) {
      if (entry.timer !== undefined) {
        clearTimeout(entry.timer);
      }
    }
    this.pending.clear();
  }

  private async fire(folder: string): Promise<void> {
    const current = this.running.get(folder);
    if (current) {
      await current;
    }
    const entry = this.pending.get(folder);
    if (!entry || this.disposed || this.running.has(folder)) {
      return;
    }
    this.pending.delete(folder);
    const job = this.run(folder, { ids: entry.ids, paths: entry.paths }).finally(() => this.running.delete(folder));
    this.running.set(folder, job);
    await job.catch(() => undefined);
    // Changes that arrived during the run already have their own timer.
  }
}
