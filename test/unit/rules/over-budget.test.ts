import rule from '../../../src/core/rules/over-budget';
import { ruleTester } from './rule-tester';

type Options = Record<string, never>;
type MessageId = 'perCallOverBudget' | 'monthlyOverBudget';

const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
/** gpt-4o at $2.50 / $10 per 1M tokens: 4,000 output tokens cost $0.04 a call. */
const call = (maxTokens: number) =>
  `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: ${maxTokens}, messages: [{ role: 'user', content: 'Write a poem' }] });\n`;

ruleTester<Options, MessageId>(rule, {
  valid: [
    // No budgets: nothing to pass.
    call(4000),
    { code: call(4000), config: { budgets: { perCallUsd: 0.05, monthlyUsd: 100 } } },
  ],
  invalid: [
    {
      code: call(6000),
      config: { budgets: { perCallUsd: 0.05 } },
      output: null,
      errors: [{ messageId: 'perCallOverBudget', data: { budget: '$0.05', model: 'openai/gpt-4o' }, line: 3, column: 17 }],
    },
    // Monthly figures follow the volume configured for the file's path.
    {
      code: call(4000),
      path: 'src/support/bot.ts',
      config: { budgets: { monthlyUsd: 100 }, volume: { default: 1000, byPath: [{ glob: 'src/support/**', calls: 50000 }] } },
      output: null,
      errors: [{ messageId: 'monthlyOverBudget', data: { calls: '50,000', budget: '$100.00' } }],
    },
    {
      code: call(6000),
      config: { budgets: { perCallUsd: 0.05, monthlyUsd: 10 } },
      output: null,
      errors: [{ messageId: 'perCallOverBudget' }, { messageId: 'monthlyOverBudget', data: { budget: '$10.00' } }],
    },
  ],
});
