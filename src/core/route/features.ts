import { CODE_LANGUAGES, GENERIC_VERBS, LANGUAGES, OBJECT_NOUNS, ROLE_NOUNS, TASK_VERBS } from './lexicon';
import type { Task } from './model';

/** What the classifier reads from a prompt's text; every field is something a person can check. */
export interface PromptFeatures {
  text: string;
  words: number;
  /** Verbs that open an instruction, in text order, with the task each one asks for. */
  instructions: Instruction[];
  /** Roles the prompt gives the model ("act as a translator", "you are a support router"). */
  roles: Array<{ noun: string; task: Task }>;
  /** Clauses that end with a question mark. */
  questions: number;
  /** A question or list that offers its answers ("positive, negative or neutral?", "(P0, P1, P2 or P3)"). */
  choiceQuestion: boolean;
  /** "How do you say ... in Korean?" */
  sayIn: boolean;
  outputFormats: OutputFormat[];
  /** The output length asked for, in words, when the prompt says one. */
  requestedWords: number | null;
  /** Words asking for a long or a short answer ("detailed", "briefly"). */
  lengthWords: { long: string[]; short: string[] };
  /** Few-shot examples: input/output pairs written in the prompt. */
  examples: number;
  /** Numbered or bulleted lines. */
  steps: number;
  /** Requirement words: must, should, keep, never, preserve... */
  constraints: number;
  codeBlocks: number;
  codeLines: number;
  /** Embedded data: a JSON object, a table, a matrix of numbers. */
  dataBlob: boolean;
  placeholders: string[];
  /** Natural languages named as a target ("into German"). */
  targetLanguages: string[];
  programmingLanguages: string[];
  math: boolean;
  reasoningCues: string[];
  /** A logic puzzle or a comparison to work out ("older than", "which is larger"). */
  puzzle: boolean;
  /** A question about a value in the given text ("what is the order number in this message?"). */
  lookupQuestion: boolean;
  /** The most items listed in one sentence (fields to extract, sections to write...). */
  listedItems: number;
  /** Asks for something per item ("for each finding give..."). */
  perItem: boolean;
  /** Legal, medical, financial or regulatory material, where mistakes cost more. */
  specialistDomain: string[];
  /** Directives inside instructions: "remove X, cut Y, and add Z" counts three. */
  directives: number;
  /** Long source material the prompt works over (a transcript, a paper, a filing...). */
  longSource: string | null;
  /** Asks to cite sources or sections. */
  citations: boolean;
}

export interface Instruction {
  verb: string;
  /** The noun that decided a generic verb's task (write an *email*), if any. */
  object: string | null;
  task: Task;
}

export type OutputFormat = 'json' | 'label' | 'yes-no' | 'table' | 'bullets' | 'code';

const FILLERS = /^(?:please|kindly|now|then|first(?:ly)?|second(?:ly)?|third(?:ly)?|next|finally|also|and|just|so|ok(?:ay)?|simply|carefully|briefly|always|only|step \d+|task|instructions?|goal)\b[,:\s]*/;
const LEADS = new RegExp(
  '^(?:' +
    [
      "you(?:'ll| will| should| must| shall| need to| have to| are to| are going to| can| may| are expected to| are required to)(?: also| then| only| always| now)?",
      "your (?:task|job|goal|role|mission|objective|purpose|responsibility)(?: here)? (?:is|will be) (?:to )?",
      "i (?:want|would like|need|'d like|require|ask) (?:of )?(?:you |someone who can |somebody who can )?(?:to )?",
      "it (?:will be|is) your (?:job|task|role) to",
      '(?:can|could|would|will) you(?: please)?',
      'help me(?: to)?',
      "let's|let us|we need (?:you )?to|we want you to|the goal is to|make sure (?:to |you )?",
      'in order to',
      "i'm asking you to|i am asking you to",
    ].join('|') +
    ')\\s*',
);

/** A leading phrase that sets the scene before the verb: "From the receipt below, pull out...". */
const SETTING = /^(?:from|given|using|based on|for each|for every|with|after|before|once|according to|in (?:the|this|these|each))\b[^,]{0,80},\s*/;

const NUMBER_WORDS: Record<string, number> = { one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, ten: 10 };
const WORDS_PER: Record<string, number> = {
  word: 1, sentence: 20, line: 12, 'bullet point': 15, bullet: 15, paragraph: 100, page: 400, character: 1 / 6, item: 12, point: 15,
};

const REASONING = [
  'step by step', 'step-by-step', 'think', 'justify', 'reasoning', 'prove', 'proof', 'optimal', 'optimize', 'trade-off', 'tradeoff',
  'pros and cons', 'decision', 'weighted', 'dependencies', 'critical path', 'show your work', 'logic', 'logical', 'deduce',
  'calculate', 'compute', 'solve', 'estimate', 'evaluate', 'which option', 'options', 'constraints', 'scenario', 'risk',
];

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest-first lookup of a dictionary of words and phrases in a short span of words. */
function phraseIndex(dictionary: Record<string, Task>): Array<[string[], Task]> {
  return Object.entries(dictionary)
    .map(([phrase, task]) => [phrase.split(' '), task] as [string[], Task])
    .sort((a, b) => b[0].length - a[0].length);
}
const OBJECT_PHRASES = phraseIndex(OBJECT_NOUNS);
const ROLE_PHRASES = phraseIndex(ROLE_NOUNS);

/** The first dictionary phrase found in `words`, scanning left to right. */
function firstPhrase(words: string[], phrases: Array<[string[], Task]>): { phrase: string; task: Task } | null {
  for (let i = 0; i < words.length; i++) {
    for (const [parts, task] of phrases) {
      if (parts.every((part, k) => words[i + k] === part)) return { phrase: parts.join(' '), task };
    }
  }
  return null;
}

/**
 * The dictionary phrase that ends last in `words`, the longest of those: the head noun of "expert
 * news editor" is "editor", and of "python interpreter" the whole phrase, not "interpreter".
 */
function lastPhrase(words: string[], phrases: Array<[string[], Task]>): { phrase: string; task: Task } | null {
  let best: { phrase: string; task: Task; end: number; length: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    for (const [parts, task] of phrases) {
      if (!parts.every((part, k) => words[i + k] === part)) continue;
      const end = i + parts.length;
      if (!best || end > best.end || (end === best.end && parts.length > best.length)) best = { phrase: parts.join(' '), task, end, length: parts.length };
    }
  }
  return best && { phrase: best.phrase, task: best.task };
}

function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:[-'][a-z0-9]+)*|tl;dr/g) ?? [];
}

/** Instruction clauses: lines, sentences and "X, then Y" pieces, without list markers. */
function clauses(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?;])\s+|,\s+(?=then\b|and then\b)|\s+(?=and then\b)|,?\s+and\s+(?=(?:i|you|then|please)\b)/i)
    .map((c) => c.replace(/^\s*(?:[-*•>#]+|\d+[.)]|[a-z][.)]|\(\w\))\s*/i, '').trim())
    .filter((c) => c.length > 0);
}

const DIRECTIVE_START = /^(?:never|always|do not|don't|avoid|keep|use|preserve|include|add|remove|cut|replace|split|merge|ensure|make sure|return|output|respond|reply|flag|note|mark|list|cite|quote|state|explain|give|provide|normalise|normalize|convert|map|sort|rank|group|put)\b/;

/** How many directives a clause holds: its pieces (split at commas, colons and "and") that open with a verb. */
function directivesIn(clause: string): number {
  return stripLead(clause)
    .split(/[:;,]\s+|\s+and\s+|\s+then\s+/)
    .map((piece) => stripLead(piece.trim()))
    .filter((piece) => {
      const verb = tokenize(piece)[0];
      return verb !== undefined && (TASK_VERBS[verb] !== undefined || DIRECTIVE_START.test(piece));
    }).length;
}

/** Removes "please", "you will", "I want you to"... so the clause starts with its verb. */
function stripLead(clause: string): string {
  // Placeholders and field labels ("Review: {review}", "Task: summarise...") are not verbs.
  let rest = clause
    .toLowerCase()
    .replace(/\{[^{}]*\}|\$\{[^{}]*\}/g, ' ')
    .replace(/^[a-z][\w ]{0,24}:\s*/, '');
  for (let guard = 0; guard < 6; guard++) {
    const next = rest.replace(FILLERS, '').replace(LEADS, '').replace(SETTING, '');
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

const LANGUAGE_TARGET = new RegExp(`\\b(?:into|to|in)\\s+(?:plain\\s+|formal\\s+|simple\\s+)?(${LANGUAGES.map(escape).join('|')})\\b`, 'g');

/** Words that end the object of a verb: "list every medication | in the discharge note". */
const OBJECT_END = new Set(['in', 'from', 'of', 'for', 'to', 'into', 'on', 'with', 'about', 'based', 'using', 'that', 'which', 'so', 'and', 'as', 'by', 'below', 'above']);
/** Verbs of checking, whose object is what they look for. */
const CHECK_VERBS = new Set(['review', 'check']);
/** Verbs whose result is named after "into" / "to": turn notes into a paragraph, convert SQL to Django. */
const CONVERSION_VERBS = new Set(['convert', 'turn', 'transform', 'change', 'render', 'make', 'adapt', 'map', 'port', 'rewrite']);
/** "make this shorter / more formal / less technical" asks for a rewrite. */
const COMPARATIVE = /^(?:more|less|shorter|longer|clearer|simpler|punchier|friendlier|better|tighter|crisper|softer|warmer|easier|formal|casual|concise)$/;

/**
 * Whether the object noun, rather than the verb, names the task. Nouns of things to write (an
 * email, ideas) or to know (questions, advice) decide only for verbs of making or telling: "label
 * each message" is still labelling, "answer the questions" still answering.
 */
function objectDecides(verb: string, known: Task | undefined, objectTask: Task): boolean {
  if (objectTask !== 'draft' && objectTask !== 'qa') return true;
  return known === undefined || known === 'draft' || known === 'qa' || verb === 'list';
}

function instructionOf(clause: string): Instruction | null {
  const words = tokenize(stripLead(clause));
  const verb = words[0];
  if (!verb) return null;
  const known = TASK_VERBS[verb];
  if (!known && !GENERIC_VERBS.has(verb)) return null;
  const rest = words.slice(1, 12);
  const target = new RegExp(LANGUAGE_TARGET.source).exec(` ${rest.join(' ')}`);
  // "Rephrase it in plain English" stays a rewrite; "rewrite it into French" is a translation.
  const targetCounts = target && (known === 'rewrite' ? !target[0].trimStart().startsWith('in ') : GENERIC_VERBS.has(verb));
  if (target && targetCounts && verb !== 'translate') return { verb, object: target[1], task: 'translate' };
  if (CONVERSION_VERBS.has(verb)) {
    const into = rest.findIndex((w) => w === 'into' || w === 'to' || w === 'as');
    const result = into >= 0 ? firstPhrase(rest.slice(into + 1, into + 6), OBJECT_PHRASES) : null;
    if (result) return { verb, object: result.phrase, task: result.task };
    if (verb === 'make' && rest.slice(0, 6).some((w) => COMPARATIVE.test(w))) return { verb, object: null, task: 'rewrite' };
  }
  if (GENERIC_VERBS.has(verb)) {
    // "Review them for spelling errors": what a check looks for follows "for".
    const end = CHECK_VERBS.has(verb) ? -1 : rest.findIndex((w) => OBJECT_END.has(w));
    const object = firstPhrase(end >= 0 ? rest.slice(0, Math.max(end, 1)) : rest.slice(0, 7), OBJECT_PHRASES);
    if (object && objectDecides(verb, known, object.task)) return { verb, object: object.phrase, task: object.task };
  }
  return known ? { verb, object: null, task: known } : null;
}

function rolesOf(lower: string): Array<{ noun: string; task: Task }> {
  const roles: Array<{ noun: string; task: Task }> = [];
  const pattern = /(?:\bact(?:ing)? (?:as|like)|\byou are(?: now)?|\byou're|\bpretend to be|\bserve as|\byour role is|(?:^|\n|\. )as)\s+(?:an?\s+|the\s+|my\s+|our\s+)?([^.,;:\n()]{1,60})/g;
  for (const match of lower.matchAll(pattern)) {
    const phrase = tokenize(match[1]).slice(0, 5);
    // Cut at the first verb-like word so "a developer who writes poems" keeps "developer".
    const stop = phrase.findIndex((w) => ['who', 'that', 'which', 'for', 'with', 'and', 'specialized', 'specializing', 'in', 'at', 'of', 'to'].includes(w));
    const head = lastPhrase(stop >= 0 ? phrase.slice(0, stop) : phrase, ROLE_PHRASES);
    if (head) roles.push({ noun: head.phrase, task: head.task });
    if (roles.length >= 3) break;
  }
  return roles;
}

function outputFormatsOf(lower: string): OutputFormat[] {
  const formats: OutputFormat[] = [];
  if (/\bjson\b|\bjsonl\b|\byaml\b|\bschema\b|\bkeys?\b.*\bnull\b/.test(lower)) formats.push('json');
  if (
    /\b(?:label|category|class|intent|tag|priority|level|rating|grade) only\b|\b(?:reply|respond|answer) with (?:just |only )?(?:the |a |one )?(?:label|category|class|word|intent|priority|level|rating|grade)\b|\b(?:one|single) word\b|\bexactly one (?:of|category|label)\b|\bone of:|\bone of \[|\bone of the (?:following|labels|categories)\b|\b(?:zero or more|one or more) of these\b|\bwith one of\b|\b(?:reply|respond|answer) with (?:just |only )?the (?:\w+ )?name\b/.test(
      lower,
    )
  ) {
    formats.push('label');
  }
  if (/\byes or no\b|\byes\/no\b|\btrue or false\b/.test(lower)) formats.push('yes-no');
  if (/\btable\b/.test(lower)) formats.push('table');
  if (/\bbullets?\b|\bbullet points?\b/.test(lower)) formats.push('bullets');
  if (/```|\bcode block\b|\bonly (?:the )?code\b/.test(lower)) formats.push('code');
  return formats;
}

function requestedWordsOf(lower: string): number | null {
  let best: number | null = null;
  const units = Object.keys(WORDS_PER).join('|');
  const pattern = new RegExp(`\\b(\\d[\\d,]*|${Object.keys(NUMBER_WORDS).join('|')})(?:-| )(${units})s?\\b`, 'g');
  for (const match of lower.matchAll(pattern)) {
    const count = NUMBER_WORDS[match[1]] ?? Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(count) || count <= 0) continue;
    const words = Math.round(count * WORDS_PER[match[2]]);
    best = best === null ? words : Math.max(best, words);
  }
  return best;
}

function examplesOf(text: string): number {
  const outputs = text.match(/^\s*(?:output|label|intent|answer|a|sentiment|category|class|result|response|assistant)\s*:\s*\S/gim) ?? [];
  const inputs = text.match(/^\s*(?:input|text|utterance|q|question|review|sentence|message|user|example(?: \d+)?)\s*:\s*\S/gim) ?? [];
  return Math.min(outputs.length, inputs.length);
}

function codeLinesOf(text: string): number {
  const code = /[;{}]\s*$|^\s*(?:def|class|function|const|let|var|import|from|return|select|insert|update|public|private|#include|fn|func|package)\b.*|=>|\w\(\)|^\s*<\/?[a-z]+[^>]*>\s*$/im;
  return text
    .replace(/\{\{?\s*[A-Za-z_]\w*\s*\}?\}/g, '')
    .split('\n')
    .filter((line) => line.trim() && code.test(line)).length;
}

function dataBlobOf(text: string): boolean {
  return /\{\s*"[^"]+"\s*:/.test(text) || /^\s*\|.*\|\s*$/m.test(text) || /^(?:[ \t]*[\w-]*[ \t]+(?:\d+(?:\.\d+)?[ \t]+){2,}\d+(?:\.\d+)?[ \t]*\n){2,}/m.test(text);
}

/** Reads the features of a prompt (system and user parts together). */
export function extractFeatures(text: string): PromptFeatures {
  const lower = text.toLowerCase();
  // Quoted passages are material or examples ("a title like this: \"Act as a helper\""), not instructions.
  const unquoted = text.replace(/"[^"\n]{12,}"|“[^”\n]{12,}”|"[^"\n]*\?"/g, '""');
  const clauseList = clauses(unquoted);
  const instructions = clauseList.map(instructionOf).filter((i): i is Instruction => i !== null);
  const questionClauses = clauseList.filter((c) => c.endsWith('?'));
  const placeholders = [...text.matchAll(/\{\{?\s*([A-Za-z_][\w]*)\s*\}?\}|\$\{([A-Za-z_]\w*)\}|\[([A-Za-z_][\w ]{0,30})\]/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3]).toLowerCase(),
  );
  // Across the whole text only "into X" / "to X" count: "tell you something in English" is no request to translate.
  const targetLanguages = [...new Set([...lower.matchAll(LANGUAGE_TARGET)].filter((m) => !m[0].startsWith('in ')).map((m) => m[1]))];
  const programmingLanguages = [...new Set([...lower.matchAll(new RegExp(`(?<![\\w-])(${CODE_LANGUAGES.join('|')})(?![\\w-])`, 'g'))].map((m) => m[1]))];
  const long = [...new Set(lower.match(/\b(?:detailed|comprehensive|in-depth|thorough|complete|extensive|exhaustive|long|entire|whole)\b/g) ?? [])];
  const short = [...new Set(lower.match(/\b(?:short|brief|briefly|concise|concisely|one-line|succinct|tl;dr)\b/g) ?? [])];
  return {
    text,
    words: tokenize(text).length,
    instructions,
    roles: rolesOf(unquoted.toLowerCase()),
    questions: questionClauses.length,
    choiceQuestion:
      questionClauses.some((q) => /\b[\w-]+,\s*[\w-]+,?\s+or\s+[\w-]+\s*\?$|:\s*[\w ]+(?:,\s*[\w ]+)+,?\s+or\s+[\w ]+\?$/i.test(q)) ||
      /\((?:[\w-]+, ){2,}[\w-]+,? or [\w-]+\)/.test(lower),
    sayIn: new RegExp(`\\bhow (?:do|would|can|should|to) (?:you |i |we )?(?:say|write|spell|express)\\b.*\\bin (?:${LANGUAGES.map(escape).join('|')})\\b`).test(lower),
    outputFormats: outputFormatsOf(lower),
    requestedWords: requestedWordsOf(lower),
    lengthWords: { long, short },
    examples: examplesOf(text),
    steps: (text.match(/^\s*(?:\d+[.)]|[-*•]|[a-z][.)])\s+\S/gim) ?? []).length,
    constraints: (lower.match(/\b(?:must|should|do not|don't|never|always|keep|ensure|make sure|avoid|preserve|exactly|at least|at most|no more than|under \d)/g) ?? []).length,
    codeBlocks: Math.floor((text.match(/```/g) ?? []).length / 2),
    codeLines: codeLinesOf(text),
    dataBlob: dataBlobOf(text),
    placeholders,
    targetLanguages,
    programmingLanguages,
    math: /\d\s*[-+*/×^=]\s*\d|\b\d+x\b|\bx\s*[-+=]|\bequation\b|\bprobability\b|\bsolve for\b/.test(lower) || (lower.match(/(?<![\w.])\$?\d[\d,.]*%?/g) ?? []).length >= 4,
    reasoningCues: REASONING.filter((cue) => new RegExp(`\\b${escape(cue)}\\b`).test(lower)),
    puzzle:
      /\b(?:older|younger|taller|shorter|faster|slower|heavier|lighter|larger|smaller|bigger|greater) than\b|\bif all\b|\ball \w+ are \w+|\bdefinitely\b|\bnecessarily\b|\bwhich is (?:larger|smaller|bigger|greater|more|less|heavier|faster|better|cheaper)\b|\bhow (?:much|many|long)\b.*\b(?:cost|take|left)\b/.test(
        lower,
      ),
    lookupQuestion: questionClauses.some((q) => /\b(?:what|which|who|when|where)(?: is| are|'s| was)? the\b.*\b(?:in|from|of) (?:this|these|the following|the above|the attached|the given)\b/i.test(q)),
    listedItems: Math.max(0, ...lower.split(/[.!?\n]/).map((sentence) => (sentence.match(/,/g) ?? []).length + (/\b(?:and|or)\b/.test(sentence) ? 1 : 0))),
    perItem: /\bfor (?:each|every)\b|\beach (?:one|item|finding|answer|result|section|test|transaction|ruling)\b/.test(lower),
    directives: clauseList.reduce((sum, clause) => sum + directivesIn(clause), 0),
    longSource:
      /\b(transcripts?|research paper|paper|book|filing|whitepaper|case file|agreement|contract|report|manual|documentation|codebase|repository|documents|interviews?|chapters?)\b/.exec(lower)?.[1] ??
      null,
    citations: /\bcit(?:e|ation|ations)\b|\bsource\b|\bpage reference\b|\bsection numbers?\b/.test(lower),
    specialistDomain: [
      ...new Set(
        lower.match(/\b(?:legal(?:ly)?|law|contract|clinical|medical|patient|diagnos\w*|regulat\w*|compliance|financial|10-k|audit|statute|court|ruling|license agreement|trial)\b/g) ?? [],
      ),
    ],
  };
}
