import * as assert from 'node:assert/strict';
import { LIMITS, parsePlaygroundEvent, parsePlaygroundRequest, parseReportRequest, type PlaygroundInput } from '../../../src/shared/webview-messages';

const input = (): PlaygroundInput => ({
  system: 'You are terse.',
  user: 'Summarise {doc}',
  history: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }],
  variables: { doc: 'the text' },
  models: ['openai/gpt-4o-mini', 'openai/gpt-4o'],
  steps: { trim: true, compress: true, route: false, length: true, cache: true },
});

describe('webview messages: playground requests', () => {
  it('accepts each request type with its fields', () => {
    for (const type of ['ready', 'cancel', 'refreshLedger', 'exportCsv', 'setKey'] as const) assert.deepEqual(parsePlaygroundRequest({ type }), { type });
    assert.deepEqual(parsePlaygroundRequest({ type: 'run', input: input() }), { type: 'run', input: input() });
    assert.deepEqual(parsePlaygroundRequest({ type: 'preview', input: input() }), { type: 'preview', input: input() });
    assert.deepEqual(parsePlaygroundRequest({ type: 'apply', input: input(), model: ' openai/gpt-4o ' }), { type: 'apply', input: input(), model: 'openai/gpt-4o' });
  });

  it('drops extra fields the page sent', () => {
    const parsed = parsePlaygroundRequest({ type: 'run', input: { ...input(), apiKey: 'sk-secret' }, extra: 1 });
    assert.ok(parsed && parsed.type === 'run');
    assert.equal('apiKey' in parsed.input, false);
    assert.equal('extra' in parsed, false);
  });

  it('removes duplicate models', () => {
    const parsed = parsePlaygroundRequest({ type: 'run', input: { ...input(), models: ['a/b', 'a/b', ' a/b'] } });
    assert.deepEqual(parsed?.type === 'run' && parsed.input.models, ['a/b']);
  });

  const broken: Array<[string, unknown]> = [
    ['not an object', 'run'],
    ['unknown type', { type: 'eval', code: '1' }],
    ['run without input', { type: 'run' }],
    ['system not a string', { type: 'run', input: { ...input(), system: 3 } }],
    ['history role system', { type: 'run', input: { ...input(), history: [{ role: 'system', content: 'x' }] } }],
    ['history not an array', { type: 'run', input: { ...input(), history: {} } }],
    ['variable value not a string', { type: 'run', input: { ...input(), variables: { doc: 1 } } }],
    ['empty model id', { type: 'run', input: { ...input(), models: [' '] } }],
    ['too many models', { type: 'run', input: { ...input(), models: Array.from({ length: LIMITS.models + 1 }, (_, i) => `m/${i}`) } }],
    ['text over the limit', { type: 'run', input: { ...input(), user: 'x'.repeat(LIMITS.text + 1) } }],
    ['a step switch missing', { type: 'run', input: { ...input(), steps: { trim: true } } }],
    ['apply without model', { type: 'apply', input: input() }],
  ];
  for (const [name, message] of broken) {
    it(`refuses ${name}`, () => assert.equal(parsePlaygroundRequest(message), undefined));
  }
});

describe('webview messages: report requests', () => {
  it('accepts a relative path with line and column', () => {
    assert.deepEqual(parseReportRequest({ type: 'open', path: 'support-bot/bot.py', line: 12, column: 3 }), { type: 'open', path: 'support-bot/bot.py', line: 12, column: 3 });
  });
  for (const [name, message] of [
    ['a parent folder', { type: 'open', path: '../etc/passwd', line: 1, column: 1 }],
    ['a Windows parent folder', { type: 'open', path: 'a\\..\\..\\b', line: 1, column: 1 }],
    ['line zero', { type: 'open', path: 'a.py', line: 0, column: 1 }],
    ['a fractional column', { type: 'open', path: 'a.py', line: 1, column: 1.5 }],
    ['an empty path', { type: 'open', path: '', line: 1, column: 1 }],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(parseReportRequest(message), undefined));
  }
});

describe('webview messages: events the page checks', () => {
  it('accepts a chunk and refuses one without text', () => {
    assert.ok(parsePlaygroundEvent({ type: 'chunk', runId: 1, model: 'a/b', text: 'Hi' }));
    assert.equal(parsePlaygroundEvent({ type: 'chunk', runId: 1, model: 'a/b' }), undefined);
    assert.equal(parsePlaygroundEvent({ type: 'script', src: 'x' }), undefined);
    assert.equal(parsePlaygroundEvent({ type: 'notice', level: 'warning', message: 'x' }), undefined);
  });
});
