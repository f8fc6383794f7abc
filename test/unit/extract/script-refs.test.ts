import * as assert from 'node:assert/strict';
import type { PromptRef } from '../../../src/core/extract/model';
import { analyze } from './script-helpers';

/**
 * Imported prompt references: a call's prompt argument that names something another module
 * exports is recorded as a PromptRef (exported name, module as written, role, the name at the call),
 * so the workspace can price the text written there.
 */

type Ref = Omit<PromptRef, 'span'> & { at: string };

interface Case {
  name: string;
  code: string;
  /** Refs of each call, in call order; `at` is the source text at the ref's span. */
  refs: Ref[][];
}

const OPENAI = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';

const CASES: Case[] = [
  {
    name: 'a named import as the system argument',
    code: `import { streamText } from "ai";\nimport { ASSISTANT_SYSTEM_PROMPT } from "@/lib/prompts";
streamText({ model, system: ASSISTANT_SYSTEM_PROMPT, messages });`,
    refs: [[{ name: 'ASSISTANT_SYSTEM_PROMPT', module: '@/lib/prompts', role: 'system', at: 'ASSISTANT_SYSTEM_PROMPT' }]],
  },
  {
    name: 'an aliased import in a message, and object shorthand',
    code: `import { generateText } from "ai";\nimport { SYSTEM as SYS, system } from "./prompts";
await generateText({ model, messages: [{ role: "system", content: SYS }, { role: "user", content: q }] });
await generateText({ model, system, prompt: q });`,
    refs: [[{ name: 'SYSTEM', module: './prompts', role: 'system', at: 'SYS' }], [{ name: 'system', module: './prompts', role: 'system', at: 'system' }]],
  },
  {
    name: 'a namespace import, through a local messages array',
    code: `${OPENAI}import * as prompts from "./prompts";
const messages = [{ role: "system", content: prompts.REVIEWER }, { role: "user", content: diff }];
await client.chat.completions.create({ model: "gpt-4o", messages });`,
    refs: [[{ name: 'REVIEWER', module: './prompts', role: 'system', at: 'prompts.REVIEWER' }]],
  },
  {
    name: 'CommonJS require, destructured and whole',
    code: `const OpenAI = require("openai");\nconst client = new OpenAI();
const { RULES } = require("./rules");\nconst prompts = require("../prompts");
await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: RULES }, { role: "user", content: prompts.ASK }] });`,
    refs: [[{ name: 'RULES', module: './rules', role: 'system', at: 'RULES' }, { name: 'ASK', module: '../prompts', role: 'user', at: 'prompts.ASK' }]],
  },
  {
    name: 'an imported builder, and imported prompts joined in a template',
    code: `${OPENAI}import { buildPrompt, BASE, RULES } from "./prompts";
await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: \`\${BASE}\\n\\n\${RULES}\` }, { role: "user", content: buildPrompt(doc) }] });`,
    refs: [
      [
        { name: 'BASE', module: './prompts', role: 'system', at: 'BASE' },
        { name: 'RULES', module: './prompts', role: 'system', at: 'RULES' },
        { name: 'buildPrompt', module: './prompts', role: 'user', at: 'buildPrompt' },
      ],
    ],
  },
  {
    name: 'each call that sends an imported name records it',
    code: `${OPENAI}import { SYSTEM } from "./prompts";
const base = [{ role: "system", content: SYSTEM }];
await client.chat.completions.create({ model: "gpt-4o", messages: base });
await client.chat.completions.create({ model: "gpt-4o-mini", messages: base });`,
    refs: [[{ name: 'SYSTEM', module: './prompts', role: 'system', at: 'SYSTEM' }], [{ name: 'SYSTEM', module: './prompts', role: 'system', at: 'SYSTEM' }]],
  },
  {
    name: 'names of the same file, parameters that shadow an import, and SDK constants are not refs',
    code: `import Anthropic, { HUMAN_PROMPT } from "@anthropic-ai/sdk";\nimport { SYSTEM } from "./prompts";
const client = new Anthropic();
const LOCAL = "You are terse.";
await client.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 100, system: LOCAL, messages: [{ role: "user", content: HUMAN_PROMPT }] });
function ask(SYSTEM: string) {
  return client.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 100, system: SYSTEM, messages: [] });
}`,
    refs: [[], []],
  },
];

describe('script extractor: imported prompt references', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { calls } = await analyze(c.code);
      assert.equal(calls.length, c.refs.length, `calls: ${calls.map((x) => x.callee).join(', ')}`);
      calls.forEach((call, i) => {
        const got = (call.promptRefs ?? []).map(({ span, ...ref }) => ({ ...ref, at: c.code.slice(span.start, span.end) }));
        assert.deepEqual(got, c.refs[i], `refs of call ${i}`);
      });
    });
  }

  it('gives every call an empty list when it sends no imported name', async () => {
    const { calls } = await analyze(`${OPENAI}await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi there." }] });`);
    assert.deepEqual(calls[0].promptRefs, []);
  });
});
