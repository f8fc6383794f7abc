/** Step 4, output length control: a bound on calls that have none, and optionally a length instruction. */
import type { ChatMessage } from '../providers/types';

/** Words per token of English output, to turn a token bound into an instruction people read. */
const WORDS_PER_TOKEN = 0.75;

export function lengthInstruction(maxOutputTokens: number): string {
  return `Answer in at most ${Math.max(1, Math.floor(maxOutputTokens * WORDS_PER_TOKEN))} words.`;
}

/** The messages with the instruction appended to the last system message (or a new one first). */
export function withLengthInstruction(messages: readonly ChatMessage[], maxOutputTokens: number): ChatMessage[] {
  const instruction = lengthInstruction(maxOutputTokens);
  const last = messages.map((m) => m.role).lastIndexOf('system');
  if (last < 0) return [{ role: 'system', content: instruction }, ...messages];
  return messages.map((m, i) => (i === last ? { role: 'system', content: `${m.content}\n\n${instruction}` } : m));
}
