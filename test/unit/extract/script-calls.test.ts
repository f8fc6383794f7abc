import * as assert from 'node:assert/strict';
import { type ExpectedCall, analyze, checkCalls } from './script-helpers';

/** Call detection: loops, model and bound resolution, receivers, argument styles, and calls that are not LLM calls. */

const OPENAI = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';
const CHAT = 'client.chat.completions.create({ model: "gpt-4o-mini", messages })';

describe('script extractor: calls in loops', () => {
  const cases: { name: string; code: string; inLoop: boolean }[] = [
    { name: 'plain await', code: `const r = await ${CHAT};`, inLoop: false },
    { name: 'for...of body', code: `for (const item of items) {\n  await ${CHAT};\n}`, inLoop: true },
    { name: 'classic for', code: `for (let i = 0; i < n; i++) await ${CHAT};`, inLoop: true },
    { name: 'while', code: `while (queue.length) {\n  await ${CHAT};\n}`, inLoop: true },
    { name: 'do...while', code: `do {\n  await ${CHAT};\n} while (more);`, inLoop: true },
    { name: 'Promise.all over map', code: `await Promise.all(items.map(async (item) => ${CHAT}));`, inLoop: true },
    { name: 'forEach callback', code: `items.forEach(async function (item) {\n  await ${CHAT};\n});`, inLoop: true },
    { name: 'for await body', code: `for await (const chunk of stream) {\n  await ${CHAT};\n}`, inLoop: true },
    { name: 'for await header runs once', code: `for await (const chunk of await ${CHAT}) {\n  print(chunk);\n}`, inLoop: false },
    { name: 'receiver of map runs once', code: `const texts = (await ${CHAT}).choices.map((c) => c.message);`, inLoop: false },
    { name: 'callback given to an ordinary function', code: `await retry(async () => ${CHAT});`, inLoop: false },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const code = `${OPENAI}${c.code}\n`;
      const { calls } = await analyze(code);
      checkCalls(code, calls, [{ api: 'openai.chat', model: 'gpt-4o-mini', inLoop: c.inLoop }]);
    });
  }
});

describe('script extractor: model and output bound', () => {
  const cases: { name: string; code: string; calls: ExpectedCall[] }[] = [
    {
      name: 'model and bound from constants',
      code: `${OPENAI}const MODEL = "gpt-4.1";\nconst MAX = 1_000;\nawait client.chat.completions.create({ model: MODEL, messages, max_completion_tokens: MAX });`,
      calls: [{ api: 'openai.chat', model: 'gpt-4.1', bound: 1000, origin: 'call' }],
    },
    {
      name: 'model from an environment default, dynamic bound',
      code: `${OPENAI}await client.chat.completions.create({ model: process.env.MODEL ?? "gpt-4o", messages, max_tokens: words * 4 });`,
      calls: [{ api: 'openai.chat', model: 'gpt-4o', bound: 'dynamic' }],
    },
    {
      name: 'shorthand properties resolve to local constants',
      code: `${OPENAI}export async function POST(req) {\n  const { messages } = await req.json();\n  const model = "gpt-4o";\n  const max_tokens = 512;\n  return client.chat.completions.create({ model, messages, max_tokens });\n}`,
      calls: [{ api: 'openai.chat', model: 'gpt-4o', bound: 512, origin: 'call' }],
    },
    {
      name: 'model from a parameter is unknown',
      code: `${OPENAI}export const ask = (model) => client.chat.completions.create({ model, messages });`,
      calls: [{ api: 'openai.chat', model: null, bound: null }],
    },
    {
      name: 'options passed as a variable are positional',
      code: `${OPENAI}const params = { model: "gpt-4o", messages, max_tokens: 50 };\nawait client.chat.completions.create(params);`,
      calls: [{ api: 'openai.chat', model: 'gpt-4o', bound: 50, argumentStyle: 'positional' }],
    },
    {
      name: 'optional chaining, this-bound client and satisfies',
      code: `import Anthropic from "@anthropic-ai/sdk";\nclass Agent {\n  client = new Anthropic();\n  async run() {\n    return this.client?.messages.create({ model: "claude-sonnet-4-0", max_tokens: 64, messages } satisfies Params);\n  }\n}`,
      calls: [{ api: 'anthropic.messages', model: 'claude-sonnet-4-0', bound: 64, argumentStyle: 'object' }],
    },
    {
      name: 'LangChain bound and model from the constructor, through a pipe',
      code: `import { ChatAnthropic } from "@langchain/anthropic";\nconst llm = new ChatAnthropic({ model: "claude-3-5-sonnet-20241022", maxTokens: 1024 });\nconst chain = prompt.pipe(llm).pipe(new StringOutputParser());\nawait chain.invoke({ topic });`,
      calls: [{ api: 'langchain', model: 'claude-3-5-sonnet-20241022', bound: 1024, origin: 'constructor', boundParameter: 'maxTokens' }],
    },
    {
      name: 'Gemini model object: bound in generationConfig',
      code: `import { GoogleGenerativeAI } from "@google/generative-ai";\nconst genAI = new GoogleGenerativeAI(key);\nconst model = genAI.getGenerativeModel({ model: "gemini-1.5-flash", generationConfig: { maxOutputTokens: 200 } });\nconst chat = model.startChat({ history: [] });\nawait chat.sendMessage(text);`,
      calls: [{ api: 'google.generateContent', model: 'gemini-1.5-flash', bound: 200, origin: 'config' }],
    },
    {
      name: 'Vercel AI with an anthropic provider model and maxTokens',
      code: `import { streamText } from "ai";\nimport { anthropic } from "@ai-sdk/anthropic";\nconst result = streamText({ model: anthropic("claude-3-haiku-20240307"), messages, maxTokens: 300 });`,
      calls: [{ api: 'vercel-ai', model: 'anthropic/claude-3-haiku-20240307', bound: 300, origin: 'call' }],
    },
    {
      name: 'LlamaIndex LLM from llamaindex',
      code: `import { OpenAI } from "llamaindex";\nconst llm = new OpenAI({ model: "gpt-4o-mini", maxTokens: 100 });\nconst res = await llm.complete({ prompt: text });`,
      calls: [{ api: 'llamaindex', model: 'gpt-4o-mini', bound: 100, origin: 'constructor' }],
    },
    {
      name: 'fetch to OpenAI with the body in a variable',
      code: `const body = { model: "gpt-4o", messages, max_tokens: 20 };\nconst res = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify(body) });`,
      calls: [{ api: 'openai.chat', model: 'gpt-4o', bound: 20 }],
    },
    {
      name: 'Gemini REST: model from the URL',
      code: 'await fetch(`https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=${key}`, { method: "POST", body: JSON.stringify({ contents }) });',
      calls: [{ api: 'google.generateContent', model: 'gemini-1.5-flash', bound: null }],
    },
    {
      name: 'axios to an OpenAI-compatible local endpoint with a model',
      code: 'const axios = require("axios");\nawait axios.post("http://localhost:11434/v1/chat/completions", { model: "llama3.1", messages });',
      calls: [{ api: 'openai.chat', model: 'llama3.1', bound: null }],
    },
    {
      name: 'a call with no arguments',
      code: 'import { GoogleGenerativeAI } from "@google/generative-ai";\nconst model = new GoogleGenerativeAI(k).getGenerativeModel({ model: "gemini-pro" });\nawait model.generateContent();',
      calls: [{ api: 'google.generateContent', model: 'gemini-pro', argumentStyle: 'none' }],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { calls } = await analyze(c.code);
      checkCalls(c.code, calls, c.calls);
    });
  }

  it('gives the empty argument span inside the parentheses', async () => {
    const code = 'import { GoogleGenerativeAI } from "@google/generative-ai";\nconst m = new GoogleGenerativeAI(k).getGenerativeModel({ model: "gemini-pro" });\nawait m.generateContent();';
    const [call] = (await analyze(code)).calls;
    assert.equal(code.slice(call.argumentsSpan.start - 1, call.argumentsSpan.end + 1), '()');
  });
});

describe('script extractor: calls that are not LLM calls', () => {
  const cases: { name: string; code: string }[] = [
    { name: 'Twilio messages.create', code: 'const twilio = require("twilio")(sid, token);\nawait twilio.messages.create({ body: "Your code is 1234", from: "+15550000", to: phone });' },
    { name: 'Slack chat.postMessage', code: 'import { WebClient } from "@slack/web-api";\nconst slack = new WebClient(token);\nawait slack.chat.postMessage({ channel, text: "You are on call this week, please acknowledge." });' },
    { name: 'invoke on an unknown object', code: 'const lambda = new LambdaClient();\nawait lambda.invoke({ FunctionName: "x" });\nawait ipcRenderer.invoke("open-file", path);' },
    { name: 'a local function named generateText', code: 'function generateText(len) { return "x".repeat(len); }\nconst t = generateText(10);' },
    { name: 'completion not imported from litellm', code: 'import { completion } from "./autocomplete";\nconst items = completion(input);' },
    { name: 'fetch to the app\'s own chat route without a model', code: 'await fetch("/api/chat", { method: "POST", body: JSON.stringify({ messages }) });' },
    { name: 'a telegram bot sendMessage', code: 'const bot = new TelegramBot(token);\nbot.sendMessage(chatId, "You are subscribed to daily summaries.");' },
    { name: 'embeddings', code: 'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.embeddings.create({ model: "text-embedding-3-small", input: texts });' },
    { name: 'template format is not a call', code: 'import { PromptTemplate } from "@langchain/core/prompts";\nconst t = PromptTemplate.fromTemplate("Hello {name}");\nawait t.format({ name });' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { calls } = await analyze(c.code);
      assert.deepEqual(
        calls.map((x) => x.callee),
        [],
      );
    });
  }
});
