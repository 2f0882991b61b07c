import type { RoadmapProblem } from './problems';

/**
 * Collects problems up to a cap per file and in all, and only counts the rest: a hostile file can hold
 * hundreds of thousands of errors, and listing them would cost more than finding them.
 */
export class ProblemList {
  private readonly listed: RoadmapProblem[] = [];
  private readonly perFile = new Map<string, number>();
  /** Files whose problems were left out, in the order first seen, with how many. */
  private readonly omitted = new Map<string, number>();

  constructor(
    private readonly maxPerFile: number,
    private readonly maxInAll: number,
  ) {}

  get count(): number {
    return this.listed.length + this.omittedCount();
  }

  /** Whether a problem in `file` would be listed; callers skip costly work (locating it) when not. */
  accepts(file: string): boolean {
    return this.listed.length < this.maxInAll && (this.perFile.get(file) ?? 0) < this.maxPerFile;
  }

  add(problem: RoadmapProblem): void {
    if (this.accepts(problem.file)) {
      this.listed.push(problem);
      this.perFile.set(problem.file, (this.perFile.get(problem.file) ?? 0) + 1);
    } else {
      this.skip(problem.file);
    }
  }

  /** Counts a problem that was not built because it would not be listed. */
  skip(file: string, count = 1): void {
    this.omitted.set(file, (this.omitted.get(file) ?? 0) + count);
  }

  /** The listed problems, then one that says how many were left out and where. */
  toArray(): RoadmapProblem[] {
    const left = this.omittedCount();
    if (left === 0) {
      return [...this.listed];
    }
    const files = [...this.omitted.keys()];
    const first = files[0] ?? '';
    const where = files.length === 1 ? '' : ` (in ${files.length} files: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`;
    const summary: RoadmapProblem = {
      file: first,
      line: 1,
      column: 1,
      message:
        `and ${left} more problem${left === 1 ? '' : 's'} not listed${where}; at most ${this.maxPerFile} per file and ` +
        `${this.maxInAll} in all are shown: fix the ones above and load the roadmap again to see the rest`,
    };
    return [...this.listed, summary];
  }

  private omittedCount(): number {
    let total = 0;
    for (const count of this.omitted.values()) {
      total += count;
    }
    return total;
  }
}
