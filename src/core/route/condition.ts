import type jsep from 'jsep';
import picomatch from 'picomatch';
import { COMPLEXITIES, TASKS } from './model';
import { ConditionError, parseConditionSyntax, type SpannedNode } from './condition-syntax';

/**
 * Routing conditions: parsed by jsep, checked here against a whitelist of names, operators and
 * value types, and turned into a small tree that `evaluateCondition` walks. Nothing is ever
 * executed as code.
 */

type ValueType = 'string' | 'number' | 'boolean';
type Scalar = string | number | boolean;

interface Variable {
  type: ValueType;
  /** The values a string variable can take, when the set is closed (a typo is then an error). */
  values?: readonly string[];
  /** True when `<`, `>`... compare positions in `values` (complexity: low < medium < high). */
  ordered?: boolean;
  describe: string;
}

const PROMPT_ROLES = ['system', 'user', 'developer', 'assistant', 'template', 'other'] as const;

export const VARIABLES = {
  task: { type: 'string', values: TASKS, describe: 'the task the classifier found' },
  complexity: { type: 'string', values: COMPLEXITIES, ordered: true, describe: 'low, medium or high' },
  tokens: { type: 'number', describe: 'tokens in the whole prompt' },
  role: { type: 'string', values: PROMPT_ROLES, describe: 'the role of the prompt text' },
  path: { type: 'string', describe: 'the workspace-relative file path' },
  api: { type: 'string', describe: 'the SDK surface of the call, such as openai.chat' },
  provider: { type: 'string', describe: 'the provider of the model the call uses now' },
  local: { type: 'boolean', describe: 'true when local models are allowed' },
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;
export type ConditionValues = Partial<Record<VariableName, Scalar>>;

type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'constant'; value: boolean }
  | { kind: 'flag'; name: VariableName }
  | { kind: 'compare'; op: CompareOp; name: VariableName; value: Scalar }
  | { kind: 'in'; negate: boolean; name: VariableName; values: Scalar[] }
  | { kind: 'matches'; name: VariableName; glob: string; test: (value: string) => boolean };

const COMPARE_OPS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];
const FLIPPED: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const OPERATOR_HINTS: Record<string, string> = {
  '&&': "use 'and'",
  '||': "use 'or'",
  '!': "use 'not'",
  '===': 'use ==',
  '!==': 'use !=',
};

/** The node as the jsep node type its `type` field says it is. */
function view<T extends jsep.Expression>(node: jsep.Expression): T & SpannedNode {
  return node as T & SpannedNode;
}

function fail(node: SpannedNode, message: string): never {
  throw new ConditionError(message, node.start, node.end);
}

/** The edit distance between two short words, to suggest the name someone meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function closest(word: string, options: readonly string[]): string | undefined {
  const best = options.map((o) => ({ o, d: distance(word.toLowerCase(), o) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) && best.d < word.length ? best.o : undefined;
}

function variableOf(node: SpannedNode): VariableName {
  const name = view<jsep.Identifier>(node).name;
  if (Object.hasOwn(VARIABLES, name)) return name as VariableName;
  const suggestion = closest(name, Object.keys(VARIABLES));
  const known = Object.keys(VARIABLES).join(', ');
  fail(node, `Unknown name '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Known names: ${known}.`);
}

function literalOf(node: SpannedNode): Scalar {
  if (node.type !== 'Literal') fail(node, 'Expected a value here: a "string", a number, true or false.');
  const { value } = view<jsep.Literal>(node);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  fail(node, `'${view<jsep.Literal>(node).raw}' is not a value a condition can use: write a "string", a number, true or false.`);
}

/** Checks that `value` suits the variable: its type, and membership of a closed set of values. */
function checkValue(name: VariableName, value: Scalar, node: SpannedNode): void {
  const variable: Variable = VARIABLES[name];
  if (typeof value !== variable.type) {
    fail(node, `'${name}' is a ${variable.type} (${variable.describe}); ${JSON.stringify(value)} is a ${typeof value}.`);
  }
  if (variable.values && !variable.values.includes(value as string)) {
    const suggestion = closest(String(value), variable.values);
    fail(node, `'${name}' is never ${JSON.stringify(value)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} It is one of: ${variable.values.join(', ')}.`);
  }
}

function compileCompare(node: jsep.BinaryExpression & SpannedNode, op: CompareOp): Condition {
  const left = node.left as SpannedNode;
  const right = node.right as SpannedNode;
  rejectLooseNot(left);
  // An operand that is neither a name nor a value reports its own mistake first (`tokens + 1`).
  for (const side of [left, right]) if (side.type !== 'Identifier' && side.type !== 'Literal') compileNode(side);
  const leftIsName = left.type === 'Identifier';
  const rightIsName = right.type === 'Identifier';
  if (leftIsName === rightIsName) fail(node, `Compare a name with a value, such as task == "classify".`);
  const name = variableOf(leftIsName ? left : right);
  const valueNode = leftIsName ? right : left;
  const value = literalOf(valueNode);
  checkValue(name, value, valueNode);
  const variable: Variable = VARIABLES[name];
  if (op !== '==' && op !== '!=' && variable.type !== 'number' && !variable.ordered) {
    fail(node, `'${op}' needs a number or complexity; '${name}' can only be compared with == or !=.`);
  }
  return { kind: 'compare', op: leftIsName ? op : FLIPPED[op], name, value };
}

function compileIn(node: jsep.BinaryExpression & SpannedNode, negate: boolean): Condition {
  const left = node.left as SpannedNode;
  const right = node.right as SpannedNode;
  rejectLooseNot(left);
  if (left.type !== 'Identifier') fail(left, `Put a name before '${node.operator}', such as task in ["classify", "extract"].`);
  const name = variableOf(left);
  if (right.type !== 'ArrayExpression') fail(right, `Put a list after '${node.operator}', such as ["classify", "extract"].`);
  const values = view<jsep.ArrayExpression>(right).elements.map((element) => {
    if (!element) fail(right, 'The list has an empty slot; remove the extra comma.');
    const value = literalOf(element as SpannedNode);
    checkValue(name, value, element as SpannedNode);
    return value;
  });
  if (values.length === 0) fail(right, 'The list is empty, so the condition could never be true.');
  return { kind: 'in', negate, name, values };
}

function compileMatches(node: jsep.BinaryExpression & SpannedNode): Condition {
  const left = node.left as SpannedNode;
  const right = node.right as SpannedNode;
  if (left.type !== 'Identifier') fail(left, `Put a name before 'matches', such as path matches "src/**".`);
  const name = variableOf(left);
  if (VARIABLES[name].type !== 'string') fail(left, `'matches' needs a string name such as path; '${name}' is a ${VARIABLES[name].type}.`);
  const glob = literalOf(right);
  if (typeof glob !== 'string' || glob === '') fail(right, `Put a glob string after 'matches', such as "src/**/*.ts".`);
  return { kind: 'matches', name, glob, test: picomatch(glob, { dot: true }) };
}

/** Turns a spanned jsep node into a condition, or throws ConditionError where it goes wrong. */
function compileNode(node: SpannedNode): Condition {
  switch (node.type) {
    case 'Literal': {
      const value = view<jsep.Literal>(node).value;
      if (typeof value === 'boolean') return { kind: 'constant', value };
      return fail(node, `A value alone is not a condition; compare it with a name, such as task == ${view<jsep.Literal>(node).raw}.`);
    }
    case 'Identifier': {
      const name = variableOf(node);
      if (VARIABLES[name].type !== 'boolean') fail(node, `'${name}' alone is not true or false; compare it, such as ${name} == ${example(name)}.`);
      return { kind: 'flag', name };
    }
    case 'UnaryExpression': {
      const { operator, argument } = view<jsep.UnaryExpression>(node);
      if (operator !== 'not') fail(node, `Operator '${operator}' is not supported${OPERATOR_HINTS[operator] ? `; ${OPERATOR_HINTS[operator]}` : ''}.`);
      rejectLooseNot(node);
      return { kind: 'not', operand: compileNode(argument as SpannedNode) };
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression & SpannedNode;
      const op = binary.operator;
      if (op === 'and' || op === 'or') {
        return { kind: op, left: compileNode(binary.left as SpannedNode), right: compileNode(binary.right as SpannedNode) };
      }
      if (COMPARE_OPS.includes(op)) return compileCompare(binary, op as CompareOp);
      if (op === 'in' || op === 'not in') return compileIn(binary, op === 'not in');
      if (op === 'matches') return compileMatches(binary);
      return fail(operatorSpan(binary), `Operator '${op}' is not supported${OPERATOR_HINTS[op] ? `; ${OPERATOR_HINTS[op]}` : ''}.`);
    }
    case 'Compound': {
      const second = view<jsep.Compound>(node).body[1] as SpannedNode;
      return fail(second, "Expected 'and', 'or' or the end of the condition here.");
    }
    case 'ArrayExpression':
      return fail(node, `A list goes after 'in', such as task in ["classify", "extract"].`);
    case 'CallExpression':
      return fail(node, 'Function calls are not supported; for globs write path matches "src/**".');
    default:
      return fail(node, 'This is not part of the condition language: use names, values, comparisons, in, matches, and, or, not.');
  }
}

/** The binary expression narrowed to the span of its operator. */
function operatorSpan(node: jsep.BinaryExpression & SpannedNode): SpannedNode {
  return { ...node, start: node.operatorStart ?? node.start, end: node.operatorEnd ?? node.end };
}

/** `not` binds to the next word (`not local`); `not task == "x"` would negate `task` itself. */
function rejectLooseNot(node: SpannedNode): void {
  if (node.type === 'UnaryExpression' && node.operator === 'not' && (node.argument as SpannedNode).type === 'Identifier') {
    const name = (node.argument as jsep.Identifier).name;
    if (Object.hasOwn(VARIABLES, name) && VARIABLES[name as VariableName].type !== 'boolean') {
      fail(node, `'not' applies only to the next word here; write not (${name} == ...), or use != or 'not in'.`);
    }
  }
}

function example(name: VariableName): string {
  const variable: Variable = VARIABLES[name];
  if (variable.values) return JSON.stringify(variable.values[0]);
  return variable.type === 'number' ? '1000' : '"..."';
}

/** Parses and checks a condition; throws ConditionError with offsets within `text`. */
export function compileCondition(text: string): Condition {
  return compileNode(parseConditionSyntax(text));
}

function compare(op: CompareOp, name: VariableName, actual: Scalar, expected: Scalar): boolean {
  const variable: Variable = VARIABLES[name];
  const rank = (v: Scalar) => (variable.ordered && variable.values ? variable.values.indexOf(v as string) : v);
  const a = rank(actual);
  const b = rank(expected);
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Evaluates a compiled condition. A comparison with a value that is not known is false. */
export function evaluateCondition(condition: Condition, values: ConditionValues): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, values) && evaluateCondition(condition.right, values);
    case 'or':
      return evaluateCondition(condition.left, values) || evaluateCondition(condition.right, values);
    case 'not':
      return !evaluateCondition(condition.operand, values);
    case 'constant':
      return condition.value;
    case 'flag':
      return values[condition.name] === true;
    case 'compare': {
      const actual = values[condition.name];
      return actual !== undefined && compare(condition.op, condition.name, actual, condition.value);
    }
    case 'in': {
      const actual = values[condition.name];
      if (actual === undefined) return false;
      return condition.values.includes(actual) !== condition.negate;
    }
    case 'matches': {
      const actual = values[condition.name];
      return typeof actual === 'string' && condition.test(actual.replace(/\\/g, '/'));
    }
  }
}
