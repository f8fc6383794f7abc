import rule from '../../../src/core/rules/full-history';
import { ruleTester } from './rule-tester';

type Options = { keepTurns: number };
type MessageId = 'fullHistory' | 'keepLastTurns';

const OPENAI_PY = `from openai import OpenAI\nclient = OpenAI()\n`;
const OPENAI_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
const ANTHROPIC_PY = `import anthropic\nclient = anthropic.Anthropic()\n`;

/** A chat loop that appends every reply to `history` and sends it all. */
const pyLoop = (messages: string, init = '[]') =>
  `${OPENAI_PY}history = ${init}\nwhile True:\n    history.append({"role": "user", "content": input()})\n    resp = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=${messages})\n    history.append({"role": "assistant", "content": resp.choices[0].message.content})\n`;

ruleTester<Options, MessageId>(rule, {
  valid: [
    // A fresh two-message list is not a history.
    { code: `${OPENAI_PY}def ask(q):\n    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": q}]\n    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=messages)\n`, language: 'python' },
    // Already trimmed.
    { code: pyLoop('history[-20:]'), language: 'python' },
    `${OPENAI_TS}export async function ok(conversation: Msg[]) {\n  const recent = conversation.slice(-10);\n  return client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [...recent] });\n}\n`,
  ],
  invalid: [
    {
      code: pyLoop('history'),
      language: 'python',
      output: null,
      errors: [{ messageId: 'fullHistory', data: { name: 'history', keepTurns: 10 }, line: 6, column: 84, suggestions: [{ title: 'Send only the last 10 turns (history[-20:])', safe: false, output: pyLoop('history[-20:]') }] }],
    },
    // A leading system message stays in front of the kept turns.
    {
      code: pyLoop('history', '[{"role": "system", "content": "You are a support agent."}]'),
      language: 'python',
      options: { keepTurns: 3 },
      output: null,
      errors: [{ messageId: 'fullHistory', suggestions: [{ output: pyLoop('history[:1] + history[1:][-6:]', '[{"role": "system", "content": "You are a support agent."}]') }] }],
    },
    // Spread into a new list, by name.
    {
      code: `${ANTHROPIC_PY}def reply(chat_history, question):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[*chat_history, {"role": "user", "content": question}])\n`,
      language: 'python',
      output: null,
      errors: [{ messageId: 'fullHistory', suggestions: [{ output: `${ANTHROPIC_PY}def reply(chat_history, question):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[*chat_history[-20:], {"role": "user", "content": question}])\n` }] }],
    },
    {
      code: `${OPENAI_TS}export async function chat(conversation: Msg[], q: string) {\n  return client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [...conversation, { role: 'user', content: q }] });\n}\n`,
      output: null,
      errors: [{ messageId: 'fullHistory', line: 4, suggestions: [{ output: `${OPENAI_TS}export async function chat(conversation: Msg[], q: string) {\n  return client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [...conversation.slice(-20), { role: 'user', content: q }] });\n}\n` }] }],
    },
    // Shorthand property: the key is written out once the value changes.
    {
      code: `${OPENAI_TS}export async function turn(messages: Msg[]) {\n  const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages });\n  messages.push(r.choices[0].message);\n}\n`,
      output: null,
      errors: [{ messageId: 'fullHistory', suggestions: [{ output: `${OPENAI_TS}export async function turn(messages: Msg[]) {\n  const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: messages.slice(-20) });\n  messages.push(r.choices[0].message);\n}\n` }] }],
    },
  ],
});
