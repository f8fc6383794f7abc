/**
 * Telegraphic style, aggressive level only: the words a reader (or a model) restores without
 * effort. Names, numbers, negations and their objects are guarded by the must-keep checker.
 */
import { SENTENCE_START } from '../sentences';
import { patternRule, phrase, type CompressRule } from './rule';

const TELEGRAPHIC = 'telegraphic style: the word is implied by the rest of the sentence';

/** Articles, except where they are part of a name or a capitalised title ("A to L"). */
export const articles = patternRule({
  id: 'telegraphic/article',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: /(?<![\p{L}\p{N}'’-])(?:the|an?|The|An?(?= \p{Ll}))[ \t]+(?=[\p{L}\p{N}])/gu,
  replace: '',
});

/** "I'll type commands and you will reply" -> "I type commands and you reply". */
export const futureTense = patternRule({
  id: 'telegraphic/future-tense',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: phrase("(I|you|we)(?: will|'ll|’ll)(?! not| never| be)(?=\\s+\\p{L})"),
  replace: '$1',
});

/** "that" after verbs of saying and knowing: "ensure that the output" -> "ensure the output". */
export const thatComplement = patternRule({
  id: 'telegraphic/that',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: phrase('(ensure|say|says|think|know|note|believe|remember|assume|consider|explain|check|show) that '),
  replace: '$1 ',
});

/** "My first request is" was already shortened to "First request:"; "First" adds little. */
export const firstLabel = patternRule({
  id: 'telegraphic/first-label',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: new RegExp(`${SENTENCE_START}first (?=(?:request|sentence|command|question|prompt|claim|message|object|keywords?|title|problem|thought|statement|task|topic|code|word|input):)`, 'giu'),
  replace: '',
});

/** Sentences that only invite or encourage ("Feel free to ask.", "Let's begin."). */
export const invitations = patternRule({
  id: 'telegraphic/invitation',
  level: 'aggressive',
  reason: 'a sentence that invites or encourages but asks for nothing',
  pattern: new RegExp(`${SENTENCE_START}(?:let['’]?s (?:begin|start|get started)|now,? let['’]?s start[^.!?\\n]*|take a deep breath[^.!?\\n]*|i look forward to[^.!?\\n]*)[.!](?:[ \\t]+|$)`, 'giu'),
  replace: '',
});

/**
 * Sentences that only list possibilities ("This could include providing examples, ..."): the task
 * before them already says what to do. Any must-keep item inside keeps the sentence.
 */
export const exampleSentences = patternRule({
  id: 'telegraphic/example-sentence',
  level: 'aggressive',
  reason: 'a sentence of examples that the instruction before it already covers',
  pattern: new RegExp(`${SENTENCE_START}(?:this (?:could|can|may|might|will) (?:also )?(?:include|involve|contain|mean)|examples? (?:include|are)|for example,|for instance,)[^.!?\\n]*[.!?](?:[ \\t]+|$)`, 'giu'),
  replace: '',
});

/** "use your wit" -> "use wit", "Your lyrics should" -> "Lyrics should": whose is clear from the prompt. */
export const possessives = patternRule({
  id: 'telegraphic/possessive',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: /(?<![\p{L}'’-])your[ \t]+(?:own[ \t]+)?(?=\p{L})/giu,
  replace: '',
});

/** "suggest me places", "give me a list" -> "suggest places", "give a list": the reader is the user. */
export const indirectObject = patternRule({
  id: 'telegraphic/indirect-object',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: /(?<=\b(?:give|tell|suggest|show|send|provide|offer|reply|recommend|write|bring|find|list|teach|explain to|answer) )me[ \t]+(?=\p{L})/giu,
  replace: '',
});

/** "X, Y, and Z" -> "X, Y, Z". */
export const listAnd = patternRule({
  id: 'telegraphic/list-and',
  level: 'aggressive',
  reason: 'the comma already joins the last item',
  pattern: /(?<=,)[ \t]+and(?=[ \t]+\p{L})/gu,
  replace: '',
});

/** "stories that are engaging" -> "stories engaging"; "tools that are used" -> "tools used". */
export const relativeCopula = patternRule({
  id: 'telegraphic/relative-copula',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: /(?<=\p{L} )(?:that|which|who) (?:is|are) (?=\p{L}+(?:ed|ing|en|ful|ive|ble|ous|al|ic)\b)/gu,
  replace: '',
});

/** "any relevant explanations" -> "relevant explanations"; a negation keeps its "any" (it is guarded). */
export const anyDeterminer = patternRule({
  id: 'telegraphic/any',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: /(?<![\p{L}'’-])any[ \t]+(?=\p{L}{3,})(?!(?:one|thing|body|where|way|more|other|of|time|further)\b)/giu,
  replace: '',
});

/** "be able to interpret horoscopes" -> "interpret horoscopes"; "Be responsible for curating" -> "Curating". */
export const dutyFraming = patternRule({
  id: 'telegraphic/duty-framing',
  level: 'aggressive',
  reason: 'a duty stated as a capability or a responsibility; the task itself stays',
  pattern: new RegExp(`(?:${SENTENCE_START}|(?<=, |\\band ))be (?:able to|responsible for) (?=\\p{L})`, 'giu'),
  replace: '',
});

/** ", you should provide" -> ", provide"; "You may use web searches" -> "Use web searches": the reader is the model. */
export const modalSubject = patternRule({
  id: 'telegraphic/modal-subject',
  level: 'aggressive',
  reason: 'the subject and modal of an instruction to the model; the instruction stays',
  pattern: new RegExp(String.raw`(?:${SENTENCE_START}|(?<=(?:[,;:][ \t]*|\b(?:and|then|also) )))you (?:should|must|need to|have to|may|can|could)(?: also)? (?!(?:not|never|be|have|also|need|want|like)\b)(?=\p{L})`, 'giu'),
  replace: '',
});

/** "in the following format:" -> "in format:": the colon already points forward. */
export const followingLabel = patternRule({
  id: 'telegraphic/following',
  level: 'aggressive',
  reason: TELEGRAPHIC,
  pattern: /(?<![\p{L}'’-])following[ \t]+(?=\p{L}+[ \t]*:)/giu,
  replace: '',
});

/** "feel free to be imaginative" -> "be imaginative". */
export const feelFreeTo = patternRule({ id: 'telegraphic/feel-free-to', level: 'aggressive', reason: TELEGRAPHIC, pattern: phrase('feel free to '), replace: '' });

export const TELEGRAPHIC_RULES: readonly CompressRule[] = [
  invitations,
  exampleSentences,
  feelFreeTo,
  dutyFraming,
  modalSubject,
  followingLabel,
  possessives,
  indirectObject,
  relativeCopula,
  anyDeterminer,
  listAnd,
  futureTense,
  thatComplement,
  firstLabel,
  articles,
];
