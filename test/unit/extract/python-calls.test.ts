import * as assert from 'node:assert/strict';
import { analyzePython, runCases, type Case } from './python-helpers';

/** Loop context, output bounds, models, argument styles, and calls that only look like LLM calls. */

const call = (body: string, imports = 'from openai import OpenAI\nclient = OpenAI()\n'): string => `${imports}${body}\n`;
const CREATE = 'client.chat.completions.create(model="gpt-4o", messages=msgs)';

const loopCases: Case[] = [
  { name: 'for body', code: call(`for item in items:\n    ${CREATE}`), prompts: [], calls: [{ api: 'openai.chat', inLoop: true }] },
  { name: 'while body', code: call(`while queue:\n    ${CREATE}`), prompts: [], calls: [{ api: 'openai.chat', inLoop: true }] },
  { name: 'async for body', code: call(`async def f():\n    async for item in stream():\n        await ${CREATE}`), prompts: [], calls: [{ api: 'openai.chat', inLoop: true }] },
  { name: 'list comprehension', code: call(`out = [${CREATE} for x in xs]`), prompts: [], calls: [{ api: 'openai.chat', inLoop: true }] },
  {
    name: 'asyncio.gather over a comprehension',
    code: call(`async def f():\n    return await asyncio.gather(*[client.chat.completions.create(model="gpt-4o", messages=m) for m in batches])`, 'import asyncio\nfrom openai import AsyncOpenAI\nclient = AsyncOpenAI()\n'),
    prompts: [],
    calls: [{ api: 'openai.chat', inLoop: true }],
  },
  { name: 'generator expression', code: call(`results = list(${CREATE.replace('msgs', 'm')} for m in ms)`), prompts: [], calls: [{ api: 'openai.chat', inLoop: true }] },
  { name: 'lambda handed to map', code: call(`out = list(map(lambda m: ${CREATE}, ms))`), prompts: [], calls: [{ api: 'openai.chat', inLoop: true }] },
  { name: 'iterating a stream is not a loop over calls', code: call(`for chunk in ${CREATE}:\n    print(chunk)`), prompts: [], calls: [{ api: 'openai.chat', inLoop: false }] },
  { name: 'the comprehension iterable is not its body', code: call(`out = [c for c in ${CREATE}]`), prompts: [], calls: [{ api: 'openai.chat', inLoop: false }] },
  { name: 'loop else clause', code: call(`for x in xs:\n    pass\nelse:\n    ${CREATE}`), prompts: [], calls: [{ api: 'openai.chat', inLoop: false }] },
  {
    name: 'a function defined in a loop body runs when called, not per item',
    code: call(`def outer():\n    ${CREATE}\nfor x in xs:\n    outer()`),
    prompts: [],
    calls: [{ api: 'openai.chat', inLoop: false }],
  },
];

const boundCases: Case[] = [
  { name: 'literal bound', code: call('client.chat.completions.create(model="gpt-4o", messages=m, max_tokens=1_000)'), prompts: [], calls: [{ api: 'openai.chat', bound: 1000, origin: 'call' }] },
  { name: 'constant bound', code: call('MAX = 512\nclient.chat.completions.create(model="gpt-4o", messages=m, max_completion_tokens=MAX)'), prompts: [], calls: [{ api: 'openai.chat', bound: 512 }] },
  { name: 'dynamic bound', code: call('client.chat.completions.create(model="gpt-4o", messages=m, max_tokens=words * 4)'), prompts: [], calls: [{ api: 'openai.chat', bound: 'dynamic' }] },
  { name: 'None is no bound', code: call('client.chat.completions.create(model="gpt-4o", messages=m, max_tokens=None)'), prompts: [], calls: [{ api: 'openai.chat', bound: null }] },
  {
    name: 'bound and model from a **params dict',
    code: call('params = {"model": "gpt-4o-mini", "max_tokens": 64}\nclient.chat.completions.create(messages=m, **params)'),
    prompts: [],
    calls: [{ api: 'openai.chat', model: 'gpt-4o-mini', bound: 64, argumentStyle: 'keyword' }],
  },
  {
    name: 'max_tokens in a log statement is not a bound',
    code: call('logger.info("calling", max_tokens=100)\nclient.chat.completions.create(model="gpt-4o", messages=m)'),
    prompts: [],
    calls: [{ api: 'openai.chat', bound: null }],
  },
  {
    name: 'bound from .bind() on a LangChain model',
    code: 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o").bind(max_tokens=77)\nllm.invoke(question)\n',
    prompts: [],
    calls: [{ api: 'langchain', model: 'gpt-4o', bound: 77, origin: 'constructor' }],
  },
  {
    name: 'model from a module constant; a parameter is not resolved',
    code: call('MODEL = "gpt-4o-mini"\ndef a(m):\n    client.chat.completions.create(model=MODEL, messages=m)\ndef b(model="gpt-4o"):\n    client.chat.completions.create(model=model, messages=m)'),
    prompts: [],
    calls: [
      { api: 'openai.chat', model: 'gpt-4o-mini' },
      { api: 'openai.chat', model: null },
    ],
  },
  {
    name: 'argument styles',
    code: 'import google.generativeai as genai\nm = genai.GenerativeModel("gemini-1.5-pro")\nm.generate_content(parts)\nfrom langchain_openai import ChatOpenAI\nChatOpenAI(model="gpt-4o").invoke()\n',
    prompts: [],
    calls: [
      { api: 'google.generateContent', argumentStyle: 'positional', boundParameter: 'max_output_tokens', model: 'gemini-1.5-pro' },
      { api: 'langchain', argumentStyle: 'none', model: 'gpt-4o' },
    ],
  },
];

const lookAlikes: Case[] = [
  {
    name: 'Twilio messages.create is not Anthropic',
    code: 'from twilio.rest import Client\ntwilio = Client(sid, token)\ntwilio.messages.create(to=phone, from_=sender, body="Your code is 1234. You are all set.")\n',
    prompts: [],
    calls: [],
  },
  {
    name: 'messages.create with Twilio-shaped arguments and no client in the file',
    code: 'def send(client, phone):\n    client.messages.create(to=phone, body="Hello there, your order shipped today.")\n',
    prompts: [],
    calls: [],
  },
  {
    name: 'OpenAI assistants threads.messages.create is not Anthropic',
    code: 'from openai import OpenAI\nclient = OpenAI()\nclient.beta.threads.messages.create(thread_id=t, role="user", content=q)\n',
    prompts: [],
    calls: [],
  },
  {
    name: 'Slack chat_postMessage',
    code: 'from slack_sdk import WebClient\nslack = WebClient(token=t)\nslack.chat_postMessage(channel="#ops", text="You are on call this week, please acknowledge.")\n',
    prompts: [],
    calls: [],
  },
  {
    name: '.invoke on something that is not a model',
    code: 'from langchain_core.tools import tool\nresult = search_tool.invoke("weather in Paris")\ngraph.invoke({"messages": []})\n',
    prompts: [],
    calls: [],
  },
  {
    name: 'completion not imported from litellm',
    code: 'from myapp.autocomplete import completion\ncompletion(model="x", messages=[{"role": "user", "content": "hi"}])\n',
    prompts: [{ text: 'hi', role: 'user', callIndex: null }],
    calls: [],
  },
  {
    name: 'send_message on a Telegram bot',
    code: 'from telegram import Bot\nbot = Bot(token)\nbot.send_message(chat_id=cid, text="You are subscribed to daily digests.")\n',
    prompts: [],
    calls: [],
  },
  {
    name: 'a model anchored on Anthropic client with only splatted params',
    code: 'import anthropic\nclient = anthropic.Anthropic()\nclient.messages.create(**request)\n',
    prompts: [],
    calls: [{ api: 'anthropic.messages' }],
  },
];

describe('python extractor: calls', () => {
  describe('in a loop', () => runCases(loopCases));
  describe('output bounds, models and argument styles', () => runCases(boundCases));
  describe('look-alikes that are not LLM calls', () => runCases(lookAlikes));

  it('fills callee, spans and messagesSpan', async () => {
    const code = 'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", messages=history)\n';
    const [found] = (await analyzePython(code)).calls;
    assert.equal(found.callee, 'client.chat.completions.create');
    assert.equal(code.slice(found.calleeSpan.start, found.calleeSpan.end), 'client.chat.completions.create');
    assert.equal(code.slice(found.span.start, found.span.end), 'client.chat.completions.create(model="gpt-4o", messages=history)');
    assert.equal(code.slice(found.argumentsSpan.start, found.argumentsSpan.end), 'model="gpt-4o", messages=history');
    assert.equal(code.slice(found.messagesSpan!.start, found.messagesSpan!.end), 'history');
    assert.equal(code.slice(found.modelSpan!.start, found.modelSpan!.end), '"gpt-4o"');
  });

  it('gives the bound span as the whole keyword argument', async () => {
    const code = 'import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-3-haiku-20240307", max_tokens=300, messages=m)\n';
    const [found] = (await analyzePython(code)).calls;
    const bound = found.outputBound!;
    assert.equal(code.slice(bound.span.start, bound.span.end), 'max_tokens=300');
    assert.equal(bound.parameter, 'max_tokens');
  });
});
