import type { Tree } from 'web-tree-sitter';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { analyzeTree, languageOfPath, looksMinified, MAX_FILE_BYTES, type FileAnalysis, type Notice, type SourceLanguage } from '../core/extract';
import type { Grammars } from '../core/extract/parser';
import type { FileResult } from './analyse-file';
import { applyChanges, type PendingEdits } from './incremental-edits';

/** The analysis of one version of an open document. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  text: string;
  /** Null when the document is not analysed (skipped) or analysis failed. */
  result: FileResult | null;
  /** Why the document was skipped, when it was. */
  skipped: Notice | null;
  /** What failed, when analysis threw. */
  error: string | null;
  elapsedMs: number;
}

const LANGUAGE_BY_ID: Record<string, SourceLanguage> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

/** The language a document is parsed as: its language id, else its file extension. */
export function languageOfDocument(document: Pick<TextDocument, 'languageId' | 'uri'>): SourceLanguage | undefined {
  return LANGUAGE_BY_ID[document.languageId] ?? languageOfPath(document.uri);
}

interface Tracked {
  tree: Tree | null;
  edits: PendingEdits;
  latest: DocumentAnalysis | null;
  /** Analyses run one after another per document; this is the tail of the chain. */
  queue: Promise<unknown>;
  inFlight: { version: number; promise: Promise<DocumentAnalysis> } | null;
  timer: NodeJS.Timeout | null;
  /** When the first change of the current burst arrived, so a never-ending burst still gets analysed. */
  burstStart: number;
  /** The pending timer analyses at once (the server was idle): later changes of the same tick join it. */
  immediate: boolean;
}

export interface DocumentAnalysesOptions {
  grammars: Grammars;
  /** Reads what pricing needs besides the document (modules it imports prompts from); may be a no-op. */
  prepare(analysis: FileAnalysis, uri: string): Promise<void>;
  /** Prices and lints an extraction; may throw (reported as the document's error). */
  evaluate(analysis: FileAnalysis, text: string, uri: string): FileResult;
  /** Called after each analysis that ran to completion. */
  onAnalysed(analysis: DocumentAnalysis): void;
  debounceMs?: number;
  maxWaitMs?: number;
}

/**
 * The analysis cache of the open documents, keyed by uri and version. Changes are debounced; a
 * request for a version not yet analysed analyses it at once. Each document keeps its syntax tree
 * and re-parses incrementally from the edits recorded as changes arrive; trees are freed when
 * replaced or closed (WASM memory is not garbage-collected).
 */
export class DocumentAnalyses {
  private readonly tracked = new Map<string, Tracked>();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: DocumentAnalysesOptions) {
    this.debounceMs = options.debounceMs ?? 25;
    this.maxWaitMs = options.maxWaitMs ?? 500;
  }

  /** TextDocuments configuration that records tree edits as content changes are applied. */
  readonly documentsConfiguration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.dispose(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      const entry = this.entry(document.uri);
      const applied = applyChanges(document, changes, version, entry.edits);
      entry.edits = applied.pending;
      return applied.document;
    },
  };

  private entry(uri: string): Tracked {
    let entry = this.tracked.get(uri);
    if (!entry) {
      entry = { tree: null, edits: [], latest: null, queue: Promise.resolve(), inFlight: null, timer: null, burstStart: 0, immediate: false };
      this.tracked.set(uri, entry);
    }
    return entry;
  }

  /** The latest finished analysis, whatever its version (for cheap, non-blocking answers). */
  latest(uri: string): DocumentAnalysis | null {
    return this.tracked.get(uri)?.latest ?? null;
  }

  /** The analysis of the document's current version, running it now if it is not there yet. */
  get(document: TextDocument): Promise<DocumentAnalysis> {
    const entry = this.entry(document.uri);
    if (entry.latest?.version === document.version) return Promise.resolve(entry.latest);
    if (entry.inFlight?.version === document.version) return entry.inFlight.promise;
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = null;
      entry.immediate = false;
    }
    return this.run(document, entry);
  }

  /**
   * A document changed. When nothing is being analysed or waiting, the change is analysed at once (on
   * the next turn of the event loop, so changes of the same tick go together); changes that arrive
   * while an analysis runs or waits are debounced until they pause, or at the latest until maxWaitMs
   * after the burst began, so typing 100 changes a second costs a few analyses, not a hundred.
   */
  schedule(document: TextDocument): void {
    const entry = this.entry(document.uri);
    if (entry.timer && entry.immediate) return;
    const now = Date.now();
    const idle = !entry.timer && !entry.inFlight;
    if (entry.timer) clearTimeout(entry.timer);
    else entry.burstStart = now;
    entry.immediate = idle;
    const delay = idle ? 0 : Math.max(0, Math.min(this.debounceMs, entry.burstStart + this.maxWaitMs - now));
    entry.timer = setTimeout(() => {
      entry.timer = null;
      entry.immediate = false;
      void this.get(document);
    }, delay);
  }

  /** Forgets a closed document and frees its tree. */
  dispose(uri: string): void {
    const entry = this.tracked.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.tree?.delete();
    entry.tree = null;
    this.tracked.delete(uri);
  }

  /** Drops cached results (configuration or settings changed); the trees stay for re-parsing. */
  invalidate(): void {
    for (const entry of this.tracked.values()) entry.latest = null;
  }

  private run(document: TextDocument, entry: Tracked): Promise<DocumentAnalysis> {
    const version = document.version;
    const promise = entry.queue.then(() => this.analyse(document, entry));
    entry.queue = promise.catch(() => undefined);
    entry.inFlight = { version, promise };
    void promise.then((analysis) => {
      if (entry.inFlight?.promise === promise) entry.inFlight = null;
      if (this.tracked.get(document.uri) !== entry) return;
      entry.latest = analysis;
      this.options.onAnalysed(analysis);
    });
    return promise;
  }

  private async analyse(document: TextDocument, entry: Tracked): Promise<DocumentAnalysis> {
    const started = performance.now();
    const language = languageOfDocument(document);
    const finish = (fields: Partial<DocumentAnalysis>, text: string, version: number): DocumentAnalysis => ({
      uri: document.uri,
      version,
      text,
      result: null,
      skipped: null,
      error: null,
      elapsedMs: performance.now() - started,
      ...fields,
    });
    if (!language) return finish({}, document.getText(), document.version); // not a language the server analyses
    try {
      const parser = await this.options.grammars.parser(language);
      // From here on nothing awaits: the text, its version and the recorded edits belong together.
      const text = document.getText();
      const version = document.version;
      const skipped = skipReason(text);
      if (skipped) {
        this.dropTree(entry);
        return finish({ skipped }, text, version);
      }
      const edits = entry.edits;
      entry.edits = [];
      let old = entry.tree;
      if (old && edits !== 'reset') {
        for (const edit of edits) old.edit(edit as Parameters<Tree['edit']>[0]);
      } else {
        this.dropTree(entry);
        old = null;
      }
      const tree = parser.parse(text, old);
      old?.delete();
      if (this.tracked.get(document.uri) !== entry) {
        tree?.delete(); // closed while the grammar loaded
        return finish({}, text, version);
      }
      entry.tree = tree;
      if (!tree) return finish({ error: 'The parser returned no tree.' }, text, version);
      const analysis = analyzeTree(tree, text, language);
      await this.options.prepare(analysis, document.uri);
      return finish({ result: this.options.evaluate(analysis, text, document.uri) }, text, version);
    } catch (error) {
      this.dropTree(entry);
      return finish({ error: (error as Error).stack ?? String(error) }, document.getText(), document.version);
    }
  }

  private dropTree(entry: Tracked): void {
    entry.tree?.delete();
    entry.tree = null;
    entry.edits = [];
  }
}

/** Too big or minified: parsing costs much and finds nothing a person wrote. */
export function skipReason(text: string): Notice | null {
  if (text.length > MAX_FILE_BYTES) {
    return { kind: 'skipped-large', message: `Skipped: ${(text.length / 1048576).toFixed(1)} MB is over the 1 MB limit for analysis.`, span: null };
  }
  if (looksMinified(text)) return { kind: 'skipped-minified', message: 'Skipped: the file looks minified or generated.', span: null };
  return null;
}
