import { countableText } from '../analysis/price-file';
import { formatTokens, formatUsd } from '../analysis/format';
import { costOf } from '../catalog/pricing';
import { checkPreserved, compress, type CompressLevel } from '../compress';
import { memoize } from '../lru';
import { countTokens } from '../tokens/count';
import { defineRule } from './define-rule';
import { monthlyCallsOf, savingsPerCall } from './support/savings';
import { writeLiteral } from './support/write-literal';

interface Options {
  /** Report when compression saves at least this many tokens... */
  minTokens: number;
  /** ...or at least this share of the prompt, in percent. */
  minPercent: number;
  level: string;
}

type MessageId = 'verbosePrompt' | 'useCompressed';

/** Compression and its must-keep check, kept per text: the editor re-lints on every keystroke. */
const compressChecked = memoize(
  (text: string, level: CompressLevel) => {
    const result = compress(text, { level });
    return { result, keepsAll: checkPreserved(text, result.text).lost.length === 0 };
  },
  (text, level) => `${level}\u0000${text}`,
);

/** A short quote of one edit, for the message. */
function example(before: string, after: string): string {
  const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s).replace(/\s+/g, ' ');
  return after ? `"${clip(before)}" -> "${clip(after)}"` : `drop "${clip(before)}"`;
}

export default defineRule<Options, MessageId>({
  meta: {
    id: 'verbose-prompt',
    kind: 'cost',
    description: 'Report prompts that say the same thing in noticeably fewer tokens once compressed',
    defaultSeverity: 'warning',
    fixable: 'safe',
    options: {
      minTokens: { type: 'integer', default: 20, minimum: 1, description: 'Report when compression saves at least this many tokens.' },
      minPercent: { type: 'number', default: 20, minimum: 0, maximum: 100, description: 'Report when compression saves at least this share of the prompt, in percent.' },
      level: { type: 'string', default: 'safe', enum: ['safe', 'aggressive'], description: 'Compression level: `safe` keeps meaning and tone, `aggressive` also drops style.' },
    },
    messages: {
      verbosePrompt:
        'This prompt says the same in {{after}} tokens instead of {{before}} ({{percent}}% fewer, {{saving}} less per 1,000 calls) with {{edits}} edit(s), e.g. {{example}}.',
      useCompressed: 'Use the compressed prompt ({{saved}} tokens fewer)',
    },
  },
  check(ctx, { minTokens, minPercent, level }) {
    return {
      prompt(prompt) {
        if (prompt.tokens.tokens === 0) return;
        const { result, keepsAll } = compressChecked(prompt.site.text, level as CompressLevel);
        if (result.edits.length === 0 || result.text === prompt.site.text) return;
        const model = prompt.modelId === null ? undefined : ctx.catalog.resolve(prompt.modelId);
        const family = model?.tokenizer ?? 'o200k_base';
        const before = countTokens(countableText(prompt.site), family).tokens;
        const after = countTokens(countableText({ ...prompt.site, text: result.text }), family).tokens;
        const saved = before - after;
        const percent = before > 0 ? Math.round((saved / before) * 100) : 0;
        if (saved <= 0 || (saved < minTokens && percent < minPercent)) return;
        const usdPerCall = model ? costOf(model, { inputTokens: before, outputTokens: 0 }).input - costOf(model, { inputTokens: after, outputTokens: 0 }).input : 0;
        const literal = keepsAll ? writeLiteral(ctx.text, prompt.site, result.text, ctx.file.language) : null;
        const first = result.edits[0];
        ctx.report({
          messageId: 'verbosePrompt',
          data: {
            before: formatTokens(before, prompt.tokens.estimate),
            after: formatTokens(after, prompt.tokens.estimate),
            percent,
            saving: formatUsd(usdPerCall * 1000),
            edits: result.edits.length,
            example: example(first.before, first.after),
          },
          span: prompt.site.span,
          savings: model ? savingsPerCall(saved, usdPerCall, monthlyCallsOf(ctx, prompt.site.callIndex === null ? null : ctx.file.calls[prompt.site.callIndex])) : null,
          // Safe at the safe level: that level keeps every instruction, placeholder and limit (checked above).
          fixes: literal
            ? [{ messageId: 'useCompressed', data: { saved }, edits: [{ span: prompt.site.pieces[0].span, newText: literal }], safe: level === 'safe' }]
            : [],
        });
      },
    };
  },
});
