import type { Tree } from 'web-tree-sitter';
import type { CallSite, PromptSite } from './model';
import { CallFinder } from './python-calls';
import { indexPython } from './python-index';
import { PromptCollector } from './python-prompts';
import { sweepUnlinked } from './python-sweep';

/**
 * Prompts and LLM calls in a Python file: index the tree once, find the calls, follow each call's
 * prompt arguments to the literals behind them, then sweep for prompts that reach no call.
 */
export function extractPython(tree: Tree, text: string): { prompts: PromptSite[]; calls: CallSite[] } {
  const index = indexPython(tree, text);
  const calls = new CallFinder(index).find();
  const collector = new PromptCollector(index);
  calls.forEach((call, callIndex) => {
    for (const arg of call.prompts) {
      if (arg.kind === 'text') collector.fromText(arg.node, arg.where, arg.role, null, callIndex, 'direct');
      else if (arg.kind === 'messages') collector.fromMessages(arg.node, arg.where, arg.role, callIndex);
      else collector.fromTemplate(arg.node, arg.where, callIndex);
    }
  });
  sweepUnlinked(index, collector);
  return {
    prompts: collector.sites.sort((a, b) => a.span.start - b.span.start),
    calls: calls.map((call) => call.site),
  };
}
