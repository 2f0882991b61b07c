import * as vscode from 'vscode';
import { readShippedMarkdown, readShippedRoadmap } from '../core/compiled/shippedRoadmap';
import type { LoadResult } from '../core/roadmap/loader';
import type { Roadmap } from '../core/roadmap/model';
import { formatProblem } from '../core/roadmap/problems';
import type { RoadmapProblem } from '../core/roadmap/problems';
import { chooseRoadmap, roadmapChoices, SHIPPED_ROADMAP_ID } from '../core/roadmaps/roadmapChoices';
import type { RoadmapChoice, RoadmapChoices } from '../core/roadmaps/roadmapChoices';
import type { CustomRoadmapState } from '../core/roadmaps/lastGood';
import { fileRulesOnly } from '../core/roadmaps/untrustedRules';
import { plural } from '../core/text/plural';
import { CustomRoadmaps } from './customRoadmaps';
import { Disposable } from './lifecycle';
import type { Logger } from './logger';
import type { Storage } from './storage';

/** Custom roadmaps are read this long after start-up, unless the selected one is needed sooner. */
const CUSTOM_ROADMAPS_DELAY_MS = 2000;

/**
 * The roadmap the learner works on: the shipped one, or one of their own they switched to.
 *
 * The shipped roadmap loads once, on first use (a view, a command or the status bar asks): the model compiled
 * at build time, without its texts (read when first shown). The HTML of its Markdown loads when something first displays it
 * (the details panel). Custom roadmaps (src/vscode/customRoadmaps.ts) are read after it, off the start-up
 * path. Problems of either go to the Problems panel, at their file, line and column.
 */
export class RoadmapService extends Disposable {
  private loading: Promise<LoadResult> | undefined;
  private loadingMarkdown: Promise<void> | undefined;
  private loaded: LoadResult | undefined;
  private diagnostics: vscode.DiagnosticCollection | undefined;
  private customDiagnostics: vscode.DiagnosticCollection | undefined;
  private readonly customs: CustomRoadmaps;
  /** The roadmap last announced, to fire onDidChange only when it changes. */
  private announced: Roadmap | undefined;
  private readonly restricted = new WeakMap<Roadmap, Roadmap>();
  private readonly changed = this._register(new vscode.EventEmitter<Roadmap>());
  /** The selected roadmap changed: the learner switched, or the selected custom roadmap was edited. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly roadmapFile: vscode.Uri,
    private readonly markdownFile: vscode.Uri,
    private readonly logger: Logger,
    private readonly storage: Storage,
    /** When activation ran (Date.now()): how long after it the roadmap was ready is logged (the bench reads it). */
    private readonly activatedAt: number,
  ) {
    super();
    this.customs = this._register(new CustomRoadmaps(storage, logger, async () => (await this.loadShipped()).roadmap));
    this._register(this.customs.onDidChange(() => this.customsChanged()));
  }

  /** The shipped roadmap once loaded (undefined before, or when it cannot load). */
  get shipped(): Roadmap | undefined {
    return this.loaded?.roadmap;
  }

  /** The selected roadmap once the shipped one has loaded (a custom one needs it for the skills it reuses). */
  get current(): Roadmap | undefined {
    return this.loaded?.roadmap === undefined ? undefined : this.selected()?.roadmap;
  }

  /** The selected roadmap, or the shipped one's problems when it cannot load. */
  async load(): Promise<LoadResult> {
    const shipped = await this.loadShipped();
    const roadmap = shipped.roadmap === undefined ? undefined : this.selected()?.roadmap;
    return roadmap === undefined ? shipped : { roadmap, problems: [] };
  }

  /** The selected roadmap as detection judges it (src/core/roadmaps/untrustedRules.ts): see docs/roadmap-loader.md. */
  async forDetection(): Promise<Roadmap | undefined> {
    const roadmap = (await this.load()).roadmap;
    const shipped = this.loaded?.roadmap;
    if (roadmap === undefined || shipped === undefined || roadmap === shipped || vscode.workspace.isTrusted) {
      return roadmap;
    }
    let restricted = this.restricted.get(roadmap);
    if (restricted === undefined) {
      restricted = fileRulesOnly(roadmap, (id) => shipped.skillById.has(id));
      this.restricted.set(roadmap, restricted);
    }
    return restricted;
  }

  /** Every roadmap to switch to (custom folders read first), the selected one, and folders that cannot be used yet. */
  async choices(): Promise<{ readonly choices: readonly RoadmapChoice[]; readonly selected: RoadmapChoice | undefined; readonly unusable: readonly CustomRoadmapState[] }> {
    await this.loadShipped();
    await this.customs.ready();
    const { choices } = this.allChoices();
    return { choices, selected: chooseRoadmap(choices, this.storage.get('selectedRoadmap')), unusable: this.customs.states().filter((state) => state.roadmap === undefined) };
  }

  /** Switches to the roadmap with this id (remembered in storage). */
  async select(id: string): Promise<void> {
    await this.storage.set('selectedRoadmap', id === SHIPPED_ROADMAP_ID ? undefined : id);
    this.announce();
  }

  /** The title of the selected roadmap, for the view; undefined for the shipped one. */
  customTitle(): string | undefined {
    const selected = this.loaded?.roadmap === undefined ? undefined : this.selected();
    return selected?.folder === undefined ? undefined : selected.title;
  }

  private loadShipped(): Promise<LoadResult> {
    this.loading ??= Promise.resolve(this.loadNow());
    return this.loading;
  }

  private allChoices(): RoadmapChoices {
    return roadmapChoices(this.loaded?.roadmap, this.customs.states());
  }

  private selected(): RoadmapChoice | undefined {
    return chooseRoadmap(this.allChoices().choices, this.storage.get('selectedRoadmap'));
  }

  private customsChanged(): void {
    const states = this.customs.states();
    const problems: RoadmapProblem[] = [...states.flatMap((state) => state.problems), ...this.allChoices().problems];
    this.customDiagnostics ??= this._register(vscode.languages.createDiagnosticCollection('Backend Roadmap: your roadmaps'));
    setDiagnostics(this.customDiagnostics, problems);
    this.announce();
  }

  /** Fires onDidChange when the roadmap in use is another object than the one last announced. */
  private announce(): void {
    const roadmap = this.current;
    if (roadmap !== undefined && roadmap !== this.announced) {
      this.announced = roadmap;
      this.changed.fire(roadmap);
    }
  }

  /** The roadmap with the HTML of its Markdown at hand, for views that render it. */
  async loadForDisplay(): Promise<LoadResult> {
    this.loadingMarkdown ??= readShippedMarkdown(this.markdownFile.fsPath).then((problem) => {
      if (problem !== undefined) {
        this.logger.error(`${problem} (Markdown is rendered as it is shown instead)`);
      }
    });
    await Promise.all([this.loadShipped(), this.loadingMarkdown]);
    return this.load();
  }

  /** The roadmap, or a thrown error that says what is wrong and what to do. */
  async require(): Promise<Roadmap> {
    const result = await this.load();
    if (!result.roadmap) {
      throw new Error(vscode.l10n.t('The roadmap content has {0}; see the Problems panel. First: {1}', plural(result.problems.length, 'problem'), result.problems[0] ? formatProblem(result.problems[0]) : vscode.l10n.t('unknown')));
    }
    return result.roadmap;
  }

  /** Reads the shipped roadmap, at once: the first view, command or the status bar that needs it waits 1-3 ms, not turns of the event loop. */
  private loadNow(): LoadResult {
    const started = Date.now();
    const result = readShippedRoadmap(this.roadmapFile.fsPath);
    this.loaded = result;
    this.publish(result);
    if (result.roadmap) {
      this.logger.info(`Roadmap loaded: ${result.roadmap.stages.length} stages, ${result.roadmap.skills.length} skills in ${Date.now() - started} ms, ready ${Date.now() - this.activatedAt} ms after activation`);
      this.announced = this.current;
      // A selected custom roadmap not stored from an earlier session is needed now; otherwise later.
      const needed = this.storage.get('selectedRoadmap') !== undefined && this.current === result.roadmap;
      this.customs.start(needed ? 0 : CUSTOM_ROADMAPS_DELAY_MS);
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
    setDiagnostics(this.diagnostics, result.problems);
  }
}

/** Replaces the collection's diagnostics by `problems`, each at its file, line and column. */
function setDiagnostics(collection: vscode.DiagnosticCollection, problems: readonly RoadmapProblem[]): void {
  collection.clear();
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const problem of problems) {
    const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
    const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), problem.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'Backend Roadmap';
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
  }
  for (const [file, list] of byFile) {
    collection.set(vscode.Uri.file(file), list);
  }
}
