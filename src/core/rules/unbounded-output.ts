import { costOf } from '../catalog/pricing';
import { formatTokens } from '../analysis/format';
import { defineRule } from './define-rule';
import { findLengthInstruction } from './length-instruction';
import { addBoundEdits } from './support/add-bound';
import { modelOfCall, monthlyCallsOf, savingsPerCall } from './support/savings';

interface Options {
  /** A length instruction in the prompt ("at most 3 sentences") counts as a bound. */
  acceptLengthInstruction: boolean;
}

type MessageId = 'missingBound' | 'missingBoundNoMaximum' | 'addBound';

export default defineRule<Options, MessageId>({
  meta: {
    id: 'unbounded-output',
    kind: 'cost',
    description: 'Require an output token bound, or a length instruction in the prompt, on every LLM call',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    options: {
      acceptLengthInstruction: {
        type: 'boolean',
        default: true,
        description: 'Accept a length instruction in the prompt ("at most 3 sentences", "one word") in place of a bound parameter.',
      },
    },
    messages: {
      missingBound: 'This {{api}} call sets no output bound and its prompt asks for no length limit: a reply can run to {{maxOutput}} output tokens. Set `{{parameter}}`.',
      missingBoundNoMaximum: 'This {{api}} call sets no output bound and its prompt asks for no length limit, so the reply length is up to the model. Set `{{parameter}}`.',
      addBound: 'Add {{parameter}}: {{value}}',
    },
  },
  check(ctx, { acceptLengthInstruction }) {
    return {
      call(call) {
        // The bound of a wrapper's call is set on the wrapped call, which is reported instead.
        if (call.site.outputBound || call.site.relayOf !== undefined) return;
        // A wrapped call needs no bound when every call of its wrapper asks for a length in its prompts.
        const sent = call.relayedBy.length > 0 ? call.relayedBy.map((i) => ctx.file.calls[i].promptIndexes) : [call.promptIndexes];
        const asksLength = (indexes: number[]) => indexes.some((i) => findLengthInstruction(ctx.file.prompts[i].site.text));
        if (acceptLengthInstruction && sent.every(asksLength)) return;
        const value = ctx.config.expectedOutputTokens;
        const parameter = call.site.boundParameter ?? 'an output token limit';
        const model = modelOfCall(ctx, call);
        const maxOutput = model?.maxOutput ?? null;
        const edits = addBoundEdits(ctx.text, call.site, ctx.file.language, value);
        // What the bound saves at worst: the tokens between the model's maximum reply and the bound.
        const excess = model && maxOutput !== null ? Math.max(0, maxOutput - value) : null;
        const savings =
          model && excess !== null ? savingsPerCall(excess, costOf(model, { inputTokens: 0, outputTokens: excess }).output, monthlyCallsOf(ctx, call)) : null;
        ctx.report({
          messageId: maxOutput !== null ? 'missingBound' : 'missingBoundNoMaximum',
          data: { api: call.site.api, parameter, ...(maxOutput !== null ? { maxOutput: formatTokens(maxOutput) } : {}) },
          span: call.site.calleeSpan,
          savings,
          // Unsafe: a bound can cut a reply short, which changes what the program sees.
          fixes: edits ? [{ messageId: 'addBound', data: { parameter, value }, edits, safe: false }] : [],
        });
      },
    };
  },
});
