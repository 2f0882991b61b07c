/** A listener registration that can be undone (structurally a VS Code `Disposable`). */
export interface Unsubscribe {
  dispose(): void;
}

export type Listen<T> = (listener: (value: T) => void) => Unsubscribe;

/** A minimal event emitter for pure core code (which cannot use VS Code's `EventEmitter`). */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event: Listen<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
