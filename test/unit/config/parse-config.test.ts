import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, monthlyVolume, parseConfig } from '../../../src/core/config';

describe('parseConfig', () => {
  it('reads the example from the design with defaults filled in', () => {
    const { config, problems } = parseConfig(
      [
        'defaultModel: openai/gpt-4o',
        'expectedOutputTokens: 300',
        'volume:',
        '  default: 1000',
        '  "src/support/**": 50000',
        'routing:',
        '  - when: task == "classify" and complexity == "low"',
        '    model: openai/gpt-4o-mini',
        'rules:',
        '  verbose-prompt: warning',
        '  cheaper-model: { severity: info, minSavingPercent: 20 }',
        'budgets: { perCallUsd: 0.05, monthlyUsd: 200 }',
        'models:',
        '  acme/internal-8b: { input: 0.10, output: 0.20, contextWindow: 32768, tokenizer: o200k_base }',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.ok(config);
    assert.equal(config.expectedOutputTokens, 300);
    assert.deepEqual(config.volume, { default: 1000, byPath: [{ glob: 'src/support/**', calls: 50000 }] });
    assert.equal(config.routing[0].model, 'openai/gpt-4o-mini');
    assert.ok(config.routing[0].whenSpan);
    assert.deepEqual(config.rules['cheaper-model'], { severity: 'info', options: { minSavingPercent: 20 } });
    assert.equal(config.models['acme/internal-8b'].contextWindow, 32768);
  });

  it('treats an empty file as the defaults', () => {
    assert.deepEqual(parseConfig('').config, DEFAULT_CONFIG);
    assert.deepEqual(parseConfig('# only a comment\n').config, DEFAULT_CONFIG);
  });

  it('locates YAML syntax errors and gives no config', () => {
    const { config, problems } = parseConfig('defaultModel: openai/gpt-4o\nvolume:\n  default: [1, 2\n');
    assert.equal(config, null);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /^YAML syntax: .*Fix the YAML/);
    assert.ok(problems[0].line >= 3, `line ${problems[0].line}`);
  });

  it('locates schema errors at the offending value', () => {
    const text = 'defaultModel: openai/gpt-4o\nexpectedOutputTokens: lots\n';
    const { config, problems } = parseConfig(text);
    assert.equal(config, null);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.line, p.column, p.message]),
      [['error', 2, 23, "'expectedOutputTokens' must be a whole number."]],
    );
    assert.equal(text.slice(problems[0].start, problems[0].end), 'lots');
  });

  it('warns on unknown keys and keeps the rest', () => {
    const { config, problems } = parseConfig('defaultModle: openai/gpt-4o-mini\nexpectedOutputTokens: 200\n');
    assert.equal(config?.expectedOutputTokens, 200);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.line, p.column]),
      [['warning', 1, 1]],
    );
    assert.match(problems[0].message, /Unknown key 'defaultModle'/);
  });

  it('rejects a bad severity with the allowed values', () => {
    const { problems } = parseConfig('rules:\n  verbose-prompt: loud\n');
    assert.ok(problems.some((p) => p.severity === 'error' && p.line === 2 && /off/.test(p.message)), JSON.stringify(problems));
  });

  it('rejects a non-mapping document', () => {
    const { config, problems } = parseConfig('- a\n- b\n');
    assert.equal(config, null);
    assert.match(problems[0].message, /mapping/);
  });
});

describe('monthlyVolume', () => {
  const config = parseConfig('volume:\n  default: 10\n  "src/support/**": 500\n  "**/*.test.ts": 0\n').config!;
  it('takes the first matching glob, else the default', () => {
    assert.equal(monthlyVolume(config, 'src/support/bot.py'), 500);
    assert.equal(monthlyVolume(config, 'src/other/bot.py'), 10);
    assert.equal(monthlyVolume(config, 'web/a.test.ts'), 0);
    assert.equal(monthlyVolume(config, 'src\\support\\win.py'), 500);
  });
  it('accepts a bare number', () => {
    assert.equal(monthlyVolume(parseConfig('volume: 42\n').config!, 'x.py'), 42);
  });
});

describe('routing conditions in the config', () => {
  it('locates a bad condition inside the quoted when value', () => {
    const text = 'routing:\n  - when: "tsak == \\"classify\\""\n    model: openai/gpt-4o-mini\n';
    const { config, problems } = parseConfig(text);
    assert.equal(config, null);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.equal(text.slice(problems[0].start, problems[0].end), 'tsak');
    assert.match(problems[0].message, /^Routing rule 1: .*tsak.*task/);
  });

  it('locates a bad condition in a plain scalar', () => {
    const text = 'routing:\n  - when: task == "classify" && local\n    model: ollama/qwen2.5:7b\n';
    const { problems } = parseConfig(text);
    assert.equal(problems[0].line, 2);
    assert.ok(problems[0].column > 9, `column ${problems[0].column}`);
  });

  it('accepts a valid table', () => {
    const { config, problems } = parseConfig('routing:\n  - when: task in ["classify", "extract"] and complexity == "low"\n    model: openai/gpt-4o-mini\n');
    assert.deepEqual(problems, []);
    assert.equal(config?.routing.length, 1);
  });
});

describe('cache and optimizer settings', () => {
  it('reads them', () => {
    const { config, problems } = parseConfig(
      'cache: { redis: "redis://127.0.0.1:6379", ttlDays: 2, maxEntries: 500 }\noptimizer: { keepTurns: 4, summarizer: extractive, localModel: ollama/qwen2.5:7b }\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config?.cache, { redis: 'redis://127.0.0.1:6379', ttlDays: 2, maxEntries: 500 });
    assert.equal(config?.optimizer.summarizer, 'extractive');
  });

  it('rejects a cache URL that is not Redis, at its position', () => {
    const text = 'cache:\n  redis: http://localhost:6379\n';
    const { problems } = parseConfig(text);
    assert.equal(problems[0].severity, 'error');
    assert.equal(text.slice(problems[0].start, problems[0].end), 'http://localhost:6379');
  });
});
