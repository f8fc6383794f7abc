import rule from '../../../src/core/rules/context-overflow';
import { ruleTester } from './rule-tester';

type Options = Record<string, never>;
type MessageId = 'callOverflow' | 'promptOverflow';

/** A small model defined in config, so overflows need only short prompts. */
const TINY = { models: { 'acme/tiny-1k': { input: 1, output: 2, contextWindow: 1000, tokenizer: 'o200k_base' as const } } };
const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;

/** A prompt of about `words` tokens, in lines of 20 words (one long line would look minified and be skipped). */
const prose = (words: number): string =>
  Array.from({ length: Math.ceil(words / 20) }, (_, i) => 'cat '.repeat(Math.min(20, words - i * 20)).trim()).join('\n');

ruleTester<Options, MessageId>(rule, {
  valid: [
    { code: `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'acme/tiny-1k', max_tokens: 500, messages: [{ role: 'user', content: \`${prose(100)}\` }] });\n`, config: TINY },
    // Unknown models have no window to check against (unknown-model reports them).
    `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-9-imaginary', messages: [{ role: 'user', content: \`${prose(100)}\` }] });\n`,
    // A big prompt on a big window.
    `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`${prose(5000)}\` }] });\n`,
  ],
  invalid: [
    // The prompt fits; the output bound pushes the request over the window.
    {
      code: `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'acme/tiny-1k', max_tokens: 950, messages: [{ role: 'user', content: \`${prose(100)}\` }] });\n`,
      config: TINY,
      output: null,
      errors: [{ messageId: 'callOverflow', data: { outputTokens: '950', contextWindow: '1,000', model: 'acme/tiny-1k' }, line: 3, column: 17 }],
    },
    // With no bound, the configured expected output counts.
    {
      code: `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'acme/tiny-1k', messages: [{ role: 'user', content: \`${prose(700)}\` }] });\n`,
      config: { ...TINY, expectedOutputTokens: 400 },
      output: null,
      errors: [{ messageId: 'callOverflow', data: { outputTokens: '400' } }],
    },
    {
      code: `${OPENAI_PY}resp = client.chat.completions.create(\n    model="acme/tiny-1k",\n    max_tokens=100,\n    messages=[{"role": "user", "content": """${prose(1200)}"""}],\n)\n`,
      language: 'python',
      config: TINY,
      output: null,
      errors: [{ messageId: 'callOverflow', line: 3, column: 8 }],
    },
    // A prompt that reaches no call is checked against the default model.
    {
      code: `export const SYSTEM_PROMPT = \`You are a helpful assistant.\n${prose(1200)}\`;\n`,
      config: { ...TINY, defaultModel: 'acme/tiny-1k' },
      output: null,
      errors: [{ messageId: 'promptOverflow', data: { contextWindow: '1,000' }, line: 1, column: 30 }],
    },
  ],
});
