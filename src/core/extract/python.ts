import type { Tree } from 'web-tree-sitter';
import type { CallSite, PromptSite } from './model';
import { CallFinder, mayNameLlmCall } from './python-calls';
import { indexPython, type CallInterest } from './python-index';
import { configuresDefaults } from './python-objects';
import { PromptCollector } from './python-prompts';
import { sweepUnlinked, sweptCallee, sweptKeyword } from './python-sweep';

/** The calls any step below reads: the index confirms only these in the tree. */
const INTEREST: CallInterest = {
  callee: (name) => mayNameLlmCall(name) || sweptCallee(name) || configuresDefaults(name),
  keyword: sweptKeyword,
};

/**
 * Prompts and LLM calls in a Python file: index the file, find the calls, follow each call's
 * prompt arguments to the literals behind them (or to the names they import from other modules),
 * then sweep for prompts that reach no call.
 */
export function extractPython(tree: Tree, text: string): { prompts: PromptSite[]; calls: CallSite[] } {
  const index = indexPython(tree, text, INTEREST);
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
    calls: calls.map((call, callIndex) => ({ ...call.site, promptRefs: collector.refsOf(callIndex) })),
  };
}
