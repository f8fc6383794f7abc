import * as fs from 'node:fs';
import { modulePathCandidates } from '../core/analysis/module-paths';
import type { PromptIndex } from '../core/analysis/prompt-index';
import { analyzeSource, languageOfPath, type FileAnalysis } from '../core/extract';
import type { Grammars } from '../core/extract/parser';
import { readSourceFile } from './workspace-files';

/** How index keys (workspace-relative or rootless absolute paths) map to files on disk. */
export interface ImportedPromptFiles {
  index: PromptIndex;
  grammars: Grammars;
  toFile(key: string): string;
  /** Keys already analysed, so a module is read once however many calls import it. */
  seen: Set<string>;
}

/**
 * Reads and indexes the module files that a file's calls import prompts from, when the index does
 * not hold them yet: the first candidate of each import that exists on disk.
 */
export async function indexImportedModules(key: string, analysis: FileAnalysis, files: ImportedPromptFiles): Promise<void> {
  for (const ref of analysis.calls.flatMap((call) => call.promptRefs ?? [])) {
    if (files.index.resolve(key, analysis.language, ref)) continue;
    for (const candidate of modulePathCandidates(key, ref.module, analysis.language)) {
      const file = files.toFile(candidate);
      const language = languageOfPath(file);
      if (!language || !fs.existsSync(file)) continue;
      // The first module file that exists is the one Python or the bundler would load.
      if (!files.seen.has(candidate)) {
        files.seen.add(candidate);
        const read = readSourceFile(file);
        if (read.ok) files.index.set(candidate, await analyzeSource(files.grammars, read.text, language));
      }
      break;
    }
  }
}
