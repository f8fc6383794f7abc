/**
 * The custom messages between the PromptCost client and server, in one place. Each is a namespace
 * with its method (under `promptcost/`), its typed message and a note on who sends it and why.
 * Everything else goes through standard LSP. Imports only vscode-languageserver-protocol, so the
 * extension can use this file without pulling in the server.
 */
import { NotificationType, RequestType, type Range, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';

/** One prompt of a file, as the status bar's list shows it. */
export interface PromptSummary {
  /** Variable or constant name, else the first words of the prompt. */
  label: string;
  range: Range;
  tokens: number;
  estimate: boolean;
  modelId: string | null;
  perCallUsd: number | null;
  perMonthUsd: number | null;
}

export interface FileSummary {
  uri: string;
  version: number;
  /** Estimated monthly cost of the file's priced prompts (their calls), at the configured volume. */
  monthlyUsd: number;
  prompts: PromptSummary[];
  /** Why the file was analysed only in part or skipped, when it was. */
  notices: string[];
}

/** Client -> server: the costs of one open document, for the status bar item and its list. */
export namespace FileSummaryRequest {
  export const method = 'promptcost/fileSummary' as const;
  export const type = new RequestType<{ uri: string }, FileSummary | null, void>(method);
}

export type DocumentState = 'ok' | 'skipped' | 'error';

export interface StatusParams {
  uri: string;
  state: DocumentState;
  promptCount: number;
  monthlyUsd: number;
  /** What the user should know: why a file was skipped, what failed. */
  message?: string;
  /** Time the last analysis took. */
  elapsedMs: number;
}

/**
 * Server -> client, after each analysis of an open document or of the configuration file:
 * drives the status bar item, and (state 'error') the once-per-workspace pop-up.
 */
export namespace StatusNotification {
  export const method = 'promptcost/status' as const;
  export const type = new NotificationType<StatusParams>(method);
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ScanResult {
  filesListed: number;
  filesAnalysed: number;
  filesWithPrompts: number;
  prompts: number;
  calls: number;
  findings: number;
  monthlyUsd: number;
  skipped: SkippedFile[];
  cancelled: boolean;
  elapsedMs: number;
}

export type ScanWorkspaceParams = WorkDoneProgressParams;

/**
 * Client -> server: analyse every source file of the workspace folders in the background,
 * reporting work-done progress; cancellable by the request's token or the progress's.
 */
export namespace ScanWorkspaceRequest {
  export const method = 'promptcost/scanWorkspace' as const;
  export const type = new RequestType<ScanWorkspaceParams, ScanResult, void>(method);
}

/** Arguments of the `promptcost.openPlayground` command the "Open in playground" lens runs. */
export interface OpenPlaygroundArgs {
  uri: string;
  range: Range;
  prompt: string;
  model: string | null;
}

/** Commands the server names in code lenses; the extension registers them. */
export const Commands = {
  openPlayground: 'promptcost.openPlayground',
  showFileCosts: 'promptcost.showFileCosts',
} as const;
