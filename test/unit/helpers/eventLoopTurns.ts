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
