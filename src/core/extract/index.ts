import type { Node, Tree } from 'web-tree-sitter';
import type { FileAnalysis, Notice, SourceLanguage } from './model';
import type { Grammars } from './parser';
import { extractPython } from './python';
import { extractScript } from './script';

export * from './model';

/** Files larger than this are skipped with a notice: parse time grows with size and no prompt file is this big. */
export const MAX_FILE_BYTES = 1024 * 1024;

const LANGUAGE_BY_EXTENSION: Record<string, SourceLanguage> = {
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
};

/** The language a path is analysed as, from its extension; undefined when not analysed. */
export function languageOfPath(path: string): SourceLanguage | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : LANGUAGE_BY_EXTENSION[path.slice(dot).toLowerCase()];
}

/** Signs that a file may hold a prompt or an LLM call; files with none are not parsed at all. */
const PREFILTER =
  /openai|anthropic|genai|generativeai|gemini|litellm|langchain|llama_?index|dspy|ollama|mistral|groq|generateText|streamText|generateObject|streamObject|['"`](gpt-|claude|o[134]-|chatgpt)|prompt|instruction|you are|system_message|completions|messages\.create/i;

/** Cheap text test run before parsing: most files in a workspace have no LLM code. */
export function mayContainPrompts(text: string): boolean {
  return PREFILTER.test(text);
}

/** Minified or generated code: very long lines, few of them. Parsing it costs much and finds nothing useful. */
export function looksMinified(text: string): boolean {
  if (text.length < 2048) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > 1000 && text.length / lines > 300;
}

export interface AnalyzeOptions {
  /** Skip the prefilter, as the editor does for the open file the user is looking at. */
  force?: boolean;
}

function emptyAnalysis(language: SourceLanguage, notices: Notice[] = []): FileAnalysis {
  return { language, prompts: [], calls: [], notices };
}

/** The first node marked as an error or missing, for the syntax-error notice. */
function firstError(root: Node): Node | null {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return node;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return null;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Finds the prompts and LLM calls in one file's text. Never throws: a file that cannot be
 * analysed gives an empty result with a notice saying why.
 */
export async function analyzeSource(
  grammars: Grammars,
  text: string,
  language: SourceLanguage,
  options: AnalyzeOptions = {},
): Promise<FileAnalysis> {
  if (text.length > MAX_FILE_BYTES) {
    return emptyAnalysis(language, [
      { kind: 'skipped-large', message: `Skipped: ${(text.length / 1048576).toFixed(1)} MB is over the 1 MB limit for analysis.`, span: null },
    ]);
  }
  if (looksMinified(text)) {
    return emptyAnalysis(language, [{ kind: 'skipped-minified', message: 'Skipped: the file looks minified or generated.', span: null }]);
  }
  if (!options.force && !mayContainPrompts(text)) return emptyAnalysis(language);
  const parser = await grammars.parser(language);
  const tree = parser.parse(text);
  if (!tree) return emptyAnalysis(language);
  try {
    return analyzeTree(tree, text, language);
  } finally {
    tree.delete();
  }
}

/** Extraction over a tree the caller owns (the server keeps trees for incremental re-parsing). */
export function analyzeTree(tree: Tree, text: string, language: SourceLanguage): FileAnalysis {
  const notices: Notice[] = [];
  if (tree.rootNode.hasError) {
    const error = firstError(tree.rootNode);
    notices.push({
      kind: 'syntax-error',
      message: 'The file has syntax errors; prompts and calls were found on a best-effort basis.',
      span: error ? { start: error.startIndex, end: error.endIndex } : null,
    });
  }
  try {
    const found = language === 'python' ? extractPython(tree, text) : extractScript(tree, text, language);
    return { language, prompts: found.prompts, calls: found.calls, notices };
  } catch (error) {
    notices.push({ kind: 'internal-error', message: `Extraction failed: ${(error as Error).message}`, span: null });
    return emptyAnalysis(language, notices);
  }
}
