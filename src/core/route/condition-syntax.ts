import jsep from 'jsep';

/**
 * The syntax of routing conditions, parsed by jsep (a small expression parser that builds an AST
 * and never evaluates anything). Word operators are added here; which operators and names are
 * allowed is decided by the checker in condition.ts, over the AST this module returns.
 */

/**
 * A jsep node with its half-open UTF-16 span in the condition text; binary expressions also
 * carry the span of their operator.
 */
export type SpannedNode = jsep.Expression & { start: number; end: number; operatorStart?: number; operatorEnd?: number };

/** A mistake in a condition, located within the condition text. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

// `not in` is one operator; jsep matches it as written, with a single space.
const WORD_OPERATORS: Array<[string, number]> = [
  ['or', 1],
  ['and', 2],
  ['in', 7],
  ['not in', 7],
  ['matches', 7],
];

/** Token start offsets, pushed when jsep starts a token and popped when it finishes one. */
const starts: number[] = [];
let configured = false;

/**
 * Adds the word operators and the span hooks to jsep, once. jsep's configuration is global to the
 * process; the hooks only add `start`/`end` to nodes, so other users of jsep are not affected.
 */
function configure(): void {
  if (configured) return;
  configured = true;
  for (const [name, precedence] of WORD_OPERATORS) jsep.addBinaryOp(name, precedence);
  jsep.addUnaryOp('not');
  jsep.hooks.add('gobble-token', function (env) {
    starts.push(this.index);
    // jsep returns numbers without running 'after-token'; parse them here so every token is paired.
    const code = this.code;
    if ((code >= 48 && code <= 57) || code === 46) env.node = this.gobbleNumericLiteral();
  });
  jsep.hooks.add('after-token', function (env) {
    const start = starts.pop() ?? this.index;
    if (!env.node) return;
    let end = this.index;
    while (end > start && /\s/.test(this.expr[end - 1])) end--;
    Object.assign(env.node, { start, end });
  });
}

/**
 * Gives binary expressions (built by jsep without hooks) the span from their left to their right
 * operand, and the span of the operator found between the two.
 */
function spanBinaries(node: jsep.Expression, text: string): SpannedNode {
  const spanned = node as SpannedNode;
  if (node.type === 'BinaryExpression') {
    const left = spanBinaries(node.left as jsep.Expression, text);
    const right = spanBinaries(node.right as jsep.Expression, text);
    const operatorStart = text.indexOf(node.operator as string, left.end);
    Object.assign(spanned, { operatorStart, operatorEnd: operatorStart + (node.operator as string).length });
    // A parenthesised binary already carries the span of its parentheses.
    if (typeof spanned.start !== 'number') Object.assign(spanned, { start: left.start, end: right.end });
  } else if (node.type === 'UnaryExpression') {
    spanBinaries(node.argument as jsep.Expression, text);
  } else if (node.type === 'ArrayExpression') {
    for (const element of (node as jsep.ArrayExpression).elements) if (element) spanBinaries(element, text);
  } else if (node.type === 'Compound') {
    for (const part of (node as jsep.Compound).body) spanBinaries(part, text);
  }
  return spanned;
}

/** Parses a condition into a spanned jsep AST; syntax errors throw ConditionError at their column. */
export function parseConditionSyntax(text: string): SpannedNode {
  configure();
  starts.length = 0;
  if (text.trim() === '') throw new ConditionError('The condition is empty. Write one such as: task == "classify"', 0, text.length);
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch (error) {
    const { index, description } = error as { index?: number; description?: string };
    // An error at the end of the text points at its last character, so it stays visible.
    const at = Math.min(index ?? 0, text.trimEnd().length - 1);
    throw new ConditionError(syntaxMessage(description ?? (error as Error).message, text, at), at, at + 1);
  } finally {
    starts.length = 0;
  }
  return spanBinaries(ast, text);
}

/** jsep's message, with a hint for the mistakes people make most in this language. */
function syntaxMessage(description: string, text: string, at: number): string {
  if (description.startsWith('Unexpected') && text[at] === '=') return `${description}: compare with == (a single = is not an operator).`;
  return `${description}.`;
}
