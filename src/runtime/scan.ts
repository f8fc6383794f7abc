import * as path from 'node:path';
import { priceFile } from '../core/analysis/price-file';
import { LineIndex } from '../core/analysis/line-index';
import { PromptIndex } from '../core/analysis/prompt-index';
import type { FileCosts } from '../core/analysis/model';
import type { Catalog } from '../core/catalog';
import type { PromptCostConfig } from '../core/config';
import { analyzeSource, type FileAnalysis, type Notice } from '../core/extract';
import { Grammars } from '../core/extract/parser';
import { fileGrammarSource } from './grammar-files';
import { indexImportedModules } from './imported-prompts';
import { listSourceFiles, readSourceFile, type SourceFile } from './workspace-files';

export interface ScanOptions {
  /** Files and folders to scan. */
  paths: readonly string[];
  /** Folder that volume globs are relative to (the folder of .promptcost.yaml, else the cwd). */
  root: string;
  config: PromptCostConfig;
  catalog: Catalog;
  modelOverride?: string;
  /** Checked between files; a true value stops the scan early with what was found so far. */
  isCancelled?: () => boolean;
  grammars?: Grammars;
}

export interface ScannedFile {
  /** Absolute path. */
  file: string;
  costs: FileCosts | null;
  /** The text that was analysed (offsets in costs point into it); null when the file was not read. */
  text: string | null;
  /** Lines of the text that was analysed, to turn offsets into line numbers. */
  lines: LineIndex | null;
  /** Why the file was read only in part or not at all. */
  notices: Notice[];
}

export interface ScanResult {
  files: ScannedFile[];
  filesListed: number;
  filesRead: number;
  bytesRead: number;
  cancelled: boolean;
  /** The folder paths in the costs are relative to (ScanOptions.root). */
  root: string;
  /** Named prompts of every file read, for pricing a text later with the same links (after `--fix`). */
  promptIndex: PromptIndex;
}

let sharedGrammars: Grammars | undefined;
/** One set of grammars per process: they load on the first file that needs them. */
export function defaultGrammars(): Grammars {
  sharedGrammars ??= new Grammars(fileGrammarSource);
  return sharedGrammars;
}

interface ReadFile {
  source: SourceFile;
  text: string;
  analysis: FileAnalysis;
  notices: Notice[];
}

function rootRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * Lists, reads, analyses and prices every source file under the paths. Never throws for a bad file.
 * Analysis comes first for all files, pricing second, so a call can be priced with a prompt that
 * another file defines; imported modules outside the paths are read for that, not reported.
 */
export async function scanPaths(options: ScanOptions): Promise<ScanResult> {
  const grammars = options.grammars ?? defaultGrammars();
  const sources = await listSourceFiles(options.paths, options.config.ignore);
  const index = new PromptIndex();
  const result: ScanResult = { files: [], filesListed: sources.length, filesRead: 0, bytesRead: 0, cancelled: false, root: options.root, promptIndex: index };
  const analysed: ReadFile[] = [];
  for (const source of sources) {
    if (options.isCancelled?.()) {
      result.cancelled = true;
      break;
    }
    const read = readSourceFile(source.path);
    if (!read.ok) {
      result.files.push({ file: source.path, costs: null, text: null, lines: null, notices: [{ kind: read.kind, message: `Skipped: ${read.reason}.`, span: null }] });
      continue;
    }
    result.filesRead++;
    result.bytesRead += read.bytes;
    const notices: Notice[] = read.lossy
      ? [{ kind: 'invalid-encoding', message: 'The file is not valid UTF-8; invalid bytes were replaced before analysis.', span: null }]
      : [];
    const analysis = await analyzeSource(grammars, read.text, source.language);
    notices.push(...analysis.notices);
    index.set(rootRelative(options.root, source.path), analysis);
    analysed.push({ source, text: read.text, analysis, notices });
  }
  // Modules outside the scanned paths that calls import prompts from are read for that, not reported.
  const imported = { index, grammars, toFile: (key: string) => path.join(options.root, key), seen: new Set(analysed.map((f) => rootRelative(options.root, f.source.path))) };
  for (const { source, analysis } of analysed) await indexImportedModules(rootRelative(options.root, source.path), analysis, imported);
  for (const { source, text, analysis, notices } of analysed) {
    const relativePath = rootRelative(options.root, source.path);
    const costs = priceFile(analysis, {
      relativePath,
      config: options.config,
      catalog: options.catalog,
      modelOverride: options.modelOverride,
      linkPrompt: (ref) => index.resolve(relativePath, source.language, ref),
    });
    if (costs.prompts.length > 0 || costs.calls.length > 0 || notices.length > 0) {
      result.files.push({ file: source.path, costs, text, lines: new LineIndex(text), notices });
    }
  }
  return result;
}
