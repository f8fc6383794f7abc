/**
 * Elaboration, aggressive level only: the parts of a sentence that illustrate or justify an
 * instruction rather than state it (examples, reasons, promised benefits, praise words). The
 * instruction, and every must-keep item inside the dropped part, stays: the guard refuses a
 * deletion that would lose a name, number, negation or format term.
 */
import { SENTENCE_START } from '../sentences';
import { patternRule, type CompressRule } from './rule';

/** A short list item: one to three words, not a clause (no pronoun, connective or instruction verb first). */
const WORD = String.raw`(?!etc\b)[\p{L}\p{N}'’/&-]+`;
const CLAUSE_OPENER =
  'then|also|you|your|i|we|it|they|to|that|which|who|so|please|and|or|write|give|provide|make|create|use|add|list|explain|describe|include|keep|ask|answer|reply|respond|return|summari[sz]e|translate|generate|suggest|check|avoid|do|be';
const ITEM = String.raw`(?!(?:${CLAUSE_OPENER})\b)${WORD}(?:[ \t]+${WORD}){0,2}`;
const SEPARATOR = String.raw`(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)`;
const LIST = String.raw`${ITEM}(?:${SEPARATOR}${ITEM})*(?:,?[ \t]*etc(?:\.(?=,))?)?`;
/**
 * Where a list of examples ends: at the end of a clause, or at a comma after which the sentence
 * goes on with something that is not more of the list (a list cut short would leave its tail).
 */
const LIST_END = String.raw`(?=[ \t]*(?:[.;:!?)\n]|$)|,(?![ \t]*(?:and|or|etc)\b)(?![ \t]*(?:[^\s,.;:!?]+[ \t]+){0,3}[^\s,.;:!?]+(?:,|[ \t]+(?:and|or)[ \t])))`;

/** "instruments, such as synthesizers or samplers," -> "instruments,". "including" usually specifies, so it stays. */
export const exampleList = patternRule({
  id: 'elaboration/example-list',
  level: 'aggressive',
  reason: 'examples of what the instruction already names',
  pattern: new RegExp(String.raw`(?:,[ \t]*|[ \t]+)(?:such as|e\.g\.,?|for example,?|for instance,?)[ \t]+${LIST}${LIST_END}`, 'giu'),
  replace: '',
});

/** "(e.g. cats)", "(such as X and Y)", "(i.e. the owner)". */
export const parentheticalExample = patternRule({
  id: 'elaboration/parenthetical',
  level: 'aggressive',
  reason: 'an aside that illustrates or restates the words before it',
  pattern: /[ \t]*\((?:e\.g\.|i\.e\.|such as|for example|for instance|like )[^()\n]*\)/giu,
  replace: '',
});

/**
 * ", so that readers stay engaged." -> "." A purpose at the end of a sentence: after a comma, or
 * `to ensure` / `so that` right after the instruction (not after `is`, `aim`, `want`: there it is the task).
 */
export const purposeClause = patternRule({
  id: 'elaboration/purpose-clause',
  level: 'aggressive',
  reason: 'the reason for an instruction; the instruction itself stays',
  pattern: /(?:,[ \t]*(?:so that|so as to|in order to|to ensure|to make sure|to help|which (?:will|can|would|should) help|as this (?:will|can|would) help)|(?<!\b(?:is|are|was|were|be|aim|goal|job|task|want|wants|need|needs|try|order|way|how|help|sure))(?<=\p{L})[ \t]+(?:to ensure|to make sure|so that))[ \t]+[^.;!?\n]{1,160}(?=[.;!?]|\n|$)/giu,
  replace: '',
});

/** "stories which can capture attention" -> "stories": what the result can do for its reader. */
export const benefitClause = patternRule({
  id: 'elaboration/benefit-clause',
  level: 'aggressive',
  reason: 'a promised effect of the result, not a property the task asks for',
  pattern: /(?<=\p{L})[ \t]+(?:that|which) (?:can|will|could|may|might|would) (?:help |really |also )?(?:captivate|capture|engage|inspire|help|make|bring|keep|attract|resonate|motivate|encourage|benefit|improve|enhance|leave|grab|draw|delight|impress|entertain|enrich|empower)[^.,;!?\n]{0,100}(?=[.,;!?]|\n|$)/gu,
  replace: '',
});

/**
 * Praise words that any good answer satisfies; "only relevant" stays (the negation guard keeps it).
 * Words that also make idioms or contrasts (`best interest`, `potential client`, `actual ChatGPT`)
 * are not in the list, and only the lower-case forms count (a capitalised one may be a title).
 */
const VAGUE_ADJECTIVE =
  'relevant|appropriate|necessary|helpful|useful|valuable|meaningful|interesting|engaging|informative|effective|suitable|overall|exciting|entertaining|captivating|compelling|insightful|thoughtful|innovative|high-quality|amazing|awesome|wonderful|fantastic|excellent';

export const vagueAdjectives = patternRule({
  id: 'elaboration/vague-adjective',
  level: 'aggressive',
  reason: 'a praise word that every acceptable answer already satisfies',
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}'’-])(?<!,[ \t]*)(?<!['’]s[ \t]+)(?<!\b(?:that|which|who|what|it|they|most|more|less|least|yet|and|or|but|so|too|as|very|how|be|is|are|was|were|been|being|feel|look|sound|seem)[ \t]+)(?:${VAGUE_ADJECTIVE})(?:(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?:${VAGUE_ADJECTIVE}))*[ \t]+(?=\p{L}{3,})(?!(?:and|or|as|than|to|for|at|in|of|with|enough|about|from|into|on|by|within|because|when|if|that|which|who)\b)`,
    'gu',
  ),
  replace: '',
});

/** "Based on your understanding, give" -> "Give": the model answers from what it knows anyway. */
export const groundingLeadIn = patternRule({
  id: 'elaboration/grounding-lead-in',
  level: 'aggressive',
  reason: 'a lead-in that names what the answer is based on; the model uses it anyway',
  pattern: new RegExp(`${SENTENCE_START}(?:based on|using|drawing on|with|leveraging) (?:your|the) (?:own )?(?:understanding|knowledge|expertise|experience|skills|judg(?:e)?ment)(?: (?:of|in|about) [^,.;!?\\n]{1,40})?,[ \t]*`, 'giu'),
  replace: '',
});

/** Manner adverbs that any competent answer satisfies ("actively engage", "smoothly manage"). */
export const vagueAdverbs = patternRule({
  id: 'elaboration/vague-adverb',
  level: 'aggressive',
  reason: 'a manner word that any acceptable answer already satisfies',
  pattern: /(?<![\p{L}'’-])(?:actively|effectively|smoothly|successfully|efficiently|appropriately|accordingly|coherently|seamlessly|meaningfully)(?:[ \t]+(?=\p{L})|(?=[.,;!?]))/giu,
  replace: '',
});

export const ELABORATION_RULES: readonly CompressRule[] = [groundingLeadIn, parentheticalExample, exampleList, purposeClause, benefitClause, vagueAdjectives, vagueAdverbs];
