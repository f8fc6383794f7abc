import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  CancellationTokenSource,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/analysis/line-index';
import { PromptIndex } from '../core/analysis/prompt-index';
import { suggestRoute } from '../core/analysis/route-call';
import { Catalog } from '../core/catalog';
import type { ModelOverride } from '../core/catalog';
import type { PromptCostConfig } from '../core/config';
import type { FileAnalysis, PromptRef } from '../core/extract';
import { Grammars } from '../core/extract/parser';
import { fileGrammarSource } from '../runtime/grammar-files';
import { indexImportedModules } from '../runtime/imported-prompts';
import { priceAndLint, type FileResult } from './analyse-file';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { ConfigStore, effectiveConfig, isConfigFile, type ConfigState } from './config-store';
import { configDiagnostic, findingDiagnostic, noticeDiagnostic, type PositionAt } from './diagnostics';
import { DocumentAnalyses, type DocumentAnalysis } from './document-analyses';
import { fileMonthlyUsd, fileSummary } from './file-summary';
import { hoverAt } from './hover';
import { FileSummaryRequest, ScanWorkspaceRequest, StatusNotification, type ScanResult } from './protocol';
import { DEFAULT_SETTINGS, ServerSettings } from './settings';
import { scanWorkspace } from './workspace-scan';

/** What the client said it can do; the server degrades where it cannot. */
interface ClientCapabilities {
  configuration: boolean;
  workspaceFolders: boolean;
  workDoneProgress: boolean;
  codeLensRefresh: boolean;
  versionedEdits: boolean;
}

const uriToPath = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
const pathToUri = (file: string): string => pathToFileURL(file).toString();

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * The PromptCost language server: owns the open documents, analyses them on change (debounced,
 * cached by version, re-parsed incrementally), watches .promptcost.yaml, scans the workspace in
 * the background, and answers hovers, code lenses, code actions and the custom requests.
 */
export function startServer(connection: Connection): void {
  const grammars = new Grammars(fileGrammarSource);
  const configs = new ConfigStore();
  const catalogs = new WeakMap<PromptCostConfig['models'], Catalog>();
  const lineIndexes = new WeakMap<DocumentAnalysis, LineIndex>();
  let settings: ServerSettings = { ...DEFAULT_SETTINGS };
  let capabilities: ClientCapabilities = { configuration: false, workspaceFolders: false, workDoneProgress: false, codeLensRefresh: false, versionedEdits: false };
  let folders: string[] = [];
  let runningScan: CancellationTokenSource | null = null;

  const log = (message: string) => connection.console.log(message);

  const catalogFor = (config: PromptCostConfig): Catalog => {
    let catalog = catalogs.get(config.models);
    if (!catalog) {
      catalog = new Catalog({ overrides: config.models as Record<string, ModelOverride> });
      catalogs.set(config.models, catalog);
    }
    return catalog;
  };

  /** Paths in volume globs are relative to the folder of the governing config, else the workspace folder. */
  const relativePathOf = (filePath: string, state: ConfigState): string => {
    const root = state.file ? path.dirname(state.file) : folders.find((f) => filePath.startsWith(f + path.sep)) ?? path.dirname(filePath);
    return path.relative(root, filePath).split(path.sep).join('/');
  };

  // Named prompts of every file analysed so far, keyed by absolute path without the leading slash,
  // so a call is priced with the prompt constant it imports from another file.
  const prompts = new PromptIndex();
  const indexKey = (filePath: string) => path.resolve(filePath).split(path.sep).join('/').replace(/^\//, '');

  const imported = { index: prompts, grammars, toFile: (key: string) => path.resolve(path.sep === '/' ? `/${key}` : key), seen: new Set<string>() };
  const prepare = (analysis: FileAnalysis, filePath: string): Promise<void> => indexImportedModules(indexKey(filePath), analysis, imported);

  const evaluate = (analysis: FileAnalysis, text: string, filePath: string): FileResult => {
    const state = configs.forDocument(filePath);
    const config = effectiveConfig(state, settings);
    const key = indexKey(filePath);
    prompts.set(key, analysis);
    imported.seen.add(key);
    const linkPrompt = (ref: PromptRef) => prompts.resolve(key, analysis.language, ref);
    return priceAndLint(analysis, text, relativePathOf(filePath, state), config, catalogFor(config), settings, linkPrompt);
  };

  const positionsOf = (analysis: DocumentAnalysis): PositionAt => {
    let lines = lineIndexes.get(analysis);
    if (!lines) {
      lines = new LineIndex(analysis.text);
      lineIndexes.set(analysis, lines);
    }
    const index = lines;
    return (offset) => index.position(offset);
  };

  const analyses = new DocumentAnalyses({
    grammars,
    prepare: (analysis, uri) => prepare(analysis, uriToPath(uri)),
    evaluate: (analysis, text, uri) => evaluate(analysis, text, uriToPath(uri)),
    onAnalysed: (analysis) => publish(analysis),
  });
  const documents = new TextDocuments<TextDocument>(analyses.documentsConfiguration);

  function publish(analysis: DocumentAnalysis): void {
    const document = documents.get(analysis.uri);
    if (!document || document.version !== analysis.version) return; // a newer analysis is on its way
    const positionAt = positionsOf(analysis);
    const diagnostics: Diagnostic[] = [];
    if (analysis.skipped) diagnostics.push(noticeDiagnostic(analysis.skipped, positionAt));
    analysis.result?.findings.forEach((finding, index) => diagnostics.push(findingDiagnostic(finding, index, positionAt)));
    void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics });
    if (analysis.error) log(`Analysis of ${analysis.uri} failed; its costs are not shown until it is edited.\n${analysis.error}`);
    if (analysis.skipped) log(`${analysis.uri}: ${analysis.skipped.message}`);
    const costs = analysis.result?.costs;
    void connection.sendNotification(StatusNotification.type, {
      uri: analysis.uri,
      state: analysis.error ? 'error' : analysis.skipped ? 'skipped' : 'ok',
      promptCount: costs?.prompts.length ?? 0,
      monthlyUsd: costs ? fileMonthlyUsd(costs) : 0,
      message: analysis.error ? `PromptCost could not analyse ${path.basename(uriToPath(analysis.uri))}. See the output for details.` : analysis.skipped?.message,
      elapsedMs: analysis.elapsedMs,
    });
  }

  function publishConfig(state: ConfigState, uri: string): void {
    const lines = new LineIndex(state.text);
    const diagnostics = state.problems.map((problem) => configDiagnostic(problem, (offset) => lines.position(offset)));
    void connection.sendDiagnostics({ uri, diagnostics });
    const errors = state.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) {
      for (const p of state.problems) log(`${uriToPath(uri)}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    }
    void connection.sendNotification(StatusNotification.type, {
      uri,
      state: errors > 0 ? 'error' : 'ok',
      promptCount: 0,
      monthlyUsd: 0,
      message: errors > 0 ? `${errors} error${errors === 1 ? '' : 's'} in .promptcost.yaml; the last good configuration stays in force until they are fixed.` : undefined,
      elapsedMs: 0,
    });
  }

  /** Configuration or settings changed: every open document is analysed again and lenses refreshed. */
  function reanalyseAll(): void {
    analyses.invalidate();
    for (const document of documents.all()) {
      if (!isConfigFile(uriToPath(document.uri))) void analyses.get(document);
    }
    if (capabilities.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  async function fetchSettings(): Promise<void> {
    if (!capabilities.configuration) return;
    const raw: unknown = await connection.workspace.getConfiguration({ section: 'promptcost' });
    settings = ServerSettings.from(raw);
  }

  /** The analysis of a document's current version, or null for documents the server does not analyse. */
  async function current(uri: string, token: CancellationToken): Promise<{ document: TextDocument; analysis: DocumentAnalysis } | null> {
    const document = documents.get(uri);
    if (!document || isConfigFile(uriToPath(uri))) return null;
    const analysis = await analyses.get(document);
    if (token.isCancellationRequested) throw cancelled();
    if (analysis.version !== document.version) return null;
    return { document, analysis };
  }

  async function runScan(token: CancellationToken, progress: WorkDoneProgressReporter | null): Promise<ScanResult> {
    runningScan?.cancel();
    const source = new CancellationTokenSource();
    runningScan = source;
    const stop = token.onCancellationRequested(() => source.cancel());
    const reporter = progress ?? (capabilities.workDoneProgress ? await connection.window.createWorkDoneProgress() : null);
    const uiCancel = reporter && 'token' in reporter ? (reporter.token as CancellationToken).onCancellationRequested(() => source.cancel()) : null;
    reporter?.begin('PromptCost: scanning the workspace', 0, 'listing files', true);
    try {
      const result = await scanWorkspace(
        folders,
        {
          grammars,
          prepare,
          evaluate,
          isOpen: (file) => documents.get(pathToUri(file)) !== undefined,
          ignoreGlobs: (root) => configs.forFolder(root).config.ignore,
          publish: (file, diagnostics) => void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics }),
          report: (done, total, current) => reporter?.report(total ? Math.floor((done / total) * 100) : 100, `${done}/${total} ${current}`),
          log,
        },
        source.token,
      );
      const skipped = result.skipped.length ? `; ${result.skipped.length} skipped (listed above)` : '';
      log(
        `Workspace scan ${result.cancelled ? 'cancelled' : 'done'}: ${result.filesListed} files, ${result.filesAnalysed} analysed, ${result.prompts} prompts, ` +
          `${result.findings} findings in ${Math.round(result.elapsedMs)} ms${skipped}.`,
      );
      // Open documents were priced before the scan indexed the files they import prompts from.
      reanalyseAll();
      if (token.isCancellationRequested) throw cancelled();
      return result;
    } finally {
      reporter?.done();
      stop.dispose();
      uiCancel?.dispose();
      if (runningScan === source) runningScan = null;
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const client = params.capabilities;
    capabilities = {
      configuration: !!client.workspace?.configuration,
      workspaceFolders: !!client.workspace?.workspaceFolders,
      workDoneProgress: !!client.window?.workDoneProgress,
      codeLensRefresh: !!client.workspace?.codeLens?.refreshSupport,
      versionedEdits: !!client.workspace?.workspaceEdit?.documentChanges,
    };
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'promptcost-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.configuration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri))];
      });
    }
    await fetchSettings().catch((error) => log(`Could not read the promptcost settings; using defaults. ${error}`));
    reanalyseAll();
    if (settings.scanOnStartup && folders.length > 0) {
      runScan(CancellationToken.None, null).catch((error) => {
        if (!(error instanceof ResponseError)) log(`Workspace scan failed: ${(error as Error).stack ?? error}`);
      });
    }
  });

  connection.onDidChangeConfiguration(async () => {
    await fetchSettings().catch((error) => log(`Could not read the promptcost settings; keeping the previous ones. ${error}`));
    reanalyseAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let changed = false;
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!isConfigFile(file)) continue;
      changed = true;
      configs.clearLookups();
      if (change.type === FileChangeType.Deleted) {
        configs.forget(file);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else if (!documents.get(change.uri)) {
        publishConfig(configs.load(file), change.uri);
      }
    }
    if (changed) reanalyseAll();
  });

  documents.onDidOpen(({ document }) => {
    if (isConfigFile(uriToPath(document.uri))) return;
    void analyses.get(document);
  });

  documents.onDidChangeContent(({ document }) => {
    const file = uriToPath(document.uri);
    if (isConfigFile(file)) {
      configs.clearLookups();
      publishConfig(configs.load(file, document.getText()), document.uri);
      reanalyseAll();
      return;
    }
    analyses.schedule(document);
  });

  documents.onDidClose(({ document }) => {
    const file = uriToPath(document.uri);
    analyses.dispose(document.uri);
    if (isConfigFile(file)) {
      // Unsaved edits are gone: the file on disk governs again.
      publishConfig(configs.load(file), document.uri);
      reanalyseAll();
      return;
    }
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(async (params, token) => {
    const open = await current(params.textDocument.uri, token);
    const result = open?.analysis.result;
    if (!open || !result) return null;
    const key = indexKey(uriToPath(params.textDocument.uri));
    return hoverAt(
      {
        costs: result.costs,
        config: result.config,
        catalog: result.catalog,
        relativePath: result.costs.path,
        positionAt: positionsOf(open.analysis),
        suggestModel: (_prompt, call) => (call ? suggestRoute(result.costs, call, result.config, result.catalog)?.suggested.id ?? null : null),
        linkPrompt: (ref) => prompts.resolve(key, result.costs.language, ref),
      },
      open.document.offsetAt(params.position),
    );
  });

  connection.onCodeLens(async (params, token) => {
    const open = await current(params.textDocument.uri, token);
    const result = open?.analysis.result;
    if (!open || !result) return [];
    return codeLenses(open.document.uri, result.costs, positionsOf(open.analysis));
  });

  connection.onCodeAction(async (params, token) => {
    const open = await current(params.textDocument.uri, token);
    const result = open?.analysis.result;
    if (!open || !result) return [];
    return codeActions(params, {
      uri: open.document.uri,
      version: open.document.version,
      findings: result.findings,
      positionAt: positionsOf(open.analysis),
      versionedEdits: capabilities.versionedEdits,
      costs: result.costs,
    });
  });

  connection.onRequest(FileSummaryRequest.type, async ({ uri }, token) => {
    const open = await current(uri, token);
    if (!open) return null;
    const { analysis } = open;
    const notices = [analysis.skipped?.message, analysis.error ? 'The analysis failed; see the PromptCost output.' : undefined].filter((n): n is string => !!n);
    if (!analysis.result) return { uri, version: analysis.version, monthlyUsd: 0, prompts: [], notices };
    return fileSummary(uri, analysis.version, analysis.result.costs, positionsOf(analysis), notices);
  });

  connection.onRequest(ScanWorkspaceRequest.type, (params, token) =>
    runScan(token, params.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : null),
  );

  documents.listen(connection);
  connection.listen();
}
