import * as assert from 'node:assert/strict';
import { parseDisableDirectives } from '../../../src/core/disables/inline-disables';

/** Offset of the first character of line `n` (1-based). */
function lineStart(text: string, n: number): number {
  return text.split('\n').slice(0, n - 1).reduce((sum, line) => sum + line.length + 1, 0);
}

describe('inline disable directives', () => {
  const NEXT_LINE = [
    { syntax: 'Python #', text: 'a = 1\n# promptcost-disable-next-line unbounded-output\ncall()\ncall()\n' },
    { syntax: 'line //', text: 'a = 1\n// promptcost-disable-next-line unbounded-output\ncall()\ncall()\n' },
    { syntax: 'block /* */', text: 'a = 1\n/* promptcost-disable-next-line unbounded-output */\ncall()\ncall()\n' },
    { syntax: 'JSX {/* */}', text: 'a = 1\n{/* promptcost-disable-next-line unbounded-output */}\ncall()\ncall()\n' },
    { syntax: 'HTML <!-- -->', text: 'a = 1\n<!-- promptcost-disable-next-line unbounded-output -->\ncall()\ncall()\n' },
    { syntax: 'with a reason', text: 'a = 1\n# promptcost-disable-next-line unbounded-output -- streamed and cut by the UI\ncall()\ncall()\n' },
  ];
  for (const { syntax, text } of NEXT_LINE) {
    it(`disable-next-line in ${syntax} covers the next line only`, () => {
      const directives = parseDisableDirectives(text);
      assert.equal(directives.isDisabled('unbounded-output', lineStart(text, 3) + 2), true);
      assert.equal(directives.isDisabled('unbounded-output', lineStart(text, 4)), false);
      assert.equal(directives.isDisabled('verbose-prompt', lineStart(text, 3)), false);
    });
  }

  it('lists several ids separated by commas', () => {
    const text = '# promptcost-disable-next-line verbose-prompt, cheaper-model\nx\n';
    const directives = parseDisableDirectives(text);
    assert.equal(directives.isDisabled('verbose-prompt', lineStart(text, 2)), true);
    assert.equal(directives.isDisabled('cheaper-model', lineStart(text, 2)), true);
    assert.equal(directives.isDisabled('unknown-model', lineStart(text, 2)), false);
  });

  it('disables every rule when no id is given', () => {
    const text = '// promptcost-disable-next-line\nx\n';
    assert.equal(parseDisableDirectives(text).isDisabled('over-budget', lineStart(text, 2)), true);
  });

  it('disable / enable covers the range between them', () => {
    const text = 'a\n# promptcost-disable call-in-loop\nb\nc\n# promptcost-enable call-in-loop\nd\n';
    const directives = parseDisableDirectives(text);
    assert.equal(directives.isDisabled('call-in-loop', lineStart(text, 1)), false);
    assert.equal(directives.isDisabled('call-in-loop', lineStart(text, 3)), true);
    assert.equal(directives.isDisabled('call-in-loop', lineStart(text, 4)), true);
    assert.equal(directives.isDisabled('call-in-loop', lineStart(text, 6)), false);
    assert.equal(directives.isDisabled('full-history', lineStart(text, 3)), false);
  });

  it('a disable without enable runs to the end of the file', () => {
    const text = 'a\n/* promptcost-disable */\nb\n';
    assert.equal(parseDisableDirectives(text).isDisabled('verbose-prompt', text.length - 1), true);
  });

  it('an enable without ids ends every open disable', () => {
    const text = '# promptcost-disable a-rule\n# promptcost-disable b-rule\n# promptcost-enable\nx\n';
    const directives = parseDisableDirectives(text);
    assert.equal(directives.isDisabled('a-rule', lineStart(text, 4)), false);
    assert.equal(directives.isDisabled('b-rule', lineStart(text, 4)), false);
  });

  it('ignores words that only start like a directive', () => {
    const text = '# promptcost-disabled unbounded-output\nx\n';
    assert.equal(parseDisableDirectives(text).isDisabled('unbounded-output', lineStart(text, 2)), false);
  });
});
