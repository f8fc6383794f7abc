import type { Node } from 'web-tree-sitter';
import { isPlainlyNotPrompt, isPromptName, promptLikeness } from './prompt-text';
import { FUNCTION_TYPES } from './script-index';
import type { PromptCollector } from './script-prompts';
import { isMessageClass, normalizeRole } from './script-prompts';
import { TEMPLATE_CLASSES, TEMPLATE_FACTORIES } from './script-sdk';
import { dottedName, lastName, literalText, stringValue, unwrap } from './script-strings';
import { type ScriptValues, keyName, memberValue } from './script-values';

/**
 * Prompts that reach no call in the file: templates and messages wherever they are built, and
 * constants, object properties, builder returns and long literals whose name or text says they
 * are prompts, outside contexts that say they are not (logs, errors, UI, schema descriptions).
 */

/** Text must read at least this much like an instruction to be reported without a telling name. */
const LIKENESS = 0.44;
/**
 * A literal handed straight to a function (`ask("Summarize this document.")`) needs less: an
 * instruction verb at its start is enough there.
 */
const ARGUMENT_LIKENESS = 0.34;
/** Names that hold something else even when they mention prompts (`promptLabel`, `TEMPLATE_DIR`). */
const NON_PROMPT_NAME =
  /(label|placeholder|title|error|err|message|msg|id|key|url|uri|path|dir|file|filename|name|version|type|button|tooltip|hint|caption|status|count|length|limit|tokens|cost|regex|pattern|selector|class(name)?|translation|locale|string|copy|description|desc|help|usage|warning|notice|greeting|body|subject)s?$/i;
/** Names that end in a prompt word are prompts whatever they mention before (`errorPrompt`, `systemMessage`). */
const PROMPT_SUFFIX = /(prompt|instructions?|system_?msg|system_?message|template|persona|preamble|guidelines?|rubric|directive)s?$/i;
/** Object keys whose strings are UI text or schema documentation, not prompts. */
const NON_PROMPT_KEY =
  /^(description|label|title|placeholder|error|errorMessage|message|body|subject|hint|tooltip|help|helpText|summary|caption|alt|aria-?label|name|id|url|href|src|path|className|subtitle|buttonText|text|heading|toast|status|example|examples|translations?|resources|locales?|i18n|strings|copy)$/i;
/** Calls whose string arguments are logs, errors, UI, translations or test expectations. */
const NON_PROMPT_CALLEE =
  /^(console\.\w+|logger\.\w+|log|warn|error|info|debug|alert|confirm|prompt|window\.\w+|t|i18n\w*\.\w+|\$t|toast(\.\w+)?|describe|it|test|expect|assert(\.\w+)?|res\.(send|json|status)|setError|setStatus|setMessage|core\.\w+)$|^expect\(|\.(log|info|warn|error|debug|trace|fatal|describe|setDescription|addHelpText|toast|setTitle|throw|to[A-Z]\w*|mock\w*|option|requiredOption|command|description|usage|help|argument|positional|showNotification|notify)$/;
const STOP = new Set(['program', 'statement_block', 'class_body', 'arrow_function', 'function_declaration', 'function_expression', 'method_definition']);

/**
 * Whether an expression's text can be a string built from literals: it opens with a quote, a
 * parenthesis or a template tag, or is an array joined. A cheap test run before any tree access.
 */
function mayBeString(text: string): boolean {
  return /^\s*(['"`(]|[\w$.]+\s*`)/.test(text) || (/^\s*\[/.test(text) && /\]\s*\.\s*join\s*\([^()]*\)\s*$/.test(text.slice(-80)));
}

function words(text: string): number {
  return text.trim().split(/\s+/).length;
}

/** `From`/`For`/`With` and what follows name a builder's input, not its output (`getPromptFromHints`, `build_prompt_for_user`). */
const INPUT_TAIL = /(?:(?:From|For|With|By|Using|Of)[A-Z$][\w$]*|_(?:from|for|with|by|using|of)_\w+)$/;

/** The part of a name that says what it holds: its last segment, without an input tail. */
function heldName(name: string): string {
  const last = lastName(name);
  return last.replace(INPUT_TAIL, '') || last;
}

/** True when the name's last word says it holds something other than a prompt (`promptLabel`, `errorMessage`). */
function deniedByName(name: string): boolean {
  const held = heldName(name);
  return NON_PROMPT_NAME.test(held) && !PROMPT_SUFFIX.test(held);
}

/** A prompt by its name: the name says so and the text is prose, not an identifier or path. */
function acceptsByName(name: string, text: string): boolean {
  return isPromptName(lastName(name)) && !deniedByName(name) && !isPlainlyNotPrompt(text) && words(text) >= 2;
}

/** True when the literal sits in a log, error, UI, test or schema-description context. */
function inNonPromptContext(node: Node): boolean {
  for (let n = node.parent; n && !STOP.has(n.type); n = n.parent) {
    switch (n.type) {
      case 'throw_statement':
      case 'jsx_attribute':
      case 'jsx_element':
      case 'jsx_self_closing_element':
      case 'jsx_expression':
        return true;
      case 'arguments': {
        // An argument to an ordinary call (`ask("Summarize ...")` in a click handler) is judged by its text.
        const fn = n.parent?.childForFieldName(n.parent.type === 'new_expression' ? 'constructor' : 'function');
        const callee = fn ? (dottedName(fn) ?? fn.text.replace(/\s+/g, '')) : '';
        return NON_PROMPT_CALLEE.test(callee) || /(Error|Exception)$/.test(callee);
      }
      case 'pair': {
        const key = keyName(n);
        if (key !== null && NON_PROMPT_KEY.test(key)) return true;
        break;
      }
    }
  }
  return false;
}

export class PromptSweep {
  /** Anchors already judged by name, so the long-literal pass does not judge them again by text. */
  private readonly judged = new Set<number>();

  constructor(
    private readonly values: ScriptValues,
    private readonly collector: PromptCollector,
  ) {}

  run(): void {
    this.constructs();
    this.messageObjects();
    this.bindings();
    this.pairs();
    this.builders();
    this.longStrings();
  }

  /** LangChain templates and message classes built anywhere in the file. */
  private constructs(): void {
    for (const node of [...this.values.index.calls, ...this.values.index.news]) {
      if (!/Template|Message/.test(node.text.slice(0, 160))) continue;
      const name = this.values.callee(node);
      const cls = lastName(name);
      const owner = lastName(name.slice(0, Math.max(0, name.lastIndexOf('.'))));
      const isTemplate = node.type === 'new_expression' ? TEMPLATE_CLASSES.has(cls) || isMessageClass(cls) : TEMPLATE_FACTORIES.has(cls) && /Template$/.test(owner);
      if (isTemplate) this.collector.text(node, { role: null, callIndex: null, name: declaredName(node) }, 0);
    }
  }

  /** `{ role: "system", content: "..." }` wherever it is written. */
  private messageObjects(): void {
    for (const pair of this.values.index.pairs) {
      if (!/^['"]?role\b/.test(pair.text) || keyName(pair) !== 'role') continue;
      const value = pair.childForFieldName('value');
      const role = value ? literalText(value) : null;
      if (role === null || normalizeRole(role) === null || normalizeRole(role) === 'other') continue;
      const object = pair.parent;
      if (object?.type === 'object' && !this.collector.hasRead(object)) this.collector.messages(object, { role: null, callIndex: null, name: declaredName(object) }, 0);
    }
  }

  /**
   * Reports `value` when its name (or the name of the object holding it, asked for only when
   * needed) or its text says it is a prompt.
   */
  private consider(value: Node, name: string | null, construction?: 'builder', ownerOf: () => string | null = () => null, likeness = LIKENESS): void {
    const n = unwrap(value);
    this.judged.add(n.id);
    if (!mayBeString(n.text) || this.collector.has(n)) return;
    const resolved = stringValue(n, (id) => this.values.boundValue(id));
    if (!resolved || isPlainlyNotPrompt(resolved.text)) return;
    const label = name?.replace(/^this\./, '') ?? null;
    const owner = ownerOf();
    const named = (label !== null && acceptsByName(label, resolved.text)) || (owner !== null && acceptsByName(owner, resolved.text));
    const denied = [label, owner].some((n) => n !== null && deniedByName(n));
    if (denied && !named) return;
    // A bare argument must also be a sentence, not a short UI phrase such as "Review your changes".
    if (!named && (promptLikeness(resolved.text) < likeness || (likeness < LIKENESS && words(resolved.text) < 6))) return;
    if (inNonPromptContext(n)) return;
    this.collector.add(resolved, { role: null, callIndex: null, name: label, construction });
  }

  /** Constants, variables, class fields and assignments. */
  private bindings(): void {
    for (const [name, list] of this.values.index.bindings) {
      for (const binding of list) {
        if (binding.value && binding.kind !== 'function' && !FUNCTION_TYPES.has(binding.value.type) && mayBeString(binding.value.text)) {
          this.consider(binding.value, name);
        }
      }
    }
  }

  /** Object properties such as `{ systemPrompt: "..." }` in a prompts module or a config object. */
  private pairs(): void {
    for (const pair of this.values.index.pairs) {
      const text = pair.text;
      if (!mayBeString(text.slice(text.indexOf(':') + 1))) continue;
      const key = keyName(pair);
      if (key === null) continue;
      const value = memberValue(pair);
      if (key !== null && value && !FUNCTION_TYPES.has(value.type)) this.consider(value, key, undefined, () => ownerName(pair));
    }
  }

  /** Returns of functions named like prompt builders, or whose returned text reads as a prompt. */
  private builders(): void {
    for (const [name, list] of this.values.index.bindings) {
      for (const binding of list) {
        const fn = binding.value;
        // Every function node of the file is in `functions`, so this also tells functions from other values.
        const info = fn ? this.values.index.functions.get(fn.id) : undefined;
        // Returns with no quote in their source hold no literal, so there is nothing to judge.
        if (info?.quoted) for (const ret of info.returns) this.consider(ret, name, 'builder');
      }
    }
  }

  /** Any other long literal that reads as a prompt, such as an argument to a wrapper function. */
  private longStrings(): void {
    // Literals of one `+` chain share their enclosing expressions: each is evaluated once.
    const isString = new Map<number, boolean>();
    const lookup = (id: Node) => this.values.boundValue(id);
    for (const node of this.values.index.longStrings) {
      if (this.judged.has(node.id)) continue;
      // Judge the whole expression a literal belongs to: a `+` chain, a tagged template, a `.join`.
      let anchor = node;
      let above = node.parent;
      for (let n = above; n && ENCLOSING.has(n.type); ) {
        const parent = n.parent;
        let known = isString.get(n.id);
        if (known === undefined) isString.set(n.id, (known = stringValue(n, lookup) !== null));
        if (known) {
          anchor = n;
          above = parent;
        }
        n = parent;
      }
      if (this.judged.has(anchor.id)) continue;
      this.consider(anchor, null, undefined, undefined, above?.type === 'arguments' ? ARGUMENT_LIKENESS : LIKENESS);
    }
  }
}

/** Expressions a literal can be part of while still being one prompt. */
const ENCLOSING = new Set(['binary_expression', 'parenthesized_expression', 'as_expression', 'satisfies_expression', 'call_expression', 'member_expression', 'array']);

const WRAPPERS = new Set(['as_expression', 'satisfies_expression', 'parenthesized_expression']);

/** The name of the object a pair belongs to: `PROMPTS` in `const PROMPTS = { summarize: "..." }`. */
function ownerName(pair: Node): string | null {
  const object = pair.parent;
  let holder = object?.parent;
  // `const PROMPTS = { ... } as const` / `satisfies Record<...>`: the wrapper holds no name.
  while (holder && WRAPPERS.has(holder.type)) holder = holder.parent;
  if (!object || !holder) return null;
  if (holder.type === 'variable_declarator') return holder.childForFieldName('name')?.text ?? null;
  if (holder.type === 'pair') return keyName(holder);
  return null;
}

/** The variable a value is declared as (`const prompt = ...`), for the site's name. */
function declaredName(node: Node): string | null {
  const parent = node.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text ?? null;
  return null;
}
