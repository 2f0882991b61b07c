import type { PanelState, WebviewMessage } from '../../src/core/view/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi may be called once per page. */
export const vscode: VsCodeApi = acquireVsCodeApi();
