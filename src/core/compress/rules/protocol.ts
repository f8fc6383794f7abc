/**
 * The turn-taking protocol of a role prompt: "I will type commands and you will reply with what the
 * terminal should show", "When I need to tell you something, I will do so by putting text in
 * brackets". The user's moves are stated in the present, the model's as instructions.
 */
import { SENTENCE_START } from '../sentences';
import { patternRule, phrase, type CompressRule, type RuleMatch } from './rule';

const PROTOCOL = 'the same turn-taking protocol, stated directly';

/** Verbs after "you will" that describe what happens to the model, not what it must do. */
const NOT_AN_INSTRUCTION = String.raw`(?!(?:not|never|receive|get|see|hear|notice|have|find|encounter|meet|be|need|want|know)\b)`;

/** What the user does in a role play; "I will be the candidate" is left alone. */
const USER_MOVES =
  'type|write|give|provide|send|tell|ask|speak|say|describe|enter|make|share|paste|reply|post|add|show|present|use|input|submit|explain|list|mention|start|play|respond';

/**
 * "I'll type commands and you'll reply with the output" -> "I'll type commands; reply with the
 * output": the clause after "and" is an instruction, once the user's own move is stated before it.
 */
export const andYouWill: CompressRule = {
  id: 'protocol/and-you-will',
  level: 'safe',
  reason: PROTOCOL,
  find(text) {
    const found: RuleMatch[] = [];
    const re = new RegExp(
      String.raw`,?[ \t]+and you(?: will|'ll|’ll| should| must| need to| have to)(?: also)?[ \t]+${NOT_AN_INSTRUCTION}(?=\p{Ll})`,
      'gu',
    );
    for (const m of text.matchAll(re)) {
      const sentenceStart = Math.max(text.lastIndexOf('. ', m.index), text.lastIndexOf('\n', m.index), text.lastIndexOf('? ', m.index), -1);
      const before = text.slice(sentenceStart + 1, m.index);
      // Only after a clause whose subject is the user: "I'll type commands and you'll reply".
      if (/^\s*(?:[\p{L} ,]*,\s*)?I\b/u.test(before) && !/[;:]/.test(before)) found.push({ start: m.index, end: m.index + m[0].length, after: '; ' });
    }
    return found;
  },
};

/** "I will type commands" -> "I type commands": the user's moves are a standing arrangement. */
export const userMoves = patternRule({
  id: 'protocol/user-moves',
  level: 'safe',
  reason: 'the user describes how the exchange works; the present says the same as the future',
  pattern: phrase(String.raw`[Ii](?: will|'ll|’ll)(?: also)? (${USER_MOVES})`, 'gu'),
  replace: 'I $1',
});

/** "-ing" forms that follow "do so by", and their plain form. */
const GERUNDS: Readonly<Record<string, string>> = {
  putting: 'put',
  wrapping: 'wrap',
  writing: 'write',
  using: 'use',
  typing: 'type',
  adding: 'add',
  enclosing: 'enclose',
  placing: 'place',
  surrounding: 'surround',
  starting: 'start',
  including: 'include',
  sending: 'send',
  saying: 'say',
  prefixing: 'prefix',
  marking: 'mark',
};

/** "I will do so by putting text in brackets" -> "I'll put text in brackets". */
export const doSoBy = patternRule({
  id: 'protocol/do-so-by',
  level: 'safe',
  reason: 'says how, without the "do so by" detour',
  pattern: phrase(String.raw`(I(?: will|'ll|’ll) |I )?do (?:so|it|this|that) by (${Object.keys(GERUNDS).join('|')})`, 'gu'),
  replace: (m) => `${m[1] ? "I'll " : ''}${GERUNDS[m[2].toLowerCase()]}`,
});

/** "unless I instruct you to do so" -> "unless I instruct you". */
export const toDoSo = patternRule({
  id: 'protocol/to-do-so',
  level: 'safe',
  reason: '"to do so" repeats the verb the sentence already names',
  pattern: phrase('(instruct|tell|ask|allow|want) (you|me) to do so'),
  replace: '$1 $2',
});

/** "When I need to tell you something in English, I'll ..." -> "To tell you something in English, I'll ...". */
export const whenINeedTo = patternRule({
  id: 'protocol/when-i-need-to',
  level: 'safe',
  reason: 'the purpose clause says the same in fewer words',
  pattern: new RegExp(String.raw`${SENTENCE_START}when I (?:need|want|have) to (?=(?:tell|ask|give|say|send|add|provide)\b[^.!?\n]*,\s*I\b)`, 'giu'),
  replace: 'to ',
});

/** "what the terminal should show" -> "what the terminal shows". */
export const shouldShow = patternRule({
  id: 'protocol/should-show',
  level: 'safe',
  reason: 'what the output shows; the modal adds nothing',
  pattern: /(?<=\bwhat (?:the |a |your )?[\p{L}-]+(?: [\p{L}-]+)? )(?:should|would|will) (show|display|output|return|print|look like)\b/gu,
  replace: (m) => (m[1] === 'look like' ? 'looks like' : `${m[1]}s`),
});

/** ", and nothing else" -> ", nothing else". */
export const andNothingElse = patternRule({
  id: 'protocol/and-nothing-else',
  level: 'safe',
  reason: '"nothing else" keeps the limit; "and" adds nothing',
  pattern: /,?[ \t]+and (nothing else|no other text|nothing more)\b/giu,
  replace: ', $1',
});

export const PROTOCOL_RULES: readonly CompressRule[] = [whenINeedTo, doSoBy, toDoSo, userMoves, andYouWill, shouldShow, andNothingElse];
