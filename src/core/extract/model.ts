/**
 * The data the extractors hand to every layer above them (DESIGN.md, "Data the layers pass").
 * Offsets are UTF-16 code units into the analysed text, as JavaScript strings and tree-sitter's
 * `startIndex` count them; lines and columns are derived at the edges (LSP, CLI) from offsets.
 */

export type SourceLanguage = 'python' | 'typescript' | 'tsx' | 'javascript';

/** A half-open span [start, end) of the analysed text. */
export interface TextSpan {
  start: number;
  end: number;
}

export type PromptRole = 'system' | 'user' | 'developer' | 'assistant' | 'template' | 'other';

/** How the prompt text was put together in the source. */
export type PromptConstruction =
  | 'literal'
  | 'f-string'
  | 'template-literal'
  | 'tagged-template'
  | 'concatenation'
  | 'join'
  | 'format'
  | 'percent'
  | 'constant'
  | 'builder'
  | 'docstring';

/**
 * The SDK surface a call goes through. Kept as an open string union so that new SDKs need
 * no change here; the known ones are listed for completion and for the JSON contract.
 */
export type CallApi =
  | 'openai.chat'
  | 'openai.responses'
  | 'openai.completions'
  | 'anthropic.messages'
  | 'google.generateContent'
  | 'litellm'
  | 'langchain'
  | 'llamaindex'
  | 'vercel-ai'
  | 'dspy'
  | 'http'
  | (string & {});

/** One string literal (or template literal) that contributes text to a prompt. */
export interface LiteralPiece {
  /** From the opening quote (and prefix such as f, r, b) to the closing quote. */
  span: TextSpan;
  /** The quote as written: `"`, `'`, `"""`, `'''`, or a backtick. */
  quote: string;
  /** String prefix letters in Python (`f`, `rb`, ...); empty elsewhere. */
  prefix: string;
}

export interface PromptSite {
  /** Span from the opening quote of the first literal piece to the closing quote of the last. */
  span: TextSpan;
  /** The literal pieces in source order; a fix that rewrites the text edits these. */
  pieces: LiteralPiece[];
  /** The text the model receives, escapes decoded, interpolations written `{name}`. */
  text: string;
  /** Names of interpolations and framework slots, in order of first appearance, each once. */
  placeholders: string[];
  role: PromptRole;
  construction: PromptConstruction;
  /** Variable, constant or function the prompt is bound to, when there is one. */
  name: string | null;
  /** Index into FileAnalysis.calls of the call the prompt reaches in this file, or null. */
  callIndex: number | null;
}

/**
 * A prompt argument that names something imported from another module (`from .prompts import
 * SYSTEM_PROMPT`, `import { SYSTEM } from './prompts'`). The workspace links it to the prompt
 * defined there, so the call's cost includes text written in another file.
 */
export interface PromptRef {
  /** The name as the other module exports it (before any `as` alias). */
  name: string;
  /** The module specifier as written: `.prompts`, `app.prompts`, `./prompts`, `@/lib/prompts`. */
  module: string;
  role: PromptRole;
  /** The identifier at the call, or the reference in the messages list. */
  span: TextSpan;
}

export type OutputBoundOrigin = 'call' | 'constructor' | 'config';

export interface OutputBound {
  /** The numeric bound, or null when it is set to a value that cannot be resolved statically. */
  value: number | null;
  /** The parameter as written (`max_tokens`, `maxOutputTokens`, ...). */
  parameter: string;
  origin: OutputBoundOrigin;
  span: TextSpan;
}

/** How the call's arguments are written, so fixes can add a parameter in the same style. */
export type ArgumentStyle = 'keyword' | 'object' | 'positional' | 'none';

export interface CallSite {
  /** The whole call expression. */
  span: TextSpan;
  /** The callee, e.g. `client.chat.completions.create`. */
  callee: string;
  calleeSpan: TextSpan;
  api: CallApi;
  /** The model string as written or resolved from a constant; null when not resolvable. */
  model: string | null;
  /** The string literal holding the model, when the model is a literal in this file. */
  modelSpan: TextSpan | null;
  outputBound: OutputBound | null;
  /** True when the call sits in a loop, comprehension, map callback or Promise.all over items. */
  inLoop: boolean;
  /** The expression passed as the chat history / messages / contents, when there is one. */
  messagesSpan: TextSpan | null;
  /** The argument list (parentheses excluded) or the options object literal (braces included). */
  argumentsSpan: TextSpan;
  argumentStyle: ArgumentStyle;
  /** The bound parameter this SDK call takes (`max_tokens`, `max_output_tokens`, `maxOutputTokens`, ...). */
  boundParameter: string | null;
  /** Prompt arguments imported from other modules; absent where the extractor does not follow imports. */
  promptRefs?: PromptRef[];
  /**
   * Set on a call of the file's own function that passes its arguments on to an LLM call in that
   * function (`ask("Summarize ...")` where `def ask(q): client...create(...q...)`): the index in
   * FileAnalysis.calls of that LLM call. This call sends that call's fixed prompts and its own.
   */
  relayOf?: number;
  /**
   * For such a call that leaves the wrapper's model parameter at its default: where an argument for
   * it can go, so a fix can pick another model for this call alone. `keyword` inserts `name="..."`
   * (Python); `positional` appends the next argument (JS/TS, only when it is that parameter's turn).
   */
  modelArgument?: { name: string; at: number; style: 'keyword' | 'positional'; first: boolean };
}

export type NoticeKind =
  | 'skipped-large'
  | 'skipped-minified'
  | 'skipped-binary'
  | 'syntax-error'
  | 'invalid-encoding'
  | 'unreadable'
  | 'internal-error';

/** Something the user should know about a file that was analysed only in part, or not at all. */
export interface Notice {
  kind: NoticeKind;
  message: string;
  span: TextSpan | null;
}

export interface FileAnalysis {
  language: SourceLanguage;
  prompts: PromptSite[];
  calls: CallSite[];
  notices: Notice[];
}
