import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import { FileSummaryRequest } from '../../src/server/protocol';
import { applyEdits, positionOf, TestClient } from './lsp-client';
import { makeWorkspace } from './workspace';

const hoverText = async (client: TestClient, uri: string, text: string, needle: string, delta = 1): Promise<string> => {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) });
  assert.ok(hover, `a hover at '${needle}'`);
  return (hover.contents as MarkupContent).value;
};

describe('language server features (dist/server.js over stdio)', () => {
  const ws = makeWorkspace();
  let client: TestClient;
  const python = ws.read('support.py');
  let pythonUri: string;
  let pythonDiagnostics: Diagnostic[];

  before(async () => {
    client = await TestClient.start({ workspace: ws.root });
    pythonUri = await client.open(path.join(ws.root, 'support.py'), 'python', python);
    pythonDiagnostics = await client.diagnosticsFor(pythonUri, 1);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('hovers a prompt with its tokens, placeholders and a cost table for the call model and the comparison models', async () => {
    const system = await hoverText(client, pythonUri, python, '"You are a support');
    assert.match(system, /\*\*\d[\d,]* tokens\*\*/);
    assert.match(system, /\| model \| input tokens \| output tokens \| \$\/call \| \$\/1k calls \| \$\/month \| context window \| cached input \|/);
    assert.match(system, /\| openai\/gpt-4o \(call\) \|/);
    assert.match(system, /\| openai\/gpt-4o-mini \(routing\) \|/, 'the cheaper model the default routing table suggests');
    assert.match(system, /\| anthropic\/claude-3-5-haiku-latest  \| ≈/, 'a comparison model from .promptcost.yaml, counted with its own tokenizer');
    assert.match(system, /300 \(expected\)/, 'expectedOutputTokens from .promptcost.yaml');
    assert.match(system, /30,000 calls\/month/);
    assert.match(system, /catalog of \d{4}-\d{2}-\d{2}/);
    const user = await hoverText(client, pythonUri, python, 'f"Customer question', 2);
    assert.match(user, /Not counted .*`\{question\}`/);
  });

  it('hovers a model string with its prices per 1M tokens, context window and cheaper comparable models', async () => {
    const text = await hoverText(client, pythonUri, python, '"gpt-4o"');
    assert.match(text, /\*\*openai\/gpt-4o\*\*/);
    assert.match(text, /\| input \| \$\d+\.\d\d \|/);
    assert.match(text, /\| output \| \$\d+\.\d\d \|/);
    assert.match(text, /\| cached input \| \$/);
    assert.match(text, /\| batch input \/ output \| \$/);
    assert.match(text, /Context window: 128,000 tokens/);
    assert.match(text, /Cheapest comparable models/);
  });

  it('reports an unbounded call as a warning linked to the rule page', () => {
    const unbounded = pythonDiagnostics.filter((d) => d.code === 'unbounded-output');
    assert.equal(unbounded.length, 1);
    assert.equal(unbounded[0].source, 'promptcost');
    assert.equal(unbounded[0].severity, 2);
    assert.match(unbounded[0].codeDescription!.href, /docs\/rules\/unbounded-output\.md$/);
    assert.equal(unbounded[0].range.start.line, positionOf(python, 'client.chat.completions.create').line);
  });

  it('offers a quick fix that adds the bound parameter, and the diagnostic is gone once it is applied', async () => {
    const diagnostic = pythonDiagnostics.find((d) => d.code === 'unbounded-output')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: pythonUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && /max_(completion_)?tokens/.test(a.title));
    assert.ok(fix, `a quick fix among ${actions.map((a) => a.title).join(', ')}`);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    const fixed = applyEdits(python, change.edits);
    assert.match(fixed, /create\(\n\s+model="gpt-4o",\n(.|\n)*max_(completion_)?tokens=\d+,?\n/);
    const version = await client.replaceAll(pythonUri, python, fixed);
    const after = await client.diagnosticsFor(pythonUri, version);
    assert.deepEqual(after.filter((d) => d.code === 'unbounded-output'), []);
    await client.diagnosticsFor(pythonUri, await client.replaceAll(pythonUri, fixed, python));
  });

  it('puts the cost and an "Open in playground" lens above each call', async () => {
    const uri = await client.open(path.join(ws.root, 'summarize.ts'), 'typescript', ws.read('summarize.ts'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
    const line = positionOf(ws.read('summarize.ts'), 'client.chat.completions.create').line;
    assert.equal(lenses.length, 2);
    assert.ok(lenses.every((l) => l.range.start.line === line));
    assert.match(lenses[0].command!.title, /^\d[\d,]* tokens · \$[\d.,]+\/call · \$[\d.,]+\/month$/);
    assert.equal(lenses[1].command!.title, 'Open in playground');
    assert.equal(lenses[1].command!.command, 'promptcost.openPlayground');
    const [args] = lenses[1].command!.arguments as [{ prompt: string; model: string }];
    assert.equal(args.model, 'openai/gpt-4o-mini');
    assert.match(args.prompt, /You summarise news articles/);
    assert.match(args.prompt, /\{article\}/);
  });

  it('reports unknown models and prompts larger than the context window', async () => {
    const uri = await client.open(path.join(ws.root, 'unknown.py'), 'python', ws.read('unknown.py'));
    const unknown = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(unknown.map((d) => d.code), ['unknown-model']);
    // 3,000 short lines of rules (a long single line would look minified): far over gpt-4's 8,192 tokens.
    const rules = Array.from({ length: 3000 }, (_, i) => `    "rule ${i}: answer with care. "\n`).join('');
    const big = ws.read('support.py').replace('model="gpt-4o"', 'model="gpt-4"').replace('SYSTEM_PROMPT = (', `SYSTEM_PROMPT = (\n${rules}`);
    const bigUri = await client.open(path.join(ws.root, 'big.py'), 'python', big);
    const codes = (await client.diagnosticsFor(bigUri, 1)).map((d) => d.code);
    assert.ok(codes.includes('context-overflow'), `codes: ${codes.join(', ')}`);
  });

  it('answers the file summary for the status bar', async () => {
    const summary = await client.connection.sendRequest(FileSummaryRequest.type, { uri: pythonUri });
    assert.ok(summary);
    assert.equal(summary.prompts.length, 2);
    assert.ok(summary.monthlyUsd > 0);
    assert.deepEqual(summary.prompts.map((p) => p.label)[0], 'SYSTEM_PROMPT');
    const status = await client.status.next((s) => s.uri === pythonUri, true);
    assert.equal(status.state, 'ok');
    assert.equal(status.promptCount, 2);
  });

  it('applies severity overrides from the editor settings', async () => {
    client.settings = { ...client.settings, rules: { 'unbounded-output': 'off', 'unknown-model': 'error' } };
    const next = client.diagnostics.next((p) => p.uri.endsWith('/unknown.py'));
    const support = client.diagnostics.next((p) => p.uri === pythonUri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual((await next).diagnostics.map((d) => [d.code, d.severity]), [['unknown-model', 1]]);
    assert.deepEqual((await support).diagnostics.filter((d) => d.code === 'unbounded-output'), []);
    client.settings = { scanOnStartup: false };
  });
});
