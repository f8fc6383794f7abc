import rule from '../../../src/core/rules/unknown-model';
import { ruleTester } from './rule-tester';

type Options = { maxSuggestions: number; ignore: readonly string[] };
type MessageId = 'unknownModel' | 'unknownModelWithSuggestions' | 'useModel';

const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
const ANTHROPIC_TS = `import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\n`;
const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;

const openaiCall = (model: string): string =>
  `${OPENAI_TS}const r = await client.chat.completions.create({ model: '${model}', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });\n`;

ruleTester<Options, MessageId>(rule, {
  valid: [
    openaiCall('gpt-4o'),
    openaiCall('gpt-4o-mini-2024-07-18'),
    `${ANTHROPIC_TS}const m = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });\n`,
    // A model added in config is known.
    { code: openaiCall('acme/internal-8b'), config: { models: { 'acme/internal-8b': { input: 0.1, output: 0.2, contextWindow: 32768 } } } },
    // Deployment names the user accepts.
    { code: openaiCall('prod-gpt4o-eastus'), options: { ignore: ['prod-*'] } },
    // No model string in the code: nothing to check here.
    `${OPENAI_TS}const model = process.env.MODEL!;\nconst r = await client.chat.completions.create({ model, max_tokens: 100, messages: [] });\n`,
  ],
  invalid: [
    {
      code: openaiCall('gpt-4o-mni'),
      output: null,
      errors: [
        {
          messageId: 'unknownModelWithSuggestions',
          data: { model: 'gpt-4o-mni' },
          line: 3,
          column: 57,
          suggestions: [
            { title: "Use 'gpt-4o-mini'", safe: false, output: openaiCall('gpt-4o-mini') },
            { title: "Use 'gpt-4.1-mini'", output: openaiCall('gpt-4.1-mini') },
            { title: "Use 'gpt-5-mini'", output: openaiCall('gpt-5-mini') },
          ],
        },
      ],
    },
    // The provider comes from the SDK: an Anthropic call gets Claude suggestions only.
    {
      code: `${ANTHROPIC_TS}const m = await anthropic.messages.create({ model: 'claude-sonet-4-5', max_tokens: 100, messages: [] });\n`,
      options: { maxSuggestions: 1 },
      output: null,
      errors: [
        {
          messageId: 'unknownModelWithSuggestions',
          data: { suggestions: "'anthropic/claude-sonnet-4-5'" },
          suggestions: [{ output: `${ANTHROPIC_TS}const m = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [] });\n` }],
        },
      ],
    },
    // A provider prefix in the literal is kept.
    {
      code: `import litellm\nr = litellm.completion(model="anthropic/claude-sonet-4-5", max_tokens=100, messages=[])\n`,
      language: 'python',
      options: { maxSuggestions: 1 },
      output: null,
      errors: [{ messageId: 'unknownModelWithSuggestions', suggestions: [{ output: `import litellm\nr = litellm.completion(model="anthropic/claude-sonnet-4-5", max_tokens=100, messages=[])\n` }] }],
    },
    {
      code: `${OPENAI_PY}resp = client.chat.completions.create(model="totally-made-up", max_tokens=10, messages=[])\n`,
      language: 'python',
      output: null,
      errors: [{ messageId: 'unknownModel', data: { model: 'totally-made-up' }, line: 3, suggestions: [] }],
    },
  ],
});
