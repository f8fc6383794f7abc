import { formatUsd } from '../analysis/format';
import { costOf } from '../catalog/pricing';
import { defineRule } from './define-rule';
import { modelOfCall, monthlyCallsOf, savingsPerCall } from './support/savings';

type Options = Record<string, never>;

type MessageId = 'useBatchApi' | 'useConcurrency';

/** Each provider's batch API, as its docs name it. */
const BATCH_APIS: Readonly<Record<string, string>> = {
  openai: 'OpenAI Batch API (client.batches.create)',
  anthropic: 'Anthropic Message Batches API (client.messages.batches.create)',
  google: 'Gemini Batch Mode (client.batches.create)',
};

export default defineRule<Options, MessageId>({
  meta: {
    id: 'call-in-loop',
    kind: 'cost',
    description: "Suggest the provider's batch API for LLM calls made one by one inside a loop over items",
    defaultSeverity: 'info',
    fixable: null,
    options: {},
    messages: {
      useBatchApi:
        'LLM call inside a loop over items. If the results can wait (up to 24 hours), send them through the {{batchApi}} at {{discount}} of the price: {{saving}} less per 1,000 calls.',
      useConcurrency:
        'LLM call made once per item of a loop. No batch price is known for {{provider}}; to cut the wall time, send the requests concurrently with a limit ({{how}}).',
    },
  },
  check(ctx) {
    const how = ctx.file.language === 'python' ? 'asyncio.gather with an asyncio.Semaphore' : 'Promise.all over chunks, or p-limit';
    return {
      call(call) {
        if (!call.site.inLoop) return;
        const model = modelOfCall(ctx, call);
        const batchApi = model ? BATCH_APIS[model.provider] : undefined;
        if (!model || !batchApi || model.batchInput === null || model.batchOutput === null) {
          ctx.report({ messageId: 'useConcurrency', data: { provider: model?.provider ?? 'this model', how }, span: call.site.calleeSpan });
          return;
        }
        const usage = { inputTokens: call.inputTokens.tokens, outputTokens: call.outputTokens };
        const saved = costOf(model, usage).total - costOf(model, { ...usage, batch: true }).total;
        const list = (model.input ?? 0) + (model.output ?? 0);
        const discount = list > 0 ? `${Math.round((((model.batchInput ?? 0) + (model.batchOutput ?? 0)) / list) * 100)}%` : 'a share';
        ctx.report({
          messageId: 'useBatchApi',
          data: { batchApi, discount, saving: formatUsd(saved * 1000) },
          span: call.site.calleeSpan,
          savings: savingsPerCall(0, saved, monthlyCallsOf(ctx, call)),
        });
      },
    };
  },
});
