// The playground and the cost report inside the extension host: one panel whatever the number of
// opens, "Try in playground" offered on a prompt, the report panel opened by its command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './until';


const webviewTabs = (viewType: string) =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));

describe('PromptCost playground in the extension host', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'support-bot/bot.py'));
    await vscode.window.showTextDocument(doc);
    await vscode.extensions.getExtension('promptcost.promptcost')!.activate();
  });

  it('contributes the playground, API key and report commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['promptcost.openPlayground', 'promptcost.setApiKey', 'promptcost.showCostReport']) assert.ok(commands.includes(id), id);
  });

  it('offers "Try in playground" on a prompt', async () => {
    const offset = doc.getText().indexOf('Suggest three short replies');
    const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset));
    const actions = await until('code actions', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
      return found?.some((a) => a.title.startsWith('Try in playground')) ? found : undefined;
    });
    const action = actions.find((a) => a.title.startsWith('Try in playground'))!;
    assert.equal(action.command?.command, 'promptcost.openPlayground');
    const [args] = action.command!.arguments as Array<{ uri: string; prompt: string; model: string }>;
    assert.equal(args.uri, doc.uri.toString());
    assert.match(args.prompt, /Suggest three short replies/);
  });

  it('reuses one panel however often it is opened', async () => {
    const lenses = await until('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const open = found?.filter((l) => l.command?.command === 'promptcost.openPlayground');
      return open && open.length > 0 ? open : undefined;
    });
    for (let i = 0; i < 20; i++) {
      const lens = lenses[i % lenses.length];
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    }
    await until('the playground tab', () => (webviewTabs('promptcost.playground').length > 0 ? true : undefined));
    assert.equal(webviewTabs('promptcost.playground').length, 1);
  });

  it('opens the cost report in its own panel', async () => {
    await vscode.commands.executeCommand('promptcost.showCostReport');
    await until('the report tab', () => (webviewTabs('promptcost.report').length > 0 ? true : undefined));
    await vscode.commands.executeCommand('promptcost.showCostReport');
    assert.equal(webviewTabs('promptcost.report').length, 1);
  });
});
