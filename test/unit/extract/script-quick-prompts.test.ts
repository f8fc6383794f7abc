import * as assert from 'node:assert/strict';
import { type ExpectedPrompt, analyze, checkPrompts } from './script-helpers';

/**
 * Quick prompts of chat UIs (real-code findings, cause 1): starter strings are prompts only where
 * the file shows a click sending them as the user's message.
 */

interface Case {
  name: string;
  code: string;
  prompts: ExpectedPrompt[];
}

const USE_CHAT = 'import { useChat } from "@ai-sdk/react";\n';

const SENT: Case[] = [
  {
    name: 'an array mapped to buttons whose callback prop is a suggestion handler',
    code: `const STARTERS = ["Plan a three-day trip to Kyoto", "明日の天気は？"];
export const Starters = ({ onSuggestionClick }) => (
  <div>{STARTERS.map((s) => <button key={s} onClick={() => onSuggestionClick(s)}>{s}</button>)}</div>
);`,
    prompts: [
      { text: 'Plan a three-day trip to Kyoto', role: 'user', name: 'STARTERS', callIndex: null },
      { text: '明日の天気は？', role: 'user', name: 'STARTERS', callIndex: null },
    ],
  },
  {
    name: 'the action field of suggested actions passed to append; titles and labels are UI text',
    code: `${USE_CHAT}const suggestedActions = [
  { title: 'Explain a concept', label: 'like recursion', action: 'Explain recursion with a short example' },
  { title: 'Plan a trip', label: 'to Lisbon', action: \`Help me plan a weekend in Lisbon\` },
];
export function Actions() {
  const { append } = useChat();
  return suggestedActions.map((a) => <button onClick={() => append({ role: 'user', content: a.action })}>{a.title}</button>);
}`,
    prompts: [
      { text: 'Explain recursion with a short example', role: 'user', name: 'suggestedActions' },
      { text: 'Help me plan a weekend in Lisbon', role: 'user', name: 'suggestedActions' },
    ],
  },
  {
    name: 'a local handler that passes the string on to sendMessage, and a literal sent directly',
    code: `${USE_CHAT}const QUESTIONS = ["Summarise the French revolution in three bullets"];
export function Empty() {
  const { sendMessage } = useChat();
  const pick = (q: string) => sendMessage({ role: 'user', parts: [{ type: 'text', text: q }] });
  return <div>
    {QUESTIONS.map((q) => <button onClick={() => pick(q)}>{q}</button>)}
    <button onClick={() => sendMessage({ text: 'What is the weather in Paris today?' })}>Weather</button>
  </div>;
}`,
    prompts: [
      { text: 'Summarise the French revolution in three bullets', role: 'user', name: 'QUESTIONS' },
      { text: 'What is the weather in Paris today?', role: 'user', name: null },
    ],
  },
  {
    name: 'a suggestions prop on a chat component in a file that uses useChat',
    code: `${USE_CHAT}export function Empty() {
  const { append } = useChat();
  return <Chat append={append}
    suggestions={[
      "Write a haiku about autumn rain",
      "Summarise the French revolution in three bullets",
    ]} />;
}`,
    prompts: [
      { text: 'Write a haiku about autumn rain', role: 'user' },
      { text: 'Summarise the French revolution in three bullets', role: 'user' },
    ],
  },
];

const NOT_SENT: { name: string; code: string }[] = [
  {
    name: 'labels mapped to buttons whose handler is not a chat send',
    code: `const TABS = ["Recent conversations", "Shared with me"];
export const Tabs = ({ setTab }) => <nav>{TABS.map((t) => <button onClick={() => setTab(t)}>{t}</button>)}</nav>;`,
  },
  {
    name: 'strings appended to the DOM or a form',
    code: `const LINES = ["First line of the notice", "Second line of the notice"];
LINES.forEach((line) => list.append(line));
form.append("comment", userComment);`,
  },
  {
    name: 'a suggestions prop in a file that has no chat',
    code: `export const Search = () => <Combobox suggestions={["Recent searches from this week", "Saved searches"]} />;`,
  },
  {
    name: 'suggestions that arrive as a parameter have no literal to report',
    code: `export function Suggestions({ suggestions, append }) {
  return suggestions.map((s) => <button onClick={() => append({ role: 'user', content: s })}>{s}</button>);
}`,
  },
  {
    name: 'an assistant message sent through append',
    code: `const NOTES = ["The answer above was written by a human reviewer"];
export const N = ({ append }) => NOTES.map((n) => <b onClick={() => append({ role: 'assistant', content: n })}>{n}</b>);`,
  },
];

describe('script extractor: quick prompts sent by a chat UI', () => {
  for (const c of SENT) {
    it(c.name, async () => {
      const { prompts, calls } = await analyze(c.code, 'tsx');
      assert.deepEqual(calls, []);
      checkPrompts(c.code, prompts, c.prompts);
    });
  }
  for (const c of NOT_SENT) {
    it(`not prompts: ${c.name}`, async () => {
      const { prompts } = await analyze(c.code, 'tsx');
      assert.deepEqual(prompts.map((p) => p.text), []);
    });
  }
});
