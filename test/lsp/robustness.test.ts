import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeLensRequest,
  LSPErrorCodes,
  ResponseError,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol';
import { ScanWorkspaceRequest } from '../../src/server/protocol';
import { positionOf, TestClient } from './lsp-client';
import { makeWorkspace } from './workspace';

/** A minified bundle of about `bytes` bytes: long lines of dense code. */
function minified(bytes: number): string {
  const chunk = 'var a=function(b){return b.map(function(c){return c*2}).filter(Boolean)},d={e:1,f:"openai"};';
  return chunk.repeat(Math.ceil(bytes / chunk.length));
}

describe('the language server under bad input', () => {
  const ws = makeWorkspace();
  for (let i = 0; i < 300; i++) {
    ws.write(`pkg${i % 10}/module${i}.py`, `from openai import OpenAI\n\nclient = OpenAI()\nPROMPT_${i} = "Describe item ${i} for the product catalogue."\n\nclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": PROMPT_${i}}])\n`);
  }
  ws.write('vendor/bundle.min.js', minified(200_000));
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, workDoneProgress: true });
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('skips a 5 MB minified file with a notice instead of parsing it, and keeps answering', async () => {
    const uri = await client.open(path.join(ws.root, 'huge.min.js'), 'javascript', minified(5 * 1024 * 1024));
    const [notice] = await client.diagnosticsFor(uri, 1);
    assert.equal(notice.code, 'skipped-large');
    assert.match(notice.message, /^Skipped: 5\.0 MB is over the 1 MB limit/);
    const status = await client.status.next((s) => s.uri === uri, true);
    assert.equal(status.state, 'skipped');
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.deepEqual(lenses, []);
    const small = await client.open(path.join(ws.root, 'small.min.js'), 'javascript', minified(300_000));
    assert.equal((await client.diagnosticsFor(small, 1))[0].code, 'skipped-minified');
  });

  it('survives a burst of edits and ends with the analysis of the last version, equal to a fresh one', async () => {
    const text = ws.read('support.py');
    const uri = await client.open(path.join(ws.root, 'support.py'), 'python', text);
    await client.diagnosticsFor(uri, 1);
    const at = positionOf(text, 'orders politely');
    let current = text;
    let version = 1;
    // 200 one-character edits sent back to back: typing "x" then deleting it, over and over, then one word.
    for (let i = 0; i < 100; i++) {
      version = await client.edit(uri, at, at, 'x');
      version = await client.edit(uri, at, { line: at.line, character: at.character + 1 }, '');
    }
    version = await client.edit(uri, at, at, 'refunds and ');
    current = current.replace('orders politely', 'refunds and orders politely');
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.equal(version, 202);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const fresh = await client.open(path.join(ws.root, 'support-copy.py'), 'python', current);
    const freshDiagnostics = await client.diagnosticsFor(fresh, 1);
    const freshLenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: fresh } });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), freshDiagnostics.map((d) => [d.code, d.range]));
    assert.deepEqual(lenses!.map((l) => l.command!.title), freshLenses!.map((l) => l.command!.title));
    assert.deepEqual(lenses!.map((l) => l.range), freshLenses!.map((l) => l.range));
  });

  it('scans the workspace with progress, lists skipped files and publishes findings of unopened files', async () => {
    const result = await client.connection.sendRequest(ScanWorkspaceRequest.type, { workDoneToken: 'scan-1' });
    assert.equal(result.cancelled, false);
    assert.ok(result.filesListed >= 302, `listed ${result.filesListed}`);
    assert.ok(result.prompts >= 300);
    assert.ok(result.monthlyUsd > 0);
    assert.deepEqual(result.skipped.map((s) => [path.relative(ws.root, s.path), s.reason]), [['vendor/bundle.min.js', 'looks minified or generated']]);
    const kinds = client.progress.items.filter((p) => p.token === 'scan-1').map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    const published = await client.diagnostics.next((p) => p.uri.endsWith('/pkg3/module13.py'), true);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['unbounded-output']);
  });

  it('answers a cancelled scan request with RequestCancelled', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(ScanWorkspaceRequest.type, {}, source.token);
    source.cancel();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  it('stops a scan cancelled from its progress notification and returns what it found', async () => {
    const created = new Promise<string | number>((resolve) => {
      client.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
        resolve(params.token);
      });
    });
    const pending = client.connection.sendRequest(ScanWorkspaceRequest.type, {});
    const token = await created;
    await client.progress.next((p) => p.token === token && p.value.kind === 'begin', true);
    await client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.ok(result.filesListed >= 302);
  });
});
