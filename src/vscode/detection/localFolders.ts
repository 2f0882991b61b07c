import * as vscode from 'vscode';

/** Workspace folders on disk; virtual folders (no file scheme) cannot be scanned or run. */
export function localFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
}
