import rule from '../../../src/core/rules/cheaper-model';
import { ruleTester } from './rule-tester';

type Options = { minSavingsPercent: number };
type MessageId = 'cheaperModel' | 'switchModel';

const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;
const ANTHROPIC_TS = `import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\n`;

const CLASSIFY = 'Classify the support ticket as billing, bug or other. Respond with only the label.';
const pyLabel = (model: string) =>
  `${OPENAI_PY}def label(ticket):\n    return client.chat.completions.create(model="${model}", max_tokens=5, messages=[\n        {"role": "system", "content": "${CLASSIFY}"},\n        {"role": "user", "content": f"Ticket: {ticket}"},\n    ])\n`;
const tsTag = (model: string) =>
  `${ANTHROPIC_TS}export const tag = (text: string) =>\n  anthropic.messages.create({ model: '${model}', max_tokens: 10, system: 'Classify the sentiment of the review as positive, negative or neutral. Reply with one word.', messages: [{ role: 'user', content: text }] });\n`;

ruleTester<Options, MessageId>(rule, {
  valid: [
    // Already on the routed model.
    { code: pyLabel('gpt-4.1-nano'), language: 'python' },
    tsTag('claude-haiku-4-5'),
    // A routing table from config that keeps the model.
    { code: pyLabel('gpt-4o'), language: 'python', config: { routing: [{ when: 'true', model: 'openai/gpt-4o', whenSpan: null }] } },
  ],
  invalid: [
    {
      code: pyLabel('gpt-4o'),
      language: 'python',
      output: null,
      errors: [
        {
          messageId: 'cheaperModel',
          data: { task: 'classify', complexity: 'low', suggested: 'openai/gpt-4.1-nano', model: 'openai/gpt-4o' },
          line: 4,
          column: 49,
          suggestions: [{ title: "Switch to 'gpt-4.1-nano'", safe: false, output: pyLabel('gpt-4.1-nano') }],
        },
      ],
    },
    {
      code: tsTag('claude-opus-4-1'),
      output: null,
      errors: [{ messageId: 'cheaperModel', data: { suggested: 'anthropic/claude-haiku-4-5' }, suggestions: [{ output: tsTag('claude-haiku-4-5') }] }],
    },
    // A table from config naming another provider: reported, no string swap (another SDK is needed).
    {
      code: pyLabel('gpt-4o'),
      language: 'python',
      config: { routing: [{ when: 'task == "classify"', model: 'google/gemini-2.5-flash-lite', whenSpan: null }] },
      output: null,
      errors: [{ messageId: 'cheaperModel', data: { suggested: 'google/gemini-2.5-flash-lite', rule: 'rule 1: task == "classify"' }, suggestions: [] }],
    },
  ],
});
