/** A problem in roadmap content, located precisely so an author can jump to it. */
export interface RoadmapProblem {
  /** The file as given to the loader (a path, or a name for in-memory sources). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
}

export function formatProblem(problem: RoadmapProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
