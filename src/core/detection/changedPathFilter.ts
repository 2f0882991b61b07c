import { HeldChanges } from './heldChanges';
import type { ChangeSink } from './pausableChanges';
import { yieldWhenDue } from '../scan/yieldToEventLoop';

/** Tells whether a changed path (relative, forward slashes) can change any milestone. */
export type ChangedPathTest = (relativePath: string) => boolean;

/**
 * Paths held per folder before the test is ready or while a burst is worked through; past this the folder
 * is listed again (a memory bound only: a burst is tested path by path, so its irrelevant paths cost no check).
 */
export const MAX_PENDING_PATHS = 100_000;

/** Paths passed on per call, so that the sink's own work per call stays small. */
const PASSED_PER_CALL = 200;

/**
 * Between the file watchers and the re-check queue: decides which changed paths can affect a milestone.
 * The test needs every detector built (the engine's bundle loaded, its detectors built a slice at a time),
 * so changes wait until `ready` resolves instead of building them in one stretch of the host's thread; and
 * a burst (a checkout, a generator: thousands of events in one turn) is tested a slice of time at a time
 * (`yieldWhenDue`), not in the turn the events came in. Order is kept per folder.
 */
export class ChangedPathFilter {
  private readonly pending = new HeldChanges(MAX_PENDING_PATHS);
  /** The test once `ready` gave it, or one that passes every path if it failed; asked for once. */
  private test: Promise<ChangedPathTest> | undefined;
  private draining = false;
  private disposed = false;

  /**
   * @param ready resolves to the test once the detectors are built; if it fails, paths are passed on
   *   untested (the sink, which needs the same engine, then says why it cannot check).
   * @param onError told when the sink throws; the changes after it are still passed on.
   */
  constructor(
    private readonly ready: () => Promise<ChangedPathTest>,
    private readonly sink: ChangeSink,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** A path changed; `always` passes it on without the test (a deleted folder's files are known only to the engine). */
  pathChanged(folder: string, relativePath: string, quietMs: number, always = false): void {
    if (this.disposed) {
      return;
    }
    this.pending.pathChanged(folder, relativePath, quietMs, always);
    this.schedule();
  }

  /** The folder must be listed again (a folder appeared). */
  folderChanged(folder: string, quietMs: number): void {
    if (this.disposed) {
      return;
    }
    this.pending.folderChanged(folder, quietMs);
    this.schedule();
  }

  /** Drops what is held for a folder that was closed. */
  forget(folder: string): void {
    this.pending.forget(folder);
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.draining) {
      return;
    }
    this.draining = true;
    void this.drain()
      .catch(this.onError)
      .finally(() => {
        this.draining = false;
        // What arrived during the last step of a drain, or after a sink that threw.
        if (this.pending.size > 0 && !this.disposed) {
          this.schedule();
        }
      });
  }

  private async drain(): Promise<void> {
    this.test ??= this.ready().catch(() => () => true);
    const test = await this.test;
    for (let next = this.pending.takeFirst(); next !== undefined && !this.disposed; next = this.pending.takeFirst()) {
      const [folder, changes] = next;
      if (changes.relist) {
        this.sink.folderChanged(folder, changes.quietMs);
        continue;
      }
      let passed: string[] = [];
      for (const [relativePath, always] of changes.paths) {
        await yieldWhenDue();
        if (this.overtaken(folder)) {
          return;
        }
        if (always || test(relativePath)) {
          passed.push(relativePath);
          if (passed.length >= PASSED_PER_CALL) {
            this.sink.pathsChanged(folder, passed, changes.quietMs);
            passed = [];
          }
        }
      }
      if (passed.length > 0) {
        this.sink.pathsChanged(folder, passed, changes.quietMs);
      }
    }
  }

  /** Whether, during a turn given away, the filter was closed or a relist was asked for that covers the paths being tested. */
  private overtaken(folder: string): boolean {
    return this.disposed || this.pending.relists(folder);
  }
}
