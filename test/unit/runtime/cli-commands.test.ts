/** `promptcost run`, `batch` and `ledger` in process, against the loopback fakes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandIo } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/main';
import { startAnthropicFake, type AnthropicFake } from '../../fakes/anthropic-fake';
import { startOpenAiFake, type OpenAiFake } from '../../fakes/openai-fake';
import { KEYS, tempDir } from './helpers';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

describe('promptcost run, batch and ledger', () => {
  let openai: OpenAiFake;
  let anthropic: AnthropicFake;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    openai = await startOpenAiFake({ key: KEYS.openai });
    anthropic = await startAnthropicFake({ key: KEYS.anthropic });
  });
  after(async () => Promise.all([openai.close(), anthropic.close()]));
  beforeEach(() => {
    dir = tempDir('cli');
    fs.writeFileSync(
      path.join(dir, '.promptcost.yaml'),
      [
        'defaultModel: openai/gpt-4o-mini',
        'expectedOutputTokens: 100',
        'routing:',
        '  - when: task == "classify"',
        '    model: anthropic/claude-haiku-4-5',
        'providers:',
        `  openai: { baseUrl: "${openai.baseUrl}" }`,
        `  anthropic: { baseUrl: "${anthropic.baseUrl}" }`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'system.txt'), 'You are terse.');
    env = { OPENAI_API_KEY: KEYS.openai, ANTHROPIC_API_KEY: KEYS.anthropic, PROMPTCOST_HOME: path.join(dir, 'home') };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], stdin = ''): Promise<Captured> {
    let stdout = '';
    let stderr = '';
    const io: CommandIo = { cwd: dir, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  }

  it('streams the answer to stdout and prints the cost line to stderr', async () => {
    const out = await cli(['run', '--model', 'openai/gpt-4o-mini', '--system', 'system.txt', '--user', 'Tell me a fact about owls', '--no-route', '--no-compress']);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout, 'Echo: Tell me a fact about owls\n');
    assert.match(out.stderr, /^openai\/gpt-4o-mini · 9 in · 7 out · \$[0-9.e-]+ · \d+ ms · cache miss\n$/);
    const again = await cli(['run', '--model', 'openai/gpt-4o-mini', '--system', 'system.txt', '--user', 'Tell me a fact about owls', '--no-route', '--no-compress']);
    assert.match(again.stderr, /· \$0 · \d+ ms · cache hit/);
  });

  it('routes through the configured table and says so', async () => {
    const out = await cli(['run', '--user', 'Classify this review as positive or negative: great product']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stderr, /^anthropic\/claude-haiku-4-5 · .* · routed from openai\/gpt-4o-mini/);
  });

  it('reads the user message from stdin and answers in JSON', async () => {
    const out = await cli(['run', '--user', '-', '--format', 'json', '--no-route', '--max-tokens', '2'], 'From standard input');
    assert.equal(out.code, 0, out.stderr);
    const json = JSON.parse(out.stdout);
    assert.equal(json.text, 'Echo: From ');
    assert.equal(json.finishReason, 'length');
    assert.equal(json.maxOutputTokens, 2);
    assert.deepEqual(json.steps.map((s: { step: string }) => s.step), ['trim', 'compress', 'route', 'length', 'cache', 'call']);
  });

  it('exits 1 with a clear message and no key on a bad key', async () => {
    env.OPENAI_API_KEY = 'sk-wrong-0123456789abcdef';
    const out = await cli(['run', '--user', 'hello', '--no-route']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'promptcost run: OpenAI rejected the API key (HTTP 401). Check the OPENAI_API_KEY environment variable.\n');
  });

  it('asks for the missing key', async () => {
    delete env.ANTHROPIC_API_KEY;
    const out = await cli(['run', '--model', 'anthropic/claude-haiku-4-5', '--user', 'hello', '--no-route']);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /No API key for Anthropic: set the ANTHROPIC_API_KEY environment variable/);
  });

  it('rejects bad options with the usage', async () => {
    assert.equal((await cli(['run'])).code, 2);
    assert.equal((await cli(['run', '--user', 'x', '--max-tokens', 'lots'])).code, 2);
    assert.equal((await cli(['ledger', '--since', 'someday'])).code, 2);
  });

  it('runs a batch file and writes one result line per request', async () => {
    fs.writeFileSync(
      path.join(dir, 'inputs.jsonl'),
      [{ id: 'x', user: 'First one' }, { id: 'y', model: 'anthropic/claude-haiku-4-5', system: 'Be brief.', user: 'Second one' }].map((l) => JSON.stringify(l)).join('\n'),
    );
    const out = await cli(['batch', 'inputs.jsonl', '--poll', '0', '--no-route']);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.id, l.text]).sort(), [['x', 'Echo: First one'], ['y', 'Echo: Second one']]);
    assert.match(out.stderr, /2 results \(0 from the cache, 0 failed\), \$[0-9.e-]+ at the batch rate/);
  });

  it('rejects a batch line without a user message, naming the line', async () => {
    fs.writeFileSync(path.join(dir, 'inputs.jsonl'), '{"user": "ok"}\n{"system": "no user"}\n');
    const out = await cli(['batch', 'inputs.jsonl']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /inputs\.jsonl:2: needs "user"/);
  });

  it('summarises the ledger as text, JSON and CSV', async () => {
    await cli(['run', '--user', 'Summarise owls', '--no-route']);
    await cli(['run', '--user', 'Summarise owls', '--no-route']);
    const text = await cli(['ledger']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^ {2}today\s+2 calls\s+\$[0-9.e-]+\s+\d+ in\s+\d+ out {2}\(1 cached\)$/m);
    assert.match(text.stdout, /^By model\n {2}openai\/gpt-4o-mini\s+2 calls/m);
    assert.match(text.stdout, /^Saved \$[0-9.e-]+: cache \$[0-9.e-]+, routing \$0, compression/m);
    const json = JSON.parse((await cli(['ledger', '--format', 'json'])).stdout);
    assert.equal(json.all.calls, 2);
    assert.ok(json.savings.cache > 0);
    const csv = (await cli(['ledger', '--format', 'csv'])).stdout;
    assert.match(csv, /^period,today,2,0,1,0,/m);
    const records = (await cli(['ledger', '--format', 'csv', '--records'])).stdout.trim().split('\n');
    assert.equal(records.length, 3);
    const future = await cli(['ledger', '--since', '2999-01-01']);
    assert.match(future.stdout, /^No calls in the ledger since/);
  });
});
