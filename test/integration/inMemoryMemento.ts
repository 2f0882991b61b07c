import type * as vscode from 'vscode';

/** A Memento kept in memory, for testing the storage wrapper and progress service in isolation. */
export class InMemoryMemento implements vscode.Memento {
  readonly syncedKeys: string[] = [];
  private readonly values = new Map<string, unknown>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.values.set(key, value);
    }
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }

  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      // Stored values are JSON in VS Code: copy through JSON so tests see what storage would.
      this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    }
    return Promise.resolve();
  }

  setKeysForSync(keys: readonly string[]): void {
    this.syncedKeys.splice(0, this.syncedKeys.length, ...keys);
  }
}
