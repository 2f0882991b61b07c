import * as vscode from 'vscode';
import { countLanguages } from '../../core/plan/stackSuggestion';
import type { LanguageCounts } from '../../core/plan/stackSuggestion';
import { IGNORED_DIR_NAMES } from '../../core/scan/ignoredPaths';

/** Enough files to tell what a workspace is written in, few enough to list in a moment. */
const MAX_FILES = 5000;
/** Suggesting a stack is a nicety: the picker never waits longer than this for it. */
const TIMEOUT_MS = 3000;

/**
 * Files per source language in the open workspace folders (dependencies and build output left out), for
 * suggesting a stack. Empty when no folder is open, or when listing fails or takes too long.
 */
export async function workspaceLanguageCounts(): Promise<LanguageCounts> {
  if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
    return {};
  }
  const source = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => source.cancel(), TIMEOUT_MS);
  try {
    // The search excludes the big folders up front; countLanguages leaves out the rest of IGNORED_DIR_NAMES.
    const exclude = `**/{${[...IGNORED_DIR_NAMES].filter((name) => /^[\w.-]+$/.test(name)).join(',')}}/**`;
    const uris = await vscode.workspace.findFiles('**/*', exclude, MAX_FILES, source.token);
    return countLanguages(uris.map((uri) => vscode.workspace.asRelativePath(uri, false).replaceAll('\\', '/')));
  } catch {
    return {};
  } finally {
    clearTimeout(timer);
    source.dispose();
  }
}
