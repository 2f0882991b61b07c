import * as vscode from 'vscode';
import { Disposable } from './lifecycle';

/** Every key we store, with its type. Keys are prefixed so they never collide with other extensions. */
export interface GlobalStorageKeys {
  /** The progress snapshot (src/core/progress/snapshot.ts); synced across machines. */
  readonly progress: unknown;
  /** What could not be read, kept verbatim so nothing is lost; see ProgressService. */
  readonly progressBackup: { readonly savedAt: string; readonly reason: string; readonly data: unknown } | undefined;
}

const PREFIX = 'backendRoadmap.';

/** Keys synced by Settings Sync: progress belongs to the learner, on every machine. */
const SYNCED: readonly (keyof GlobalStorageKeys)[] = ['progress'];

/** The one typed wrapper around `globalState`. */
export class Storage extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<keyof GlobalStorageKeys>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento & { setKeysForSync?(keys: readonly string[]): void }) {
    super();
    memento.setKeysForSync?.(SYNCED.map((key) => PREFIX + key));
  }

  get<K extends keyof GlobalStorageKeys>(key: K): GlobalStorageKeys[K] | undefined {
    return this.memento.get<GlobalStorageKeys[K]>(PREFIX + key);
  }

  async set<K extends keyof GlobalStorageKeys>(key: K, value: GlobalStorageKeys[K] | undefined): Promise<void> {
    await this.memento.update(PREFIX + key, value);
    this.changed.fire(key);
  }

  static readonly syncedKeys = SYNCED.map((key) => PREFIX + key);
}
