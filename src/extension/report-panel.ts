/**
 * `PromptCost: Show Cost Report`: the workspace cost report (the same analysis and HTML as
 * `promptcost report --format html`) in a webview whose `file:line` links open the editor there.
 * The report's own CSP meta is swapped for the webview's, which adds the one nonce'd script that
 * turns link clicks into messages.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Catalog } from '../core/catalog';
import { buildReport, renderReportHtml, type ReportSource } from '../core/report';
import { lintFile } from '../core/rules';
import { findConfigFile, loadConfigFile } from '../runtime/config-file';
import { scanPaths } from '../runtime/scan';
import { parseReportRequest } from '../shared/webview-messages';
import { contentSecurityPolicy, makeNonce, mediaRoot } from './playground/html';

/** Analyses a folder as `promptcost report` does: scan, price, lint, rank. */
export async function workspaceReportHtml(folder: string, nonce: string, token?: vscode.CancellationToken): Promise<string> {
  const file = findConfigFile(folder);
  const loaded = loadConfigFile(file);
  const root = loaded.file ? path.dirname(loaded.file) : folder;
  const catalog = new Catalog({ overrides: loaded.config.models });
  const scan = await scanPaths({ paths: [folder], root, config: loaded.config, catalog, isCancelled: () => token?.isCancellationRequested ?? false });
  const sources: ReportSource[] = [];
  for (const scanned of scan.files) {
    if (!scanned.costs || scanned.text === null || !scanned.lines) continue;
    const findings = lintFile({ file: scanned.costs, text: scanned.text, config: loaded.config, catalog });
    sources.push({ path: path.relative(folder, scanned.file).split(path.sep).join('/'), costs: scanned.costs, lines: scanned.lines, findings });
  }
  return renderReportHtml(buildReport(sources, { catalogDate: catalog.catalogDate, config: loaded.config, catalog }), { nonce });
}

/** The report page with the webview's CSP in place of its own and the link script added. */
export function webviewReportHtml(html: string, webview: vscode.Webview, script: vscode.Uri, nonce: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">`;
  const withCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, csp);
  if (withCsp === html) throw new Error('The report page has no Content-Security-Policy to replace.');
  return withCsp.replace('</body>', `<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>\n</body>`);
}

export class ReportPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private folder?: vscode.Uri;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {}

  async show(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) {
      void vscode.window.showInformationMessage('PromptCost: open a folder to see its cost report.');
      return;
    }
    this.folder = folder;
    const nonce = makeNonce();
    const html = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'PromptCost: analysing the workspace for the cost report', cancellable: true },
      (_progress, token) => workspaceReportHtml(folder.fsPath, nonce, token),
    );
    const panel = this.ensurePanel();
    panel.webview.html = webviewReportHtml(html, panel.webview, vscode.Uri.joinPath(mediaRoot(this.extensionUri), 'report.js'), nonce);
    panel.reveal();
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel('promptcost.report', 'PromptCost Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [mediaRoot(this.extensionUri)],
    });
    this.panel = panel;
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.open(message)),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
      }),
    );
    return panel;
  }

  /** Opens `path:line:column` of the report in an editor beside it. */
  private async open(message: unknown): Promise<void> {
    const request = parseReportRequest(message);
    if (!request || !this.folder) return;
    const uri = vscode.Uri.joinPath(this.folder, ...request.path.split('/'));
    const position = new vscode.Position(request.line - 1, request.column - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
