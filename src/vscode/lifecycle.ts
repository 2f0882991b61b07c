import type * as vscode from 'vscode';

/** Disposes each in reverse order (later ones may depend on earlier ones); one failure does not stop the rest. */
function disposeAll(disposables: vscode.Disposable[]): void {
  for (const disposable of disposables.splice(0).reverse()) {
    try {
      disposable.dispose();
    } catch (error) {
      console.error('Backend Roadmap: error while disposing', error);
    }
  }
}

/**
 * A bag of disposables released together, and reusable after `clear()`: what one panel or one set of
 * watchers owns. Once disposed, anything added is disposed at once (nothing leaks after shutdown).
 */
export class DisposableStore implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  add<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) {
      disposable.dispose();
    } else {
      this.disposables.push(disposable);
    }
    return disposable;
  }

  /** Disposes what the store holds and keeps it open for more. */
  clear(): void {
    disposeAll(this.disposables);
  }

  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      this.clear();
    }
  }
}

/** Holds at most one disposable: setting a new value disposes the old one. */
export class MutableDisposable<T extends vscode.Disposable> implements vscode.Disposable {
  private current: T | undefined;
  private disposed = false;

  get value(): T | undefined {
    return this.current;
  }

  set value(value: T | undefined) {
    if (value === this.current) {
      return;
    }
    const previous = this.current;
    this.current = this.disposed ? undefined : value;
    previous?.dispose();
    if (this.disposed) {
      value?.dispose();
    }
  }

  /** Disposes the value and holds nothing, without disposing the holder. */
  clear(): void {
    this.value = undefined;
  }

  dispose(): void {
    this.clear();
    this.disposed = true;
  }
}

/**
 * The one lifecycle mechanism: everything an object creates that must be released (listeners,
 * watchers, commands, views) is registered with `_register` and released by one `dispose()`.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly store = new DisposableStore();

  protected get isDisposed(): boolean {
    return this.store.isDisposed;
  }

  protected _register<T extends vscode.Disposable>(disposable: T): T {
    return this.store.add(disposable);
  }

  dispose(): void {
    this.store.dispose();
  }
}
