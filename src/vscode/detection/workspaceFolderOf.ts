import * as vscode from 'vscode';

/** The workspace folder containing `cwd`, or the only folder when the terminal did not report one. */
export function workspaceFolderOf(cwd: vscode.Uri | undefined): string | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!cwd) {
    return folders.length === 1 ? folders[0]?.uri.fsPath : undefined;
  }
  const exact = vscode.workspace.getWorkspaceFolder(cwd);
  if (exact) {
    return exact.uri.fsPath;
  }
  // Remote windows (code-server, SSH) may report the cwd with the remote scheme: compare paths instead.
  const containing = folders.filter((folder) => cwd.path === folder.uri.path || cwd.path.startsWith(`${folder.uri.path}/`));
  return containing.sort((a, b) => b.uri.path.length - a.uri.path.length)[0]?.uri.fsPath;
}
