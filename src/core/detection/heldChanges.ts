/** What is held for one folder: the changed paths, or a relist in their place. */
export interface FolderChanges {
  /** Changed paths, in the order they first came; true for one passed on without a test (a deleted path, `.git`). */
  readonly paths: Map<string, boolean>;
  /** The folder must be listed again (a folder appeared, or more paths changed than are worth holding). */
  relist: boolean;
  /** The longest quiet time any of the changes asked for. */
  quietMs: number;
}

/**
 * Changes held per folder until they are passed on, for the pause in the background (pausableChanges.ts)
 * and the filter that waits for the detectors (changedPathFilter.ts). Past `maxPaths` paths a folder's
 * paths give way to a relist, which holds less.
 */
export class HeldChanges {
  private readonly byFolder = new Map<string, FolderChanges>();

  constructor(private readonly maxPaths: number) {}

  /** Folders with something held. */
  get size(): number {
    return this.byFolder.size;
  }

  pathChanged(folder: string, relativePath: string, quietMs: number, always = false): void {
    const changes = this.hold(folder, quietMs);
    if (changes.relist) {
      return;
    }
    changes.paths.set(relativePath, always || changes.paths.get(relativePath) === true);
    if (changes.paths.size > this.maxPaths) {
      changes.relist = true;
      changes.paths.clear();
    }
  }

  folderChanged(folder: string, quietMs: number): void {
    const changes = this.hold(folder, quietMs);
    changes.relist = true;
    changes.paths.clear();
  }

  /** Whether the folder is to be listed again. */
  relists(folder: string): boolean {
    return this.byFolder.get(folder)?.relist === true;
  }

  /** Drops what is held for a folder (closed). */
  forget(folder: string): void {
    this.byFolder.delete(folder);
  }

  clear(): void {
    this.byFolder.clear();
  }

  /** Takes the folder held first, with its changes; undefined when nothing is held. */
  takeFirst(): [string, FolderChanges] | undefined {
    const first = this.byFolder.entries().next();
    if (first.done === true) {
      return undefined;
    }
    this.byFolder.delete(first.value[0]);
    return first.value;
  }

  private hold(folder: string, quietMs: number): FolderChanges {
    let changes = this.byFolder.get(folder);
    if (changes === undefined) {
      changes = { paths: new Map(), relist: false, quietMs };
      this.byFolder.set(folder, changes);
    }
    changes.quietMs = Math.max(changes.quietMs, quietMs);
    return changes;
  }
}
