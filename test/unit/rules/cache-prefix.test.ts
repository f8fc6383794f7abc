import rule from '../../../src/core/rules/cache-prefix';
import { ruleTester } from './rule-tester';

type Options = { minTokens: number };
type MessageId = 'staticAfterDynamic' | 'moveDynamicLast';

const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;
const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;

/** Static policy text: `paragraphs` paragraphs of 8 lines, about 100 tokens each. */
const POLICY = (paragraphs: number): string =>
  Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: 8 }, (_, l) => `Rule ${p}.${l}: refunds for damaged orders are approved within fourteen days of delivery.`).join('\n'),
  ).join('\n\n');

const pyPrompt = (body: string) =>
  `${OPENAI_PY}def answer(customer_name, question):\n    system = f"""${body}"""\n    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": system}, {"role": "user", "content": question}])\n`;
const tsPrompt = (body: string) =>
  `${OPENAI_TS}export const answer = (name: string, question: string) =>\n  client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'system', content: \`${body}\` }, { role: 'user', content: question }] });\n`;

ruleTester<Options, MessageId>(rule, {
  valid: [
    // Static first, dynamic last: the prefix is cacheable.
    { code: pyPrompt(`${POLICY(12)}\n\nCustomer: {customer_name}`), language: 'python' },
    // Dynamic first, but the static rest is short.
    { code: pyPrompt(`Customer: {customer_name}\n\n${POLICY(2)}`), language: 'python' },
    // Below the configured threshold.
    { code: tsPrompt(`Customer: \${name}\n\n${POLICY(12)}`), options: { minTokens: 5000 } },
  ],
  invalid: [
    {
      code: pyPrompt(`Customer: {customer_name}\n\n${POLICY(12)}`),
      language: 'python',
      output: null,
      errors: [
        {
          messageId: 'staticAfterDynamic',
          data: { placeholder: '{customer_name}' },
          line: 4,
          column: 14,
          suggestions: [{ title: 'Move the dynamic part to the end of the prompt', safe: false, output: pyPrompt(`${POLICY(12)}\n\nCustomer: {customer_name}`) }],
        },
      ],
    },
    {
      code: tsPrompt(`Customer: \${name}\n\n${POLICY(12)}`),
      output: null,
      errors: [{ messageId: 'staticAfterDynamic', data: { placeholder: '{name}' }, suggestions: [{ output: tsPrompt(`${POLICY(12)}\n\nCustomer: \${name}`) }] }],
    },
    // The placeholder shares its paragraph with the static text: no paragraph to move, reported without a fix.
    {
      code: pyPrompt(`Answer for {customer_name} using these rules.\n${POLICY(12).replace(/\n\n/g, '\n')}`),
      language: 'python',
      output: null,
      errors: [{ messageId: 'staticAfterDynamic', suggestions: [] }],
    },
  ],
});
