/**
 * Contractions: "do not" and "don't" say the same and the contraction is one token fewer in the
 * OpenAI encodings. The must-keep checker reads both forms as equal.
 */
import { patternRule, phrase, type CompressRule } from './rule';

/** Full form (a phrase pattern) and its contraction; the first letter's case is kept. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['do not', "don't"],
  ['does not', "doesn't"],
  ['did not', "didn't"],
  ['is not', "isn't"],
  ['are not', "aren't"],
  ['was not', "wasn't"],
  ['were not', "weren't"],
  ['have not', "haven't"],
  ['has not', "hasn't"],
  ['can not|cannot', "can't"],
  ['will not', "won't"],
  ['should not', "shouldn't"],
  ['would not', "wouldn't"],
  ['could not', "couldn't"],
  ['I am', "I'm"],
  ['you are', "you're"],
  ['we are', "we're"],
  ['they are', "they're"],
  ['it is', "it's"],
  ['you will', "you'll"],
  ['we will', "we'll"],
  ['they will', "they'll"],
  ['you would', "you'd"],
  ['let us', "let's"],
  ['there is', "there's"],
  ['what is', "what's"],
];

function contraction([full, short]: readonly [string, string]): CompressRule {
  return patternRule({
    id: `contraction/${short.replace(/'/g, '').toLowerCase()}`,
    level: 'safe',
    reason: `"${full.split('|')[0]}" and "${short}" mean the same; the contraction is shorter`,
    // Not before a full stop or comma: "what it is." and "I am, ..." do not contract.
    pattern: phrase(`(?:${full})(?=\\s+[\\p{L}\\p{N}\\ue000-\\uf8ff])`),
    replace: (m) => (/^\p{Lu}/u.test(m[0]) && !/^I\b/.test(m[0]) ? short[0].toUpperCase() + short.slice(1) : short),
  });
}

export const CONTRACTION_RULES: readonly CompressRule[] = PAIRS.map(contraction);
