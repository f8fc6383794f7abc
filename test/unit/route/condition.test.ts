import * as assert from 'node:assert/strict';
import { compileCondition, ConditionError, evaluateCondition, type ConditionValues } from '../../../src/core/route';

const values: ConditionValues = {
  task: 'classify',
  complexity: 'medium',
  tokens: 1200,
  role: 'system',
  path: 'src/support/tickets.py',
  api: 'openai.chat',
  provider: 'openai',
  local: false,
};

function holds(condition: string, over: ConditionValues = {}): boolean {
  return evaluateCondition(compileCondition(condition), { ...values, ...over });
}

describe('routing conditions', () => {
  describe('valid conditions evaluate', () => {
    const cases: Array<[string, boolean]> = [
      ['task == "classify"', true],
      ["task == 'classify'", true],
      ['task != "classify"', false],
      ['"classify" == task', true],
      ['complexity == "medium"', true],
      ['complexity >= "medium"', true],
      ['complexity > "medium"', false],
      ['complexity < "high"', true],
      ['complexity <= "low"', false],
      ['tokens > 1000', true],
      ['tokens >= 1200', true],
      ['tokens < 1200', false],
      ['tokens <= 1.2e3', true],
      ['2000 > tokens', true],
      ['role == "system"', true],
      ['api == "openai.chat"', true],
      ['provider == "anthropic"', false],
      ['local', false],
      ['not local', true],
      ['local == false', true],
      ['true', true],
      ['false', false],
      ['task == "classify" and complexity == "medium"', true],
      ['task == "classify" and complexity == "low"', false],
      ['task == "qa" or tokens > 1000', true],
      ['task == "qa" or tokens > 5000', false],
      ['not (task == "qa")', true],
      ['task in ["classify", "extract"]', true],
      ['task in ["qa"]', false],
      ['task not in ["qa", "code"]', true],
      ['task not in ["classify"]', false],
      ['tokens in [1200, 2400]', true],
      ['path matches "src/**"', true],
      ['path matches "src/*.py"', false],
      ['path matches "**/*.py"', true],
      ['path matches "test/**"', false],
      // `and` binds tighter than `or`.
      ['task == "qa" and local or tokens > 1000', true],
      ['task == "qa" and (local or tokens > 1000)', false],
      ['  task   ==   "classify"  ', true],
    ];
    for (const [condition, expected] of cases) {
      it(`${condition} -> ${expected}`, () => assert.equal(holds(condition), expected));
    }
  });

  describe('unknown values', () => {
    it('a comparison with a value the caller does not know is false', () => {
      assert.equal(holds('path matches "**"', { path: undefined }), false);
      assert.equal(holds('role == "user"', { role: undefined }), false);
      assert.equal(holds('role != "user"', { role: undefined }), false);
      assert.equal(holds('role in ["user"]', { role: undefined }), false);
      assert.equal(holds('not (role == "user")', { role: undefined }), true);
    });
    it('matches Windows separators as forward slashes', () => {
      assert.equal(holds('path matches "src/support/**"', { path: 'src\\support\\a.py' }), true);
    });
  });

  describe('invalid conditions are errors located in the condition', () => {
    const cases: Array<{ condition: string; message: RegExp; start: number; end: number }> = [
      { condition: 'tsak == "qa"', message: /Unknown name 'tsak'\. Did you mean 'task'\?/, start: 0, end: 4 },
      { condition: 'task == "qa" and modle == "x"', message: /Unknown name 'modle'/, start: 17, end: 22 },
      { condition: 'task == "clasify"', message: /never "clasify"\. Did you mean "classify"\?/, start: 8, end: 17 },
      { condition: 'complexity == "hard"', message: /one of: low, medium, high/, start: 14, end: 20 },
      { condition: 'task in ["classify", "sumarize"]', message: /Did you mean "summarize"/, start: 21, end: 31 },
      { condition: 'tokens > "many"', message: /'tokens' is a number/, start: 9, end: 15 },
      { condition: 'task = "qa"', message: /compare with ==/, start: 5, end: 6 },
      { condition: 'task == "qa" && local', message: /'&&' is not supported; use 'and'/, start: 13, end: 15 },
      { condition: 'task == "qa" || local', message: /use 'or'/, start: 13, end: 15 },
      { condition: 'role === "user"', message: /'===' is not supported; use ==/, start: 5, end: 8 },
      { condition: 'tokens + 1 > 2', message: /'\+' is not supported/, start: 7, end: 8 },
      { condition: '!local', message: /use 'not'/, start: 0, end: 6 },
      { condition: 'task == ', message: /Expected expression after ==/, start: 6, end: 7 },
      { condition: 'task == "qa" and (local', message: /Unclosed \(/, start: 22, end: 23 },
      { condition: 'task == "qa" model', message: /Expected 'and', 'or'/, start: 13, end: 18 },
      { condition: 'not task == "qa"', message: /'not' applies only to the next word/, start: 0, end: 8 },
      { condition: 'task < "qa"', message: /can only be compared with == or !=/, start: 0, end: 11 },
      { condition: 'task == complexity', message: /Compare a name with a value/, start: 0, end: 18 },
      { condition: 'task in "qa"', message: /Put a list after 'in'/, start: 8, end: 12 },
      { condition: 'task in []', message: /list is empty/, start: 8, end: 10 },
      { condition: 'path matches 3', message: /glob string after 'matches'/, start: 13, end: 14 },
      { condition: 'tokens matches "a*"', message: /'matches' needs a string name/, start: 0, end: 6 },
      { condition: 'glob(path, "src/**")', message: /Function calls are not supported/, start: 0, end: 20 },
      { condition: 'tokens', message: /'tokens' alone is not true or false/, start: 0, end: 6 },
      { condition: '"qa"', message: /A value alone is not a condition/, start: 0, end: 4 },
      { condition: 'task == null', message: /not a value a condition can use/, start: 8, end: 12 },
      { condition: 'task.length > 2', message: /not part of the condition language/, start: 0, end: 11 },
      { condition: '', message: /The condition is empty/, start: 0, end: 0 },
    ];
    for (const { condition, message, start, end } of cases) {
      it(JSON.stringify(condition), () => {
        assert.throws(
          () => compileCondition(condition),
          (error: unknown) => {
            assert.ok(error instanceof ConditionError, `not a ConditionError: ${String(error)}`);
            assert.match(error.message, message);
            assert.deepEqual([error.start, error.end], [start, end], `span of ${error.message}`);
            return true;
          },
        );
      });
    }
  });

  it('never executes the text as code', () => {
    const global = globalThis as { pwned?: boolean };
    assert.throws(() => compileCondition('(globalThis.pwned = true)'), ConditionError);
    assert.throws(() => compileCondition('constructor.constructor("return 1")()'), ConditionError);
    assert.equal(global.pwned, undefined);
  });
});
