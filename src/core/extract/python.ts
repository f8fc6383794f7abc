import type { Tree } from 'web-tree-sitter';
import type { CallSite, PromptSite } from './model';
import { CallFinder, mayNameLlmCall } from './python-calls';
import { indexPython, type CallInterest } from './python-index';
import { configuresDefaults } from './python-objects';
import { PromptCollector } from './python-prompts';
import { findRelays } from './python-relays';
import { sweepUnlinked, sweptCallee, sweptKeyword } from './python-sweep';

/** The calls any step below reads: the index confirms only these in the tree. */
const INTEREST: CallInterest = {
  callee: (name) => mayNameLlmCall(name) || sweptCallee(name) || configuresDefaults(name),
  keyword: sweptKeyword,
};

/**
 * Prompts and LLM calls in a Python file: index the file, find the calls, follow each call's
 * prompt arguments to the literals behind them (or to the names they import from other modules),
 * add the calls of the file's own functions that pass a parameter on as a prompt, then sweep for
 * prompts that reach no call.
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
  // Calls of the file's own wrappers come after the LLM calls they relay to, so those indexes stay.
  const sites = calls.map((call) => call.site);
  for (const relay of findRelays(index, calls, collector.parameterUses)) {
    const callIndex = sites.push(relay.site) - 1;
    // What a wrapper is called with may be data (`ask('test')`): only text that reads as text is kept.
    for (const prompt of relay.prompts) collector.fromText(prompt.node, prompt.where, prompt.role, null, callIndex, 'ref');
  }
  sweepUnlinked(index, collector);
  return {
    prompts: collector.sites.sort((a, b) => a.span.start - b.span.start),
    calls: sites.map((site, callIndex) => ({ ...site, promptRefs: collector.refsOf(callIndex) })),
  };
}
