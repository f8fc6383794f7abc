import type { Tree } from 'web-tree-sitter';
import type { CallSite, PromptSite, SourceLanguage } from './model';
import { CallFinder, type FoundCall } from './script-calls';
import { indexScript } from './script-index';
import { PromptCollector } from './script-prompts';
import { QuickPrompts } from './script-quick-prompts';
import { findRelays } from './script-relays';
import { ScriptSdk } from './script-sdk';
import { PromptSweep } from './script-sweep';
import { ScriptValues } from './script-values';

/**
 * Prompts and LLM calls in a TypeScript, TSX or JavaScript file. One walk indexes the tree;
 * calls are found from the index, their prompt arguments are followed to the literals that
 * build them, calls of the file's own wrappers become call sites of their own, and prompts that
 * reach no call are found by name and text.
 * The three grammars share node types for everything read here, so `language` needs no branch.
 */
export function extractScript(tree: Tree, text: string, _language: SourceLanguage): { prompts: PromptSite[]; calls: CallSite[] } {
  const index = indexScript(tree, text);
  const values = new ScriptValues(index);
  const finder = new CallFinder(values, new ScriptSdk(values));
  const found: FoundCall[] = [];
  for (const call of index.calls) {
    const hit = finder.find(call);
    if (hit) found.push(hit);
  }
  for (const error of index.errors) found.push(...finder.recover(error));
  found.sort((a, b) => a.site.span.start - b.site.span.start);

  const collector = new PromptCollector(values);
  found.forEach((call, callIndex) => {
    for (const arg of call.prompts) collector.collect(arg, callIndex);
  });
  // Calls of the file's own wrappers come after the LLM calls they relay to, so those indexes stay.
  const sites = found.map((f) => f.site);
  for (const relay of findRelays(values, found, collector.parameterUses)) {
    const callIndex = sites.push(relay.site) - 1;
    // What a wrapper is called with may be data (`ask('test')`): only text that reads as text is kept.
    for (const prompt of relay.prompts) collector.text(prompt.node, { role: prompt.role, callIndex, name: null, viaRef: true }, 0);
  }
  new QuickPrompts(values, collector).run(tree, text);
  new PromptSweep(values, collector).run();

  return { prompts: outermost(collector.sites), calls: sites.map((site, i) => ({ ...site, promptRefs: collector.refsOf(i) })) };
}

/** Sites sorted by position, without unlinked ones that lie inside another site (a literal nested in an interpolation). */
function outermost(sites: PromptSite[]): PromptSite[] {
  const sorted = [...sites].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: PromptSite[] = [];
  let cover: PromptSite | null = null;
  for (const site of sorted) {
    if (cover && site.span.end <= cover.span.end && site.callIndex === null) continue;
    out.push(site);
    if (!cover || site.span.end > cover.span.end) cover = site;
  }
  return out;
}
