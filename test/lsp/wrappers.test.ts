import * as assert from 'node:assert/strict';
import { CodeLensRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { PYTHON } from '../fixtures/wrapper-sources';
import { positionOf, TestClient } from './lsp-client';
import { makeWorkspace } from './workspace';

const lineOf = (fragment: string) => PYTHON.slice(0, PYTHON.indexOf(fragment)).split('\n').length;

describe('calls of a wrapper function (dist/server.js over stdio)', () => {
  const ws = makeWorkspace();
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root });
    uri = await client.open(ws.write('billing/app.py', PYTHON), 'python', PYTHON);
    await client.diagnosticsFor(uri, 1);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('puts a cost lens on each call of a wrapper, and says the call inside runs through them', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const titles = new Map(lenses.filter((l) => l.command?.command === '').map((l) => [l.range.start.line + 1, l.command?.title ?? '']));
    assert.match(titles.get(lineOf('response = client')) ?? '', /runs through 2 calls of its function$/);
    assert.match(titles.get(lineOf('return client.chat.completions.create(model="gpt-4o", max_tokens=80')) ?? '', /runs through 1 call of its function$/);
    for (const fragment of ['return ask(f"Summarize', 'return [ask(', 'return self.reply(']) {
      assert.match(titles.get(lineOf(fragment)) ?? '', /^\d+ tokens · \$[\d.]+\/call · \$[\d.]+\/month$/, fragment);
    }
  });

  it('hovers the text passed to the wrapper with the whole call at the model passed with it', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(PYTHON, 'Is this invoice overdue', 3) });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /The whole call, per model:/);
    assert.match(text, /\| openai\/gpt-4o-mini \(call\) \|/);
  });

  it('says on the wrapper’s own prompt that the monthly total counts the calls of the wrapper', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(PYTHON, 'billing assistant', 3) });
    const text = (hover?.contents as MarkupContent).value;
    const lines = `${lineOf('return ask(f"Summarize')}, ${lineOf('return [ask(')}`;
    assert.ok(text.includes(`This call runs through 2 calls of its function (lines ${lines})`), text);
  });
});
