import { countableText } from '../analysis/price-file';
import { formatUsd } from '../analysis/format';
import { costOf } from '../catalog/pricing';
import { classifyPrompt, compileRoutingTable, localModelsAllowed, route } from '../route';
import { memoize } from '../lru';
import type { RoutingRule } from '../config/model';
import { countTokens } from '../tokens/count';
import { defineRule } from './define-rule';
import type { TextEdit } from './model';
import { modelName } from './support/nearest-models';
import { modelOfCall, monthlyCallsOf, savingsPerCall } from './support/savings';
import { simpleStringContent } from './support/string-literal';

interface Options {
  /** Smallest saving worth a finding, as a percentage of the call's current cost. */
  minSavingsPercent: number;
}

type MessageId = 'cheaperModel' | 'switchModel';

/** Classification per prompt text, and the compiled table per configuration: both outlive a keystroke. */
const classify = memoize(classifyPrompt, (text) => text);
const compiledTables = new WeakMap<readonly RoutingRule[], ReturnType<typeof compileRoutingTable>['table']>();
function tableFor(routing: readonly RoutingRule[]): ReturnType<typeof compileRoutingTable>['table'] {
  let table = compiledTables.get(routing);
  if (!table) {
    table = compileRoutingTable(routing.map(({ when, model }) => ({ when, model }))).table;
    compiledTables.set(routing, table);
  }
  return table;
}

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
    const table = tableFor(ctx.config.routing);
    const local = localModelsAllowed(ctx.config.providers);
    return {
      call(call) {
        const current = modelOfCall(ctx, call);
        if (!current || !call.cost || call.promptIndexes.length === 0) return;
        const prompts = call.promptIndexes.map((i) => ctx.file.prompts[i]);
        const classification = classify(prompts.map((p) => p.site.text).join('\n\n'));
        const decision = route(classification, table, {
          tokens: call.inputTokens.tokens,
          role: prompts.find((p) => p.site.role === 'system')?.site.role ?? prompts[0].site.role,
          path: ctx.file.path,
          api: call.site.api,
          provider: current.provider,
          local,
        });
        const suggested = decision.model ? ctx.catalog.resolve(decision.model) : undefined;
        if (!suggested || suggested.id === current.id) return;
        // Count the prompts again with the routed model's tokenizer; per-message overhead stays as it was.
        const promptTokens = prompts.reduce((sum, p) => sum + p.tokens.tokens, 0);
        const routedPromptTokens = prompts.reduce((sum, p) => sum + countTokens(countableText(p.site), suggested.tokenizer).tokens, 0);
        const inputTokens = call.inputTokens.tokens - promptTokens + routedPromptTokens;
        if (suggested.contextWindow !== null && inputTokens + call.outputTokens > suggested.contextWindow) return;
        const routedCost = costOf(suggested, { inputTokens, outputTokens: call.outputTokens }).total;
        const saved = call.cost.perCallUsd - routedCost;
        if (saved <= 0 || (saved / call.cost.perCallUsd) * 100 < minSavingsPercent) return;
        const rule = table[decision.ruleIndex];
        const content = call.site.modelSpan ? simpleStringContent(ctx.text, call.site.modelSpan) : null;
        const fixes = [];
        // Only a same-provider swap is a string change; another provider needs another SDK or key.
        if (content && suggested.provider === current.provider) {
          const written = ctx.text.slice(content.start, content.end);
          const prefix = written.includes('/') ? written.slice(0, written.lastIndexOf('/') + 1) : '';
          const replacement = `${prefix}${modelName(suggested.id)}`;
          const edit: TextEdit = { span: content, newText: replacement };
          fixes.push({ messageId: 'switchModel' as const, data: { model: replacement }, edits: [edit], safe: false });
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
            rule: `rule ${decision.ruleIndex + 1}: ${rule.when}`,
          },
          span: call.site.modelSpan ?? call.site.calleeSpan,
          savings: savingsPerCall(Math.max(0, promptTokens - routedPromptTokens), saved, monthlyCallsOf(ctx)),
          fixes,
        });
      },
    };
  },
});
