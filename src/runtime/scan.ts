import * as path from 'node:path';
import { priceFile } from '../core/analysis/price-file';
import { LineIndex } from '../core/analysis/line-index';
import type { FileCosts } from '../core/analysis/model';
import type { Catalog } from '../core/catalog';
import type { PromptCostConfig } from '../core/config';
import { analyzeSource, type Notice } from '../core/extract';
import { Grammars } from '../core/extract/parser';
import { fileGrammarSource } from './grammar-files';
import { listSourceFiles, readSourceFile } from './workspace-files';

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
}

let sharedGrammars: Grammars | undefined;
/** One set of grammars per process: they load on the first file that needs them. */
export function defaultGrammars(): Grammars {
  sharedGrammars ??= new Grammars(fileGrammarSource);
  return sharedGrammars;
}

/** Lists, reads, analyses and prices every source file under the paths. Never throws for a bad file. */
export async function scanPaths(options: ScanOptions): Promise<ScanResult> {
  const grammars = options.grammars ?? defaultGrammars();
  const sources = listSourceFiles(options.paths, options.config.ignore);
  const result: ScanResult = { files: [], filesListed: sources.length, filesRead: 0, bytesRead: 0, cancelled: false };
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
    const relativePath = path.relative(options.root, source.path).split(path.sep).join('/');
    const costs = priceFile(analysis, { relativePath, config: options.config, catalog: options.catalog, modelOverride: options.modelOverride });
    notices.push(...analysis.notices);
    if (costs.prompts.length > 0 || costs.calls.length > 0 || notices.length > 0) {
      result.files.push({ file: source.path, costs, text: read.text, lines: new LineIndex(read.text), notices });
    }
  }
  return result;
}
