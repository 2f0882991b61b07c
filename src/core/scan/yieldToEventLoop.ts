/** Longest stretch of work between two yields; well under the 50 ms a host may block. */
const SLICE_MS = 8;

// Date.now(), not performance.now(): this module is part of what activation loads, and the first use of
// the `performance` global loads Node's perf_hooks (measured as +80 ms of activation in code-server).
let lastYieldAt = 0;

/** Lets other work (the extension host's UI messages, timers) run between batches of a long scan. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      lastYieldAt = Date.now();
      resolve();
    }),
  );
}

/**
 * Whether a loop has run long enough since the last yield to yield now. A loop over cached answers may
 * go thousands of steps within a few milliseconds; a hop through the event loop per batch cost more
 * than the work (about 1,500 hops per re-check after a saved file).
 */
export function timeToYield(): boolean {
  return Date.now() - lastYieldAt >= SLICE_MS;
}

/**
 * A turn of the event loop once a slice of time is used up (`timeToYield`): for loops whose steps may all
 * resolve at once (cached answers, settled promises), which by themselves never give the thread back.
 */
export async function yieldWhenDue(): Promise<void> {
  if (timeToYield()) {
    await yieldToEventLoop();
  }
}

/**
 * Runs the work handed to it one piece after another, in the order handed, each after `yieldWhenDue`.
 * For work started together (reads of a batch of files, then a match each): were each piece to call
 * `yieldWhenDue` itself, all would find the slice used up at once and wait for the same turn, then run
 * one after another in it, with no other event between them.
 */
export function oneAtATime(): <T>(work: () => T | Promise<T>) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = previous.then(async () => {
      await yieldWhenDue();
      return work();
    });
    previous = run.catch(() => undefined);
    return run;
  };
}
