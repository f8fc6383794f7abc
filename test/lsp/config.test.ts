import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeLensRequest, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from './lsp-client';
import { makeWorkspace } from './workspace';

describe('.promptcost.yaml in the language server', () => {
  const ws = makeWorkspace();
  let client: TestClient;
  let tsUri: string;
  const configFile = path.join(ws.root, '.promptcost.yaml');
  const configUri = uriOf(configFile);
  const good = ws.read('.promptcost.yaml');

  const monthlyLens = async (): Promise<string> => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: tsUri } }))!;
    return /\$[\d.,]+\/month/.exec(lenses[0].command!.title)![0];
  };
  const configChanged = async (type: FileChangeType) => {
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type }] });
  };

  before(async () => {
    client = await TestClient.start({ workspace: ws.root });
    tsUri = await client.open(path.join(ws.root, 'summarize.ts'), 'typescript', ws.read('summarize.ts'));
    await client.diagnosticsFor(tsUri, 1);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('shows YAML errors in the file at their line and column, and keeps the last good configuration', async () => {
    const atVolume30k = await monthlyLens();
    fs.writeFileSync(configFile, good.replace('  default: 30000', '  default: [30000'));
    const published = client.diagnostics.next((p) => p.uri === configUri);
    const status = client.status.next((s) => s.uri === configUri);
    await configChanged(FileChangeType.Changed);
    const diagnostics = (await published).diagnostics;
    assert.ok(diagnostics.length >= 1);
    assert.equal(diagnostics[0].severity, 1);
    assert.equal(diagnostics[0].source, 'promptcost');
    assert.match(diagnostics[0].message, /YAML/);
    assert.ok(diagnostics[0].range.start.line >= 3, `line ${diagnostics[0].range.start.line}`);
    assert.equal((await status).state, 'error');
    assert.equal(await monthlyLens(), atVolume30k, 'the last good volume stays in force');
  });

  it('reports schema errors as well, located at the offending value', async () => {
    fs.writeFileSync(configFile, good.replace('expectedOutputTokens: 300', 'expectedOutputTokens: lots'));
    const published = client.diagnostics.next((p) => p.uri === configUri);
    await configChanged(FileChangeType.Changed);
    const [first] = (await published).diagnostics;
    assert.match(first.message, /expectedOutputTokens/);
    assert.deepEqual(first.range.start, { line: 1, character: 22 });
  });

  it('applies a fixed file, and falls back to defaults when the file is deleted', async () => {
    fs.writeFileSync(configFile, good.replace('default: 30000', 'default: 60000'));
    let published = client.diagnostics.next((p) => p.uri === configUri);
    await configChanged(FileChangeType.Changed);
    assert.deepEqual((await published).diagnostics, []);
    const at60k = await monthlyLens();
    fs.rmSync(configFile);
    published = client.diagnostics.next((p) => p.uri === configUri);
    await configChanged(FileChangeType.Deleted);
    assert.deepEqual((await published).diagnostics, []);
    const atDefault = await monthlyLens();
    const dollars = (s: string) => Number(s.replace(/[$,]|\/month/g, ''));
    assert.ok(dollars(at60k) > dollars(atDefault) * 20, `${at60k} at 60,000 calls vs ${atDefault} at the default 1,000`);
  });

  it('checks an open config buffer as it is typed', async () => {
    fs.writeFileSync(configFile, good);
    const uri = await client.open(configFile, 'yaml', good);
    const published = client.diagnostics.next((p) => p.uri === uri && p.diagnostics.length > 0);
    await client.replaceAll(uri, good, `${good}rules:\n  unbounded-output: loud\n`);
    const [problem] = (await published).diagnostics;
    assert.match(problem.message, /rules\.unbounded-output/);
    assert.equal(problem.range.start.line, good.split('\n').length);
  });
});
