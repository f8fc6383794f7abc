import { formatTokens } from '../analysis/format';
import { defineRule } from './define-rule';

type Options = Record<string, never>;

type MessageId = 'callOverflow' | 'promptOverflow';

export default defineRule<Options, MessageId>({
  meta: {
    id: 'context-overflow',
    kind: 'correctness',
    description: "Disallow prompts that, with their output bound, do not fit the model's context window",
    defaultSeverity: 'error',
    fixable: null,
    options: {},
    messages: {
      callOverflow:
        'The prompt ({{inputTokens}} tokens) plus {{outputTokens}} output tokens needs {{total}} tokens, more than the {{contextWindow}}-token context window of {{model}}: the request will be rejected.',
      promptOverflow: 'This prompt alone is {{inputTokens}} tokens, more than the {{contextWindow}}-token context window of {{model}}.',
    },
  },
  check(ctx) {
    return {
      call(call) {
        if (call.contextWindow === null || call.modelId === null) return;
        const total = call.inputTokens.tokens + call.outputTokens;
        if (total <= call.contextWindow) return;
        ctx.report({
          messageId: 'callOverflow',
          data: {
            inputTokens: formatTokens(call.inputTokens.tokens, call.inputTokens.estimate),
            outputTokens: formatTokens(call.outputTokens),
            total: formatTokens(total, call.inputTokens.estimate),
            contextWindow: formatTokens(call.contextWindow),
            model: call.modelId,
          },
          span: call.site.calleeSpan,
        });
      },
      // Prompts that reach no call in this file are priced at the default model; their window still applies.
      prompt(prompt) {
        if (prompt.site.callIndex !== null || prompt.modelId === null) return;
        const contextWindow = ctx.catalog.resolve(prompt.modelId)?.contextWindow ?? null;
        if (contextWindow === null || prompt.tokens.tokens <= contextWindow) return;
        ctx.report({
          messageId: 'promptOverflow',
          data: { inputTokens: formatTokens(prompt.tokens.tokens, prompt.tokens.estimate), contextWindow: formatTokens(contextWindow), model: prompt.modelId },
          span: prompt.site.span,
        });
      },
    };
  },
});
