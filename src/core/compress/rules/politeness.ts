/** Politeness and reminders: models follow an instruction just as well without them. */
import { SENTENCE_START } from '../sentences';
import { patternRule, phrase, type CompressRule } from './rule';

const POLITE = 'politeness does not change what the model is asked to do';

/** `please` as a courtesy; `to please` (the verb) is left alone. */
export const please = patternRule({ id: 'politeness/please', level: 'safe', reason: POLITE, pattern: /(?<![\p{L}'’]|\bto\s|\bif you\s)please\b,?[ \t]*/giu, replace: '' });

export const kindly = patternRule({ id: 'politeness/kindly', level: 'safe', reason: POLITE, pattern: /(?<![\p{L}'’])kindly\b,?[ \t]*/giu, replace: '' });

/** A sentence that only thanks, wishes luck or hopes. */
export const thanks = patternRule({
  id: 'politeness/thanks',
  level: 'safe',
  reason: POLITE,
  pattern: new RegExp(
    `${SENTENCE_START}(?:thank you|thanks|many thanks|good luck|i hope this helps|i appreciate (?:it|your help))(?: (?:so|very) much)?(?: (?:in advance|for your help|for your time|for your assistance))?[.!]*(?:[ \\t]+|$)`,
    'giu',
  ),
  replace: '',
});

/** `I would appreciate it if you could`, `I would be grateful if you would`: the request follows. */
export const appreciateIf = patternRule({
  id: 'politeness/appreciate-if',
  level: 'safe',
  reason: POLITE,
  pattern: phrase(String.raw`i (?:would|'d|’d) (?:really )?(?:appreciate it|be grateful|be thankful) if you (?:could|would|can) `, 'giu'),
  replace: '',
});

/** `Remember to`, `Remember,`, `Keep in mind that`, `Note that`: the instruction stands without the reminder. */
export const reminders = patternRule({
  id: 'politeness/reminder',
  level: 'safe',
  reason: 'a reminder phrase adds nothing to the instruction it introduces',
  pattern: /(?<![\p{L}'’])(?:please note that|note that|it is important to note that|it should be noted that|keep in mind that|bear in mind that|remember that|remember to|remember,|be sure to|make sure to|make sure that you|make sure you|needless to say,?)[ \t]+/giu,
  replace: '',
});

export const POLITENESS_RULES: readonly CompressRule[] = [thanks, appreciateIf, please, kindly, reminders];
