import type { Node, Tree } from 'web-tree-sitter';
import { isPlainlyNotPrompt } from './prompt-text';
import { FUNCTION_TYPES, resolveBinding } from './script-index';
import type { PromptCollector } from './script-prompts';
import { readHeader } from './script-headers';
import { dottedName, lastName, literalText, stringValue, unwrap } from './script-strings';
import { type ScriptValues, isReference, memberValue } from './script-values';

/**
 * Quick prompts of chat UIs: starter and suggestion strings that a click sends as the user's
 * message. They are prompts only where the file shows them reaching a chat send: an array mapped
 * to buttons whose handler calls `append({ role: 'user', content: s })`, `sendMessage(s)` or an
 * `onSuggestionClick`-style callback with the string, or a `suggestions={[...]}` prop in a file
 * that uses `useChat`. UI labels, titles and placeholders never reach such a call.
 */

/** Calls that send their argument as the user's chat message. */
const SEND = /^(append|sendMessage|send(User|Chat)Message|submit(Message|Prompt|Question|Query)|handleSubmit|(on|handle)\w*(Suggest|Prompt|Starter|Question|Example)\w*)$/;
/** Sends that take a message object, never bare text (`append` is also the DOM's and FormData's). */
const OBJECT_ONLY = new Set(['append']);
/** Array methods whose callback receives each element. */
const EACH = /\.(map|forEach|flatMap)$/;
/** Props of chat components that list starter prompts. */
const SUGGESTION_PROP = /\b(suggestions|starters|(?:example|starter|quick|suggested)(?:Prompts|Questions|Messages))\s*=\s*\{\s*/g;

export class QuickPrompts {
  constructor(
    private readonly values: ScriptValues,
    private readonly collector: PromptCollector,
  ) {}

  run(tree: Tree, text: string): void {
    const relays = new Set<string>();
    for (const call of this.values.index.calls) {
      const name = this.values.callee(call);
      if (SEND.test(lastName(name))) this.send(call, lastName(name), relays);
    }
    // Local handlers that pass their parameter on to a send: `const pick = (s) => append({ ... s })`.
    if (relays.size > 0) {
      for (const call of this.values.index.calls) if (relays.has(this.values.callee(call))) this.send(call, '', null);
    }
    if (text.includes('useChat')) this.suggestionProps(tree, text);
  }

  /** The text a send call carries: its argument, or the user message object's content or text part. */
  private send(call: Node, method: string, relays: Set<string> | null): void {
    const arg = call.childForFieldName('arguments')?.namedChildren[0];
    if (!arg) return;
    const object = unwrap(arg).type === 'object' ? unwrap(arg) : null;
    if (!object && OBJECT_ONLY.has(method)) return;
    const sent = object ? this.messageText(object) : arg;
    if (sent) this.follow(sent, call, relays);
  }

  /** `{ role: 'user', content }`, `{ text }`, `{ parts: [{ type: 'text', text }] }`; null for other roles. */
  private messageText(object: Node): Node | null {
    const members = this.values.members(object);
    const role = members.get('role');
    const roleText = role ? literalText(memberValue(role) ?? role) : 'user';
    if (roleText !== 'user') return null;
    for (const key of ['content', 'text']) {
      const member = members.get(key);
      if (member) return memberValue(member);
    }
    const parts = members.get('parts');
    const first = parts ? unwrap(memberValue(parts) ?? parts) : null;
    const part = first?.type === 'array' ? first.namedChildren[0] : null;
    const text = part && unwrap(part).type === 'object' ? this.values.members(unwrap(part)).get('text') : undefined;
    return text ? memberValue(text) : null;
  }

  /** Follows the sent expression to the literals it is: a literal, or an element (or its field) of an array being mapped. */
  private follow(sent: Node, call: Node, relays: Set<string> | null): void {
    const n = unwrap(sent);
    if (!isReference(n)) return this.add(n, null);
    const path = dottedName(n);
    if (!path) return;
    const [head, field, ...rest] = path.split('.');
    if (rest.length > 0) return;
    const binding = resolveBinding(this.values.index, head, n.startIndex);
    if (!binding || binding.kind !== 'parameter') return;
    const fn = enclosingFunction(call, binding.scopeStart);
    if (!fn) return;
    const header = readHeader(fn.text, fn.type === 'arrow_function' ? 'arrow' : fn.type === 'method_definition' ? 'method' : 'function');
    if (header?.params[0] !== head) return;
    const each = fn.parent?.type === 'arguments' ? fn.parent.parent : null;
    const callee = each?.type === 'call_expression' ? this.values.callee(each) : '';
    if (each && EACH.test(callee)) {
      const receiver = each.childForFieldName('function')?.childForFieldName('object');
      if (receiver) this.elements(receiver, field ?? null);
      return;
    }
    const name = header.name ?? declaredName(fn);
    if (relays && field === undefined && name) relays.add(name);
  }

  /** Each element of the array `list` is or is bound to, or the `field` of each object element. */
  private elements(list: Node, field: string | null): void {
    const array = this.values.valueOf(list);
    if (array.type !== 'array') return;
    const name = isReference(unwrap(list)) ? dottedName(list) : null;
    for (const element of array.namedChildren) {
      if (!element) continue;
      if (field === null) {
        this.add(element, name);
        continue;
      }
      const object = this.values.objectOf(element);
      const member = object ? this.values.members(object).get(field) : undefined;
      const value = member ? memberValue(member) : null;
      if (value) this.add(value, name);
    }
  }

  /** `<Chat suggestions={[...]} />` (or a local array) in a file that uses `useChat`. */
  private suggestionProps(tree: Tree, text: string): void {
    for (const m of text.matchAll(SUGGESTION_PROP)) {
      const at = m.index + m[0].length;
      const node = tree.rootNode.descendantForIndex(at, at + 1);
      const expr = node?.type === '[' ? node.parent : node;
      if (expr && expr.parent?.type === 'jsx_expression') this.elements(expr, null);
    }
  }

  private add(node: Node, name: string | null): void {
    const value = stringValue(node, (id) => this.values.boundValue(id));
    if (!value || isPlainlyNotPrompt(value.text)) return;
    this.collector.add(value, { role: 'user', callIndex: null, name });
  }
}

/** The function around `node` that starts at `start`: the one whose parameter a name is. */
function enclosingFunction(node: Node, start: number): Node | null {
  for (let n = node.parent; n; n = n.parent) {
    if (n.startIndex < start) return null;
    if (n.startIndex === start && FUNCTION_TYPES.has(n.type)) return n;
  }
  return null;
}

/** The name a function expression is declared as (`const pick = (s) => ...`). */
export function declaredName(fn: Node): string | null {
  const parent = fn.parent;
  return parent?.type === 'variable_declarator' ? (parent.childForFieldName('name')?.text ?? null) : null;
}
