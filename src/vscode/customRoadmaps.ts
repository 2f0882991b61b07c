import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { contentTools } from '../core/lazy/modules';
import { prepareBundle } from '../core/lazy/prepareBundle';
import type { Roadmap } from '../core/roadmap/model';
import { formatProblem } from '../core/roadmap/problems';
import { roadmapFolderStamp } from '../core/roadmaps/folderStamp';
import { savedState, settleCustomRoadmap } from '../core/roadmaps/lastGood';
import type { CustomRoadmapState } from '../core/roadmaps/lastGood';
import { roadmapFolders } from '../core/roadmaps/roadmapFolders';
import type { RoadmapFolder } from '../core/roadmaps/roadmapFolders';
import { getConfig, onDidChangeConfig } from './config';
import { localFolders } from './detection/localFolders';
import { Disposable, MutableDisposable } from './lifecycle';
import type { Logger } from './logger';
import type { Storage } from './storage';

/** Edits come in bursts (save, format on save, a git checkout): read the folders once they are quiet. */
const RELOAD_DEBOUNCE_MS = 400;
/**
 * How often the folders are also compared with what was last read: file events can be lost (the
 * real-VS-Code suite saw an edit go unreported now and then), and a stale custom roadmap must not stay.
 */
const RECHECK_INTERVAL_MS = 3000;

/**
 * The learner's own roadmaps: `.backend-roadmap` in each workspace folder and the folders of the setting
 * backendRoadmap.roadmaps. Until they are first read (YAML parser and schema validator load then, off the
 * start-up path) the last good versions kept in storage stand in, so a selected custom roadmap shows at once.
 * A folder with problems keeps its last good version in use (src/core/roadmaps/lastGood.ts).
 */
export class CustomRoadmaps extends Disposable {
  private current: readonly CustomRoadmapState[] | undefined;
  /** The stored versions, made once: the same Roadmap objects until the folders are read (views compare them). */
  private initial: readonly CustomRoadmapState[] | undefined;
  private loading: Promise<void> | undefined;
  private reloadAgain = false;
  /** Each folder's stamp (roadmapFolderStamp) when it was last read. */
  private readonly readStamps = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private readonly watchers = this._register(new MutableDisposable<vscode.Disposable>());
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** After every read of the folders. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly shipped: () => Promise<Roadmap | undefined>,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** The folders as last read, or their stored last good versions before the first read. */
  states(): readonly CustomRoadmapState[] {
    this.initial ??= this.folders().flatMap(({ folder }) => savedState(folder, this.stored()[folder]) ?? []);
    return this.current ?? this.initial;
  }

  /** True once the folders have been read (not only their stored versions). */
  get read(): boolean {
    return this.current !== undefined;
  }

  /** Watches the folders and reads them after `delayMs` (0 when a custom roadmap is needed now). */
  start(delayMs: number): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('roadmaps')) {
          this.restart();
        }
      }),
    );
    this.watch();
    this.schedule(delayMs);
  }

  /** Reads every folder now (the Switch Roadmap list waits for it); resolves when done. */
  async ready(): Promise<void> {
    if (this.current === undefined && this.loading === undefined) {
      clearTimeout(this.timer);
      await this.reload();
    }
    await this.loading;
  }

  private restart(): void {
    this.watch();
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), delayMs);
  }

  private async reload(): Promise<void> {
    if (this.loading !== undefined) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = this.readAll().finally(() => {
      this.loading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.schedule(0);
      }
    });
    return this.loading;
  }

  private async readAll(): Promise<void> {
    const shipped = await this.shipped();
    const folders = this.folders();
    if (shipped === undefined) {
      this.current = [];
      this.changed.fire();
      return;
    }
    const previous = this.stored();
    const stored: Record<string, unknown> = {};
    const states: CustomRoadmapState[] = [];
    for (const { folder, from } of folders) {
      this.readStamps.set(folder, await roadmapFolderStamp(folder));
      if (from === 'workspace' && !(await isFolder(folder))) {
        // No .backend-roadmap here (any more): nothing to read, nothing to keep.
        continue;
      }
      stored[folder] = previous[folder];
      // The YAML parser, validator and Markdown renderer (386 KB) are compiled on a worker thread before
      // their first load here: read and compiled on this thread, they held the host for about 60 ms.
      await prepareBundle('contentTools');
      try {
        const settled = settleCustomRoadmap(await contentTools().loadCustomRoadmap(folder, shipped), stored[folder]);
        if (settled.save !== undefined) {
          stored[folder] = settled.save;
        }
        states.push(settled.state);
        this.log(settled.state);
      } catch (error) {
        this.logger.error(`Reading the roadmap in ${folder} failed`, error);
      }
    }
    this.current = states;
    // Only folders still configured keep a stored version (a folder that was removed is gone, not broken).
    const kept = Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined));
    if (JSON.stringify(kept) !== JSON.stringify(previous)) {
      await this.storage.set('customRoadmaps', kept);
    }
    this.changed.fire();
  }

  private log(state: CustomRoadmapState): void {
    if (state.problems.length === 0) {
      this.logger.info(`Roadmap "${state.header?.title ?? ''}" loaded from ${state.folder}: ${state.roadmap?.skills.length ?? 0} skills`);
      return;
    }
    const using = state.stale ? 'its last good version stays in use' : 'it is not offered until they are fixed';
    this.logger.warn(`The roadmap in ${state.folder} has problems (${using}):\n${state.problems.map(formatProblem).join('\n')}`);
  }

  private folders(): RoadmapFolder[] {
    return roadmapFolders(
      localFolders().map((folder) => folder.uri.fsPath),
      getConfig('roadmaps'),
      os.homedir(),
    );
  }

  private stored(): Readonly<Record<string, unknown>> {
    return this.storage.get('customRoadmaps') ?? {};
  }

  /** One watcher per folder (its header and stages, and the folder appearing), re-read when they are quiet. */
  private watch(): void {
    const watchers = this.folders().map(({ folder }) => {
      // Inside a workspace folder: the same pattern as detection's watchers ('**/*' on the workspace folder,
      // which sees a `.backend-roadmap` created later), filtered here. A folder from the setting gets a
      // watcher of its own, based on its parent (which exists).
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
      const watcher = vscode.workspace.createFileSystemWatcher(workspaceFolder === undefined ? new vscode.RelativePattern(vscode.Uri.file(path.dirname(folder)), `${path.basename(folder)}/**`) : new vscode.RelativePattern(workspaceFolder, '**/*'));
      const inside = `${folder}${path.sep}`;
      const onEvent = (uri: vscode.Uri): void => {
        if (uri.fsPath === folder || (uri.fsPath.startsWith(inside) && (!/\.[^/\\]+$/.test(uri.fsPath) || /\.ya?ml$/i.test(uri.fsPath)))) {
          this.schedule(RELOAD_DEBOUNCE_MS);
        }
      };
      watcher.onDidCreate(onEvent);
      watcher.onDidChange(onEvent);
      watcher.onDidDelete(onEvent);
      return watcher;
    });
    const recheck = setInterval(() => void this.reloadIfChanged(), RECHECK_INTERVAL_MS);
    this.watchers.value = vscode.Disposable.from(...watchers, { dispose: () => clearInterval(recheck) });
  }

  /** Reads the folders again when one differs from what was last read (a file event that never came). */
  private async reloadIfChanged(): Promise<void> {
    if (this.loading !== undefined || this.current === undefined) {
      return;
    }
    for (const { folder } of this.folders()) {
      if ((await roadmapFolderStamp(folder)) !== (this.readStamps.get(folder) ?? '')) {
        this.schedule(0);
        return;
      }
    }
  }
}

async function isFolder(folder: string): Promise<boolean> {
  return fs.stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
