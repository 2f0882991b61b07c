import * as path from 'node:path';
import * as vscode from 'vscode';
import { isGitPath, isIgnoredPath } from '../../core/scan/ignoredPaths';
import { Disposable } from '../lifecycle';

/** Git state changes settle fast; working-tree edits come in bursts (saves, generators, checkouts). */
const GIT_QUIET_MS = 300;
const FILES_QUIET_MS = 1200;

/** Only these git files say something changed: HEAD, the index, refs, packed-refs and config (remotes). */
const GIT_GLOB = '.git/{HEAD,index,packed-refs,config,refs/**}';

/**
 * Where the watchers report: each changed path (`always`: passed on whatever it affects), or a whole
 * folder to list again. The core's ChangedPathFilter, which tests paths against the engine's own path rules
 * (so the watcher and the detectors never disagree) a slice at a time, once the detectors are built.
 */
export interface FolderChangeSink {
  pathChanged(folder: string, relativePath: string, quietMs: number, always?: boolean): void;
  folderChanged(folder: string, quietMs: number): void;
}

/**
 * Watches each workspace folder and passes changed paths on. One working-tree watcher per folder (served
 * by VS Code's workspace watcher, which already skips excluded folders) and one for git state. Nothing
 * runs while nothing changes, and nothing here loads the engine: an event's own work is a few string tests.
 */
export class FolderWatchers extends Disposable {
  constructor(folders: readonly vscode.WorkspaceFolder[], sink: FolderChangeSink) {
    super();
    for (const folder of folders) {
      const root = folder.uri.fsPath;
      const relative = (uri: vscode.Uri): string => path.relative(root, uri.fsPath).split(path.sep).join('/');

      const files = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*')));
      const onFile = (uri: vscode.Uri, created: boolean, deleted = false): void => {
        const rel = relative(uri);
        if (rel === '.git') {
          sink.pathChanged(root, '.git', GIT_QUIET_MS, true);
          return;
        }
        if (rel.startsWith('..') || isGitPath(rel) || rel === '' || isIgnoredPath(rel)) {
          return;
        }
        // A deleted folder comes as one event for the folder, none for its files: the core knows what was inside.
        sink.pathChanged(root, rel, FILES_QUIET_MS, deleted);
        // A new folder may arrive with files inside whose own events can be missed: list the folder again.
        if (created) {
          void vscode.workspace.fs.stat(uri).then(
            (stat) => {
              if (stat.type === vscode.FileType.Directory) {
                sink.folderChanged(root, FILES_QUIET_MS);
              }
            },
            () => undefined,
          );
        }
      };
      this._register(files.onDidCreate((uri) => onFile(uri, true)));
      this._register(files.onDidChange((uri) => onFile(uri, false)));
      this._register(files.onDidDelete((uri) => onFile(uri, false, true)));

      const git = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, GIT_GLOB)));
      const onGit = (uri: vscode.Uri): void => {
        // index.lock and friends come and go during every git command; the final rename is what matters.
        if (!uri.path.endsWith('.lock')) {
          sink.pathChanged(root, relative(uri), GIT_QUIET_MS, true);
        }
      };
      this._register(git.onDidCreate(onGit));
      this._register(git.onDidChange(onGit));
      this._register(git.onDidDelete(onGit));
    }
  }
}
