import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScanJson } from '../../../src/cli/format/scan-report';
import { cli } from './run-cli';

const ROUTE_TS = `import OpenAI from 'openai';
const client = new OpenAI();

export async function POST(req: Request) {
  const { question } = await req.json();
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 256,
    messages: [
      { role: 'system', content: 'You are a support agent for Acme. Answer in two sentences.' },
      { role: 'user', content: \`Question: \${question}\` },
    ],
  });
  return Response.json(completion.choices[0].message);
}
`;

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('promptcost scan', () => {
  it('prints the JSON contract with lines, tokens, model, call and cost', async () => {
    const dir = workspace({ 'app/route.ts': ROUTE_TS, '.promptcost.yaml': 'volume:\n  default: 2000\n' });
    const run = await cli(dir, 'scan', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as ScanJson;
    assert.equal(json.version, 1);
    assert.match(json.catalogDate, /^\d{4}-\d{2}-\d{2}$/);
    const [system, user] = json.prompts;
    assert.equal(system.path, 'app/route.ts');
    assert.equal(system.startLine, 10);
    assert.equal(system.role, 'system');
    assert.equal(system.estimate, false);
    assert.equal(system.model, 'openai/gpt-4o');
    assert.deepEqual(system.call, { line: 6, api: 'openai.chat', callee: 'client.chat.completions.create', through: null });
    assert.ok(system.tokens > 10 && system.tokens < 20, `tokens ${system.tokens}`);
    assert.ok(system.cost);
    assert.ok(Math.abs(system.cost.per1kCallsUsd - system.cost.perCallUsd * 1000) < 1e-12);
    assert.ok(Math.abs(system.cost.perMonthUsd - system.cost.perCallUsd * 2000) < 1e-12);
    assert.deepEqual(user.placeholders, ['question']);
    assert.deepEqual(
      json.calls.map((c) => [c.path, c.line, c.api, c.model, c.outputBound, c.inLoop]),
      [['app/route.ts', 6, 'openai.chat', 'openai/gpt-4o', 256, false]],
    );
  });

  it('prices every prompt at --model', async () => {
    const dir = workspace({ 'route.ts': ROUTE_TS });
    const json = JSON.parse((await cli(dir, 'scan', '--format', 'json', '--model', 'openai/gpt-4o-mini')).stdout) as ScanJson;
    assert.deepEqual([...new Set(json.prompts.map((p) => p.model))], ['openai/gpt-4o-mini']);
  });

  it('prints a readable table per file with a monthly total and the catalog date', async () => {
    const dir = workspace({ 'route.ts': ROUTE_TS });
    const run = await cli(dir, 'scan', 'route.ts');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^route\.ts$/m);
    assert.match(run.stdout, /system\s+\d+\s+openai\/gpt-4o/);
    assert.match(run.stdout, /2 prompts and 1 LLM call in 1 file · \$[\d.]+\/month/);
    assert.match(run.stdout, /catalog of \d{4}-\d{2}-\d{2}/);
  });

  it('honours .gitignore', async () => {
    const dir = workspace({ 'a/route.ts': ROUTE_TS, 'generated/route.ts': ROUTE_TS, '.gitignore': 'generated/\n' });
    const json = JSON.parse((await cli(dir, 'scan', '--format', 'json')).stdout) as ScanJson;
    assert.deepEqual([...new Set(json.calls.map((c) => c.path))], ['a/route.ts']);
  });

  it('prices a call with the prompt it imports from another module, and says who sends that prompt', async () => {
    const dir = workspace({
      'bot/prompts.py': 'SYSTEM_PROMPT = """You are the support assistant of Acme. Answer in two sentences and never promise refunds."""\n',
      'bot/reply.py': [
        'from openai import OpenAI',
        'from .prompts import SYSTEM_PROMPT',
        '',
        'client = OpenAI()',
        '',
        'def reply(message):',
        '    return client.chat.completions.create(',
        '        model="gpt-4o", max_tokens=200,',
        '        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": message}],',
        '    )',
        '',
      ].join('\n'),
    });
    const json = JSON.parse((await cli(dir, 'scan', '--format', 'json')).stdout) as ScanJson;
    const [call] = json.calls;
    assert.deepEqual(call.importedPrompts.map((i) => [i.path, i.name]), [['bot/prompts.py', 'SYSTEM_PROMPT']]);
    const prompt = json.prompts.find((p) => p.path === 'bot/prompts.py')!;
    assert.ok(call.inputTokens > prompt.tokens, 'the call counts the imported prompt and its message overhead');
    assert.deepEqual(prompt.importedBy, [{ path: 'bot/reply.py', line: 7 }]);
    // Scanning the caller alone still reads the module it imports from.
    const alone = JSON.parse((await cli(dir, 'scan', 'bot/reply.py', '--format', 'json')).stdout) as ScanJson;
    assert.equal(alone.calls[0].inputTokens, call.inputTokens);
  });

  describe('bad input', () => {
    it('reports a broken config with line and column and scans with the defaults', async () => {
      const dir = workspace({ 'route.ts': ROUTE_TS, '.promptcost.yaml': 'volume:\n  default: [1, 2\n' });
      const run = await cli(dir, 'scan', '--format', 'json');
      assert.equal(run.code, 0);
      assert.match(run.stderr, /^\.promptcost\.yaml:\d+:\d+: error: YAML syntax/m);
      assert.match(run.stderr, /using the defaults/);
      assert.equal((JSON.parse(run.stdout) as ScanJson).calls.length, 1);
    });

    it('skips a 5 MB minified bundle with a notice', async () => {
      const line = 'var a=function(){return openai.chat.completions.create({model:"gpt-4o",messages:[]})};'.repeat(60000);
      const dir = workspace({ 'bundle.min.js': line, 'route.ts': ROUTE_TS });
      const run = await cli(dir, 'scan', '--format', 'json');
      assert.equal(run.code, 0);
      const json = JSON.parse(run.stdout) as ScanJson;
      assert.deepEqual(json.notices.map((n) => [n.path, n.kind]), [['bundle.min.js', 'skipped-large']]);
      assert.equal(json.calls.length, 1);
    });

    it('skips a minified file under the size limit', async () => {
      const dir = workspace({ 'vendor.js': 'var x=1;'.repeat(2000) + 'openai.chat.completions.create({model:"gpt-4o"})' });
      const json = JSON.parse((await cli(dir, 'scan', '--format', 'json')).stdout) as ScanJson;
      assert.deepEqual(json.notices.map((n) => n.kind), ['skipped-minified']);
    });

    it('reads a non-UTF-8 file with a notice', async () => {
      const latin1 = Buffer.concat([Buffer.from(ROUTE_TS.replace('Acme', 'Caf')), Buffer.from([0xe9, 0x0a])]);
      const dir = workspace({ 'route.ts': latin1 });
      const json = JSON.parse((await cli(dir, 'scan', '--format', 'json')).stdout) as ScanJson;
      assert.deepEqual(json.notices.map((n) => n.kind), ['invalid-encoding']);
      assert.equal(json.calls.length, 1);
    });

    it('still finds what it can in a file with syntax errors', async () => {
      const broken = ROUTE_TS.replace("return Response.json(completion.choices[0].message);", 'return Response.json(completion.choices[0].message;;; }{');
      const dir = workspace({ 'route.ts': broken });
      const run = await cli(dir, 'scan', '--format', 'json');
      assert.equal(run.code, 0);
      const json = JSON.parse(run.stdout) as ScanJson;
      assert.ok(json.notices.some((n) => n.kind === 'syntax-error' && n.line !== null));
      assert.ok(json.prompts.some((p) => p.role === 'system'));
    });

    it('exits 1 when nothing could be read', async () => {
      const dir = workspace({ 'blob.py': Buffer.from([0x00, 0x01, 0x02, 0x00]) });
      const run = await cli(dir, 'scan');
      assert.equal(run.code, 1);
      assert.match(run.stderr, /none of the files could be read/);
    });

    it('exits 2 on a missing path, a bad format or an unknown --model', async () => {
      const dir = workspace({ 'route.ts': ROUTE_TS });
      assert.equal((await cli(dir, 'scan', 'nope')).code, 2);
      assert.equal((await cli(dir, 'scan', '--format', 'xml')).code, 2);
      const unknown = await cli(dir, 'scan', '--model', 'acme/never-heard-of-it');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /not in the catalog/);
      assert.equal((await cli(dir, 'bogus')).code, 2);
    });
  });
});
