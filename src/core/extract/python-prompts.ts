import type { Node } from 'web-tree-sitter';
import type { PromptConstruction, PromptRef, PromptRole, PromptSite } from './model';
import { isPlainlyNotPrompt, roleFromText } from './prompt-text';
import { shapeOfCall } from './python-args';
import { evaluateText, opaque, placeholdersOf, type Evaluated } from './python-eval';
import { dottedName, MODULE_SCOPE, parameterNames, type Binding, type PyIndex } from './python-index';
import { definitionsOfNode, functionsCalled, whereOf, type Where } from './python-resolve';
import { importedRef } from './python-refs';
import { readString } from './python-strings';

/**
 * Turns the expressions that carry prompt text into PromptSites: plain text, message lists (dicts,
 * tuples, message classes), prompt templates, followed through constants, `self.x` attributes,
 * list appends and builder functions. Each string literal lands in at most one site; the first
 * caller to reach it (calls in source order, then the file-wide sweep) decides its call and role.
 */

/** How the text reached the place that asked for it, which decides how strictly it is checked. */
export type Via = 'direct' | 'constant' | 'builder' | 'ref';

/** The role a site gets: as the syntax says, from the text (null), or decided from the text by the caller. */
export type RoleChoice = PromptRole | null | ((text: string) => PromptRole);

const MAX_DEPTH = 12;

const ROLE_NAMES: Readonly<Record<string, PromptRole>> = {
  system: 'system',
  developer: 'developer',
  user: 'user',
  human: 'user',
  assistant: 'assistant',
  ai: 'assistant',
  model: 'assistant',
  tool: 'other',
  function: 'other',
};

/** Message classes of LangChain, LlamaIndex and the SDKs, by the role they speak in. */
const MESSAGE_CLASSES: Readonly<Record<string, PromptRole>> = {
  SystemMessage: 'system',
  HumanMessage: 'user',
  UserMessage: 'user',
  AIMessage: 'assistant',
  AssistantMessage: 'assistant',
  SystemMessagePromptTemplate: 'system',
  HumanMessagePromptTemplate: 'user',
  AIMessagePromptTemplate: 'assistant',
};

const TEXT_TEMPLATES = new Set(['PromptTemplate', 'RichPromptTemplate', 'StringPromptTemplate', 'ChatPromptTemplate', 'Template']);

/** Maps a role as written (`"human"`, `MessageRole.SYSTEM`) to a PromptRole. */
export function roleFromName(written: string): PromptRole | null {
  const key = written.slice(written.lastIndexOf('.') + 1).toLowerCase();
  return ROLE_NAMES[key] ?? null;
}

function bindingName(binding: Binding): string {
  return binding.name.replace(/^(self|cls)\./, '');
}

/** A parameter of one of the file's functions that reaches a call's prompt position: the function relays it. */
export interface ParameterUse {
  scope: number;
  name: string;
  role: PromptRole;
  callIndex: number;
}

export class PromptCollector {
  readonly sites: PromptSite[] = [];
  /** Parameters that reached a call's prompt position, for the relays (python-relays.ts). */
  readonly parameterUses: ParameterUse[] = [];
  private readonly claimed = new Set<number>();
  private readonly active = new Set<string>();
  private readonly done = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly refs = new Map<number, PromptRef[]>();

  constructor(private readonly index: PyIndex) {}

  private text(node: Node): string {
    return this.index.source.slice(node.startIndex, node.endIndex);
  }

  /** True when this string literal already belongs to a site. */
  isClaimed(node: Node): boolean {
    return this.claimed.has(node.startIndex);
  }

  /** True when the node was already followed for this purpose: following it again would find nothing new. */
  followed(node: Node, purpose: 'text' | 'messages' | 'message' | 'template'): boolean {
    return this.seen.has(`${purpose}:${node.id}`);
  }

  /** Imported prompt names each call sends, in the order they were reached. */
  refsOf(callIndex: number): PromptRef[] {
    return this.refs.get(callIndex) ?? [];
  }

  /**
   * Runs `fn` unless the same node is already being followed for the same purpose (cycles through names).
   * A node already followed the same way for the same call has claimed all it can; another call
   * follows it again, for the imported names it sends too.
   */
  private guard(node: Node, purpose: string, depth: number, fn: () => void, callIndex: number | null, via: Via | '' = ''): void {
    const key = `${purpose}:${node.id}`;
    const doneKey = `${key}:${via}:${callIndex ?? ''}`;
    if (depth > MAX_DEPTH || this.active.has(key) || this.done.has(doneKey)) return;
    this.active.add(key);
    try {
      fn();
    } finally {
      this.active.delete(key);
      this.done.add(doneKey);
      this.seen.add(key);
    }
  }

  /** Records a name imported from another module at a call's prompt position; false when the name is not imported. */
  private importedAt(node: Node, at: Node, where: Where, role: PromptRole | null, callIndex: number | null): boolean {
    if (callIndex === null) return false;
    const ref = importedRef(this.index, node, where);
    if (!ref) return false;
    const list = this.refs.get(callIndex) ?? [];
    if (!list.some((r) => r.span.start === at.startIndex)) list.push({ ...ref, role: role ?? 'user', span: { start: at.startIndex, end: at.endIndex } });
    this.refs.set(callIndex, list);
    return true;
  }

  /** Notes a parameter of the enclosing function sent at a call's prompt position. */
  private parameterAt(node: Node, where: Where, role: PromptRole | null, callIndex: number | null): void {
    if (callIndex === null || node.type !== 'identifier') return;
    const name = this.text(node);
    if (!parameterNames(this.index, where.scope).has(name)) return;
    if (this.parameterUses.some((u) => u.scope === where.scope && u.name === name && u.callIndex === callIndex)) return;
    this.parameterUses.push({ scope: where.scope, name, role: role ?? 'user', callIndex });
  }

  /** Adds a site for an evaluated string expression unless one of its literals is taken or it reads as no prompt. */
  emit(evaluated: Evaluated, role: RoleChoice, name: string | null, callIndex: number | null, via: Via, accept?: (text: string) => boolean): boolean {
    if (evaluated.pieces.some((p) => this.claimed.has(p.span.start))) return false;
    const text = evaluated.text;
    if (text.trim() === '') return false;
    const literalText = literalOnly(evaluated);
    if (!/[\p{L}\p{N}]/u.test(literalText)) return false;
    if (via === 'ref' && isPlainlyNotPrompt(text)) return false;
    if (accept && !accept(text)) return false;
    for (const piece of evaluated.pieces) this.claimed.add(piece.span.start);
    const pieces = [...evaluated.pieces].sort((a, b) => a.span.start - b.span.start);
    this.sites.push({
      span: { start: pieces[0].span.start, end: pieces[pieces.length - 1].span.end },
      pieces,
      text,
      placeholders: placeholdersOf(evaluated),
      role: typeof role === 'function' ? role(literalText) : (role ?? roleFromText(literalText)),
      construction: construction(evaluated, via),
      name,
      callIndex,
    });
    return true;
  }

  /** A string-valued expression: literals and formatting, names bound to them, builder calls, templates. */
  fromText(node: Node, where: Where, role: PromptRole | null, name: string | null, callIndex: number | null, via: Via, depth = 0): void {
    this.guard(node, 'text', depth, () => {
      const next = depth + 1;
      switch (node.type) {
        case 'parenthesized_expression':
        case 'await':
          for (const child of node.namedChildren) if (child) this.fromText(child, where, role, name, callIndex, via, next);
          return;
        case 'conditional_expression':
          for (const i of [0, 2]) {
            const child = node.namedChildren[i];
            if (child) this.fromText(child, where, role, name, callIndex, via, next);
          }
          return;
        case 'boolean_operator':
          for (const field of ['left', 'right']) {
            const child = node.childForFieldName(field);
            if (child) this.fromText(child, where, role, name, callIndex, via, next);
          }
          return;
        case 'identifier':
        case 'attribute': {
          const bindings = definitionsOfNode(this.index, node, where);
          if (bindings.length === 0) {
            if (!this.importedAt(node, node, where, role, callIndex)) this.parameterAt(node, where, role, callIndex);
            return;
          }
          const bound = via === 'direct' ? 'constant' : via;
          if (this.fromBuiltUp(bindings, role, callIndex, bound)) return;
          for (const binding of bindings) this.fromText(binding.value, whereOf(binding), role, bindingName(binding), callIndex, bound, next);
          return;
        }
        case 'list':
        case 'tuple':
          for (const item of node.namedChildren) if (item) this.fromText(item, where, role, name, callIndex, via, next);
          return;
        case 'dictionary':
          this.contentBlock(node, where, role, name, callIndex, via, next);
          return;
        case 'call':
          if (this.fromCall(node, where, role, name, callIndex, via, next)) return;
          break;
      }
      const evaluated = evaluateText(node, this.index);
      if (!evaluated) {
        // `build_prompt(x)` with `build_prompt` imported from a prompts module.
        const fn = node.type === 'call' ? node.childForFieldName('function') : null;
        if (fn) this.importedAt(fn, fn, where, role, callIndex);
        return;
      }
      const inlined = this.inlineLocals(evaluated, where);
      this.emit(inlined, role, name, callIndex, via);
      for (const ref of inlined.refs) this.fromText(ref, where, role, null, callIndex, 'ref', next);
    }, callIndex, via);
  }

  /**
   * `prompt = "..."` followed by `prompt += "..."`: one text built across statements, one site.
   * Returns false when the bindings are not such a chain.
   */
  fromBuiltUp(bindings: Binding[], role: RoleChoice, callIndex: number | null, via: Via, accept?: (text: string) => boolean): boolean {
    const built = this.builtUp(bindings);
    if (!built) return false;
    const inlined = this.inlineLocals(built, whereOf(bindings[0]));
    this.emit(inlined, role, bindingName(bindings[0]), callIndex, via, accept);
    const refRole = typeof role === 'function' ? null : role;
    for (const ref of inlined.refs) this.fromText(ref, whereOf(bindings[0]), refRole, null, callIndex, 'ref', 1);
    return true;
  }

  private builtUp(bindings: Binding[]): Evaluated | null {
    if (bindings.length < 2 || bindings[0].op !== '=' || bindings.slice(1).some((b) => b.op !== '+=' || b.scope !== bindings[0].scope)) return null;
    const parts = bindings.map((b) => evaluateText(b.value, this.index) ?? opaque(b.value, this.index.source));
    if (!parts[0].pieces.length) return null;
    return {
      text: parts.map((p) => p.text).join(''),
      pieces: parts.flatMap((p) => p.pieces),
      interpolations: parts.flatMap((p) => p.interpolations),
      construction: 'concatenation',
      refs: parts.flatMap((p) => p.refs),
    };
  }

  /**
   * Folds local helper variables into the text that uses them (`header = "..."; prompt = header + q`),
   * so a prompt built across statements is one site. Module constants in UPPER_CASE stay sites of their own.
   */
  private inlineLocals(evaluated: Evaluated, where: Where): Evaluated {
    let result = evaluated;
    for (const ref of evaluated.refs) {
      if (ref.type !== 'identifier') continue;
      const name = this.text(ref);
      const bindings = definitionsOfNode(this.index, ref, where);
      if (bindings.length === 0 || bindings.some((b) => b.start > ref.startIndex)) continue;
      const isConstant = bindings[0].scope === MODULE_SCOPE && /^[A-Z][A-Z0-9_]*$/.test(name);
      if (isConstant || (bindings.length > 1 && !this.builtUp(bindings))) continue;
      const value = bindings.length > 1 ? this.builtUp(bindings) : evaluateText(bindings[0].value, this.index);
      if (!value || value.pieces.some((p) => this.claimed.has(p.span.start))) continue;
      const at = result.text.indexOf(`{${name}}`);
      if (at < 0) continue;
      const drop = result.interpolations.indexOf(name);
      result = {
        text: result.text.slice(0, at) + value.text + result.text.slice(at + name.length + 2),
        pieces: [...result.pieces, ...value.pieces],
        interpolations: [...result.interpolations.filter((_, i) => i !== drop), ...value.interpolations],
        construction: 'concatenation',
        refs: [...result.refs.filter((r) => r !== ref), ...value.refs],
      };
    }
    return result;
  }

  /** The entries of a dict literal whose keys are plain strings, as (key text, value node). */
  private stringKeyedEntries(node: Node): Array<[string, Node]> {
    const entries: Array<[string, Node]> = [];
    for (const pair of node.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (key?.type === 'string' && value) entries.push([readString(key, this.index.source).text, value]);
    }
    return entries;
  }

  /** `{"type": "text", "text": "..."}` content blocks and Gemini `{"parts": [...]}` / `{"text": ...}` dicts. */
  private contentBlock(node: Node, where: Where, role: PromptRole | null, name: string | null, callIndex: number | null, via: Via, depth: number): void {
    for (const [keyText, value] of this.stringKeyedEntries(node)) {
      if (keyText === 'text' || keyText === 'parts' || keyText === 'content') this.fromText(value, where, role, name, callIndex, via, depth);
    }
  }

  /** Calls in a text position: builder functions, templates, `.format()` on a named template. Returns true when handled. */
  private fromCall(node: Node, where: Where, role: PromptRole | null, name: string | null, callIndex: number | null, via: Via, depth: number): boolean {
    const fn = node.childForFieldName('function');
    if (!fn) return false;
    const functions = functionsCalled(this.index, fn, where);
    if (functions.length > 0) {
      for (const scope of functions) {
        const fnName = this.index.scopes.get(scope)?.name ?? null;
        for (const value of this.index.returnsOf(scope)) {
          this.fromText(value, { scope, at: value.startIndex }, role, fnName, callIndex, via === 'ref' ? 'ref' : 'builder', depth);
        }
      }
      return true;
    }
    const callee = dottedName(fn, this.index.source) ?? '';
    const last = callee.slice(callee.lastIndexOf('.') + 1);
    if (TEXT_TEMPLATES.has(last) || last === 'from_template' || last === 'from_messages' || last === 'from_string' || last in MESSAGE_CLASSES) {
      this.fromTemplate(node, where, callIndex, depth, name, role);
      return true;
    }
    const shape = shapeOfCall(node, this.index);
    const method = fn.type === 'attribute' ? this.text(fn.childForFieldName('attribute') ?? fn) : last;
    if (fn.type === 'attribute' && /^(format|format_map|format_prompt|format_messages|partial|invoke|to_string|to_messages|substitute|safe_substitute|render)$/.test(method)) {
      const receiver = fn.childForFieldName('object');
      if (receiver && receiver.type !== 'string' && receiver.type !== 'concatenated_string' && !evaluateText(receiver, this.index)) {
        this.fromText(receiver, where, role, name, callIndex, via, depth);
        for (const value of shape?.keywords.values() ?? []) this.fromText(value, where, role, null, callIndex, 'ref', depth);
        return true;
      }
    }
    if (/(^|\.)(Part|Content)$/.test(callee) || last === 'from_text') {
      for (const value of [...(shape?.positional ?? []), ...(shape?.keywords.values() ?? [])]) this.fromText(value, where, role, name, callIndex, via, depth);
      return true;
    }
    return false;
  }

  /** A messages argument: a list of messages, a name bound to one (with its appends), a builder's return, or plain text. */
  fromMessages(node: Node, where: Where, role: PromptRole, callIndex: number | null, depth = 0): void {
    this.guard(node, 'messages', depth, () => {
      const next = depth + 1;
      switch (node.type) {
        case 'list':
        case 'tuple':
          for (const item of node.namedChildren) if (item) this.fromMessage(item, where, role, callIndex, next);
          return;
        case 'list_splat':
        case 'parenthesized_expression':
        case 'await':
          for (const child of node.namedChildren) if (child) this.fromMessages(child, where, role, callIndex, next);
          return;
        case 'subscript': {
          const value = node.childForFieldName('value');
          if (value) this.fromMessages(value, where, role, callIndex, next);
          return;
        }
        case 'binary_operator':
          if (!evaluateText(node, this.index)) {
            for (const field of ['left', 'right']) {
              const child = node.childForFieldName(field);
              if (child) this.fromMessages(child, where, role, callIndex, next);
            }
            return;
          }
          break;
        case 'identifier':
        case 'attribute': {
          if (!this.holdsMessages(node, where, next)) {
            this.fromText(node, where, role, null, callIndex, 'direct', next);
            return;
          }
          const name = dottedName(node, this.index.source);
          for (const binding of definitionsOfNode(this.index, node, where)) this.fromMessageValue(binding, role, callIndex, next);
          for (const mutation of name ? this.index.mutationsOf(name) : []) {
            const at = { scope: mutation.scope, at: mutation.start };
            if (mutation.method === 'extend') this.fromMessages(mutation.argument, at, role, callIndex, next);
            else this.fromMessage(mutation.argument, at, role, callIndex, next);
          }
          return;
        }
        case 'call': {
          const fn = node.childForFieldName('function');
          const functions = fn ? functionsCalled(this.index, fn, where) : [];
          if (functions.length > 0) {
            if (!this.holdsMessages(node, where, next)) {
              this.fromText(node, where, role, null, callIndex, 'direct', next);
              return;
            }
            for (const scope of functions) {
              for (const value of this.index.returnsOf(scope)) this.fromMessages(value, { scope, at: value.startIndex }, role, callIndex, next);
            }
            return;
          }
          const callee = fn ? (dottedName(fn, this.index.source) ?? '') : '';
          if (/(^|\.)(field|Field)$/.test(callee)) {
            // A dataclass or pydantic field's default: `field(default_factory=lambda: [...])`.
            const shape = shapeOfCall(node, this.index);
            const factory = shape?.keywords.get('default_factory');
            const initial = factory?.type === 'lambda' ? factory.childForFieldName('body') : (shape?.keywords.get('default') ?? null);
            if (initial) this.fromMessages(initial, where, role, callIndex, next);
            return;
          }
          if (/(^|\.)(list|copy|deepcopy)$/.test(callee)) {
            const inner = node.childForFieldName('arguments')?.namedChildren[0];
            if (inner) this.fromMessages(inner, where, role, callIndex, next);
            return;
          }
          break;
        }
        case 'dictionary':
          this.fromMessage(node, where, role, callIndex, next);
          return;
      }
      this.fromMessage(node, where, role, callIndex, next);
    }, callIndex);
  }

  /** Whether a name or a builder call stands for a list of messages (or one message) rather than text. */
  private holdsMessages(node: Node, where: Where, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    switch (node.type) {
      case 'list':
      case 'tuple':
      case 'dictionary':
      case 'list_comprehension':
        return true;
      case 'identifier':
      case 'attribute': {
        const name = dottedName(node, this.index.source);
        const mutations = name ? this.index.mutationsOf(name) : [];
        if (mutations.some((m) => m.method !== 'extend' || this.holdsMessages(m.argument, where, depth + 1))) return true;
        return definitionsOfNode(this.index, node, where).some((b) => this.holdsMessages(b.value, whereOf(b), depth + 1));
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        const functions = fn ? functionsCalled(this.index, fn, where) : [];
        if (functions.length === 0) return !evaluateText(node, this.index);
        return functions.some((scope) => this.index.returnsOf(scope).some((v) => this.holdsMessages(v, { scope, at: v.startIndex }, depth + 1)));
      }
      default:
        return false;
    }
  }

  /** A name bound to a list (or to one message, or to text) used as the messages. */
  private fromMessageValue(binding: Binding, role: PromptRole, callIndex: number | null, depth: number): void {
    const value = binding.value;
    const at = whereOf(binding);
    if (value.type === 'list' || value.type === 'tuple' || value.type === 'list_comprehension' || value.type === 'binary_operator' || value.type === 'call') {
      this.fromMessages(value, at, role, callIndex, depth);
    } else {
      this.fromMessage(value, at, role, callIndex, depth);
    }
  }

  /** One message: a role/content dict, a `(role, text)` tuple, a message class, a template, or text. */
  fromMessage(node: Node, where: Where, role: PromptRole, callIndex: number | null, depth = 0): void {
    this.guard(node, 'message', depth, () => {
      const next = depth + 1;
      switch (node.type) {
        case 'dictionary':
          this.messageDict(node, where, role, callIndex, next);
          return;
        case 'tuple':
        case 'parenthesized_expression': {
          const items = node.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
          if (node.type === 'tuple' && items.length === 2 && items[0].type === 'string') {
            const written = readString(items[0], this.index.source).text;
            if (written === 'placeholder') return;
            this.fromText(items[1], where, roleFromName(written) ?? role, null, callIndex, 'direct', next);
            return;
          }
          if (node.type === 'parenthesized_expression' && items[0]) this.fromMessage(items[0], where, role, callIndex, next);
          return;
        }
        case 'identifier':
        case 'attribute':
          if (!this.holdsMessages(node, where, next)) break;
          for (const binding of definitionsOfNode(this.index, node, where)) this.fromMessage(binding.value, whereOf(binding), role, callIndex, next);
          return;
        case 'call':
          if (this.messageCall(node, where, role, callIndex, next)) return;
          break;
        case 'list_splat':
          for (const child of node.namedChildren) if (child) this.fromMessages(child, where, role, callIndex, next);
          return;
      }
      this.fromText(node, where, role, null, callIndex, 'direct', next);
    }, callIndex);
  }

  private messageDict(node: Node, where: Where, role: PromptRole, callIndex: number | null, depth: number): void {
    let written: PromptRole | null = null;
    const contents: Node[] = [];
    for (const [keyText, value] of this.stringKeyedEntries(node)) {
      if (keyText === 'role') written = value.type === 'string' ? roleFromName(readString(value, this.index.source).text) : roleFromName(this.text(value));
      else if (keyText === 'content' || keyText === 'parts' || keyText === 'text') contents.push(value);
      else if (keyText === 'messages') this.fromMessages(value, where, role, callIndex, depth); // LangGraph state: {"messages": [...]}
    }
    for (const content of contents) this.fromText(content, where, written ?? role, null, callIndex, 'direct', depth);
  }

  /** Message classes, `dict(role=..., content=...)`, `ChatMessage(role=..., content=...)`, Gemini `Content`/`Part`. */
  private messageCall(node: Node, where: Where, role: PromptRole, callIndex: number | null, depth: number): boolean {
    const fn = node.childForFieldName('function');
    const callee = fn ? (dottedName(fn, this.index.source) ?? '') : '';
    const parts = callee.split('.');
    const last = parts[parts.length - 1];
    const owner = parts.length > 1 ? parts[parts.length - 2] : '';
    const shape = shapeOfCall(node, this.index);
    if (!shape) return false;
    if (last === 'MessagesPlaceholder') return true;
    const classRole = MESSAGE_CLASSES[last] ?? MESSAGE_CLASSES[owner];
    if (classRole) {
      const content = shape.keywords.get('content') ?? shape.keywords.get('template') ?? shape.keywords.get('prompt') ?? shape.positional[0];
      if (content) this.fromText(content, where, classRole, null, callIndex, 'direct', depth);
      return true;
    }
    if (last === 'dict' || last === 'ChatMessage' || last === 'Content' || last === 'Message') {
      const written = shape.keywords.get('role');
      const messageRole = written ? (written.type === 'string' ? roleFromName(readString(written, this.index.source).text) : roleFromName(this.text(written))) : null;
      const content = shape.keywords.get('content') ?? shape.keywords.get('parts') ?? shape.keywords.get('text') ?? shape.positional[0];
      if (content) this.fromText(content, where, messageRole ?? role, null, callIndex, 'direct', depth);
      return true;
    }
    if (TEXT_TEMPLATES.has(last) || TEXT_TEMPLATES.has(owner)) {
      this.fromTemplate(node, where, callIndex, depth, null);
      return true;
    }
    return false;
  }

  /** A prompt template object: `PromptTemplate(...)`, `ChatPromptTemplate.from_messages([...])`, a DSPy signature class. */
  fromTemplate(node: Node, where: Where, callIndex: number | null, depth = 0, name: string | null = null, role: PromptRole | null = null): void {
    this.guard(node, 'template', depth, () => {
      const next = depth + 1;
      if (node.type === 'identifier' || node.type === 'attribute') {
        for (const binding of definitionsOfNode(this.index, node, where, false)) {
          this.fromTemplate(binding.value, whereOf(binding), callIndex, next, bindingName(binding), role);
        }
        this.signatureDocstring(this.text(node), callIndex);
        return;
      }
      if (node.type === 'binary_operator') {
        for (const field of ['left', 'right']) {
          const child = node.childForFieldName(field);
          if (child) this.fromTemplate(child, where, callIndex, next, null);
        }
        return;
      }
      if (node.type !== 'call') {
        // A plain string where a template is expected: `create_react_agent(llm, tools, prompt="...")`.
        this.fromText(node, where, role, name, callIndex, 'direct', next);
        return;
      }
      const fn = node.childForFieldName('function');
      const shape = shapeOfCall(node, this.index);
      if (!fn || !shape) return;
      const callee = dottedName(fn, this.index.source) ?? '';
      const parts = callee.split('.');
      const last = parts[parts.length - 1];
      const owner = parts.length > 1 ? parts[parts.length - 2] : '';
      if (last === 'from_messages' || (last === 'ChatPromptTemplate' && (shape.keywords.has('messages') || shape.positional[0]?.type === 'list'))) {
        const list = shape.keywords.get('messages') ?? shape.positional[0];
        if (list) this.fromMessages(list, where, 'user', callIndex, next);
        return;
      }
      if (MESSAGE_CLASSES[last] || MESSAGE_CLASSES[owner]) {
        this.messageCall(node, where, 'user', callIndex, next);
        return;
      }
      if (TEXT_TEMPLATES.has(last) || TEXT_TEMPLATES.has(owner) || last === 'from_template' || last === 'from_string') {
        const textRole: PromptRole = role ?? (owner === 'ChatPromptTemplate' ? 'user' : 'template');
        const template = shape.keywords.get('template') ?? shape.keywords.get('template_str') ?? shape.keywords.get('source') ?? shape.positional[0];
        if (template) this.fromText(template, where, textRole, name, callIndex, 'direct', next);
        for (const key of ['prefix', 'suffix']) {
          const value = shape.keywords.get(key);
          if (value) this.fromText(value, where, textRole, name, callIndex, 'direct', next);
        }
        return;
      }
      if (fn.type === 'attribute' && /^(partial|with_config|pipe)$/.test(last)) {
        const receiver = fn.childForFieldName('object');
        if (receiver) this.fromTemplate(receiver, where, callIndex, next, name, role);
        return;
      }
      const prompt = shape.keywords.get('prompt');
      if (prompt) this.fromTemplate(prompt, where, callIndex, next, name, role);
    }, callIndex);
  }

  /** `class QA(dspy.Signature): """..."""`: the docstring becomes the module's instructions. */
  signatureDocstring(className: string, callIndex: number | null): void {
    for (const scope of this.index.classesNamed(className)) {
      if (!scope.node) continue;
      const superclasses = scope.node.childForFieldName('superclasses');
      if (!superclasses || !/Signature\b/.test(this.text(superclasses))) continue;
      const first = scope.node.childForFieldName('body')?.namedChildren[0];
      const docstring = first?.type === 'expression_statement' ? first.namedChildren[0] : null;
      if (!docstring || docstring.type !== 'string') continue;
      const evaluated = evaluateText(docstring, this.index);
      if (evaluated) this.emit({ ...evaluated, construction: 'docstring' }, 'system', className, callIndex, 'direct');
    }
  }
}

function construction(evaluated: Evaluated, via: Via): PromptConstruction {
  if (via === 'builder' && (evaluated.construction === 'literal' || evaluated.construction === 'f-string')) return 'builder';
  if (via === 'constant' && evaluated.construction === 'literal') return 'constant';
  return evaluated.construction;
}

/** The text without its interpolations: what the role and the "is there any text" checks read. */
function literalOnly(evaluated: Evaluated): string {
  let text = evaluated.text;
  for (const name of evaluated.interpolations) text = text.split(`{${name}}`).join('');
  return text;
}
