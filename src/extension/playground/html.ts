/** The webview pages' HTML shells: a strict Content-Security-Policy with a fresh nonce, and only files from dist/media. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/** `default-src 'none'`: scripts and styles only from the extension's media folder or with the nonce; no network. */
export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    'img-src data:',
  ].join('; ');
}

/** The folder the webviews may load from: the built media, nothing else. */
export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'media');
}

export function playgroundHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), name)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('codicon.css')}">
<link rel="stylesheet" href="${asset('playground.css')}">
<title>PromptCost Playground</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">Loading the playground...</p></main>
<script nonce="${nonce}" src="${asset('playground.js')}"></script>
</body>
</html>`;
}
