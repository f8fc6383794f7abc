/**
 * Drives the built language server (dist/server.js) over stdio with a real LSP client connection,
 * answering the requests a client answers (configuration, progress creation, registrations) and
 * collecting what the server pushes (diagnostics, progress, status, log lines).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  ExitNotification,
  ShutdownRequest,
  CodeLensRefreshRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type Position,
} from 'vscode-languageserver-protocol';
import { StatusNotification, type StatusParams } from '../../src/server/protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export const uriOf = (file: string): string => pathToFileURL(file).toString();

export interface ClientOptions {
  workspace: string;
  settings?: Record<string, unknown>;
  /** Advertise window.workDoneProgress (server-initiated progress). */
  workDoneProgress?: boolean;
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

/** A tiny event log: remembers everything, and resolves waiters on the first matching item. */
class Log<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(item)) return true;
      w.resolve(item);
      return false;
    });
  }

  /** The first item from now on (or already logged, when `past`) that passes the test. */
  next(test: (value: T) => boolean, past = false): Promise<T> {
    if (past) {
      const found = this.items.find(test);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

export class TestClient {
  readonly diagnostics = new Log<PublishDiagnosticsParams>();
  readonly status = new Log<StatusParams>();
  readonly progress = new Log<{ token: string | number; value: { kind: string; message?: string; percentage?: number } }>();
  readonly logs: string[] = [];
  private readonly versions = new Map<string, number>();
  settings: Record<string, unknown>;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
  ) {
    this.settings = {};
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => process.env.LSP_TEST_STDERR && process.stderr.write(chunk));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child);
    client.settings = { scanOnStartup: false, ...options.settings };
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => client.settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(CodeLensRefreshRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.diagnostics.push(params));
    connection.onNotification(StatusNotification.type, (params) => client.status.push(params));
    connection.onNotification(LogMessageNotification.type, (params) => client.logs.push(params.message));
    connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => client.progress.push(params));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.workspace),
      workspaceFolders: [{ uri: uriOf(options.workspace), name: path.basename(options.workspace) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true } },
        window: { workDoneProgress: options.workDoneProgress ?? false },
        textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(file: string, languageId: string, text: string): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the range [start, end) with text, as an incremental change; returns the new version. */
  async edit(uri: string, start: Position, end: Position, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
    return version;
  }

  /** Replaces the whole of `oldText` with `newText` through one ranged change. */
  replaceAll(uri: string, oldText: string, newText: string): Promise<number> {
    return this.edit(uri, { line: 0, character: 0 }, endPosition(oldText), newText);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The diagnostics published for a document version (the latest one when no version is given). */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.diagnostics.next((p) => p.uri === uri && (version === undefined || p.version === version), version !== undefined).then((p) => p.diagnostics);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/** Position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`'${needle}' not in the text`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: offset + delta - (before.lastIndexOf('\n') + 1) };
}

export function endPosition(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const offsetAt = (p: Position) => {
    const lines = text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  };
  return [...edits]
    .map((e) => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((acc, e) => acc.slice(0, e.start) + e.newText + acc.slice(e.end), text);
}
