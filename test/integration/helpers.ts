import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMPILED_ROADMAP_FILE } from '../../src/core/compiled/compiledRoadmap';
import { readShippedRoadmap } from '../../src/core/compiled/shippedRoadmap';
import type { Roadmap } from '../../src/core/roadmap/model';
import type { BackendRoadmapApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'backend-roadmap.backend-roadmap';

export async function activateExtension(): Promise<BackendRoadmapApi> {
  const extension = vscode.extensions.getExtension<BackendRoadmapApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

let roadmap: Roadmap | undefined;

/** The shipped roadmap, read the same way the extension reads it, so tests never hard-code titles. */
export function shippedRoadmap(): Promise<Roadmap> {
  if (!roadmap) {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const result = readShippedRoadmap(path.join(extension.extensionPath, 'dist', COMPILED_ROADMAP_FILE));
    assert.ok(result.roadmap, `roadmap content has problems: ${JSON.stringify(result.problems.slice(0, 3))}`);
    roadmap = result.roadmap;
  }
  return Promise.resolve(roadmap);
}

export function skillTitle(map: Roadmap, id: string): string {
  const skill = map.skillById.get(id);
  assert.ok(skill, `no skill ${id} in the shipped roadmap`);
  return skill.title;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value that is not undefined, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    await sleep(150);
  }
  throw new Error(`Timed out waiting for ${what}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`);
}

/** The workspace folder the runner opened for this phase. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open a workspace folder');
  return folder;
}
