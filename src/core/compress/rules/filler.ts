/** Filler words: intensifiers and hedges that models ignore. */
import { patternRule, phrase, type CompressRule } from './rule';

/** Intensifiers whose removal leaves the statement as it was. */
export const intensifiers = patternRule({
  id: 'filler/intensifier',
  level: 'safe',
  reason: 'an intensifier that adds no instruction',
  pattern: phrase('(?:really|actually|basically|truly|certainly|definitely|literally|totally|very|extremely|incredibly|highly|quite|simply) (?=\\p{L})'),
  replace: '',
});

/** Words that soften or pad but carry little: dropped at the aggressive level only. */
export const softeners = patternRule({
  id: 'filler/softener',
  level: 'aggressive',
  reason: 'a padding word; the sentence reads tersely without it',
  pattern: phrase(
    "(?:also|just|(?<!\\b(?:in|for|at|to|by) )some(?! (?:of|time|cases|way|point|extent|degree|more|other|one|thing)\\b)|various|specific|particular|certain|possibly|perhaps|carefully|additionally,?|furthermore,?|moreover,?) (?=\\p{L})",
  ),
  replace: '',
});

export const FILLER_RULES: readonly CompressRule[] = [intensifiers, softeners];
