import type { PromptRole } from './model';

/**
 * Judgements made from a string's text alone, shared by every language: does it read like an
 * instruction to a model, which role does it speak in, which template slots does it hold.
 * The language modules combine these with what the syntax says (names, call arguments).
 */

const PROMPT_NAME = /(prompt|instruction|system_?msg|system_?message|persona|preamble|guideline|template|few_?shot|directive|rubric)/i;
/** Identifier whose name says it holds a prompt (`SYSTEM_PROMPT`, `reviewerInstructions`, `qa_template`). */
export function isPromptName(name: string): boolean {
  return PROMPT_NAME.test(name);
}

const SECOND_PERSON = /\b(you are|you're|you will|you must|you should|your (task|job|role|goal)|act as|as an? [a-z]+ (assistant|expert|agent|bot))\b/i;
const IMPERATIVE_START =
  /^\s*(please\s+)?(summari[sz]e|classify|extract|translate|rewrite|write|generate|answer|explain|describe|list|given|read|review|analy[sz]e|identify|return|respond|reply|create|compose|draft|convert|determine|decide|rate|score|categori[sz]e|tag|label|find|produce|suggest|think|solve|compare|evaluate|check|correct|fix|improve|paraphrase|respond|tell|help|imagine|pretend|consider|based on|using the|here is|here are|below is|the following)\b/i;
const OUTPUT_SPEC = /\b(respond|reply|answer|output|return|format)\b[^.\n]{0,60}\b(json|yaml|markdown|bullet|list|only|sentences?|words?|concise|briefly)\b/i;
const STEPS = /(^|\n)\s*(\d+[.)]|[-*•])\s+\S/;

const SQL = /^\s*(select|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+(table|index|view)|alter\s+table|drop\s+table|with\s+\w+\s+as\s*\()\b/i;
const HTML = /^\s*<(!doctype|html|div|span|p|a|ul|li|table|body|head|section|svg|template|button|form|h[1-6])\b/i;
const URL_OR_PATH = /^\s*(https?:\/\/|\/|\.\/|[a-z]:\\)\S*\s*$/i;
const IDENTIFIER_LIKE = /^[\w.\-:/@]*$/;

/** True for text that is plainly something else: SQL, HTML, a URL or path, a single token. */
export function isPlainlyNotPrompt(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  return SQL.test(t) || HTML.test(t) || URL_OR_PATH.test(t) || IDENTIFIER_LIKE.test(t);
}

/**
 * How strongly the text reads as an instruction to a model, 0 to 1. Used for strings that reach
 * no known call: a prompt module's constants, builder functions' returns.
 */
export function promptLikeness(text: string): number {
  if (isPlainlyNotPrompt(text)) return 0;
  const t = text.trim();
  let score = 0;
  if (SECOND_PERSON.test(t)) score += 0.5;
  if (IMPERATIVE_START.test(t)) score += 0.35;
  if (OUTPUT_SPEC.test(t)) score += 0.3;
  if (STEPS.test(t)) score += 0.1;
  if (/\{[a-zA-Z_][\w]*\}/.test(t)) score += 0.1;
  const words = t.split(/\s+/).length;
  if (words >= 12) score += 0.15;
  if (words < 4) score -= 0.4;
  return Math.max(0, Math.min(1, score));
}

/**
 * Kinds of rule the developer gives the assistant about how to answer, rather than a request the
 * user makes: conditions on the user's asks, standing orders, prohibitions, talk about "the user".
 */
const ASSISTANT_RULES = [
  /\bwhen (asked|requested|the user|a user|users)\b/i,
  /\b(always|never) (use|respond|reply|answer|include|mention|ask|provide|write|return|keep|start|refer|follow|cite|explain|format)\b/i,
  /(^|[.!:\n]\s*)(do not|don't|never) [a-z]+/im,
  /\b(the user|users?'s?)\b/i,
  /\byou (have been (provided|given)|have access to|can use|may use|will be given|will receive)\b/i,
];

/** True when the text lays down at least two kinds of rule for the assistant ("When asked to ..., always ..."). */
function readsAsAssistantRules(text: string): boolean {
  let kinds = 0;
  for (const rule of ASSISTANT_RULES) if (rule.test(text) && ++kinds >= 2) return true;
  return false;
}

/** The role a prompt speaks in, read from its text when the syntax does not say. */
export function roleFromText(text: string): PromptRole {
  const t = text.trim();
  if (/^(you are|you're|act as|as an? |your (task|job|role) is|i want you to act)/i.test(t)) return 'system';
  if (SECOND_PERSON.test(t.slice(0, 200))) return 'system';
  if (frameworkSlots(t).length > 0) return 'template';
  if (readsAsAssistantRules(t)) return 'system';
  return 'user';
}

/**
 * `{name}` slots of str.format / LangChain / LlamaIndex templates, in order, each once.
 * `{{` and `}}` are literal braces there, and JSON-looking braces are not slots.
 */
export function frameworkSlots(text: string): string[] {
  const slots: string[] = [];
  const stripped = text.replace(/\{\{|\}\}/g, '');
  for (const m of stripped.matchAll(/\{([a-zA-Z_][\w]*)(?:[!:][^{}]*)?\}/g)) {
    if (!slots.includes(m[1])) slots.push(m[1]);
  }
  return slots;
}

/** Mustache / Jinja `{{ name }}` slots, in order, each once. */
export function mustacheSlots(text: string): string[] {
  const slots: string[] = [];
  for (const m of text.matchAll(/\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g)) {
    if (!slots.includes(m[1])) slots.push(m[1]);
  }
  return slots;
}
