/** Step 2 through the core compressor: the system messages and the message being answered. */
import { compress, type CompressLevel } from '../../core/compress';
import type { ChatMessage } from '../providers/types';

export interface CompressedMessages {
  messages: ChatMessage[];
  edits: number;
}

export function compressMessages(messages: readonly ChatMessage[], level: CompressLevel): CompressedMessages {
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  let edits = 0;
  const out = messages.map((m, i) => {
    if (m.role !== 'system' && i !== lastUser) return m;
    const result = compress(m.content, { level });
    edits += result.edits.length;
    return result.edits.length > 0 ? { role: m.role, content: result.text } : m;
  });
  return { messages: out, edits };
}
