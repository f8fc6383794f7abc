/** Restores the capital at the start of a sentence whose first words were removed. */
import { SENTENCE_START } from '../sentences';
import type { CompressRule, RuleMatch } from './rule';

const LOWER_START = new RegExp(`${SENTENCE_START}\\p{Ll}(?![\\p{L}\\p{N}]*\\p{Lu})`, 'gu');

export const sentenceCase: CompressRule = {
  id: 'cleanup/sentence-case',
  level: 'safe',
  reason: 'a sentence starts with a capital',
  joinAdjacent: true,
  find(text, ctx): RuleMatch[] {
    const found: RuleMatch[] = [];
    for (const m of text.matchAll(LOWER_START)) {
      let from = m.index;
      while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      // Only where an edit made the sentence start: an author's lower-case style is theirs to keep.
      if (ctx.editTouches(from, m.index)) found.push({ start: m.index, end: m.index + 1, after: m[0].toUpperCase() });
    }
    return found;
  },
};
