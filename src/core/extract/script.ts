import type { Tree } from 'web-tree-sitter';
import type { CallSite, PromptSite, SourceLanguage } from './model';

/** Prompts and LLM calls in a TypeScript, TSX or JavaScript file. */
export function extractScript(tree: Tree, text: string, language: SourceLanguage): { prompts: PromptSite[]; calls: CallSite[] } {
  void tree;
  void text;
  void language;
  return { prompts: [], calls: [] };
}
