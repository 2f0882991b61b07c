import { yieldToEventLoop } from '../../../src/core/scan/yieldToEventLoop';

/** Counts turns of the event loop (one `setImmediate` each) from now until `stop()`. */
export function countEventLoopTurns(): { readonly now: () => number; readonly stop: () => number } {
  let turns = 0;
  let counting = true;
  const count = (): void => {
    turns++;
    if (counting) {
      setImmediate(count);
    }
  };
  setImmediate(count);
  return {
    now: () => turns,
    stop: () => {
      counting = false;
      return turns;
    },
  };
}

/**
 * Runs `run` while `Date.now` moves on `stepMs` at every call, so that each look at the clock may find a
 * slice of time used up (`yieldWhenDue`); the slice starts on that clock, with a turn before `run`.
 */
export async function withSteppingClock<T>(stepMs: number, run: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  let now = realNow();
  Date.now = () => (now += stepMs);
  try {
    // The last yield of an earlier test is on the real clock.
    await yieldToEventLoop();
    return await run();
  } finally {
    Date.now = realNow;
  }
}
