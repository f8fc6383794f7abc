import assert from 'node:assert/strict';
import { get_encoding } from 'tiktoken';
import { CHAT_OVERHEAD, chatOverhead, countChatTokens, type ChatMessageText } from '../../../src/core/tokens';

const MESSAGES: ChatMessageText[] = [
  { role: 'system', content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
  { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];

describe('chat message overhead', () => {
  it('follows the OpenAI cookbook rule, checked against tiktoken', () => {
    const encoder = get_encoding('o200k_base');
    try {
      // The cookbook's num_tokens_from_messages: 3 per message, every value encoded, +1 per name, +3 priming.
      let expected = 3;
      for (const message of MESSAGES) {
        expected += 3;
        for (const value of [message.role, message.content, message.name]) if (value !== undefined) expected += encoder.encode(value).length;
        if (message.name !== undefined) expected += 1;
      }
      assert.deepEqual(countChatTokens(MESSAGES, 'o200k_base'), { tokens: expected, estimate: false, family: 'o200k_base' });
    } finally {
      encoder.free();
    }
  });

  it('counts the format alone', () => {
    assert.equal(chatOverhead(MESSAGES, 'cl100k_base'), 4 * 3 + 2 + 3);
    assert.equal(chatOverhead([], 'cl100k_base'), 3);
  });

  it('marks other families as estimates and cites both the factor and the chat format', () => {
    const result = countChatTokens(MESSAGES, 'claude-2025');
    assert.equal(result.estimate, true);
    assert.match(result.factorSource ?? '', /1\.17x cl100k_base/);
    assert.ok(result.factorSource?.includes(CHAT_OVERHEAD['claude-2025'].source));
  });
});
