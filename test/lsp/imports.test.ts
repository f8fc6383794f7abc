import * as assert from 'node:assert/strict';
import { CodeLensRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, TestClient } from './lsp-client';
import { makeWorkspace } from './workspace';

const PROMPTS = `SUPPORT_SYSTEM_PROMPT = """You are the support assistant for Acme Cloud. Answer billing and account
questions in at most three sentences. Never promise refunds; hand refund requests to a human agent.
If you do not know the answer, say so and offer to open a ticket."""
`;

const BOT = `from openai import OpenAI

from .prompts import SUPPORT_SYSTEM_PROMPT

client = OpenAI()


def reply(message: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=200,
        messages=[{"role": "system", "content": SUPPORT_SYSTEM_PROMPT}, {"role": "user", "content": message}],
    )
    return response.choices[0].message.content
`;

describe('prompts imported from another file (dist/server.js over stdio)', () => {
  const ws = makeWorkspace();
  let client: TestClient;
  let uri: string;

  before(async () => {
    ws.write('support/prompts.py', PROMPTS);
    client = await TestClient.start({ workspace: ws.root });
    // Only the file with the call is open; the server reads the module it imports from disk.
    uri = await client.open(ws.write('support/bot.py', BOT), 'python', BOT);
    await client.diagnosticsFor(uri, 1);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('counts the imported prompt in the call lens', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const title = lenses?.[0]?.command?.title ?? '';
    const tokens = Number(/^≈?([\d,]+) tokens/.exec(title)?.[1].replace(/,/g, ''));
    assert.ok(tokens > 50, `the lens counts the system prompt from prompts.py: ${title}`);
  });

  it('hovers the imported name with the prompt it stands for', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(BOT, 'SUPPORT_SYSTEM_PROMPT}', 3) });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /system prompt `SUPPORT_SYSTEM_PROMPT` from `.*support\/prompts\.py`/);
    assert.match(text, /\*\*\d+ tokens\*\* at openai\/gpt-4o/);
    assert.match(text, /The whole call: \d+ input tokens · \$[\d.]+\/call/);
  });
});
