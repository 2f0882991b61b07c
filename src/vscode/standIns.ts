import * as vscode from 'vscode';
import { CommandId, DETAILS_PANEL_TYPE } from '../core/view/commandIds';
import type { BackendRoadmapApi, Workbench } from './extensionMain';

/**
 * What VS Code needs from the extension the moment activation ends: every command (a command run before
 * its registration fails with "command not found") and the details panel's serializer (a panel restored
 * at start-up activates the extension, then asks for it). Each stand-in hands its call to the workbench,
 * made on first use (`workbench()`), so activation itself loads none of the extension's code.
 * The views need no stand-in: VS Code waits for a view's provider after activation.
 */
export function registerStandIns(context: vscode.ExtensionContext, workbench: () => Workbench): void {
  for (const id of Object.values(CommandId)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => workbench().runCommand(id, args)));
  }
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(DETAILS_PANEL_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        workbench().restorePanel(panel, state);
        return Promise.resolve();
      },
    }),
  );
}

/** The API activate() returns; each call makes the workbench first if it is not made yet. */
export function lazyApi(workbench: () => Workbench): BackendRoadmapApi {
  return {
    progressOf: (skillId) => workbench().api.progressOf(skillId),
    flush: () => workbench().api.flush(),
    statusBarText: () => workbench().api.statusBarText(),
    statusBarTooltip: () => workbench().api.statusBarTooltip(),
    milestoneStatus: (id) => workbench().api.milestoneStatus(id),
    detectionIdle: () => workbench().api.detectionIdle(),
    recordedEvents: () => workbench().api.recordedEvents(),
    roadmapChoices: () => workbench().api.roadmapChoices(),
  };
}
