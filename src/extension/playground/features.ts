/**
 * The playground, API key and cost report features with everything they load (provider SDKs, the
 * optimizer runtime, the report renderer). Bundled on its own (dist/playground-features.js) and
 * loaded on the first command that needs it, so activation stays cheap.
 */
import * as vscode from 'vscode';
import type { OpenPlaygroundArgs } from '../../server/protocol';
import { ReportPanel } from '../report-panel';
import { SecretKeySource, setApiKeyCommand } from '../secrets';
import { PlaygroundPanel } from './panel';
import { PlaygroundRuntime } from './runtime';

export interface PlaygroundFeatures extends vscode.Disposable {
  openPlayground(args?: OpenPlaygroundArgs): unknown;
  setApiKey(): unknown;
  showCostReport(): unknown;
}

export function createPlaygroundFeatures(context: vscode.ExtensionContext, output: vscode.OutputChannel): PlaygroundFeatures {
  const keys = new SecretKeySource(context.secrets);
  const runtime = new PlaygroundRuntime(context.globalStorageUri.fsPath, keys);
  const playground = new PlaygroundPanel(context.extensionUri, runtime, output);
  const report = new ReportPanel(context.extensionUri);
  const configuredProviders = () => Object.keys(runtime.projectFor(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath).config.providers);
  return {
    openPlayground: (args) => playground.open(args),
    setApiKey: () => setApiKeyCommand(keys, configuredProviders()),
    showCostReport: () => report.show(),
    dispose: () => {
      playground.dispose();
      report.dispose();
      runtime.dispose();
    },
  };
}
