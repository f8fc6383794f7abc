import { formatUsd } from '../analysis/format';
import { defineRule } from './define-rule';

type Options = Record<string, never>;

type MessageId = 'perCallOverBudget' | 'monthlyOverBudget';

export default defineRule<Options, MessageId>({
  meta: {
    id: 'over-budget',
    kind: 'cost',
    description: 'Report calls whose cost per call or per month passes the budgets in .promptcost.yaml',
    defaultSeverity: 'warning',
    fixable: null,
    options: {},
    messages: {
      perCallOverBudget: 'This call costs {{cost}} per call ({{model}}), over the per-call budget of {{budget}}.',
      monthlyOverBudget: 'This call costs {{cost}} a month at {{calls}} calls ({{model}}), over the monthly budget of {{budget}}.',
    },
  },
  check(ctx) {
    const { perCallUsd, monthlyUsd } = ctx.config.budgets;
    return {
      call(call) {
        if (!call.cost || call.modelId === null) return;
        const model = call.modelId;
        if (perCallUsd !== undefined && call.cost.perCallUsd > perCallUsd) {
          ctx.report({
            messageId: 'perCallOverBudget',
            data: { cost: formatUsd(call.cost.perCallUsd), budget: formatUsd(perCallUsd), model },
            span: call.site.calleeSpan,
          });
        }
        if (monthlyUsd !== undefined && call.cost.perMonthUsd > monthlyUsd) {
          ctx.report({
            messageId: 'monthlyOverBudget',
            data: { cost: formatUsd(call.cost.perMonthUsd), calls: new Intl.NumberFormat('en-US').format(call.cost.monthlyCalls), budget: formatUsd(monthlyUsd), model },
            span: call.site.calleeSpan,
          });
        }
      },
    };
  },
});
