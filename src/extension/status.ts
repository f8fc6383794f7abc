import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatUsd } from '../core/analysis/format';
import { StatusNotification, type StatusParams } from '../server/protocol';

const POPUP_SHOWN_KEY = 'promptcost.errorPopupShown';

/**
 * The status bar item: the estimated monthly cost of the prompts in the active file, from the
 * server's per-document status notifications. Errors get one pop-up per workspace at most; the
 * details are in the output channel.
 */
export class CostStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('promptcost.cost', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    client: LanguageClient,
    private readonly workspaceState: vscode.Memento,
    private readonly output: vscode.OutputChannel,
  ) {
    this.item.name = 'PromptCost';
    this.item.command = 'promptcost.showFileCosts';
    this.subscriptions.push(
      client.onNotification(StatusNotification.type, (status) => this.update(status)),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString())),
    );
  }

  private update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    if (status.state === 'error' && status.message) void this.popupOnce(status.message);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    if (status.state === 'ok') {
      this.item.text = `$(graph) ${formatUsd(status.monthlyUsd)}/month`;
      this.item.tooltip = `PromptCost: ${status.promptCount} prompt${status.promptCount === 1 ? '' : 's'} in this file, about ${formatUsd(status.monthlyUsd)} per month at the configured volume. Click to list them.`;
    } else {
      this.item.text = status.state === 'skipped' ? '$(circle-slash) PromptCost' : '$(warning) PromptCost';
      this.item.tooltip = status.message ?? '';
    }
    this.item.show();
  }

  private async popupOnce(message: string): Promise<void> {
    this.output.appendLine(message);
    if (this.workspaceState.get<boolean>(POPUP_SHOWN_KEY)) return;
    await this.workspaceState.update(POPUP_SHOWN_KEY, true);
    const choice = await vscode.window.showWarningMessage(message, 'Open output');
    if (choice) this.output.show(true);
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
