import * as assert from 'node:assert/strict';
import { findSourcePrompt, literalEdits, type LiteralEdit } from '../../../src/extension/playground/source-prompt';

const apply = (source: string, edits: LiteralEdit[]) => [...edits].sort((a, b) => b.span.start - a.span.start).reduce((text, e) => text.slice(0, e.span.start) + e.newText + text.slice(e.span.end), source);

const PYTHON = `from openai import OpenAI
client = OpenAI()

def reply(last_answer):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "You are a very helpful assistant. Please answer briefly."},
            {"role": "user", "content": f"The bot said: {last_answer}. Suggest three \\"short\\" replies."},
        ],
    )
`;

const TS = `import OpenAI from 'openai';
const client = new OpenAI();
export async function ask(question: string) {
  return client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: \`Answer this: \${question}\` }],
  });
}
`;

describe('playground: the prompt behind a call, and writing it back', () => {
  it('finds the system and user prompts of the call at an offset', async () => {
    const prompt = await findSourcePrompt(PYTHON, 'python', PYTHON.indexOf('client.chat'));
    assert.ok(prompt);
    assert.equal(prompt.text.system, 'You are a very helpful assistant. Please answer briefly.');
    assert.equal(prompt.text.user, 'The bot said: {last_answer}. Suggest three "short" replies.');
    assert.ok(prompt.sites.system && prompt.sites.user);
  });

  it('writes new text over each changed literal, keeping the f-string, its interpolation and escapes', async () => {
    const prompt = (await findSourcePrompt(PYTHON, 'python', PYTHON.indexOf('client.chat')))!;
    const edits = literalEdits(PYTHON, 'python', prompt, { system: 'Answer briefly.', user: 'Bot said: {last_answer}. Give 3 "short" replies.' });
    assert.ok(Array.isArray(edits));
    const out = apply(PYTHON, edits);
    assert.ok(out.includes('{"role": "system", "content": "Answer briefly."}'), out);
    assert.ok(out.includes('f"Bot said: {last_answer}. Give 3 \\"short\\" replies."'), out);
  });

  it('leaves unchanged roles alone', async () => {
    const prompt = (await findSourcePrompt(PYTHON, 'python', PYTHON.indexOf('client.chat')))!;
    assert.deepEqual(literalEdits(PYTHON, 'python', prompt, prompt.text), []);
  });

  it('refuses text that drops a placeholder of an interpolating literal', async () => {
    const prompt = (await findSourcePrompt(TS, 'typescript', TS.indexOf('client.chat')))!;
    assert.equal(prompt.text.user, 'Answer this: {question}');
    const refused = literalEdits(TS, 'typescript', prompt, { system: '', user: 'Answer.' });
    assert.equal(typeof refused, 'string');
    const edits = literalEdits(TS, 'typescript', prompt, { system: '', user: 'Answer: {question}' });
    assert.ok(Array.isArray(edits));
    assert.ok(apply(TS, edits).includes('content: `Answer: ${question}`'));
  });

  it('says there is no call when the offset is outside every call', async () => {
    assert.equal(await findSourcePrompt(TS, 'typescript', 0), undefined);
  });
});
