import picomatch from 'picomatch';
import { defineRule } from './define-rule';
import type { TextEdit } from './model';
import { modelName, nearestModels } from './support/nearest-models';
import { simpleStringContent } from './support/string-literal';

interface Options {
  /** How many "did you mean" suggestions to offer. */
  maxSuggestions: number;
  /** Model strings (globs) to accept without a catalog entry, such as deployment names. */
  ignore: readonly string[];
}

type MessageId = 'unknownModel' | 'unknownModelWithSuggestions' | 'useModel';

export default defineRule<Options, MessageId>({
  meta: {
    id: 'unknown-model',
    kind: 'correctness',
    description: 'Report model strings that are not in the model catalog, so their cost is unknown',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    options: {
      maxSuggestions: { type: 'integer', default: 3, minimum: 0, description: 'How many nearest known model ids to suggest.' },
      ignore: { type: 'string[]', default: [], description: 'Model strings to accept as they are (globs), e.g. Azure deployment names.' },
    },
    messages: {
      unknownModel: "'{{model}}' is not in the model catalog ({{catalogDate}}), so this call's cost is unknown. Add it under `models:` in .promptcost.yaml if it is real.",
      unknownModelWithSuggestions: "'{{model}}' is not in the model catalog ({{catalogDate}}), so this call's cost is unknown. Did you mean {{suggestions}}?",
      useModel: "Use '{{model}}'",
    },
  },
  check(ctx, { maxSuggestions, ignore }) {
    const ignored = ignore.length > 0 ? picomatch([...ignore]) : () => false;
    return {
      call(call) {
        const written = call.site.model;
        if (written === null || call.unknownModel === null || ignored(written)) return;
        // A wrapper's call that takes the wrapper's model is reported once, at the wrapped call.
        if (call.site.relayOf !== undefined && !call.site.modelSpan) return;
        const span = call.site.modelSpan ?? call.site.calleeSpan;
        const content = call.site.modelSpan ? simpleStringContent(ctx.text, call.site.modelSpan) : null;
        const suggestions = nearestModels(ctx.catalog, written, call.site.api, maxSuggestions);
        const fixes = content
          ? suggestions.map((model) => {
              // Keep the literal's own form: a provider prefix stays, a bare name stays bare.
              const current = ctx.text.slice(content.start, content.end);
              const prefix = current.includes('/') ? current.slice(0, current.lastIndexOf('/') + 1) : '';
              const replacement = `${prefix}${modelName(model.id)}`;
              const edit: TextEdit = { span: content, newText: replacement };
              return { messageId: 'useModel' as const, data: { model: replacement }, edits: [edit], safe: false };
            })
          : [];
        ctx.report({
          messageId: suggestions.length > 0 ? 'unknownModelWithSuggestions' : 'unknownModel',
          data: {
            model: written,
            catalogDate: ctx.catalog.catalogDate,
            ...(suggestions.length > 0 ? { suggestions: suggestions.map((model) => `'${model.id}'`).join(', ') } : {}),
          },
          span,
          fixes,
        });
      },
    };
  },
});
