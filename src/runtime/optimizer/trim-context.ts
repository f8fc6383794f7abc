/**
 * Step 1, context trimming: keep the system messages and the last N exchanges before the message
 * being answered; the older exchanges are replaced by one summary message. This module splits the
 * conversation and writes the extractive summary; the pipeline asks a model for the other kind.
 */
import type { ChatMessage } from '../providers/types';

export interface TrimSplit {
  system: ChatMessage[];
  /** Exchanges that are replaced by the summary, oldest first. */
  dropped: ChatMessage[];
  /** Exchanges kept, then the message being answered. */
  kept: ChatMessage[];
}

/** Splits the conversation; `dropped` is empty when there are no more than `keepTurns` exchanges. */
export function splitTurns(messages: readonly ChatMessage[], keepTurns: number): TrimSplit {
  const system = messages.filter((m) => m.role === 'system');
  const turns = messages.filter((m) => m.role !== 'system');
  // An exchange starts at each user message; the last user message is the one being answered.
  const starts = turns.flatMap((m, i) => (m.role === 'user' ? [i] : []));
  const current = starts.length - 1;
  const firstKept = current - Math.max(0, keepTurns);
  if (firstKept <= 0) return { system, dropped: [], kept: turns };
  const cut = starts[firstKept];
  return { system, dropped: turns.slice(0, cut), kept: turns.slice(cut) };
}

const SUMMARY_CHARS = 1200;
const SENTENCE = /[^.!?\n]+[.!?]?/;

/**
 * An extractive summary: the first sentence of each dropped message, with its role, newest kept
 * when they do not all fit in the length limit. Deterministic and free.
 */
export function extractiveSummary(dropped: readonly ChatMessage[]): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = dropped.length - 1; i >= 0; i--) {
    const first = SENTENCE.exec(dropped[i].content.trim())?.[0].trim();
    if (!first) continue;
    const line = `${dropped[i].role}: ${first.length > 200 ? `${first.slice(0, 200)}...` : first}`;
    if (length + line.length > SUMMARY_CHARS) break;
    lines.unshift(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** The message that stands in for the dropped exchanges. */
export function summaryMessage(summary: string): ChatMessage {
  return { role: 'system', content: `Summary of the earlier conversation:\n${summary}` };
}

/** What a summarising model is asked. */
export function summaryRequest(dropped: readonly ChatMessage[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content: 'Summarise the conversation below in at most 120 words for the assistant that continues it. Keep names, numbers, decisions and open questions. Write only the summary.',
    },
    { role: 'user', content: dropped.map((m) => `${m.role}: ${m.content}`).join('\n\n') },
  ];
}
