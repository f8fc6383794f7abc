import rule from '../../../src/core/rules/verbose-prompt';
import { ruleTester } from './rule-tester';

type Options = { minTokens: number; minPercent: number; level: string };
type MessageId = 'verbosePrompt' | 'useCompressed';

const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;
const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;

const pyCall = (content: string) =>
  `${OPENAI_PY}def ask(question, name):\n    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": ${content}}])\n`;
const tsCall = (content: string) =>
  `${OPENAI_TS}export const ask = (question: string) =>\n  client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'system', content: ${content} }] });\n`;

ruleTester<Options, MessageId>(rule, {
  valid: [
    { code: pyCall('f"Classify the ticket as billing, bug or other: {question}"'), language: 'python' },
    tsCall("'Translate the text into French. Keep names unchanged.'"),
    // Some saving, under both thresholds.
    { code: pyCall('f"Please could you kindly help me, {name}, in order to answer the following question: {question}"'), language: 'python', options: { minTokens: 10, minPercent: 50 } },
  ],
  invalid: [
    // An f-string: placeholders carried over as written.
    {
      code: pyCall('f"Please could you kindly help me, {name}, in order to answer the following question: {question}"'),
      language: 'python',
      output: pyCall('f"Could you help me, {name}, to answer the following question: {question}"'),
      errors: [{ messageId: 'verbosePrompt', data: { before: '17', after: '13', percent: 24 }, line: 4, column: 113, suggestions: [{ title: 'Use the compressed prompt (4 tokens fewer)', safe: true, output: pyCall('f"Could you help me, {name}, to answer the following question: {question}"') }] }],
    },
    // A template literal over two lines: escapes and the continuation indent are kept.
    {
      code: tsCall('`I want you to act as a translator. Please make sure that you translate the text in order to keep the meaning.\n    Please remember to keep "quotes" and \\`code\\` as they are.`'),
      output: tsCall('`Act as a translator. Translate the text to keep the meaning.\n    Keep "quotes" and \\`code\\` as they are.`'),
      errors: [{ messageId: 'verbosePrompt', line: 4 }],
    },
    // A triple-quoted constant that reaches the call.
    {
      code: `${OPENAI_PY}SYSTEM = """I want you to act as a customer support assistant. You are a helpful assistant. Your goal is to assist users with their questions.\nPlease make sure that you always answer in a polite and friendly way."""\nresp = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": SYSTEM}])\n`,
      language: 'python',
      output: `${OPENAI_PY}SYSTEM = """Act as a customer support assistant. Assist users with their questions.\nAlways answer in a polite and friendly way."""\nresp = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": SYSTEM}])\n`,
      errors: [{ messageId: 'verbosePrompt', line: 3, column: 10 }],
    },
    // At the aggressive level the fix is offered but never applied by --fix.
    {
      code: pyCall('f"Please could you kindly help me, {name}, in order to answer the following question: {question}"'),
      language: 'python',
      options: { level: 'aggressive' },
      output: null,
      errors: [{ messageId: 'verbosePrompt', suggestions: [{ safe: false, output: pyCall('f"Could you help me, {name}, to answer question: {question}"') }] }],
    },
    // Concatenated pieces: reported, no fix (the text spans several literals).
    {
      code: tsCall("'I want you to act as a translator. ' + 'Please make sure that you translate the text in order to keep the meaning.'"),
      output: null,
      errors: [{ messageId: 'verbosePrompt', suggestions: [] }],
    },
  ],
});
