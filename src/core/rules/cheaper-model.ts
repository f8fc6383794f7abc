import { formatUsd } from '../analysis/format';
import { suggestRoute } from '../analysis/route-call';
import { defineRule } from './define-rule';
import type { CallSite } from '../extract/model';
import type { TextEdit } from './model';
import { modelName } from './support/nearest-models';
import { monthlyCallsOf, savingsPerCall } from './support/savings';
import { simpleStringContent } from './support/string-literal';

interface Options {
  /** Smallest saving worth a finding, as a percentage of the call's current cost. */
  minSavingsPercent: number;
}

type MessageId = 'cheaperModel' | 'switchModel';

export default defineRule<Options, MessageId>({
  meta: {
    id: 'cheaper-model',
    kind: 'cost',
    description: 'Suggest the cheaper model that the routing table names for the prompt of a call',
    defaultSeverity: 'info',
    fixable: 'unsafe',
    options: {
      minSavingsPercent: { type: 'number', default: 20, minimum: 0, maximum: 100, description: "Report only when the routed model costs at least this much less (percent of the call's cost)." },
    },
    messages: {
      cheaperModel:
        "This prompt looks like a {{complexity}}-complexity {{task}} task; the routing table sends it to {{suggested}}, {{saving}} less per 1,000 calls than {{model}} ({{percent}}% cheaper). Routing {{rule}}.",
      switchModel: "Switch to '{{model}}'",
    },
  },
  check(ctx, { minSavingsPercent }) {
    return {
      call(call) {
        // An LLM call made through wrapper calls is judged at each of them, with the text each one sends.
        if (!call.cost || call.relayedBy.length > 0) return;
        const suggestion = suggestRoute(ctx.file, call, ctx.config, ctx.catalog);
        if (!suggestion) return;
        const { current, suggested, classification, rule, ruleIndex } = suggestion;
        const saved = call.cost.perCallUsd - suggestion.perCallUsd;
        if (saved <= 0 || (saved / call.cost.perCallUsd) * 100 < minSavingsPercent) return;
        const content = call.site.modelSpan ? simpleStringContent(ctx.text, call.site.modelSpan) : null;
        const fixes = [];
        // Only a same-provider swap is a string change; another provider needs another SDK or key.
        if (content && suggested.provider === current.provider) {
          const written = ctx.text.slice(content.start, content.end);
          const prefix = written.includes('/') ? written.slice(0, written.lastIndexOf('/') + 1) : '';
          const replacement = `${prefix}${modelName(suggested.id)}`;
          const edit: TextEdit = { span: content, newText: replacement };
          fixes.push({ messageId: 'switchModel' as const, data: { model: replacement }, edits: [edit], safe: false });
        } else if (!content && call.site.modelArgument && suggested.provider === current.provider) {
          // A wrapper's call at the wrapper's default model: pass the routed model to this call alone.
          const replacement = modelName(suggested.id);
          fixes.push({ messageId: 'switchModel' as const, data: { model: replacement }, edits: [modelArgumentEdit(ctx.text, call.site.modelArgument, replacement)], safe: false });
        }
        ctx.report({
          messageId: 'cheaperModel',
          data: {
            task: classification.task,
            complexity: classification.complexity,
            suggested: suggested.id,
            model: current.id,
            saving: formatUsd(saved * 1000),
            percent: Math.round((saved / call.cost.perCallUsd) * 100),
            rule: `rule ${ruleIndex + 1}: ${rule.when}`,
          },
          span: call.site.modelSpan ?? call.site.calleeSpan,
          savings: savingsPerCall(Math.max(0, suggestion.promptTokensBefore - suggestion.promptTokensAfter), saved, monthlyCallsOf(ctx)),
          fixes,
        });
      },
    };
  },
});

/** `ask("...")` -> `ask("...", model="gpt-4o-mini")` (Python) or `ask('...', "gpt-4o-mini")` (JS/TS). */
function modelArgumentEdit(text: string, slot: NonNullable<CallSite['modelArgument']>, model: string): TextEdit {
  const value = slot.style === 'keyword' ? `${slot.name}="${model}"` : JSON.stringify(model);
  if (slot.first) return { span: { start: slot.at, end: slot.at }, newText: value };
  // After a trailing comma (`ask(\n    "...",\n)`) the argument goes right behind it.
  const comma = text.slice(0, slot.at).search(/,\s*$/);
  if (comma >= 0) return { span: { start: comma + 1, end: comma + 1 }, newText: ` ${value}` };
  return { span: { start: slot.at, end: slot.at }, newText: `, ${value}` };
}
