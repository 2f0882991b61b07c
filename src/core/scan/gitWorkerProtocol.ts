import type { GitProcessOutcome, GitProcessRequest } from './gitProcess';

/** What the thread that starts git processes is sent: a process to run, one to stop, or stop them all and end. */
export type GitWorkerMessage = { readonly type: 'run'; readonly id: number; readonly request: GitProcessRequest } | { readonly type: 'abort'; readonly id: number } | { readonly type: 'end' };

/** What it answers, once per process run. */
export interface GitWorkerReply {
  readonly id: number;
  readonly outcome: GitProcessOutcome;
}
