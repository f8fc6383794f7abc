import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatTokens, formatUsd } from '../core/analysis/format';
import { FileSummaryRequest, ScanWorkspaceRequest } from '../server/protocol';

/** Commands under the `PromptCost:` category (titles and category live in package.json); the playground's are in playground/register.ts. */
export function registerCommands(client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('promptcost.scanWorkspace', async () => {
      const result = await client.sendRequest(ScanWorkspaceRequest.type, {});
      const skipped = result.skipped.length ? ` ${result.skipped.length} files skipped (see the output).` : '';
      const message =
        `${result.cancelled ? 'Scan cancelled after' : 'Scanned'} ${result.filesListed} files: ${result.prompts} prompts, ` +
        `${result.findings} findings, about ${formatUsd(result.monthlyUsd)}/month.${skipped}`;
      const choice = await vscode.window.showInformationMessage(message, 'Open output');
      if (choice) output.show(true);
    }),
    vscode.commands.registerCommand('promptcost.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('promptcost.showFileCosts', () => showFileCosts(client)),
  ];
}

/** Lists the prompts of the active file with their costs; picking one jumps to it. */
async function showFileCosts(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const summary = await client.sendRequest(FileSummaryRequest.type, { uri: editor.document.uri.toString() });
  if (!summary || summary.prompts.length === 0) {
    const why = summary?.notices.join(' ') || 'No prompts found in this file.';
    void vscode.window.showInformationMessage(`PromptCost: ${why}`);
    return;
  }
  const items = summary.prompts.map((prompt) => ({
    label: prompt.label,
    description: prompt.perMonthUsd !== null ? `${formatUsd(prompt.perMonthUsd)}/month · ${formatUsd(prompt.perCallUsd ?? 0)}/call` : 'unknown model',
    detail: `${formatTokens(prompt.tokens, prompt.estimate)} tokens${prompt.modelId ? ` · ${prompt.modelId}` : ''} · line ${prompt.range.start.line + 1}`,
    range: client.protocol2CodeConverter.asRange(prompt.range),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `PromptCost: ${formatUsd(summary.monthlyUsd)}/month in this file`,
    placeHolder: 'Pick a prompt to jump to it',
    matchOnDetail: true,
  });
  if (!picked) return;
  editor.selection = new vscode.Selection(picked.range.start, picked.range.start);
  editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
