/**
 * Finds prerequisite cycles with an iterative depth-first search (no recursion: a long chain of
 * prerequisites must not overflow the stack). Each cycle is reported once, starting at the skill the
 * search reached first.
 */
export function findPrerequisiteCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) {
      continue;
    }
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    const onPath: string[] = [start];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) {
        break;
      }
      const edges = graph.get(frame.id) ?? [];
      const target = edges[frame.next];
      frame.next++;
      if (target === undefined) {
        state.set(frame.id, 'done');
        stack.pop();
        onPath.pop();
      } else if (state.get(target) === 'visiting') {
        cycles.push(onPath.slice(onPath.indexOf(target)));
      } else if (!state.has(target)) {
        state.set(target, 'visiting');
        stack.push({ id: target, next: 0 });
        onPath.push(target);
      }
    }
  }
  return cycles;
}
