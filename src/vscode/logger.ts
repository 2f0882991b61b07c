import * as vscode from 'vscode';
import { Disposable } from './lifecycle';

/** One output channel ("Backend Roadmap" in the Output panel) for everything worth telling a learner or a bug report. */
export class Logger extends Disposable {
  private readonly channel = this._register(vscode.window.createOutputChannel('Backend Roadmap', { log: true }));

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error === undefined ? message : `${message}: ${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}`);
  }

  show(): void {
    this.channel.show(true);
  }
}
