import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../core/view/settings';
import type { BackendRoadmapConfig } from '../core/view/settings';

/** Read on demand, never at import time. The default comes from package.json, where VS Code applies it. */
export function getConfig<K extends keyof BackendRoadmapConfig>(key: K): BackendRoadmapConfig[K] {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<BackendRoadmapConfig[K]>(key);
  if (value === undefined) {
    throw new Error(`The setting ${CONFIG_SECTION}.${key} has no default: declare it in package.json under contributes.configuration.`);
  }
  return value;
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
