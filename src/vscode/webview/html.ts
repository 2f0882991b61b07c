import * as vscode from 'vscode';
import { nodeCrypto } from '../../core/lazy/nodeCrypto';

/** The page shell. All content arrives later by message, after the page says it is ready. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, joinPath: (base: vscode.Uri, ...parts: string[]) => vscode.Uri): string {
  const nonce = nodeCrypto().randomBytes(16).toString('base64');
  const asset = (...parts: string[]): string => webview.asWebviewUri(joinPath(extensionUri, ...parts)).toString();
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'media', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'webview.css')}">
<title>${escapeHtml(vscode.l10n.t('Backend Roadmap'))}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="loading">${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${asset('dist', 'media', 'webview.js')}"></script>
</body>
</html>`;
}

/** A translation is text, never markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
