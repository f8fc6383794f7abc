import type { Node } from 'web-tree-sitter';
import type { PromptConstruction, PromptRef, PromptRole, PromptSite } from './model';
import { isPlainlyNotPrompt, roleFromText } from './prompt-text';
import { FUNCTION_TYPES, resolveBinding } from './script-index';
import { importedRef } from './script-refs';
import { type PromptArg, TEMPLATE_CLASSES, TEMPLATE_FACTORIES } from './script-sdk';
import { type StringValue, concatValues, dottedName, lastName, literalText, placeholderValue, stringValue, unwrap } from './script-strings';
import { type ScriptValues, isReference, keyName, memberValue } from './script-values';

/**
 * Turns prompt-carrying expressions into PromptSites: string expressions, the constants and
 * builder functions they name, message lists in every SDK's shape, and LangChain templates.
 * Each anchor becomes at most one site; the first call that reaches it keeps it.
 */

const MAX_DEPTH = 12;

/** Message classes and the role each speaks in (LangChain). */
const MESSAGE_CLASSES: Record<string, PromptRole> = {
  SystemMessage: 'system',
  HumanMessage: 'user',
  AIMessage: 'assistant',
  SystemMessagePromptTemplate: 'system',
  HumanMessagePromptTemplate: 'user',
  AIMessagePromptTemplate: 'assistant',
};

/** A role as SDKs and frameworks spell it; null for roles that carry no prompt (tool results, placeholders). */
export function normalizeRole(role: string): PromptRole | null {
  switch (role.toLowerCase()) {
    case 'system':
      return 'system';
    case 'developer':
      return 'developer';
    case 'user':
    case 'human':
      return 'user';
    case 'assistant':
    case 'ai':
    case 'model':
    case 'bot':
      return 'assistant';
    case 'tool':
    case 'function':
    case 'placeholder':
      return null;
    default:
      return 'other';
  }
}

export function isMessageClass(name: string): boolean {
  return name in MESSAGE_CLASSES;
}

interface Target {
  role: PromptRole | null;
  callIndex: number | null;
  name: string | null;
  construction?: PromptConstruction;
  /** Reached through an interpolation: only text that reads as text is kept. */
  viaRef?: boolean;
}

/** A parameter of one of the file's functions that reaches a call's prompt position: the function relays it. */
export interface ParameterUse {
  /** Where the function starts (its parameters' scope). */
  functionStart: number;
  name: string;
  role: PromptRole;
  callIndex: number;
}

export class PromptCollector {
  readonly sites: PromptSite[] = [];
  /** Parameters that reached a call's prompt position as text, for the relays (script-relays.ts). */
  readonly parameterUses: ParameterUse[] = [];
  private readonly byAnchor = new Map<string, PromptSite>();
  /** Values whose interpolated parts were followed, by anchor and call. */
  private readonly followed = new Set<string>();
  private readonly pushes = new Map<string, Node[]>();
  /** Imported prompt names each call sends, by call index. */
  private readonly refs = new Map<number, PromptRef[]>();
  /** Message objects read outside an interpolation; reading one again can only find the same anchors. */
  private readonly readObjects = new Set<number>();
  /** Set when a read stopped at the depth limit: then a second read from a shallower start may reach further. */
  private cutShort = false;

  constructor(private readonly values: ScriptValues) {
    // `messages.push({ role, content })` adds to a list declared elsewhere.
    for (const call of values.index.calls) {
      const callee = values.callee(call);
      if (!/\.(push|unshift)$/.test(callee)) continue;
      const list = callee.slice(0, callee.lastIndexOf('.'));
      let calls = this.pushes.get(list);
      if (!calls) this.pushes.set(list, (calls = []));
      calls.push(call);
    }
  }

  /** Imported prompt names a call sends, in the order they were reached. */
  refsOf(callIndex: number): PromptRef[] {
    return this.refs.get(callIndex) ?? [];
  }

  /** Records a name imported from another module at a call's prompt position; false when the name is not imported. */
  private importedAt(node: Node, target: Target): boolean {
    const ref = importedRef(this.values.index, node);
    if (!ref) return false;
    if (target.callIndex === null) return true;
    const list = this.refs.get(target.callIndex) ?? [];
    if (!list.some((r) => r.span.start === node.startIndex)) list.push({ ...ref, role: target.role ?? 'user', span: { start: node.startIndex, end: node.endIndex } });
    this.refs.set(target.callIndex, list);
    return true;
  }

  /** True when a message object was already read in full, so reading it again adds no site. */
  hasRead(object: Node): boolean {
    return !this.cutShort && this.readObjects.has(object.id);
  }

  /** True when a site already covers this expression. */
  has(node: Node): boolean {
    return this.byAnchor.has(anchorKey(unwrap(node)));
  }

  /** Adds the sites an SDK argument, model setting or template carries. */
  collect(arg: PromptArg, callIndex: number | null, name: string | null = null): void {
    const target = { role: arg.role, callIndex, name };
    if (arg.mode === 'text') this.text(arg.node, target, 0);
    else if (arg.mode === 'messages') this.messages(arg.node, target, 0);
    else this.template(arg.node, target, 0);
  }

  /** Adds a resolved string as a site, unless its anchor already has one. */
  add(value: StringValue, target: Target): PromptSite | null {
    const key = anchorKey(value.node);
    if (this.byAnchor.has(key)) return null;
    if (value.text.trim() === '' || this.onlyJoins(value) || (target.viaRef && isPlainlyNotPrompt(value.text))) return null;
    const pieces = value.pieces;
    const site: PromptSite = {
      span: { start: pieces[0].span.start, end: pieces[pieces.length - 1].span.end },
      pieces,
      text: value.text,
      placeholders: value.placeholders,
      role: target.role ?? roleFromText(value.literalOnly),
      construction: target.construction ?? value.construction,
      name: target.name,
      callIndex: target.callIndex,
    };
    this.byAnchor.set(key, site);
    this.sites.push(site);
    return site;
  }

  /** A string expression: a literal, a constant, a builder call, either branch of a condition. */
  text(node: Node, target: Target, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.cutShort = true;
      return;
    }
    let n = unwrap(node);
    if (n.type === 'await_expression' && n.namedChildren[0]) n = unwrap(n.namedChildren[0]);
    if (isReference(n)) {
      if (this.parameterAt(n, target)) return;
      return this.reference(n, target, depth, true, (v, t) => this.text(v, t, depth + 1));
    }
    switch (n.type) {
      case 'ternary_expression':
        for (const branch of [n.childForFieldName('consequence'), n.childForFieldName('alternative')]) if (branch) this.text(branch, target, depth + 1);
        return;
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.type;
        if (op === '||' || op === '??' || op === '&&') {
          for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) this.text(side, target, depth + 1);
          return;
        }
        break;
      }
      case 'array':
      case 'object':
        return this.messages(n, target, depth + 1);
      case 'call_expression':
      case 'new_expression':
        if (this.construct(n, target, depth)) return;
        break;
      case 'subscript_expression': {
        // `REWRITE_PROMPTS[style]`: any value of the table may be sent, each in this position.
        const table = this.values.objectOf(n.childForFieldName('object') ?? n);
        for (const member of table ? this.values.members(table).values() : []) {
          const value = memberValue(member);
          if (value) this.text(value, { ...target, name: keyName(member) }, depth + 1);
        }
        return;
      }
    }
    const value = stringValue(n, (id) => this.values.boundValue(id));
    if (value) this.addWithRefs(value, target, depth);
  }

  /** Notes a parameter of the enclosing function sent as a call's text; false when `n` names no parameter. */
  private parameterAt(n: Node, target: Target): boolean {
    if (n.type !== 'identifier') return false;
    const binding = resolveBinding(this.values.index, n.text, n.startIndex);
    if (binding?.kind !== 'parameter') return false;
    const { callIndex } = target;
    if (callIndex !== null && !this.parameterUses.some((u) => u.functionStart === binding.scopeStart && u.name === binding.name && u.callIndex === callIndex)) {
      this.parameterUses.push({ functionStart: binding.scopeStart, name: binding.name, role: target.role ?? 'user', callIndex });
    }
    return true;
  }

  /** Adds a string value, then the constants and builders interpolated into it. */
  private addWithRefs(value: StringValue, target: Target, depth: number): void {
    const key = anchorKey(value.node);
    const followKey = `${key}:${target.callIndex ?? ''}`;
    if (this.followed.has(followKey)) return;
    // `${base}\n\n${rules}` only joins other prompts: those are the sites, each at its definition.
    // A site another call reached first is followed again, for the imported names this call sends.
    const joins = this.onlyJoins(value);
    const known = this.byAnchor.has(key);
    if (!joins && !known && !this.add(value, target)) return;
    this.followed.add(followKey);
    // Constants and builders interpolated into this prompt are part of what the call sends.
    for (const ref of value.refs) this.text(ref, { ...target, name: null, construction: undefined, viaRef: true }, depth + 1);
  }

  /**
   * True when a value has no text of its own and only passes on other text: a lone interpolation
   * (`${prompt}`), or prompts joined by whitespace (`${base}\n\n${rules}`). Data joined the same way
   * (`${p.title}\n${p.description}`) is the message's own content and stays a prompt.
   */
  private onlyJoins(value: StringValue): boolean {
    if (value.literalOnly.trim() !== '') return false;
    return value.refs.length === 1 || value.refs.some((ref) => this.holdsText(ref, 0));
  }

  /** Whether an interpolated expression names text of the file's own: a string constant or a builder's result. */
  private holdsText(node: Node, depth: number): boolean {
    const n = unwrap(node);
    if (depth > 2) return false;
    if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function');
      const bound = fn ? this.values.boundValue(fn) : null;
      return bound ? FUNCTION_TYPES.has(bound.type) : fn !== null && importedRef(this.values.index, fn) !== null;
    }
    if (!isReference(n)) return false;
    const value = this.values.boundValue(n);
    if (!value) return importedRef(this.values.index, n) !== null;
    return stringValue(value, (id) => this.values.boundValue(id)) !== null || this.holdsText(value, depth + 1);
  }

  /** A list of messages, or one message, in any SDK's shape; bare strings take the default role. */
  messages(node: Node, target: Target, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.cutShort = true;
      return;
    }
    let n = unwrap(node);
    if (n.type === 'await_expression' && n.namedChildren[0]) n = unwrap(n.namedChildren[0]);
    if (isReference(n)) {
      this.reference(n, target, depth, false, (v, t) => this.messages(v, t, depth + 1));
      this.pushed(n, target, depth);
      return;
    }
    switch (n.type) {
      case 'array':
        for (const element of n.namedChildren) if (element) this.element(element, target, depth + 1);
        return;
      case 'object':
        return this.messageObject(n, target, depth + 1);
      case 'ternary_expression':
        for (const branch of [n.childForFieldName('consequence'), n.childForFieldName('alternative')]) if (branch) this.messages(branch, target, depth + 1);
        return;
      case 'call_expression': {
        if (this.construct(n, target, depth)) return;
        const fn = n.childForFieldName('function');
        const method = fn?.type === 'member_expression' ? (fn.childForFieldName('property')?.text ?? '') : '';
        // `await template.format({ ... })`: the template's text is what is sent.
        if (/^(format|formatMessages|formatPromptValue)$/.test(method) && fn?.childForFieldName('object')) {
          return this.messages(fn.childForFieldName('object')!, target, depth + 1);
        }
        // `history.slice(-10)`, `base.concat(extra)`: the receiver's messages (and the added ones).
        if (fn && /^(slice|concat|filter|flat|toReversed)$/.test(method)) {
          const receiver = fn.childForFieldName('object');
          if (receiver) this.messages(receiver, target, depth + 1);
          for (const arg of n.childForFieldName('arguments')?.namedChildren ?? []) if (arg?.type === 'array' || arg?.type === 'identifier') this.messages(arg, target, depth + 1);
          return;
        }
        break;
      }
      case 'new_expression':
        if (this.construct(n, target, depth)) return;
        break;
    }
    this.text(n, target, depth + 1);
  }

  /** One element of a messages list. */
  private element(node: Node, target: Target, depth: number): void {
    const n = unwrap(node);
    if (n.type === 'spread_element') {
      const inner = n.namedChildren[0];
      if (inner) this.messages(inner, target, depth + 1);
      return;
    }
    // LangChain tuples: ["system", "You are ..."].
    if (n.type === 'array' && n.namedChildren.length === 2) {
      const role = literalText(n.namedChildren[0]!);
      if (role !== null) {
        const normalized = normalizeRole(role);
        if (normalized) this.text(n.namedChildren[1]!, { ...target, role: normalized }, depth + 1);
        return;
      }
    }
    this.messages(n, target, depth + 1);
  }

  /** `{ role, content }`, `{ role, parts: [{ text }] }`, `{ type: "text", text }`; content may come before role. */
  private messageObject(object: Node, target: Target, depth: number): void {
    if (!target.viaRef) this.readObjects.add(object.id);
    const members = this.values.members(object);
    const roleMember = members.get('role');
    const roleValue = roleMember ? memberValue(roleMember) : null;
    let role = target.role;
    if (roleValue) {
      // A role held in a variable we cannot read is decided from the text.
      const written = this.values.stringOf(roleValue)?.value;
      role = written === undefined ? null : normalizeRole(written);
      if (written !== undefined && !role) return;
    }
    const next = { ...target, role };
    for (const key of ['content', 'text', 'parts', 'message']) {
      const member = members.get(key);
      const value = member ? memberValue(member) : null;
      if (!value) continue;
      const v = unwrap(value);
      if (v.type === 'array' || (key === 'parts' && isReference(v))) this.messages(v, next, depth + 1);
      else this.text(v, next, depth + 1);
    }
  }

  /** Messages added with `list.push(...)` to the list a reference names. */
  private pushed(n: Node, target: Target, depth: number): void {
    const name = dottedName(n);
    const calls = name ? this.pushes.get(name) : undefined;
    if (!name || !calls) return;
    const binding = resolveBinding(this.values.index, name, n.startIndex);
    for (const call of calls) {
      if (binding && resolveBinding(this.values.index, name, call.startIndex) !== binding) continue;
      for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) if (arg) this.element(arg, target, depth + 1);
    }
  }

  /**
   * Follows a name to its value (and its `+=` additions). A name bound to text becomes the site's
   * name; the name of a list or object (`naming` false) does not name the messages in it.
   */
  private reference(n: Node, target: Target, depth: number, naming: boolean, then: (value: Node, target: Target) => void): void {
    const value = this.values.boundValue(n);
    const name = (dottedName(n) ?? n.text).replace(/^this\./, '');
    if (!value) {
      this.importedAt(n, target);
      return;
    }
    if (FUNCTION_TYPES.has(value.type)) return;
    const isList = ['array', 'object'].includes(unwrap(value).type);
    const next = naming || !isList ? { ...target, name } : target;
    const binding = resolveBinding(this.values.index, name, n.startIndex);
    const appended = (this.values.index.appends.get(name) ?? []).filter(
      (a) => a.startIndex < n.startIndex && resolveBinding(this.values.index, name, a.startIndex) === binding,
    );
    const base = appended.length > 0 && naming ? stringValue(value, (id) => this.values.boundValue(id)) : null;
    if (!base) return then(value, next);
    // `let p = "..."; p += "...";` is one prompt, anchored at its first literal.
    const lookup = (id: Node) => this.values.boundValue(id);
    const parts = [base, ...appended.map((a) => stringValue(a, lookup) ?? placeholderValue(unwrap(a)))];
    this.addWithRefs(concatValues(parts), next, depth + 1);
  }

  /**
   * Calls and `new`s that carry prompts: message classes, LangChain templates, and local builder
   * functions (whose returns are the prompt). Returns false when `n` is none of these.
   */
  private construct(n: Node, target: Target, depth: number): boolean {
    const fn = n.childForFieldName(n.type === 'new_expression' ? 'constructor' : 'function');
    const name = fn ? dottedName(fn) : null;
    if (!name) return false;
    const cls = lastName(name);
    const args = n.childForFieldName('arguments');
    const first = args?.type === 'arguments' ? (args.namedChildren[0] ?? null) : null;
    if (n.type === 'new_expression' && isMessageClass(cls)) {
      if (first) this.messageContent(first, { ...target, role: MESSAGE_CLASSES[cls] }, depth);
      return true;
    }
    if (TEMPLATE_CLASSES.has(cls) || TEMPLATE_FACTORIES.has(cls) || name.endsWith('MessagesPlaceholder')) {
      this.template(n, target, depth);
      return true;
    }
    if (n.type === 'call_expression' && fn) return this.builder(fn, name, target, depth);
    return false;
  }

  /** A message class's content: a string, or `{ content }`. */
  private messageContent(arg: Node, target: Target, depth: number): void {
    const object = this.values.objectOf(arg);
    if (!object) return this.text(arg, target, depth + 1);
    const content = this.values.members(object).get('content');
    const value = content ? memberValue(content) : null;
    if (value) this.messages(value, target, depth + 1);
  }

  /** A call to a function defined in this file: its returned expressions are the prompt. */
  private builder(fn: Node, name: string, target: Target, depth: number): boolean {
    const value = this.values.boundValue(fn);
    // `buildPrompt(x)` imported from a prompts module: linked there, like a constant.
    if (!value) return this.importedAt(fn, target);
    if (!FUNCTION_TYPES.has(value.type)) return false;
    const info = this.values.index.functions.get(value.id);
    const next = { ...target, name, construction: 'builder' as const };
    for (const ret of info?.returns ?? []) this.messages(ret, next, depth + 1);
    return true;
  }

  /** `ChatPromptTemplate.fromMessages([...])`, `PromptTemplate.fromTemplate("...")`, `new PromptTemplate({ template })`. */
  template(node: Node, target: Target, depth: number): void {
    const n = unwrap(node);
    const fn = n.childForFieldName(n.type === 'new_expression' ? 'constructor' : 'function');
    const name = fn ? (dottedName(fn) ?? '') : '';
    const args = n.childForFieldName('arguments');
    const first = args?.type === 'arguments' ? (args.namedChildren[0] ?? null) : null;
    if (!first || name.endsWith('MessagesPlaceholder')) return;
    const method = lastName(name);
    const owner = lastName(name.slice(0, Math.max(0, name.lastIndexOf('.'))));
    if (method === 'fromMessages' || method === 'fromPromptMessages') {
      this.messages(first, { ...target, role: 'user' }, depth + 1);
      return;
    }
    const role: PromptRole = MESSAGE_CLASSES[owner] ?? 'template';
    if (method === 'fromTemplate') return this.text(first, { ...target, role }, depth + 1);
    const options = this.values.members(this.values.objectOf(first));
    for (const key of ['template', 'prefix', 'suffix']) {
      const member = options.get(key);
      const value = member ? memberValue(member) : null;
      if (value) this.text(value, { ...target, role }, depth + 1);
    }
  }
}

function anchorKey(node: Node): string {
  return `${node.startIndex}:${node.endIndex}`;
}
