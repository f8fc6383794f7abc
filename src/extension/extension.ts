import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerPlayground } from './playground/register';
import { CostStatus } from './status';

/** The languages the server analyses; activation and the document selector use the same list. */
export const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

let client: LanguageClient | undefined;

/**
 * Thin client: starts the server (which owns documents, configuration and analysis) and hosts
 * what only VS Code has: commands, the status bar item, the output channel. Nothing is parsed
 * here; activation only wires things up and the server starts in the background.
 */
export function activate(context: vscode.ExtensionContext): { client: LanguageClient } {
  const output = vscode.window.createOutputChannel('PromptCost');
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: '**/.promptcost.yaml' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.promptcost.yaml') },
    outputChannel: output,
  };
  client = new LanguageClient('promptcost', 'PromptCost', serverOptions, clientOptions);
  const status = new CostStatus(client, context.workspaceState, output);
  context.subscriptions.push(output, status, ...registerCommands(client, output), ...registerPlayground(context, output));
  output.appendLine(`PromptCost ${context.extension.packageJSON.version as string}: starting the language server.`);
  client.start().then(
    () => output.appendLine('PromptCost language server started.'),
    (error: unknown) => output.appendLine(`PromptCost language server failed to start: ${String(error)}`),
  );
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
