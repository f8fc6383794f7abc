import * as path from 'node:path';
import { LineIndex } from '../core/analysis/line-index';
import type { FileCosts } from '../core/analysis/model';
import { priceFile } from '../core/analysis/price-file';
import type { PromptIndex } from '../core/analysis/prompt-index';
import { analyzeSource, type FileAnalysis, type Notice, type PromptRef, type SourceLanguage } from '../core/extract';
import { lintFile, type Finding } from '../core/rules';
import { defaultGrammars, scanPaths, type ScanResult } from '../runtime/scan';
import type { CommandIo } from './command';
import type { Project } from './project';

/** One analysed source file with the findings of every rule, as `lint` and `report` see it. */
export interface AnalysedFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the cwd, forward slashes: what people read and what SARIF and links use. */
  path: string;
  text: string;
  lines: LineIndex;
  costs: FileCosts;
  findings: Finding[];
  notices: Notice[];
}

export interface AnalysedWorkspace {
  files: AnalysedFile[];
  /** Files that could not be read or analysed, with why. */
  skipped: Array<{ path: string; notices: Notice[] }>;
  scan: ScanResult;
}

export function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** Path relative to the project root, for volume globs. */
function rootRelative(file: string, project: Project): string {
  return path.relative(project.root, file).split(path.sep).join('/');
}

/** Runs the rules over one priced text, with the configuration and inline disables in force. */
export function lintCosts(costs: FileCosts, text: string, project: Project): Finding[] {
  return lintFile({ file: costs, text, config: project.loaded.config, catalog: project.catalog });
}

/**
 * Scans the paths and lints every file that has prompts or calls: the same pipeline the editor runs
 * per document (extract, price, rules, inline disables), over the whole workspace.
 */
export async function analyseWorkspace(paths: readonly string[], project: Project, io: Pick<CommandIo, 'cwd'>): Promise<AnalysedWorkspace> {
  const scan = await scanPaths({ paths, root: project.root, config: project.loaded.config, catalog: project.catalog });
  const files: AnalysedFile[] = [];
  const skipped: AnalysedWorkspace['skipped'] = [];
  for (const scanned of scan.files) {
    const shown = displayPath(scanned.file, io.cwd);
    if (!scanned.costs || scanned.text === null || !scanned.lines) {
      skipped.push({ path: shown, notices: scanned.notices });
      continue;
    }
    files.push({
      file: scanned.file,
      path: shown,
      text: scanned.text,
      lines: scanned.lines,
      costs: scanned.costs,
      findings: lintCosts(scanned.costs, scanned.text, project),
      notices: scanned.notices,
    });
  }
  return { files, skipped, scan };
}

/** Extracts and prices one text that is not on disk (a file at a git ref), as if it sat at `file`. */
export async function priceText(text: string, language: SourceLanguage, file: string, project: Project, index?: PromptIndex): Promise<FileCosts> {
  return priceAnalysis(await analyzeSource(defaultGrammars(), text, language), file, project, index);
}

/** Prices one file's analysis, linking imported prompts through `index` when given. */
export function priceAnalysis(analysis: FileAnalysis, file: string, project: Project, index?: PromptIndex): FileCosts {
  const relativePath = rootRelative(file, project);
  const linkPrompt = index ? (ref: PromptRef) => index.resolve(relativePath, analysis.language, ref) : undefined;
  return priceFile(analysis, { relativePath, config: project.loaded.config, catalog: project.catalog, linkPrompt });
}

/** Re-analyses a file after its text changed (after `--fix`), keeping its place in the workspace. */
export async function reanalyse(previous: AnalysedFile, text: string, project: Project, index: PromptIndex): Promise<AnalysedFile> {
  const costs = await priceText(text, previous.costs.language, previous.file, project, index);
  return { ...previous, text, lines: new LineIndex(text), costs, findings: lintCosts(costs, text, project), notices: costs.notices };
}
