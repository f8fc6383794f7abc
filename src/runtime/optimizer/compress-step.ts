/**
 * Step 2 through the core compressor: the system messages and the message being answered.
 * Results are remembered per text (a bounded LRU): a system prompt is usually the same from call
 * to call, and compressing a long one costs milliseconds.
 */
import { compress, type CompressLevel } from '../../core/compress';
import { memoize } from '../../core/lru';
import type { ChatMessage } from '../providers/types';

export interface CompressedMessages {
  messages: ChatMessage[];
  edits: number;
}

/** Compression of one text at one level, remembered for the last 256 texts. */
const compressText = memoize(
  (text: string, level: CompressLevel) => {
    const result = compress(text, { level });
    return { text: result.text, edits: result.edits.length };
  },
  (text, level) => `${level}\u0000${text}`,
  256,
);

export function compressMessages(messages: readonly ChatMessage[], level: CompressLevel): CompressedMessages {
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  let edits = 0;
  const out = messages.map((m, i) => {
    if (m.role !== 'system' && i !== lastUser) return m;
    const result = compressText(m.content, level);
    edits += result.edits;
    return result.edits > 0 ? { role: m.role, content: result.text } : m;
  });
  return { messages: out, edits };
}
