import type { Node } from 'web-tree-sitter';
import type { TextSpan } from './model';
import type { PyIndex } from './python-index';

/**
 * A call's arguments, read the same way whether the call node is intact or was lost in a
 * syntax error and rebuilt from a callee and the keyword arguments that follow it.
 */
export interface CallShape {
  span: TextSpan;
  fn: Node;
  /** Node whose start and parents stand for the call (the call node, or the callee when rebuilt). */
  anchor: Node;
  positional: Node[];
  keywords: Map<string, Node>;
  /** `**params` expressions. */
  splats: Node[];
  /** Inside the parentheses. */
  argumentsSpan: TextSpan;
  hasArguments: boolean;
}

function collect(shape: CallShape, arg: Node, source: string): void {
  if (arg.type === 'keyword_argument') {
    const name = arg.childForFieldName('name');
    const value = arg.childForFieldName('value');
    if (name && value) shape.keywords.set(source.slice(name.startIndex, name.endIndex), value);
  } else if (arg.type === 'dictionary_splat') {
    const inner = arg.namedChildren[0];
    if (inner) shape.splats.push(inner);
  } else if (arg.type !== 'comment' && arg.type !== 'list_splat' && arg.type !== 'ERROR') {
    shape.positional.push(arg);
  }
}

/** The shape of an intact `call` node, or null when it has no callee; read once per node and kept in the index. */
export function shapeOfCall(call: Node, index: PyIndex): CallShape | null {
  let shape = index.shapes.get(call.id);
  if (shape === undefined) {
    shape = readShape(call, index.source);
    index.shapes.set(call.id, shape);
  }
  return shape;
}

function readShape(call: Node, source: string): CallShape | null {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn) return null;
  const inside = args && args.type === 'argument_list' ? { start: args.startIndex + 1, end: Math.max(args.startIndex + 1, args.endIndex - 1) } : { start: fn.endIndex, end: call.endIndex };
  const shape: CallShape = {
    span: { start: call.startIndex, end: call.endIndex },
    fn,
    anchor: call,
    positional: [],
    keywords: new Map(),
    splats: [],
    argumentsSpan: inside,
    hasArguments: false,
  };
  if (args && args.type === 'argument_list') {
    for (const arg of args.namedChildren) if (arg) collect(shape, arg, source);
  } else if (args) {
    shape.positional.push(args); // a generator argument: f(x for x in y)
  }
  shape.hasArguments = shape.positional.length + shape.keywords.size + shape.splats.length > 0;
  return shape;
}

/**
 * Calls whose node was lost in an ERROR: a callee (identifier or attribute) directly followed
 * by keyword arguments among the error's children.
 */
export function shapesInError(error: Node, index: PyIndex): CallShape[] {
  const shapes: CallShape[] = [];
  let current: CallShape | null = null;
  const children = error.namedChildren.filter((n): n is Node => !!n);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'keyword_argument' && current) {
      collect(current, child, index.source);
      current.span.end = child.endIndex;
      current.argumentsSpan.end = child.endIndex;
      current.hasArguments = true;
      continue;
    }
    // `name = value` whose keyword_argument node was broken up by the error.
    const value = children[i + 1];
    if (current && child.type === 'identifier' && value && index.source.slice(child.endIndex, value.startIndex).trim() === '=') {
      current.keywords.set(index.source.slice(child.startIndex, child.endIndex), value);
      current.span.end = value.endIndex;
      current.argumentsSpan.end = value.endIndex;
      i++;
      continue;
    }
    current = null;
    if (child.type === 'identifier' || child.type === 'attribute') {
      const parenthesis = index.source.indexOf('(', child.endIndex);
      current = {
        span: { start: child.startIndex, end: child.endIndex },
        fn: child,
        anchor: child,
        positional: [],
        keywords: new Map(),
        splats: [],
        argumentsSpan: { start: parenthesis < 0 ? child.endIndex : parenthesis + 1, end: child.endIndex },
        hasArguments: false,
      };
      shapes.push(current);
    }
  }
  return shapes.filter((s) => s.keywords.size > 0);
}
