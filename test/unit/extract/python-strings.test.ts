import * as assert from 'node:assert/strict';
import { cleandoc, decodePythonEscapes, dedent } from '../../../src/core/extract/python-strings';

describe('python string helpers', () => {
  const escapes: [string, boolean, string][] = [
    ['a\\nb\\tc', false, 'a\nb\tc'],
    ['\\101\\x42\\u00e9\\U0001F600', false, 'ABé😀'],
    ['keep \\d and \\N{BULLET}', false, 'keep \\d and \\N{BULLET}'],
    ['line\\\ncontinued', false, 'linecontinued'],
    ['bytes \\u00e9 stay', true, 'bytes \\u00e9 stay'],
    ["quotes \\' \\\" \\\\", false, "quotes ' \" \\"],
  ];
  for (const [raw, bytes, decoded] of escapes) {
    it(`decodes ${JSON.stringify(raw)}`, () => assert.equal(decodePythonEscapes(raw, bytes), decoded));
  }

  it('dedents like textwrap.dedent', () => {
    assert.equal(dedent('    a\n      b\n\n    c\n'), 'a\n  b\n\nc\n');
    assert.equal(dedent('\ta\n\tb'), 'a\nb');
    assert.equal(dedent('  a\n b'), ' a\nb');
  });

  it('cleans like inspect.cleandoc', () => {
    assert.equal(cleandoc('\n    First.\n      Indented.\n    Last.\n    '), 'First.\n  Indented.\nLast.');
    assert.equal(cleandoc('  Lead line.\n    body'), 'Lead line.\nbody');
  });
});
