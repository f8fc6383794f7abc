import type { Node } from 'web-tree-sitter';
import type { PromptRole } from './model';
import { frameworkSlots, isPlainlyNotPrompt, isPromptName, promptLikeness, roleFromText } from './prompt-text';
import { shapeOfCall } from './python-args';
import { evaluateText } from './python-eval';
import { dictionariesWithKey, dottedName, MODULE_SCOPE, type Binding, type Located, type PyIndex } from './python-index';
import type { PromptCollector } from './python-prompts';
import { readString } from './python-strings';

/**
 * Prompts that reach no LLM call in the file: prompt modules' constants, builder functions'
 * returns, template objects and message dicts built for use elsewhere, prompt-named keyword
 * arguments (`Agent(instructions=...)`), and DSPy signature docstrings. Runs after the calls have
 * claimed what they reach, so each literal keeps the call it was found through.
 */

const TEMPLATE_BUILDERS = /^(from_messages|from_template|PromptTemplate|ChatPromptTemplate|RichPromptTemplate|FewShotPromptTemplate)$/;
const MESSAGE_BUILDERS = /^(SystemMessage|HumanMessage|AIMessage|ChatMessage|UserMessage|AssistantMessage)$/;

/** Text under a prompt-like name that is long or structured enough to be one (not `"prompts/"`, not `"Prompt failed"`). */
function fitsPromptName(text: string): boolean {
  if (isPlainlyNotPrompt(text)) return false;
  const words = text.trim().split(/\s+/).length;
  return frameworkSlots(text).length > 0 || promptLikeness(text) >= 0.3 || words >= 8 || (words >= 4 && text.includes('\n'));
}

/** Names that end in a word saying what else the text is: `PROMPT_TOO_LONG_ERROR`, `prompt_placeholder`, `prompt_path`. */
const NOT_PROMPT_NAME = /(error|err|warning|warn|exception|label|title|placeholder|tooltip|help|hint|button|caption|path|file|dir|url|key|id|count|len|length|limit|size|tokens|version|status|flag|regex|pattern)s?$/i;

/** Mocks and assertions in tests: `create.assert_called_once_with(messages=[...])`, `assert x == {...}`. */
const TEST_CALL = /(assert\w*|called_with|Mock|mock|patch|return_value|side_effect)\b/;

function inTestAssertion(node: Node, source: string): boolean {
  let current: Node | null = node.parent;
  for (let hops = 0; current && hops < 10; hops++, current = current.parent) {
    if (current.type === 'assert_statement') return true;
    if (current.type === 'call' && TEST_CALL.test(source.slice(current.startIndex, current.childForFieldName('arguments')?.startIndex ?? current.endIndex))) return true;
    if (current.type === 'assignment' && /(return_value|side_effect)$/.test(source.slice(current.startIndex, current.childForFieldName('left')?.endIndex ?? current.startIndex))) return true;
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
  }
  return false;
}

/** `*_TEMPLATE` names hold SMS, email and page templates as often as prompt templates. */
const WEAK_PROMPT_NAME = /template/i;

/** Imports that show the file works with LLMs, so a `*_TEMPLATE` in it is likely a prompt template. */
const LLM_IMPORTS = /openai|anthropic|genai|generativeai|litellm|langchain|llama_index|dspy|ollama|mistral|groq|cohere|vertexai|instructor|crewai|autogen|pydantic_ai|agents|transformers|huggingface|guidance|outlines|haystack|semantic_kernel/i;

/** Text that reads as an instruction to a model whatever it is called. */
function readsAsPrompt(text: string): boolean {
  return promptLikeness(text) >= 0.6;
}

/** Calls whose string arguments are messages for people or logs, never prompts. */
const NOT_PROMPT_CALLEES = /(^|\.)(print|log|debug|info|warning|warn|error|exception|critical|echo|secho|write|Field|add_argument|option|argument|HTTPException|ValueError|RuntimeError|TypeError|Exception)$/;

/** Names of the calls the sweep reads (see CallInterest). */
export function sweptCallee(name: string): boolean {
  return TEMPLATE_BUILDERS.test(name) || MESSAGE_BUILDERS.test(name) || NOT_PROMPT_CALLEES.test(name);
}

/** Keyword argument names that make the sweep read a call. */
export function sweptKeyword(name: string): boolean {
  return HUMAN_TEXT_KEYWORDS.has(name) || isPromptName(name) || PROMPT_KEYWORDS.has(name);
}

/** SDK endpoints that take a `prompt=` but are not chat models: images, audio, embeddings, moderation. */
const NOT_LLM_ENDPOINTS = /(^|\.)(images|audio|embeddings|moderations|transcriptions|translations|speech)\./;

/** Keyword arguments that hand text to people (SMS, chat, mail, UI), not to a model. */
const HUMAN_TEXT_KEYWORDS = new Set(['body', 'text', 'subject', 'html', 'message', 'msg', 'blocks', 'caption', 'title', 'label', 'help', 'description', 'content']);

const HUMAN_TEXT_ARGUMENT = new RegExp(`\\b(${[...HUMAN_TEXT_KEYWORDS].join('|')})\\s*=`);

/** Names of constants whose value is sent to people or logs: `twilio.messages.create(body=SMS_TEMPLATE.format(...))`. */
function namesSentElsewhere(index: PyIndex): Set<string> {
  const names = new Set<string>();
  const source = index.source;
  const root = (node: Node): string | null => {
    let current: Node | null = node;
    while (current?.type === 'call' || current?.type === 'binary_operator') {
      current = current.type === 'call' ? (current.childForFieldName('function')?.childForFieldName('object') ?? null) : current.childForFieldName('left');
    }
    return current?.type === 'identifier' ? source.slice(current.startIndex, current.endIndex) : null;
  };
  for (const { node, callee } of index.calls) {
    const toPeople = NOT_PROMPT_CALLEES.test(callee);
    if (!toPeople && !HUMAN_TEXT_ARGUMENT.test(source.slice(node.startIndex, node.endIndex))) continue;
    const shape = shapeOfCall(node, index);
    if (!shape) continue;
    const values = toPeople ? [...shape.positional, ...shape.keywords.values()] : [...shape.keywords].filter(([k]) => HUMAN_TEXT_KEYWORDS.has(k)).map(([, v]) => v);
    for (const value of values) {
      const name = root(value);
      if (name) names.add(name);
    }
  }
  return names;
}

/** Keyword names that carry instructions to an agent or model even though they say neither "prompt" nor "instruction". */
const PROMPT_KEYWORDS = new Set(['system', 'system_message', 'instructions', 'backstory', 'goal', 'expected_output']);

const PROMPT_ARGUMENT = /(prompt|instruction|system|template|backstory|goal|expected_output|persona|preamble|guideline|rubric|directive|few_?shot)\w*\s*=/i;

function roleFor(name: string | null, text: string): PromptRole {
  if (name && /system|instruction|persona|backstory|guideline|rules|tone|style/i.test(name)) return 'system';
  return roleFromText(text);
}

/** Below this many characters an unnamed string cannot read as a prompt (promptLikeness wants a few words). */
const MIN_UNNAMED_LENGTH = 24;
const PROMPT_KEY = /["'](\w*(prompt|instruction|system|template|backstory|goal|persona|preamble|guideline|rubric|directive)\w*)["']\s*:/gi;
const MESSAGE_KEY = /["']role["']\s*:/g;
/** Every text promptLikeness scores high has one of these (second person, an instruction verb, an output format). */
const PROMPTISH_WORD = /\b(you|your|json|respond|reply|answer|return|output|format|summari[sz]e|classify|extract|translate|rewrite|write|generate|explain|describe|list|given|review|analy[sz]e|assistant|task|act|based|here|below|following)\b/i;

/**
 * Every binding of each name the sweep may report: names that read as prompt names, and names with
 * a value that may hold a string. Grouped by name in the order the names are first bound.
 */
function bindingsWorthALook(index: PyIndex): Binding[] {
  const { scan } = index;
  const signs = new Set(scan.quotedValues);
  for (const [word, indexes] of scan.targets) if (isPromptName(word)) for (const i of indexes) signs.add(i);
  const names = new Map<string, number>();
  for (const i of [...signs].sort((a, b) => a - b)) {
    for (const binding of index.bindingsAt(i)) if (!names.has(binding.name)) names.set(binding.name, names.size);
  }
  const lists = [...names.keys()].map((name) => index.bindingsOf(name));
  lists.sort((a, b) => a[0].start - b[0].start || names.get(a[0].name)! - names.get(b[0].name)!);
  return lists.flat();
}

/**
 * Returns the sweep may report, by the scope they return from: those of functions whose name
 * `byName` accepts, and those that may hold a string (a quote or an unclosed bracket on their line).
 */
function returnsWorthALook(index: PyIndex, byName: (name: string) => boolean): Map<number, Node[]> {
  const { scan, source } = index;
  const offsets = new Set<number>();
  for (const [name] of scan.defs) {
    if (!byName(name)) continue;
    for (const scope of index.functionsNamed(name)) for (const node of index.returnsOf(scope.id)) offsets.add(node.startIndex);
  }
  const found: Located[] = [];
  for (const offset of scan.returns) {
    const end = source.indexOf('\n', offset);
    const rest = source.slice(offset, end < 0 ? source.length : end);
    if (!/["'([{\\]/.test(rest) && !offsets.has(offset)) continue;
    const returned = index.returnAt(offset);
    if (returned && returned.scope !== MODULE_SCOPE) found.push(returned);
  }
  const byScope = new Map<number, Node[]>();
  for (const { node, scope } of found) {
    const list = byScope.get(scope);
    if (list) list.push(node);
    else byScope.set(scope, [node]);
  }
  return byScope;
}

export function sweepUnlinked(index: PyIndex, collector: PromptCollector): void {
  const source = index.source;
  /** A cheap look at the source text before evaluating: is there a quoted string of some length in it? */
  const quotesText = (node: Node, minLength: number): boolean => node.endIndex - node.startIndex >= minLength && /["']/.test(source.slice(node.startIndex, node.endIndex));
  /** Whether unnamed text could pass readsAsPrompt: quoted, long enough, with a word such texts have. */
  const mayReadAsPrompt = (node: Node): boolean => quotesText(node, MIN_UNNAMED_LENGTH) && PROMPTISH_WORD.test(source.slice(node.startIndex, node.endIndex));
  const assignedName = (node: Node): string | null => {
    const parent = node.parent;
    return parent?.type === 'assignment' ? dottedName(parent.childForFieldName('left'), source) : null;
  };

  // Template objects and message lists, wherever they are built.
  for (const call of index.calls) {
    const { node, callee } = call;
    const last = callee.slice(callee.lastIndexOf('.') + 1);
    if (TEMPLATE_BUILDERS.test(last)) {
      collector.fromTemplate(node, { scope: call.scope, at: node.startIndex }, null, 0, assignedName(node));
    } else if (MESSAGE_BUILDERS.test(last)) {
      collector.fromMessage(node, { scope: call.scope, at: node.startIndex }, 'user', null);
    }
  }
  for (const node of dictionariesWithKey(index, MESSAGE_KEY)) {
    if (collector.followed(node, 'message') || !isMessageDict(node, source) || inTestAssertion(node, source)) continue;
    collector.fromMessage(node, { scope: index.scopeOf(node), at: node.startIndex }, 'user', null);
  }

  // Constants and variables, grouped so that `p = "..."; p += "..."` stays one site.
  const groups = new Map<string, Binding[]>();
  for (const binding of bindingsWorthALook(index)) {
    const key = `${binding.scope}:${binding.name}`;
    const group = groups.get(key);
    if (group) group.push(binding);
    else groups.set(key, [binding]);
  }
  let sentElsewhere: Set<string> | undefined;
  const isSentElsewhere = (name: string): boolean => (sentElsewhere ??= namesSentElsewhere(index)).has(name);
  const llmFile = [...index.imports.values()].some((origin) => LLM_IMPORTS.test(origin));
  const nameAccepts = (name: string): ((text: string) => boolean) | null => {
    if (!isPromptName(name) || NOT_PROMPT_NAME.test(name)) return null;
    if (!WEAK_PROMPT_NAME.test(name) || /prompt|instruction|system/i.test(name) || llmFile) return fitsPromptName;
    return (text) => fitsPromptName(text) && promptLikeness(text) >= 0.3;
  };
  for (const group of groups.values()) {
    const name = group[0].name.replace(/^(self|cls)\./, '');
    const byName = nameAccepts(name);
    if (!group.some((b) => (byName ? quotesText(b.value, 4) : mayReadAsPrompt(b.value))) || isSentElsewhere(name)) continue;
    const accept = byName ?? readsAsPrompt;
    const where = { scope: group[0].scope, at: group[0].start };
    const role = (text: string): PromptRole => roleFor(name, text);
    if (collector.fromBuiltUp(group, role, null, 'constant', accept)) continue;
    for (const binding of group) {
      const evaluated = evaluateText(binding.value, index);
      if (evaluated) collector.emit(evaluated, role, name, null, 'constant', accept);
      else if (byName && binding.value.type === 'call') collector.fromTemplate(binding.value, where, null, 0, name);
    }
  }

  // Builder functions' returns.
  for (const [scopeId, values] of returnsWorthALook(index, (name) => !!nameAccepts(name))) {
    const fnName = index.scopes.get(scopeId)?.name ?? null;
    const accept = (fnName && nameAccepts(fnName)) || readsAsPrompt;
    for (const value of values) {
      const evaluated = (fnName && nameAccepts(fnName)) || mayReadAsPrompt(value) ? evaluateText(value, index) : null;
      if (evaluated) collector.emit(evaluated, (text) => roleFor(fnName, text), fnName, null, 'builder', accept);
    }
  }

  // Prompt-named keyword arguments and dict entries: `Agent(instructions="...")`, `{"system_prompt": "..."}`.
  for (const { node, callee } of index.calls) {
    if (NOT_PROMPT_CALLEES.test(callee) || NOT_LLM_ENDPOINTS.test(callee) || !PROMPT_ARGUMENT.test(source.slice(node.startIndex, node.endIndex))) continue;
    const shape = shapeOfCall(node, index);
    for (const [keyword, value] of shape?.keywords ?? []) {
      if (!isPromptName(keyword) && !PROMPT_KEYWORDS.has(keyword)) continue;
      const evaluated = evaluateText(value, index);
      if (evaluated) collector.emit(evaluated, (text) => roleFor(keyword, text), null, null, 'direct', fitsPromptName);
    }
  }
  for (const node of dictionariesWithKey(index, PROMPT_KEY)) {
    for (const pair of node.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (key?.type !== 'string' || !value) continue;
      const keyText = readString(key, source).text;
      if (!isPromptName(keyText) && !PROMPT_KEYWORDS.has(keyText)) continue;
      const evaluated = evaluateText(value, index);
      if (evaluated) collector.emit(evaluated, (text) => roleFor(keyText, text), keyText, null, 'direct', fitsPromptName);
    }
  }

  // DSPy signatures.
  for (const name of index.scan.classes.keys()) collector.signatureDocstring(name, null);
}

function isMessageDict(node: Node, source: string): boolean {
  let role = false;
  let content = false;
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    if (key?.type !== 'string') continue;
    const text = readString(key, source).text;
    if (text === 'role') role = true;
    if (text === 'content' || text === 'parts') content = true;
  }
  return role && content;
}
