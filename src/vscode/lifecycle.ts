import type * as vscode from 'vscode';

/**
 * The one lifecycle mechanism: everything an object creates that must be released (listeners,
 * watchers, commands, views) is registered with `_register` and released by one `dispose()`.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) {
      disposable.dispose();
    } else {
      this.disposables.push(disposable);
    }
    return disposable;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    // Reverse order: later registrations may depend on earlier ones.
    for (const disposable of this.disposables.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        console.error('Backend Roadmap: error while disposing', error);
      }
    }
  }
}
