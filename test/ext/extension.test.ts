// Integration tests inside the VS Code extension host, against examples/ copied into the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './until';


const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

describe('PromptCost in the extension host', () => {
  let doc: vscode.TextDocument;
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    extension = vscode.extensions.getExtension('promptcost.promptcost')!;
    assert.ok(extension, 'the extension under development is loaded');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'web-app/app/api/chat/route.ts'));
    await vscode.window.showTextDocument(doc);
    const started = Date.now();
    await extension.activate();
    console.log(`[promptcost-ext] activate() resolved after ${Date.now() - started} ms (active: ${extension.isActive})`);
  });

  it('contributes its commands under the PromptCost category', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['promptcost.openPlayground', 'promptcost.scanWorkspace', 'promptcost.showOutput', 'promptcost.showFileCosts']) {
      assert.ok(commands.includes(id), id);
    }
    const contributed = (extension.packageJSON as { contributes: { commands: { category: string }[] } }).contributes.commands;
    assert.ok(contributed.every((c) => c.category === 'PromptCost'));
  });

  it('shows tokens and dollars when hovering a prompt', async () => {
    const offset = doc.getText().indexOf('system: ASSISTANT_SYSTEM_PROMPT');
    assert.ok(offset > 0);
    const lenses = await until('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const titles = lenses.map((l) => l.command?.title ?? '');
    console.log('[promptcost-ext] lenses:', titles.join(' | '));
    assert.ok(titles.some((t) => /tokens · \$[\d.,]+\/call · \$[\d.,]+\/month/.test(t)), titles.join(' | '));
    assert.ok(lenses.some((l) => l.command?.command === 'promptcost.openPlayground'));
  });

  it('hovers a model string with its prices', async () => {
    const offset = doc.getText().indexOf("'gpt-4o'") + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
    const text = hoverText(hovers);
    console.log('[promptcost-ext] model hover:', text.slice(0, 300).replace(/\n/g, ' '));
    assert.match(text, /openai\/gpt-4o/);
    assert.match(text, /\| input \| \$\d/);
    assert.match(text, /Context window/);
  });

  it('reports the unbounded streamText call with a quick fix that adds maxOutputTokens', async () => {
    const diagnostic = await until('the unbounded-output diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'promptcost' && (d.code as { value: string })?.value === 'unbounded-output'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const fix = actions.find((a) => /maxOutputTokens/.test(a.title));
    assert.ok(fix?.edit, `a fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /maxOutputTokens: \d+/);
    await until('the diagnostic to go', () =>
      vscode.languages.getDiagnostics(doc.uri).some((d) => (d.code as { value: string })?.value === 'unbounded-output') ? undefined : true,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('runs the playground command with the lens arguments, and shows the output', async () => {
    await vscode.commands.executeCommand('promptcost.openPlayground', { uri: doc.uri.toString(), range: new vscode.Range(0, 0, 0, 0), prompt: 'Hello', model: 'openai/gpt-4o' });
    await vscode.commands.executeCommand('promptcost.showOutput');
  });
});
