/**
 * Coalesces change notifications into few re-checks: each folder collects the milestones its changes
 * affect, and one re-check runs after `quietMs` without further changes. A checkout or rebase that
 * touches hundreds of files thus causes one re-check. Runs never overlap per folder: changes that
 * arrive during a run are checked right after it.
 */
export class RecheckQueue {
  private readonly pending = new Map<string, { ids: Set<string>; timer: ReturnType<typeof setTimeout> | undefined; delay: number }>();
  private readonly running = new Map<string, Promise<void>>();
  private disposed = false;

  constructor(private readonly run: (folder: string, milestones: ReadonlySet<string>) => Promise<void>) {}

  /** Notes that `milestones` in `folder` may have changed; re-checks after `quietMs` of silence. */
  add(folder: string, milestones: Iterable<string>, quietMs: number): void {
    if (this.disposed) {
      return;
    }
    const entry = this.pending.get(folder) ?? { ids: new Set<string>(), timer: undefined, delay: quietMs };
    for (const id of milestones) {
      entry.ids.add(id);
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
    const job = this.run(folder, entry.ids).finally(() => this.running.delete(folder));
    this.running.set(folder, job);
    await job.catch(() => undefined);
    // Changes that arrived during the run already have their own timer.
  }
}
