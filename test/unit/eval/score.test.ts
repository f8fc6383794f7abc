import * as assert from 'node:assert/strict';
import type { CallSite, FileAnalysis, PromptSite } from '../../../src/core/extract/index';
import { normalizeForSearch, type Fixture } from '../../eval/labels';
import { LineIndex, metrics, pairByLine, scoreFile } from '../../eval/score';

/** The scorer decides what the corpus numbers mean, so it gets its own tests. */

const text = ['a = 1', 'PROMPT = ("You are "', '  "a bot")', 'call(x)', ''].join('\n');

function prompt(start: number, end: number, role: PromptSite['role'] = 'system', body = 'You are a bot'): PromptSite {
  return { span: { start, end }, pieces: [], text: body, placeholders: [], role, construction: 'literal', name: null, callIndex: null };
}

function call(start: number, end: number, over: Partial<CallSite> = {}): CallSite {
  return {
    span: { start, end },
    callee: 'client.chat.completions.create',
    calleeSpan: { start, end },
    api: 'openai.chat',
    model: 'gpt-4o',
    modelSpan: null,
    outputBound: null,
    inLoop: false,
    messagesSpan: null,
    argumentsSpan: { start, end },
    argumentStyle: 'keyword',
    boundParameter: 'max_completion_tokens',
    ...over,
  };
}

const fixture = (labels: Fixture['labels']): Fixture => ({ file: 'x.py', language: 'python', text, labels });
const analysis = (prompts: PromptSite[], calls: CallSite[]): FileAnalysis => ({ language: 'python', prompts, calls, notices: [] });

describe('eval scorer', () => {
  describe('LineIndex', () => {
    const lines = new LineIndex(text);
    const cases: [number, number][] = [
      [0, 1],
      [5, 1],
      [6, 2],
      [text.indexOf('"a bot"'), 3],
      [text.length, 5],
    ];
    for (const [offset, line] of cases) {
      it(`puts offset ${offset} on line ${line}`, () => assert.equal(lines.lineOf(offset), line));
    }
    it('keeps a span ending just after a newline on the line before', () => {
      assert.deepEqual(lines.linesOf({ start: 6, end: text.indexOf('call') }), { first: 2, last: 3 });
    });
  });

  describe('pairByLine', () => {
    const at = (first: number, last: number, name: string) => ({ item: name, first, last });
    const cases: { name: string; expected: number[]; predicted: ReturnType<typeof at>[]; pairs: string[]; loose: number; missed: number[]; extra: string[] }[] = [
      { name: 'exact start lines', expected: [2, 4], predicted: [at(2, 3, 'p'), at(4, 4, 'c')], pairs: ['p', 'c'], loose: 0, missed: [], extra: [] },
      { name: 'a labelled line inside a found span', expected: [3], predicted: [at(2, 5, 'p')], pairs: ['p'], loose: 1, missed: [], extra: [] },
      { name: 'one found item for two labels', expected: [2, 3], predicted: [at(2, 3, 'p')], pairs: ['p'], loose: 0, missed: [3], extra: [] },
      { name: 'nothing near', expected: [1], predicted: [at(4, 4, 'c')], pairs: [], loose: 0, missed: [1], extra: ['c'] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = pairByLine(c.expected.map((line) => ({ line })), c.predicted, () => true);
        assert.deepEqual(r.pairs.map((p) => p.predicted), c.pairs);
        assert.equal(r.pairs.filter((p) => p.loose).length, c.loose);
        assert.deepEqual(r.missed.map((m) => m.line), c.missed);
        assert.deepEqual(r.extra, c.extra);
      });
    }
    it('prefers the candidate the tie-break names', () => {
      const r = pairByLine([{ line: 2 }], [at(2, 2, 'other'), at(2, 2, 'wanted')], () => true, (_e, p) => p === 'wanted');
      assert.equal(r.pairs[0].predicted, 'wanted');
    });
  });

  describe('metrics', () => {
    const cases: [string, { expected: number; found: number; matched: number }, number, number][] = [
      ['perfect', { expected: 4, found: 4, matched: 4 }, 1, 1],
      ['half found, all right', { expected: 4, found: 2, matched: 2 }, 1, 0.5],
      ['nothing found', { expected: 4, found: 0, matched: 0 }, 0, 0],
      ['nothing expected, nothing found', { expected: 0, found: 0, matched: 0 }, 1, 1],
      ['only false positives', { expected: 0, found: 3, matched: 0 }, 0, 1],
    ];
    for (const [name, counts, precision, recall] of cases) {
      it(name, () => {
        const m = metrics({ ...counts, loose: 0 });
        assert.equal(m.precision, precision);
        assert.equal(m.recall, recall);
      });
    }
  });

  describe('scoreFile', () => {
    const promptStart = text.indexOf('"You are');
    const promptEnd = text.indexOf(')', promptStart);
    const callStart = text.indexOf('call(');

    it('matches prompts by line and calls by line and api, and checks their attributes', () => {
      const score = scoreFile(
        fixture({
          prompts: [{ line: 2, role: 'system', text_contains: 'a bot' }],
          calls: [{ line: 4, api: 'openai.chat', model: 'gpt-4o-mini', outputBound: 'dynamic', inLoop: true }],
        }),
        analysis(
          [prompt(promptStart, promptEnd, 'user')],
          [call(callStart, callStart + 7, { outputBound: { value: null, parameter: 'max_tokens', origin: 'call', span: { start: 0, end: 1 } } })],
        ),
      );
      assert.deepEqual([score.prompts.matched, score.calls.matched], [1, 1]);
      assert.deepEqual(
        [score.promptRole, score.callModel, score.callBound, score.callInLoop],
        [{ correct: 0, total: 1 }, { correct: 0, total: 1 }, { correct: 1, total: 1 }, { correct: 0, total: 1 }],
      );
      assert.deepEqual(
        score.mismatches.map((m) => m.detail),
        ['prompt role: expected "system", got "user"', 'call model: expected "gpt-4o-mini", got "gpt-4o"', 'call inLoop: expected true, got false'],
      );
    });

    it('does not match a call on the right line with the wrong api', () => {
      const score = scoreFile(
        fixture({ prompts: [], calls: [{ line: 4, api: 'anthropic.messages', model: null, outputBound: null, inLoop: false }] }),
        analysis([], [call(callStart, callStart + 7)]),
      );
      assert.equal(score.calls.matched, 0);
      assert.deepEqual(score.missedCalls.map((m) => m.line), [4]);
      assert.deepEqual(score.extraCalls.map((m) => m.detail), ['openai.chat']);
    });

    it('lists a found prompt on an unlabelled line as a false positive', () => {
      const score = scoreFile(fixture({ prompts: [], calls: [] }), analysis([prompt(0, 5)], []));
      assert.deepEqual(score.extraPrompts.map((f) => f.line), [1]);
    });
  });

  describe('normalizeForSearch', () => {
    const cases: [string, string][] = [
      ['`Translate to ${lang}:\\n`', '`Translate to {lang}: `'],
      ['"You are "\n    "a bot"', '"You are a bot"'],
      ['"first " \\\n  "second"', '"first second"'],
    ];
    for (const [input, output] of cases) {
      it(`folds ${JSON.stringify(input)}`, () => assert.equal(normalizeForSearch(input), output));
    }
  });
});
