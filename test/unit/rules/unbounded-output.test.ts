import rule from '../../../src/core/rules/unbounded-output';
import { ruleTester, type InvalidCase, type ValidCase } from './rule-tester';

type Options = { acceptLengthInstruction: boolean };
type MessageId = 'missingBound' | 'missingBoundNoMaximum' | 'addBound';

const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
const ANTHROPIC_TS = `import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\n`;
const GEMINI_TS = `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\n`;
const VERCEL_TS = `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\n`;

/** A JS call whose options object is written `before` and, once fixed, `after` (header lines prepended to both). */
interface JsShape {
  name: string;
  header: string;
  before: string;
  after: string;
  parameter: string;
}

/** SDK x layout: every SDK's own parameter, added in the object's own layout. */
const JS_SHAPES: JsShape[] = [
  {
    name: 'openai.chat, one line',
    header: OPENAI_TS,
    before: `const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Tell me about cats' }] });\n`,
    after: `const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Tell me about cats' }], max_completion_tokens: 400 });\n`,
    parameter: 'max_completion_tokens',
  },
  {
    name: 'openai.chat, one property per line with a trailing comma',
    header: OPENAI_TS,
    before: `const r = await client.chat.completions.create({\n  model: 'gpt-4o',\n  messages: [{ role: 'user', content: 'Tell me about cats' }],\n});\n`,
    after: `const r = await client.chat.completions.create({\n  model: 'gpt-4o',\n  messages: [{ role: 'user', content: 'Tell me about cats' }],\n  max_completion_tokens: 400,\n});\n`,
    parameter: 'max_completion_tokens',
  },
  {
    name: 'anthropic.messages, one property per line without a trailing comma',
    header: ANTHROPIC_TS,
    before: `const m = await anthropic.messages.create({\n    model: 'claude-sonnet-4-5',\n    messages: [{ role: 'user', content: 'Tell me about cats' }]\n});\n`,
    after: `const m = await anthropic.messages.create({\n    model: 'claude-sonnet-4-5',\n    messages: [{ role: 'user', content: 'Tell me about cats' }],\n    max_tokens: 400\n});\n`,
    parameter: 'max_tokens',
  },
  {
    name: 'anthropic.messages, a comment after the last property',
    header: ANTHROPIC_TS,
    before: `const m = await anthropic.messages.create({\n  model: 'claude-sonnet-4-5',\n  messages: [{ role: 'user', content: 'Tell me about cats' }] // the question\n});\n`,
    after: `const m = await anthropic.messages.create({\n  model: 'claude-sonnet-4-5',\n  messages: [{ role: 'user', content: 'Tell me about cats' }], // the question\n  max_tokens: 400\n});\n`,
    parameter: 'max_tokens',
  },
  {
    name: 'openai.responses',
    header: OPENAI_TS,
    before: `const r = await client.responses.create({ model: 'gpt-4o', input: 'Tell me about cats' });\n`,
    after: `const r = await client.responses.create({ model: 'gpt-4o', input: 'Tell me about cats', max_output_tokens: 400 });\n`,
    parameter: 'max_output_tokens',
  },
  {
    name: 'gemini, config created',
    header: GEMINI_TS,
    before: `const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Tell me about cats' });\n`,
    after: `const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Tell me about cats', config: { maxOutputTokens: 400 } });\n`,
    parameter: 'maxOutputTokens',
  },
  {
    name: 'gemini, bound added to the existing config',
    header: GEMINI_TS,
    before: `const r = await ai.models.generateContent({\n  model: 'gemini-2.5-flash',\n  contents: 'Tell me about cats',\n  config: {\n    temperature: 0.2,\n  },\n});\n`,
    after: `const r = await ai.models.generateContent({\n  model: 'gemini-2.5-flash',\n  contents: 'Tell me about cats',\n  config: {\n    temperature: 0.2,\n    maxOutputTokens: 400,\n  },\n});\n`,
    parameter: 'maxOutputTokens',
  },
  {
    name: 'vercel ai sdk',
    header: VERCEL_TS,
    before: `const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'Tell me about cats' });\n`,
    after: `const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'Tell me about cats', maxOutputTokens: 400 });\n`,
    parameter: 'maxOutputTokens',
  },
];

const jsInvalid: InvalidCase<Options, MessageId>[] = JS_SHAPES.map((shape) => ({
  name: `typescript: ${shape.name}`,
  code: shape.header + shape.before,
  output: null,
  errors: [
    {
      messageId: 'missingBoundNoMaximum',
      data: { parameter: shape.parameter },
      line: shape.header.split('\n').length,
      suggestions: [{ title: `Add ${shape.parameter}: 400`, safe: false, output: shape.header + shape.after }],
    },
  ],
}));

const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;
const GENAI_PY = `from google import genai\nclient = genai.Client()\n`;
const GENAI_TYPES_PY = `from google import genai\nfrom google.genai import types\nclient = genai.Client()\n`;
const CATS_PY = `[{"role": "user", "content": "Tell me about cats"}]`;

/** Python keyword arguments, in each layout people write. */
const PY_SHAPES: JsShape[] = [
  {
    name: 'openai.chat, one line',
    header: OPENAI_PY,
    before: `resp = client.chat.completions.create(model="gpt-4o", messages=${CATS_PY})\n`,
    after: `resp = client.chat.completions.create(model="gpt-4o", messages=${CATS_PY}, max_completion_tokens=400)\n`,
    parameter: 'max_completion_tokens',
  },
  {
    name: 'openai.chat, one argument per line with a trailing comma',
    header: OPENAI_PY,
    before: `resp = client.chat.completions.create(\n    model="gpt-4o",\n    messages=${CATS_PY},\n)\n`,
    after: `resp = client.chat.completions.create(\n    model="gpt-4o",\n    messages=${CATS_PY},\n    max_completion_tokens=400,\n)\n`,
    parameter: 'max_completion_tokens',
  },
  {
    name: 'openai.chat, a comment after the last argument',
    header: OPENAI_PY,
    before: `resp = client.chat.completions.create(\n    model="gpt-4o",\n    messages=${CATS_PY}  # the question\n)\n`,
    after: `resp = client.chat.completions.create(\n    model="gpt-4o",\n    messages=${CATS_PY},  # the question\n    max_completion_tokens=400\n)\n`,
    parameter: 'max_completion_tokens',
  },
  {
    name: 'openai.chat, arguments aligned with the opening parenthesis',
    header: OPENAI_PY,
    before: `resp = client.chat.completions.create(model="gpt-4o",\n                                      messages=${CATS_PY})\n`,
    after: `resp = client.chat.completions.create(model="gpt-4o",\n                                      messages=${CATS_PY},\n                                      max_completion_tokens=400)\n`,
    parameter: 'max_completion_tokens',
  },
  {
    name: 'litellm',
    header: 'import litellm\n',
    before: `r = litellm.completion(model="gpt-4o", messages=${CATS_PY})\n`,
    after: `r = litellm.completion(model="gpt-4o", messages=${CATS_PY}, max_tokens=400)\n`,
    parameter: 'max_tokens',
  },
  {
    name: 'gemini, config created with the imported types module',
    header: GENAI_TYPES_PY,
    before: `r = client.models.generate_content(model="gemini-2.5-flash", contents="Tell me about cats")\n`,
    after: `r = client.models.generate_content(model="gemini-2.5-flash", contents="Tell me about cats", config=types.GenerateContentConfig(max_output_tokens=400))\n`,
    parameter: 'max_output_tokens',
  },
  {
    name: 'gemini, config created as a dict when types is not imported',
    header: GENAI_PY,
    before: `r = client.models.generate_content(model="gemini-2.5-flash", contents="Tell me about cats")\n`,
    after: `r = client.models.generate_content(model="gemini-2.5-flash", contents="Tell me about cats", config={"max_output_tokens": 400})\n`,
    parameter: 'max_output_tokens',
  },
  {
    name: 'gemini, bound added to the existing GenerateContentConfig',
    header: GENAI_TYPES_PY,
    before: `r = client.models.generate_content(\n    model="gemini-2.5-flash",\n    contents="Tell me about cats",\n    config=types.GenerateContentConfig(temperature=0.2),\n)\n`,
    after: `r = client.models.generate_content(\n    model="gemini-2.5-flash",\n    contents="Tell me about cats",\n    config=types.GenerateContentConfig(temperature=0.2, max_output_tokens=400),\n)\n`,
    parameter: 'max_output_tokens',
  },
];

const pyInvalid: InvalidCase<Options, MessageId>[] = PY_SHAPES.map((shape) => ({
  name: `python: ${shape.name}`,
  code: shape.header + shape.before,
  language: 'python',
  output: null,
  errors: [
    {
      messageId: 'missingBoundNoMaximum',
      data: { parameter: shape.parameter },
      line: shape.header.split('\n').length,
      suggestions: [{ title: `Add ${shape.parameter}: 400`, safe: false, output: shape.header + shape.after }],
    },
  ],
}));

const pyBounded: ValidCase<Options>[] = [
  `${OPENAI_PY}resp = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=${CATS_PY})\n`,
  `${GENAI_TYPES_PY}r = client.models.generate_content(model="gemini-2.5-flash", contents="Tell me about cats", config=types.GenerateContentConfig(max_output_tokens=200))\n`,
  // A bound on the model's constructor covers its calls.
  `from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o", max_tokens=300)\nllm.invoke("Tell me about cats")\n`,
  `${OPENAI_PY}resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Summarize the ticket in two sentences."}])\n`,
].map((code) => ({ code, language: 'python' as const }));

/** The same SDK calls with a bound in place: at the call, on the client or in the generation config. */
const jsBounded: ValidCase<Options>[] = [
  `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'user', content: 'Tell me about cats' }] });\n`,
  `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 300, messages: [{ role: 'user', content: 'Tell me about cats' }] });\n`,
  `${ANTHROPIC_TS}const m = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Tell me about cats' }] });\n`,
  `${GEMINI_TS}const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Tell me about cats', config: { maxOutputTokens: 200 } });\n`,
  `${VERCEL_TS}const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'Tell me about cats', maxOutputTokens: 300 });\n`,
];

/** Length instructions in the prompt count as a bound. */
const LENGTH_INSTRUCTIONS = ['Answer in at most 3 sentences: why is the sky blue?', 'Describe the product in under 50 words.', 'Classify the sentiment. Respond with only the label.', 'Give a one-word answer: what colour is grass?'];

const withInstruction: ValidCase<Options>[] = LENGTH_INSTRUCTIONS.map(
  (prompt) => `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: '${prompt}' }] });\n`,
);

ruleTester<Options, MessageId>(rule, {
  valid: [...jsBounded, ...withInstruction, ...pyBounded],
  invalid: [
    ...jsInvalid,
    ...pyInvalid,
    // `**kwargs` may carry a bound already: reported, not fixed.
    {
      code: `import anthropic\nclient = anthropic.Anthropic()\nm = client.messages.create(model="claude-sonnet-4-5", messages=${CATS_PY}, **extra)\n`,
      language: 'python',
      output: null,
      errors: [{ messageId: 'missingBoundNoMaximum', line: 3, column: 5, suggestions: [] }],
    },
    // The option turns length instructions off: only a parameter bounds the bill.
    {
      code: `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Answer in at most 3 sentences.' }] });\n`,
      options: { acceptLengthInstruction: false },
      output: null,
      errors: [{ messageId: 'missingBoundNoMaximum', line: 3, column: 17 }],
    },
    // Arguments in a variable: still reported, but no fix (the object may be built elsewhere).
    {
      code: `${OPENAI_TS}const params = { model: 'gpt-4o', messages: [] };\nconst r = await client.chat.completions.create(params);\n`,
      output: null,
      errors: [{ messageId: 'missingBoundNoMaximum', line: 4, suggestions: [] }],
    },
    // A spread may already carry a bound and its position decides which wins: no fix.
    {
      code: `${OPENAI_TS}const base = { temperature: 0 };\nconst r = await client.chat.completions.create({ ...base, model: 'gpt-4o', messages: [{ role: 'user', content: 'Tell me about cats' }] });\n`,
      output: null,
      errors: [{ messageId: 'missingBoundNoMaximum', suggestions: [] }],
    },
    // With the model's maximum reply known (here from a catalog override), the message and savings say so.
    {
      code: `${OPENAI_TS}const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Tell me about cats' }] });\n`,
      config: { models: { 'openai/gpt-4o': { maxOutput: 16384 } } },
      output: null,
      errors: [{ messageId: 'missingBound', data: { maxOutput: '16,384', parameter: 'max_completion_tokens' } }],
    },
  ],
});
