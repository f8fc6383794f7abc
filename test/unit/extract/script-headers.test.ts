import * as assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { type Header, readHeader } from '../../../src/core/extract/script-headers';
import { analyze, grammars } from './script-helpers';

/**
 * Function headers read from the text must say what the tree says, and anything the text
 * reader cannot be sure of must be left to the tree (null).
 */

interface Case {
  source: string;
  kind: 'function' | 'method' | 'arrow';
  /** The header, or null when the tree must be read instead. */
  expected: Header | null;
}

const CASES: Case[] = [
  // Plain headers, read from the text.
  { source: 'function build(topic: string, n?: number) {}', kind: 'function', expected: { name: 'build', params: ['topic', 'n'], blockBody: null } },
  { source: 'async function* stream<T extends { a: string }>(items: Map<string, T[]>, ...rest: T[]) {}', kind: 'function', expected: { name: 'stream', params: ['items', 'rest'], blockBody: null } },
  { source: 'function (a, b) {}', kind: 'function', expected: { name: null, params: ['a', 'b'], blockBody: null } },
  { source: 'function f(this: Window, cb: (x: number) => void) {}', kind: 'function', expected: { name: 'f', params: ['cb'], blockBody: null } },
  { source: 'function f(a,) {}', kind: 'function', expected: { name: 'f', params: ['a'], blockBody: null } },
  { source: 'static async build(topic) {}', kind: 'method', expected: { name: 'build', params: ['topic'], blockBody: null } },
  { source: 'constructor(private readonly client: OpenAI, public model = "x") {}', kind: 'method', expected: null },
  { source: 'constructor(private readonly client: OpenAI) {}', kind: 'method', expected: { name: 'constructor', params: ['client'], blockBody: null } },
  { source: 'get (key) {}', kind: 'method', expected: { name: 'get', params: ['key'], blockBody: null } },
  { source: '#prompt() {}', kind: 'method', expected: { name: '#prompt', params: [], blockBody: null } },
  { source: 'topic => `Write about ${topic}`', kind: 'arrow', expected: { name: null, params: ['topic'], blockBody: false } },
  { source: 'async (a, b) => { return a; }', kind: 'arrow', expected: { name: null, params: ['a', 'b'], blockBody: true } },
  { source: '<T,>(x: T) => ({ x })', kind: 'arrow', expected: { name: null, params: ['x'], blockBody: false } },
  // Left to the tree: destructuring, defaults, decorators, comments, computed names, return types.
  { source: 'function f({ a, b }) {}', kind: 'function', expected: null },
  { source: 'function f(a = "x") {}', kind: 'function', expected: null },
  { source: 'function f(/* a */ b) {}', kind: 'function', expected: null },
  { source: '@log method(a) {}', kind: 'method', expected: null },
  { source: '[Symbol.iterator]() {}', kind: 'method', expected: null },
  { source: '"quoted"() {}', kind: 'method', expected: null },
  { source: '(a: string): string => a', kind: 'arrow', expected: { name: null, params: ['a'], blockBody: null } },
  { source: '([a, b]) => a', kind: 'arrow', expected: null },
];

describe('script extractor: function headers read from the text', () => {
  for (const c of CASES) {
    it(`${c.kind} ${c.source}`, () => {
      assert.deepEqual(readHeader(c.source, c.kind), c.expected);
    });
  }

  it('agrees with the tree on every function of a file', async () => {
    const code = [
      'export async function answer(ticket: string, opts?: Options): Promise<string> { return ticket; }',
      'const f = (a, b) => a + b;',
      'const g = x => ({ x });',
      'class A { constructor(private readonly c: C) {} static make<T>(items: T[], n: number) { return n; } get name() { return "a"; } }',
      'const h = function* gen(a, ...rest) { yield a; };',
    ].join('\n');
    const tree = (await grammars.parser('typescript')).parse(code)!;
    try {
      const functions = tree.rootNode.descendantsOfType(['function_declaration', 'arrow_function', 'method_definition', 'generator_function']);
      assert.equal(functions.length, 7);
      for (const fn of functions) {
        if (!fn) continue;
        const kind = fn.type === 'method_definition' ? 'method' : fn.type === 'arrow_function' ? 'arrow' : 'function';
        const header = readHeader(code.slice(fn.startIndex, fn.endIndex), kind);
        assert.ok(header, `read ${fn.text}`);
        assert.equal(header.name, fn.childForFieldName('name')?.text ?? null);
        const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
        assert.deepEqual(header.params, params ? identifiersOf(params) : []);
        const body = fn.childForFieldName('body');
        if (kind === 'arrow') assert.equal(header.blockBody, body?.type === 'statement_block');
      }
    } finally {
      tree.delete();
    }
  });

  it('keeps a parameter the text reader leaves to the tree shadowing an outer prompt', async () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
const system = "You are a helpful assistant who answers in one short sentence.";
export function ask({ system }: { system: string }, question = "why?") {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: system }, { role: "user", content: question }] });
}
`;
    const { prompts, calls } = await analyze(code);
    assert.equal(calls.length, 1);
    // The outer constant is found by its text, but it is not what the call sends.
    assert.deepEqual(
      prompts.map((p) => p.callIndex),
      [null],
    );
  });
});

/** Parameter names as the tree gives them: the identifiers that name each parameter. */
function identifiersOf(params: Node): string[] {
  if (params.type === 'identifier') return [params.text];
  return params.namedChildren.flatMap((p) => {
    let pattern = p?.childForFieldName('pattern') ?? (p?.type === 'identifier' ? p : null);
    if (pattern?.type === 'rest_pattern') pattern = pattern.namedChildren[0];
    return pattern?.type === 'identifier' ? [pattern.text] : [];
  });
}
