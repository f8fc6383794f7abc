import * as path from 'node:path';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { LineIndex } from '../core/analysis/line-index';
import { analyzeSource, looksMinified, MAX_FILE_BYTES, mayContainPrompts } from '../core/extract';
import type { Grammars } from '../core/extract/parser';
import { listSourceFiles, readSourceFile, type SourceFile } from '../runtime/workspace-files';
import type { FileResult } from './analyse-file';
import { findingDiagnostic } from './diagnostics';
import type { ScanResult, SkippedFile } from './protocol';

export interface ScanDependencies {
  grammars: Grammars;
  /** Reads the modules a file imports prompts from, before it is priced. */
  prepare(analysis: Awaited<ReturnType<typeof analyzeSource>>, filePath: string): Promise<void>;
  /** Prices and lints one file's extraction with the configuration governing it. */
  evaluate(analysis: Awaited<ReturnType<typeof analyzeSource>>, text: string, filePath: string): FileResult;
  /** Paths the editor has open: their analysis belongs to the open document, not to the scan. */
  isOpen(filePath: string): boolean;
  ignoreGlobs(root: string): readonly string[];
  publish(filePath: string, diagnostics: Diagnostic[]): void;
  report(done: number, total: number, current: string): void;
  log(message: string): void;
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Analyses every source file of the workspace folders off the request path: between files it
 * yields so hovers and edits are answered, and it stops as soon as it is cancelled. Files too
 * large or minified are skipped and listed with the reason; files without a sign of LLM code are
 * read but not parsed.
 */
export async function scanWorkspace(folders: readonly string[], deps: ScanDependencies, token: CancellationToken): Promise<ScanResult> {
  const started = performance.now();
  const result: ScanResult = {
    filesListed: 0,
    filesAnalysed: 0,
    filesWithPrompts: 0,
    prompts: 0,
    calls: 0,
    findings: 0,
    monthlyUsd: 0,
    skipped: [],
    cancelled: false,
    elapsedMs: 0,
  };
  const files: SourceFile[] = [];
  for (const folder of folders) files.push(...(await listSourceFiles([folder], deps.ignoreGlobs(folder))));
  result.filesListed = files.length;
  const skip = (file: string, reason: string) => {
    const entry: SkippedFile = { path: file, reason };
    result.skipped.push(entry);
    deps.log(`Skipped ${file}: ${reason}`);
  };
  for (let i = 0; i < files.length; i++) {
    if (i % 8 === 0) {
      await yieldToRequests();
      deps.report(i, files.length, path.basename(files[i].path));
    }
    if (token.isCancellationRequested) {
      result.cancelled = true;
      break;
    }
    const file = files[i];
    if (deps.isOpen(file.path)) continue;
    const read = readSourceFile(file.path);
    if (!read.ok) {
      skip(file.path, read.reason);
      continue;
    }
    if (read.text.length > MAX_FILE_BYTES) {
      skip(file.path, `${(read.bytes / 1048576).toFixed(1)} MB is over the 1 MB limit for analysis`);
      continue;
    }
    if (looksMinified(read.text)) {
      skip(file.path, 'looks minified or generated');
      continue;
    }
    if (!mayContainPrompts(read.text)) continue;
    try {
      const analysis = await analyzeSource(deps.grammars, read.text, file.language);
      await deps.prepare(analysis, file.path);
      const evaluated = deps.evaluate(analysis, read.text, file.path);
      result.filesAnalysed++;
      const { costs, findings } = evaluated;
      if (costs.prompts.length > 0) result.filesWithPrompts++;
      result.prompts += costs.prompts.length;
      result.calls += costs.calls.length;
      result.findings += findings.length;
      for (const call of costs.calls) result.monthlyUsd += call.cost?.perMonthUsd ?? 0;
      if (findings.length > 0) {
        const lines = new LineIndex(read.text);
        const positionAt = (offset: number) => lines.position(offset);
        deps.publish(file.path, findings.map((finding, index) => findingDiagnostic(finding, index, positionAt)));
      }
    } catch (error) {
      skip(file.path, `analysis failed: ${(error as Error).message}`);
    }
  }
  deps.report(files.length, files.length, '');
  result.elapsedMs = performance.now() - started;
  return result;
}
