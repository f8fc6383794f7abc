/** The playground, API key and cost report commands, and what they share (runtime, panels). */
import * as vscode from 'vscode';
import type { OpenPlaygroundArgs } from '../../server/protocol';
import { ReportPanel } from '../report-panel';
import { SecretKeySource, setApiKeyCommand } from '../secrets';
import { PlaygroundPanel } from './panel';
import { PlaygroundRuntime } from './runtime';

export function registerPlayground(context: vscode.ExtensionContext, output: vscode.OutputChannel): vscode.Disposable[] {
  const keys = new SecretKeySource(context.secrets);
  const runtime = new PlaygroundRuntime(context.globalStorageUri.fsPath, keys);
  const playground = new PlaygroundPanel(context.extensionUri, runtime, output);
  const report = new ReportPanel(context.extensionUri);
  const configuredProviders = () => Object.keys(runtime.projectFor(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath).config.providers);
  return [
    playground,
    report,
    { dispose: () => runtime.dispose() },
    vscode.commands.registerCommand('promptcost.openPlayground', (args?: OpenPlaygroundArgs) => playground.open(args)),
    vscode.commands.registerCommand('promptcost.setApiKey', () => setApiKeyCommand(keys, configuredProviders())),
    vscode.commands.registerCommand('promptcost.showCostReport', () => report.show()),
  ];
}
