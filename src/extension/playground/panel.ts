/**
 * The playground panel's host side: one webview panel, reused for every prompt; messages from the
 * page are validated on arrival; previews and runs go through the runtime's optimizer pipeline;
 * streamed text is coalesced before it is posted, and nothing grows with the number of runs.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { languageOfPath, type SourceLanguage } from '../../core/extract';
import { runBatch, type BatchItem } from '../../runtime/optimizer/batch';
import { compressMessages } from '../../runtime/optimizer/compress-step';
import type { PipelineRequest } from '../../runtime/optimizer/types';
import { ProviderError } from '../../runtime/providers/errors';
import type { ChatMessage } from '../../runtime/providers/types';
import { scrub } from '../../runtime/secrets';
import type { OpenPlaygroundArgs } from '../../server/protocol';
import {
  parsePlaygroundRequest,
  STEP_SWITCHES,
  type ModelPreview,
  type PlaygroundEvent,
  type PlaygroundInput,
  type PlaygroundRequest,
  type SourceView,
} from '../../shared/webview-messages';
import { addRow, batchInputs, batchRowView, emptyTotals, rowUserText } from './batch-view';
import { mediaRoot, playgroundHtml } from './html';
import type { PlaygroundRuntime, Project } from './runtime';
import { findSourcePrompt, literalEdits, type EditableRole, type SourcePrompt } from './source-prompt';
import { fillVariables, placeholders } from './variables';
import { previewRows, runSummary } from './view-model';
import { wordDiff } from './word-diff';

/** Streamed text waits this long to be posted with what follows it: fewer, larger messages. */
const FLUSH_MS = 30;
/** Models offered in the model field's completion list. */
const MAX_SUGGESTIONS = 400;
/** How often a submitted batch's status is asked for while the panel waits. */
const BATCH_POLL_MS = 5_000;

/** Where the prompt on the panel came from in code. */
interface Origin {
  uri: vscode.Uri;
  language: SourceLanguage;
  /** Offset of the call in the document when the panel opened. */
  callStart: number;
  line: number;
  prompt?: SourcePrompt;
}

export class PlaygroundPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private readonly panelSubscriptions: vscode.Disposable[] = [];
  private origin?: Origin;
  private pendingLoad?: PlaygroundEvent;
  private run?: { id: number; controller: AbortController };
  private batch?: { id: number; controller: AbortController };
  private runCounter = 0;
  private readonly pending = new Map<string, string>();
  private flushTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly runtime: PlaygroundRuntime,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Opens (or reveals) the panel on a prompt from code, or on an empty prompt. */
  async open(args?: OpenPlaygroundArgs): Promise<void> {
    this.origin = args ? await this.originOf(args) : undefined;
    const project = this.project();
    const input = this.initialInput(args, project);
    this.pendingLoad = { type: 'load', input, source: this.sourceView(), suggestions: this.suggestions(project, input.models) };
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside);
      this.post(this.pendingLoad);
      return;
    }
    const panel = vscode.window.createWebviewPanel('promptcost.playground', 'PromptCost Playground', vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [mediaRoot(this.extensionUri)],
    });
    this.panel = panel;
    panel.webview.html = playgroundHtml(panel.webview, this.extensionUri);
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.closed()),
    );
  }

  private closed(): void {
    this.run?.controller.abort();
    this.run = undefined;
    this.batch?.controller.abort(new Error('the playground was closed'));
    this.batch = undefined;
    this.panel = undefined;
    this.clearPending();
    for (const subscription of this.panelSubscriptions.splice(0)) subscription.dispose();
  }

  private async originOf(args: OpenPlaygroundArgs): Promise<Origin | undefined> {
    const uri = vscode.Uri.parse(args.uri);
    const language = languageOfPath(uri.path);
    if (!language) return undefined;
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const start = new vscode.Position(args.range.start.line, args.range.start.character);
      const origin: Origin = { uri, language, callStart: document.offsetAt(start), line: start.line + 1 };
      origin.prompt = await findSourcePrompt(document.getText(), language, origin.callStart);
      return origin;
    } catch (error) {
      this.output.appendLine(`Playground: could not read the prompt at ${args.uri}: ${scrub(String(error))}`);
      return undefined;
    }
  }

  private project(): Project {
    const start = this.origin?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return this.runtime.projectFor(start);
  }

  private initialInput(args: OpenPlaygroundArgs | undefined, project: Project): PlaygroundInput {
    const text = this.origin?.prompt?.text ?? { system: '', user: args?.prompt ?? '' };
    const names = placeholders(`${text.system}\n${text.user}`);
    const model = args?.model ? (project.catalog.resolve(args.model)?.id ?? args.model) : project.config.defaultModel;
    return {
      system: text.system,
      user: text.user,
      history: [],
      variables: Object.fromEntries(names.map((name) => [name, ''])),
      models: [model],
      steps: Object.fromEntries(STEP_SWITCHES.map((step) => [step, true])) as PlaygroundInput['steps'],
    };
  }

  private sourceView(): SourceView | null {
    const origin = this.origin;
    if (!origin) return null;
    const label = `${vscode.workspace.asRelativePath(origin.uri)}:${origin.line}`;
    if (!origin.prompt) return { label, canApply: false, why: 'No LLM call was found there any more.' };
    const writable = (['system', 'user'] as const).filter((role) => origin.prompt?.sites[role]);
    return writable.length > 0
      ? { label, canApply: true }
      : { label, canApply: false, why: 'The prompt is not written as one string literal per role in this file.' };
  }

  private suggestions(project: Project, current: readonly string[]): string[] {
    const preferred = [...current, project.config.defaultModel, ...project.config.compareModels, ...project.config.routing.map((r) => r.model)];
    const rest = project.catalog
      .list()
      .filter((m) => m.kind === 'chat' && m.input !== null)
      .map((m) => m.id);
    return [...new Set([...preferred, ...rest])].slice(0, MAX_SUGGESTIONS);
  }

  private post(event: PlaygroundEvent): void {
    void this.panel?.webview.postMessage(event);
  }

  private notice(level: 'info' | 'error', message: string): void {
    this.post({ type: 'notice', level, message: scrub(message) });
  }

  private receive(message: unknown): void {
    const request = parsePlaygroundRequest(message);
    if (!request) {
      this.output.appendLine(`Playground: ignored a message the page should not send: ${scrub(JSON.stringify(message)).slice(0, 200)}`);
      return;
    }
    this.handle(request).catch((error: unknown) => {
      const text = scrub(error instanceof Error ? error.message : String(error));
      this.output.appendLine(`Playground: ${request.type} failed: ${text}`);
      this.notice('error', text);
    });
  }

  private async handle(request: PlaygroundRequest): Promise<void> {
    switch (request.type) {
      case 'ready':
        if (this.pendingLoad) this.post(this.pendingLoad);
        this.post({ type: 'ledger', ledger: this.runtime.ledgerView() });
        return;
      case 'preview':
        this.post({ type: 'preview', previews: await this.preview(request.input) });
        return;
      case 'run':
        await this.runModels(request.input);
        return;
      case 'cancel':
        this.run?.controller.abort(new Error('cancelled from the playground'));
        return;
      case 'apply':
        await this.apply(request.input);
        return;
      case 'refreshLedger':
        this.post({ type: 'ledger', ledger: this.runtime.ledgerView() });
        return;
      case 'exportCsv':
        await this.exportCsv();
        return;
      case 'setKey':
        await vscode.commands.executeCommand('promptcost.setApiKey');
        return;
      case 'batch':
        await this.submitBatch(request.input, request.rows);
        return;
      case 'cancelBatch':
        this.batch?.controller.abort(new Error('cancelled from the playground'));
        return;
    }
  }

  /** What the panel holds between runs, for the memory bench and tests: none of it may grow with the number of runs. */
  retained(): { panelSubscriptions: number; pendingBuffers: number; flushTimer: boolean; running: boolean; batching: boolean } {
    return { panelSubscriptions: this.panelSubscriptions.length, pendingBuffers: this.pending.size, flushTimer: this.flushTimer !== undefined, running: this.run !== undefined, batching: this.batch !== undefined };
  }

  /** The request the pipeline gets: variables filled in, empty parts left out. */
  private request(input: PlaygroundInput, model: string): PipelineRequest {
    const messages: ChatMessage[] = [];
    const system = fillVariables(input.system, input.variables);
    if (system.trim()) messages.push({ role: 'system', content: system });
    messages.push(...input.history.map((turn) => ({ role: turn.role, content: turn.content })));
    messages.push({ role: 'user', content: fillVariables(input.user, input.variables) });
    const source = this.origin ? { file: vscode.workspace.asRelativePath(this.origin.uri), line: this.origin.line } : undefined;
    return { model, messages, source };
  }

  /** The template text (placeholders kept) after compression: what "Apply to source" writes. */
  private optimizedTemplate(input: PlaygroundInput, project: Project): Record<EditableRole, string> {
    if (!input.steps.compress) return { system: input.system, user: input.user };
    const level = this.runtime.pipelineSettings(project).compress.level;
    const [system, user] = compressMessages(
      [
        { role: 'system', content: input.system },
        { role: 'user', content: input.user },
      ],
      level,
    ).messages;
    return { system: system.content, user: user.content };
  }

  private async preview(input: PlaygroundInput): Promise<ModelPreview[]> {
    const project = this.project();
    const pipeline = this.runtime.pipeline(project, input.steps);
    const optimized = this.optimizedTemplate(input, project);
    const diffs = (['system', 'user'] as const)
      .filter((role) => input[role].trim() !== '')
      .map((role) => ({ role, segments: wordDiff(input[role], optimized[role]) }));
    return Promise.all(
      input.models.map(async (model): Promise<ModelPreview> => {
        const request = this.request(input, model);
        const prepared = await pipeline.plan(request);
        const rows = previewRows({ catalog: project.catalog, requestedModel: model, messages: request.messages, prepared, expectedOutputTokens: project.config.expectedOutputTokens });
        const problem = project.catalog.resolve(model) ? undefined : `${model} is not in the catalog: no price is known (add it under models: in .promptcost.yaml).`;
        return { model, rows, diffs, problem };
      }),
    );
  }

  private async runModels(input: PlaygroundInput): Promise<void> {
    this.run?.controller.abort(new Error('replaced by a new run'));
    const run = { id: ++this.runCounter, controller: new AbortController() };
    this.run = run;
    const project = this.project();
    const pipeline = this.runtime.pipeline(project, input.steps);
    this.post({ type: 'runStarted', runId: run.id, models: input.models });
    await Promise.all(
      input.models.map(async (model) => {
        try {
          const result = await pipeline.run(this.request(input, model), { signal: run.controller.signal, onText: (text) => this.queueChunk(run.id, model, text) });
          this.flush();
          this.post({ type: 'runDone', runId: run.id, model, result: runSummary(result) });
        } catch (error) {
          this.flush();
          this.post({ type: 'runFailed', runId: run.id, model, message: scrub(error instanceof Error ? error.message : String(error)) });
        }
      }),
    );
    if (this.run === run) this.run = undefined;
    this.post({ type: 'ledger', ledger: this.runtime.ledgerView() });
  }

  /**
   * Batch mode: one request per row for the first model, submitted through the provider's batch
   * API by runBatch (cache hits are answered at once), polled, and each result posted as it is read,
   * priced at the batch rate. Only running totals are kept here; the rows live on the page.
   */
  private async submitBatch(input: PlaygroundInput, rows: readonly string[]): Promise<void> {
    const model = input.models[0];
    const inputs = batchInputs(input, rows);
    if (typeof inputs === 'string') return this.notice('error', inputs);
    this.batch?.controller.abort(new Error('replaced by a new batch'));
    const batch = { id: ++this.runCounter, controller: new AbortController() };
    this.batch = batch;
    const project = this.project();
    const deps = this.runtime.batchDeps(project, input.steps, BATCH_POLL_MS);
    const items: BatchItem[] = inputs.map((rowInput, index) => ({ id: String(index), request: this.request(rowInput, model) }));
    let totals = emptyTotals();
    this.post({ type: 'batchStarted', batchRun: batch.id, model, total: items.length });
    try {
      await runBatch(
        items,
        deps,
        {
          onStatus: (message) => this.post({ type: 'batchStatus', batchRun: batch.id, message: scrub(message) }),
          onResult: (result) => {
            const index = Number(result.id);
            const row = batchRowView(index, rowUserText(inputs[index]), { ...result, error: result.error && scrub(result.error) }, project.catalog.resolve(result.model));
            totals = addRow(totals, row);
            this.post({ type: 'batchRow', batchRun: batch.id, row });
          },
        },
        batch.controller.signal,
      );
      this.post({ type: 'batchDone', batchRun: batch.id, totals });
    } catch (error) {
      const message = scrub(error instanceof Error ? error.message : String(error));
      const cancelled = error instanceof ProviderError && error.kind === 'cancelled';
      this.post({ type: cancelled ? 'batchCancelled' : 'batchFailed', batchRun: batch.id, message, totals });
    } finally {
      if (this.batch === batch) this.batch = undefined;
      this.post({ type: 'ledger', ledger: this.runtime.ledgerView() });
    }
  }

  /** Streamed text waits in one buffer per model, posted together within FLUSH_MS. */
  private queueChunk(runId: number, model: string, text: string): void {
    if (this.run?.id !== runId || !this.panel) return;
    const key = `${runId}\u0000${model}`;
    this.pending.set(key, (this.pending.get(key) ?? '') + text);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [key, text] of this.pending) {
      const [runId, model] = key.split('\u0000');
      this.post({ type: 'chunk', runId: Number(runId), model, text });
    }
    this.pending.clear();
  }

  private clearPending(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
  }

  /** Writes the optimized prompt over the literal(s) it came from, as one undoable edit. */
  private async apply(input: PlaygroundInput): Promise<void> {
    const origin = this.origin;
    if (!origin) return this.notice('error', 'This prompt was not opened from code: there is no literal to write back to.');
    const document = await vscode.workspace.openTextDocument(origin.uri);
    const text = document.getText();
    const prompt = await findSourcePrompt(text, origin.language, origin.callStart);
    if (!prompt) return this.notice('error', 'The call is no longer where the playground found it; open the playground from its code lens again.');
    const edits = literalEdits(text, origin.language, prompt, this.optimizedTemplate(input, this.project()));
    if (typeof edits === 'string') return this.notice('error', edits);
    if (edits.length === 0) return this.notice('info', 'The optimized prompt is the same as the source: nothing to write.');
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(origin.uri, new vscode.Range(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return this.notice('error', 'VS Code refused the edit (the file may have changed).');
    origin.prompt = await findSourcePrompt(document.getText(), origin.language, origin.callStart);
    this.notice('info', `Wrote the optimized prompt to ${vscode.workspace.asRelativePath(origin.uri)}:${origin.line} (undo with Ctrl+Z in the editor).`);
  }

  private async exportCsv(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the PromptCost ledger',
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'promptcost-ledger.csv') : undefined,
      filters: { CSV: ['csv'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(this.runtime.ledgerCsv(), 'utf8'));
    this.notice('info', `Exported the ledger to ${path.basename(target.fsPath)}.`);
  }

  dispose(): void {
    this.panel?.dispose();
    this.closed();
  }
}

