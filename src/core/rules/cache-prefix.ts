import { formatTokens, formatUsd } from '../analysis/format';
import type { PricedPrompt } from '../analysis/model';
import { costOf } from '../catalog/pricing';
import type { PromptSite } from '../extract/model';
import { countTokens } from '../tokens/count';
import { defineRule } from './define-rule';
import { modelOfCall, monthlyCallsOf, savingsPerCall } from './support/savings';
import { writeLiteral } from './support/write-literal';

interface Options {
  /** Static tokens after the first dynamic part that make a finding (OpenAI caches prefixes from 1,024 tokens). */
  minTokens: number;
}

type MessageId = 'staticAfterDynamic' | 'moveDynamicLast';

/** How each provider caches a prompt prefix. */
const CACHING: Readonly<Record<string, string>> = {
  openai: 'OpenAI caches identical prompt prefixes of 1,024+ tokens automatically',
  anthropic: 'Anthropic caches the prefix up to a cache_control breakpoint',
  google: 'Gemini caches repeated prompt prefixes implicitly',
};

/** Offset in `site.text` of its first placeholder, or -1. */
function firstPlaceholder(site: PromptSite): number {
  let first = -1;
  for (const name of site.placeholders) {
    const at = site.text.indexOf(`{${name}}`);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

function withoutPlaceholders(text: string, placeholders: readonly string[]): string {
  return placeholders.reduce((acc, name) => acc.split(`{${name}}`).join(''), text);
}

/**
 * The prompt text reordered so its dynamic opening paragraphs come last, when every placeholder
 * sits before the first blank line that is followed only by static text; else null.
 */
function dynamicLast(site: PromptSite): string | null {
  const paragraphs = site.text.split(/\n[ \t]*\n/);
  let split = -1;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    if (site.placeholders.some((name) => paragraphs[i].includes(`{${name}}`))) {
      split = i + 1;
      break;
    }
  }
  if (split <= 0 || split >= paragraphs.length) return null;
  const separators = site.text.match(/\n[ \t]*\n/g)!;
  const dynamic = paragraphs.slice(0, split).join('\n\n');
  const rest = paragraphs.slice(split).join('\n\n');
  return `${rest.trim()}${separators[split - 1]}${dynamic.trim()}`;
}

export default defineRule<Options, MessageId>({
  meta: {
    id: 'cache-prefix',
    kind: 'cost',
    description: 'Report long static prompt text placed after dynamic text, where provider prompt caching cannot reach it',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    options: {
      minTokens: { type: 'integer', default: 1024, minimum: 1, description: 'Static tokens after the first dynamic part that make a finding.' },
    },
    messages: {
      staticAfterDynamic:
        '{{staticTokens}} static tokens come after the dynamic part {{placeholder}}, so they are never part of a cached prefix ({{caching}}). Put the static text first: {{saving}} less per 1,000 calls at cached-input prices.',
      moveDynamicLast: 'Move the dynamic part to the end of the prompt',
    },
  },
  check(ctx, { minTokens }) {
    return {
      call(call) {
        const model = modelOfCall(ctx, call);
        // A wrapper's call sends the wrapped call's prompts in the wrapped call's order: judged there.
        if (call.site.relayOf !== undefined || !model || model.cachedInput === null || call.promptIndexes.length === 0) return;
        // The provider sees system text first, then the messages in order.
        const prompts: PricedPrompt[] = call.promptIndexes
          .map((i) => ctx.file.prompts[i])
          .sort((a, b) => Number(b.site.role === 'system') - Number(a.site.role === 'system') || a.site.span.start - b.site.span.start);
        const dynamicIndex = prompts.findIndex((p) => firstPlaceholder(p.site) >= 0);
        if (dynamicIndex < 0) return;
        const dynamic = prompts[dynamicIndex].site;
        const at = firstPlaceholder(dynamic);
        const after = [dynamic.text.slice(at), ...prompts.slice(dynamicIndex + 1).map((p) => p.site.text)].join('\n');
        const staticTokens = countTokens(withoutPlaceholders(after, prompts.flatMap((p) => p.site.placeholders)), model.tokenizer).tokens;
        if (staticTokens < minTokens) return;
        const full = costOf(model, { inputTokens: staticTokens, outputTokens: 0 }).input;
        const cached = costOf(model, { inputTokens: staticTokens, outputTokens: 0, cachedInputTokens: staticTokens }).input;
        const reordered = dynamicIndex === prompts.length - 1 ? dynamicLast(dynamic) : null;
        const literal = reordered ? writeLiteral(ctx.text, dynamic, reordered, ctx.file.language) : null;
        const placeholder = /^\{[^}]*\}/.exec(dynamic.text.slice(at))![0];
        ctx.report({
          messageId: 'staticAfterDynamic',
          data: {
            staticTokens: formatTokens(staticTokens, model.tokenizer !== 'o200k_base' && model.tokenizer !== 'cl100k_base'),
            placeholder,
            caching: CACHING[model.provider] ?? 'providers cache identical prompt prefixes',
            saving: formatUsd((full - cached) * 1000),
          },
          span: dynamic.span,
          savings: savingsPerCall(staticTokens, full - cached, monthlyCallsOf(ctx, call)),
          // Unsafe: the model reads the parts in a new order.
          fixes: literal ? [{ messageId: 'moveDynamicLast', edits: [{ span: dynamic.pieces[0].span, newText: literal }], safe: false }] : [],
        });
      },
    };
  },
});
