/** Lets other work (the extension host's UI messages, timers) run between batches of a long scan. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
