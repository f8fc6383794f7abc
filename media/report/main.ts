/**
 * The cost report's one script in VS Code: a click (or Enter) on a `file:line` link asks the
 * extension to open that place, instead of following the link inside the webview.
 */
import type { ReportRequest } from '../../src/shared/webview-messages';

declare function acquireVsCodeApi(): { postMessage(message: ReportRequest): void };
const vscode = acquireVsCodeApi();

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a.loc');
  if (!(link instanceof HTMLAnchorElement)) return;
  event.preventDefault();
  const { path, line, column } = link.dataset;
  if (!path) return;
  vscode.postMessage({ type: 'open', path, line: Number(line) || 1, column: Number(column) || 1 });
});
