import * as vscode from 'vscode';

/** Mirrors `contributes.configuration` in package.json. Read on demand, never at import time. */
export interface BackendRoadmapConfig {
  readonly 'tree.hideFinished': boolean;
  readonly 'statusBar.enabled': boolean;
  readonly 'detection.enabled': boolean;
  readonly 'detection.notifications': boolean;
}

export const CONFIG_SECTION = 'backendRoadmap';

const defaults: BackendRoadmapConfig = {
  'tree.hideFinished': false,
  'statusBar.enabled': true,
  'detection.enabled': true,
  'detection.notifications': true,
};

export function getConfig<K extends keyof BackendRoadmapConfig>(key: K): BackendRoadmapConfig[K] {
  return vscode.workspace.getConfiguration(CONFIG_SECTION).get<BackendRoadmapConfig[K]>(key, defaults[key]);
}

export async function setConfig<K extends keyof BackendRoadmapConfig>(key: K, value: BackendRoadmapConfig[K]): Promise<void> {
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Fires `listener` only for changes to our own settings. */
export function onDidChangeConfig(listener: (affects: (key: keyof BackendRoadmapConfig) => boolean) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(CONFIG_SECTION)) {
      listener((key) => event.affectsConfiguration(`${CONFIG_SECTION}.${key}`));
    }
  });
}
