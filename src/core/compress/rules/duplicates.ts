/**
 * Sentences that say the same thing twice. Prompts often repeat an instruction ("Do not write
 * explanations." twice, or "Remember, I want you to ..." restating an earlier line); once the
 * framing is gone the copies are equal, and the later one is dropped.
 */
import { normalizeForCheck } from '../must-keep';
import type { CompressRule, RuleContext, RuleMatch } from './rule';

/** A sentence with the spaces after it, as offsets into the current text. */
interface Sentence {
  start: number;
  end: number;
  words: string[];
}

/** Sentences of at most one line: `.!?` and a space end one, so does a line break. */
const SENTENCE = /[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)[ \t]*/g;

/** Words too common to tell two sentences apart. */
const FUNCTION_WORDS = new Set(
  'a an the and or but of to in on at by for with as is are be it this that these those i you me my your we our will would should can could do does also please remember just then so'.split(' '),
);

/** Words that turn an instruction around: two sentences only match when they have the same ones. */
const LIMIT_WORDS = new Set('not never no nothing none without only avoid except unless max maximum min minimum least most than under within'.split(' '));

/** Fewer content words than this and two sentences may match by chance. */
const MIN_CONTENT_WORDS = 3;

function sentences(text: string, ctx: RuleContext): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    if (m[0].trim() === '') continue;
    const words = normalizeForCheck(ctx.unmask(m[0])).split(' ').filter((w) => w !== '' && !FUNCTION_WORDS.has(w));
    out.push({ start: m.index, end: m.index + m[0].length, words });
  }
  return out;
}

/** True when every content word of `later` occurs in `earlier`, in the same order. */
function restates(earlier: readonly string[], later: readonly string[]): boolean {
  let i = 0;
  for (const word of earlier) if (word === later[i]) i++;
  const limits = (words: readonly string[]) => words.filter((w) => LIMIT_WORDS.has(w)).join(' ');
  return i === later.length && limits(earlier) === limits(later);
}

export const repeatedSentence: CompressRule = {
  id: 'duplicates/repeated-sentence',
  level: 'safe',
  reason: 'the same instruction was already given earlier in the prompt',
  find(text, ctx): RuleMatch[] {
    const all = sentences(text, ctx);
    const found: RuleMatch[] = [];
    all.forEach((s, index) => {
      if (s.words.length < MIN_CONTENT_WORDS) return;
      if (all.slice(0, index).some((e) => restates(e.words, s.words))) found.push({ start: s.start, end: s.end, after: '' });
    });
    return found;
  },
};

export const DUPLICATE_RULES: readonly CompressRule[] = [repeatedSentence];
