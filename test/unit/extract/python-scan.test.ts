import * as assert from 'node:assert/strict';
import { namesBeforeParenthesis, offsetsWithin, scanPython } from '../../../src/core/extract/python-scan';
import { analyzePython } from './python-helpers';

/** The words a `=` sign is indexed under, by the text just before the sign. */
function wordsBefore(source: string, before: string): string[] {
  const scan = scanPython(source);
  const i = scan.equals.indexOf(source.indexOf(before) + before.length);
  assert.ok(i >= 0, `no = after ${before}`);
  return [...scan.targets].filter(([, signs]) => signs.includes(i)).map(([word]) => word);
}

describe('python text scan', () => {
  it('finds assignment and keyword signs, not comparisons or walrus', () => {
    const source = 'a = 1\nif a == b or a <= c or a != d or a >= e: pass\nif (n := 2): f(k=3)\nx += 1\n';
    const scan = scanPython(source);
    assert.deepEqual(
      scan.equals.map((at) => source.slice(at - 2, at + 1)),
      ['a =', '(k=', ' +='],
    );
    assert.deepEqual(scan.keywordBefore, ['a', 'k', '']);
  });

  const targets: [string, string, string[]][] = [
    ['plain', 'prompt = "x"', ['prompt']],
    ['attribute', 'self.system_prompt = "x"', ['self', 'system_prompt']],
    ['tuple', 'a, b = "x", "y"', ['a', 'b']],
    ['typed', 'p: Dict[str, int] = {}', ['p', 'Dict', 'str', 'int']],
    ['keyword argument keeps what follows the open bracket', 'f(a, b=1)', ['a', 'b']],
    ['parenthesised target across lines', '(a,\n b) = "x", "y"', ['a', 'b']],
  ];
  for (const [name, source, words] of targets) {
    it(`indexes a ${name} target under its words`, () => {
      const sign = source.indexOf(' =') >= 0 ? source.indexOf(' =') : source.indexOf('=') - 0;
      const before = source.slice(0, source.indexOf('=', sign));
      assert.deepEqual(wordsBefore(source, before).sort(), [...words].sort());
    });
  }

  it('marks values that may hold a string: a quote, an open bracket or a backslash on the line', () => {
    const source = 'a = 1\nb = "x"\nc = (\n  "y")\nd = \\\n  "z"\ne = f(g)\n';
    const scan = scanPython(source);
    const names = scan.quotedValues.map((i) => source[scan.equals[i] - 2]);
    assert.deepEqual(names, ['b', 'c', 'd']);
  });

  it('finds def, class, return and import keywords', () => {
    const source = 'import os\nfrom a import b\nclass Q(dspy.Signature):\n    async def run(self):\n        return 1\n';
    const scan = scanPython(source);
    assert.deepEqual([...scan.defs.keys()], ['run']);
    assert.equal(source.slice(scan.defs.get('run')![0], scan.defs.get('run')![0] + 3), 'run');
    assert.deepEqual([...scan.classes.keys()], ['Q']);
    assert.deepEqual(scan.returns, [source.indexOf('return')]);
    assert.deepEqual(scan.imports.map((at) => source.slice(at, at + 4)), ['impo', 'from', 'impo']);
  });

  it('finds whole names directly before an opening parenthesis, asking once per name', () => {
    const source = 'client.chat.completions.create (x)\nxcreate(y)\ncreate(z)\n(1)(2)\n';
    const asked: string[] = [];
    const found = namesBeforeParenthesis(source, (name) => {
      asked.push(name);
      return name === 'create';
    });
    assert.deepEqual(found, [source.indexOf('create'), source.lastIndexOf('create(')]);
    assert.deepEqual(asked, ['create', 'xcreate']);
  });

  it('lists the offsets within a range', () => {
    assert.deepEqual(offsetsWithin([1, 5, 9, 12], 5, 12), [5, 9]);
    assert.deepEqual(offsetsWithin([1, 5], 6, 10), []);
  });
});

/** Shapes the text scan must not miss: each prompt is found only if the index confirms the right place in the tree. */
describe('python index from the text scan', () => {
  it('follows a constant bound in a parenthesised tuple across lines', async () => {
    const result = await analyzePython(
      'from openai import OpenAI\nclient = OpenAI()\n(SYSTEM,\n USER) = ("You are a terse assistant.", "Summarize the text.")\n' +
        'client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": USER}])\n',
    );
    assert.deepEqual(result.prompts.map((p) => [p.role, p.text, p.callIndex]), [
      ['system', 'You are a terse assistant.', 0],
      ['user', 'Summarize the text.', 0],
    ]);
  });

  it('joins a text built with += on lines without a quote', async () => {
    const result = await analyzePython(
      'import anthropic\nclient = anthropic.Anthropic()\nHEADER = "You review code."\nEXTRA = " Be brief."\n' +
        'def ask(diff):\n    prompt = HEADER\n    prompt += EXTRA\n    return client.messages.create(model="claude-3-5-haiku-latest", max_tokens=200, system=prompt, messages=[{"role": "user", "content": diff}])\n',
    );
    assert.equal(result.calls.length, 1);
    assert.ok(result.prompts.some((p) => p.role === 'system' && p.callIndex === 0 && p.text.includes('You review code.')), JSON.stringify(result.prompts));
  });

  it('recognises a call on a name bound to a model and a builder whose return spans lines', async () => {
    const result = await analyzePython(
      'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o-mini")\n' +
        'def build(topic):\n    return \\\n        f"Write a haiku about {topic}."\n' +
        'print(llm.invoke(build("rain")))\n',
    );
    assert.deepEqual(result.calls.map((c) => [c.api, c.model]), [['langchain', 'gpt-4o-mini']]);
    assert.deepEqual(result.prompts.map((p) => [p.text, p.construction, p.callIndex]), [['Write a haiku about {topic}.', 'builder', 0]]);
  });
});
