import * as vscode from 'vscode';
import { readShippedMarkdown, readShippedRoadmap } from '../core/compiled/shippedRoadmap';
import type { LoadResult } from '../core/roadmap/loader';
import type { Roadmap } from '../core/roadmap/model';
import { formatProblem } from '../core/roadmap/problems';
import { plural } from '../core/text/plural';
import { Disposable } from './lifecycle';
import type { Logger } from './logger';

/**
 * Loads the roadmap once, on first use (a view, a command or the status bar asks): the model compiled at
 * build time, parsed a stage at a time. The HTML of its Markdown loads when something first displays it
 * (the details panel). Problems (a damaged install) go to the Problems panel.
 */
export class RoadmapService extends Disposable {
  private loading: Promise<LoadResult> | undefined;
  private loadingMarkdown: Promise<void> | undefined;
  private loaded: LoadResult | undefined;
  private diagnostics: vscode.DiagnosticCollection | undefined;

  constructor(
    private readonly roadmapFile: vscode.Uri,
    private readonly markdownFile: vscode.Uri,
    private readonly logger: Logger,
  ) {
    super();
  }

  /** The roadmap if it has loaded without problems. */
  get current(): Roadmap | undefined {
    return this.loaded?.roadmap;
  }

  load(): Promise<LoadResult> {
    this.loading ??= this.loadOnce();
    return this.loading;
  }

  /** The roadmap with the HTML of its Markdown at hand, for views that render it. */
  async loadForDisplay(): Promise<LoadResult> {
    this.loadingMarkdown ??= readShippedMarkdown(this.markdownFile.fsPath).then((problem) => {
      if (problem !== undefined) {
        this.logger.error(`${problem} (Markdown is rendered as it is shown instead)`);
      }
    });
    const [result] = await Promise.all([this.load(), this.loadingMarkdown]);
    return result;
  }

  /** The roadmap, or a thrown error that says what is wrong and what to do. */
  async require(): Promise<Roadmap> {
    const result = await this.load();
    if (!result.roadmap) {
      throw new Error(`The roadmap content has ${plural(result.problems.length, 'problem')}; see the Problems panel. First: ${result.problems[0] ? formatProblem(result.problems[0]) : 'unknown'}`);
    }
    return result.roadmap;
  }

  private async loadOnce(): Promise<LoadResult> {
    const started = Date.now();
    const result = await readShippedRoadmap(this.roadmapFile.fsPath);
    this.loaded = result;
    this.publish(result);
    if (result.roadmap) {
      this.logger.info(`Roadmap loaded: ${result.roadmap.stages.length} stages, ${result.roadmap.skills.length} skills in ${Date.now() - started} ms`);
    } else {
      this.logger.error(`Roadmap content has ${plural(result.problems.length, 'problem')}:\n${result.problems.map(formatProblem).join('\n')}`);
    }
    return result;
  }

  private publish(result: LoadResult): void {
    this.diagnostics?.clear();
    if (result.problems.length === 0) {
      return;
    }
    this.diagnostics ??= this._register(vscode.languages.createDiagnosticCollection('Backend Roadmap content'));
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of result.problems) {
      const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Backend Roadmap';
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    for (const [file, list] of byFile) {
      this.diagnostics.set(vscode.Uri.file(file), list);
    }
  }
}
