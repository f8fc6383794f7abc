import type { Tree } from 'web-tree-sitter';
import type { CallSite, PromptSite } from './model';

/** Prompts and LLM calls in a Python file. */
export function extractPython(tree: Tree, text: string): { prompts: PromptSite[]; calls: CallSite[] } {
  void tree;
  void text;
  return { prompts: [], calls: [] };
}
