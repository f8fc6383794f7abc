import rule from '../../../src/core/rules/call-in-loop';
import { ruleTester, type InvalidCase } from './rule-tester';

type Options = Record<string, never>;
type MessageId = 'useBatchApi' | 'useConcurrency';

const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;
const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
const pyCall = (model: string, content: string) => `client.chat.completions.create(model="${model}", max_tokens=50, messages=[{"role": "user", "content": ${content}}])`;
const tsCall = (model: string, content: string) => `client.chat.completions.create({ model: '${model}', max_tokens: 50, messages: [{ role: 'user', content: ${content} }] })`;

/** Loop constructions x language: each one puts the call once per item. */
const LOOPS: Array<{ name: string; language: 'python' | 'typescript'; code: string; line: number }> = [
  { name: 'for loop', language: 'python', code: `${OPENAI_PY}for ticket in tickets:\n    r = ${pyCall('gpt-4o', 'f"Classify: {ticket}"')}\n`, line: 4 },
  { name: 'list comprehension', language: 'python', code: `${OPENAI_PY}out = [${pyCall('gpt-4o', 't')} for t in texts]\n`, line: 3 },
  { name: 'for...of', language: 'typescript', code: `${OPENAI_TS}for (const item of items) {\n  await ${tsCall('gpt-4o', '`Summarize: ${item}`')};\n}\n`, line: 4 },
  { name: 'Promise.all over map', language: 'typescript', code: `${OPENAI_TS}const out = await Promise.all(items.map((item) => ${tsCall('gpt-4o', 'item')}));\n`, line: 3 },
];

const invalid: InvalidCase<Options, MessageId>[] = LOOPS.map((loop) => ({
  name: `${loop.language}: ${loop.name}`,
  code: loop.code,
  language: loop.language,
  output: null,
  errors: [{ messageId: 'useBatchApi', data: { batchApi: 'OpenAI Batch API (client.batches.create)', discount: '50%' }, line: loop.line, suggestions: [] }],
}));

ruleTester<Options, MessageId>(rule, {
  valid: [
    `${OPENAI_TS}const r = await ${tsCall('gpt-4o', "'Hello'")};\n`,
    { code: `${OPENAI_PY}def run(text):\n    return ${pyCall('gpt-4o', 'text')}\n`, language: 'python' },
  ],
  invalid: [
    ...invalid,
    // A provider without batch prices gets the concurrency advice instead.
    {
      code: `${OPENAI_PY}for t in texts:\n    ${pyCall('mistral/mistral-large-latest', 't')}\n`,
      language: 'python',
      output: null,
      errors: [{ messageId: 'useConcurrency', data: { provider: 'mistral', how: 'asyncio.gather with an asyncio.Semaphore' }, line: 4, column: 5 }],
    },
  ],
});
