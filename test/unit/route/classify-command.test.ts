import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CommandIo } from '../../../src/cli/command';
import type { ClassifyJson } from '../../../src/cli/commands/classify';
import { runCli } from '../../../src/cli/main';

function io(cwd: string, stdin = ''): CommandIo & { out: string; err: string } {
  const buffers = { out: '', err: '' };
  return Object.assign(buffers, {
    cwd,
    env: {},
    stdout: (t: string) => void (buffers.out += t),
    stderr: (t: string) => void (buffers.err += t),
    readStdin: async () => stdin,
  });
}

describe('promptcost classify', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-classify-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints task, complexity, model and why as JSON for a file', async () => {
    fs.writeFileSync(path.join(dir, 'prompt.txt'), 'Classify the ticket as billing, technical or other. Reply with the label only.\n{ticket}');
    const run = io(dir);
    assert.equal(await runCli(['classify', 'prompt.txt', '--format', 'json'], run), 0);
    const json = JSON.parse(run.out) as ClassifyJson;
    assert.deepEqual(Object.keys(json), ['task', 'complexity', 'model', 'why']);
    assert.equal(json.task, 'classify');
    assert.equal(json.complexity, 'low');
    assert.equal(json.model, 'openai/gpt-4.1-nano');
    assert.ok(json.why.some((line) => /rule \d+ matched/.test(line)), json.why.join('\n'));
  });

  it('reads standard input for - and prints readable lines', async () => {
    const run = io(dir, 'Translate to French: {text}');
    assert.equal(await runCli(['classify', '-'], run), 0);
    assert.match(run.out, /^task: {7}translate\ncomplexity: low\nmodel: {6}openai\/gpt-4o-mini\nwhy:\n {2}- /);
  });

  it('uses the routing table of .promptcost.yaml, with path and local from the project', async () => {
    fs.writeFileSync(
      path.join(dir, '.promptcost.yaml'),
      [
        'providers:',
        '  ollama: { baseUrl: "http://localhost:11434/v1" }',
        'routing:',
        '  - when: path matches "prompts/**" and local',
        '    model: ollama/llama3.1:8b',
        '  - when: "true"',
        '    model: openai/gpt-4o',
        '',
      ].join('\n'),
    );
    fs.mkdirSync(path.join(dir, 'prompts'));
    fs.writeFileSync(path.join(dir, 'prompts', 'a.txt'), 'Summarize this article in 3 bullet points.\n{article}');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Summarize this article in 3 bullet points.\n{article}');
    const inFolder = io(dir);
    await runCli(['classify', 'prompts/a.txt', '--format', 'json'], inFolder);
    assert.equal((JSON.parse(inFolder.out) as ClassifyJson).model, 'ollama/llama3.1:8b', inFolder.err);
    const outside = io(dir);
    await runCli(['classify', 'b.txt', '--format', 'json'], outside);
    assert.equal((JSON.parse(outside.out) as ClassifyJson).model, 'openai/gpt-4o');
  });

  it('keeps the provider of --model and enables local models with --local', async () => {
    const anthropic = io(dir, 'Extract the invoice number as JSON.\n{invoice}');
    await runCli(['classify', '--format', 'json', '--model', 'anthropic/claude-sonnet-4-5'], anthropic);
    assert.equal((JSON.parse(anthropic.out) as ClassifyJson).model, 'anthropic/claude-haiku-4-5');
    const local = io(dir, 'Extract the invoice number as JSON.\n{invoice}');
    await runCli(['classify', '--format', 'json', '--local'], local);
    assert.equal((JSON.parse(local.out) as ClassifyJson).model, 'ollama/qwen2.5:7b');
  });

  it('reports a bad routing condition with its rule and column, exit code 2', async () => {
    fs.writeFileSync(path.join(dir, '.promptcost.yaml'), 'routing:\n  - when: task == "qa" and tsak == "x"\n    model: openai/gpt-4o\n');
    const run = io(dir, 'What is the capital of France?');
    assert.equal(await runCli(['classify'], run), 2);
    assert.match(run.err, /^\.promptcost\.yaml:2:28: error: Routing rule 1: Unknown name 'tsak'/);
    assert.doesNotMatch(run.err, /using the defaults/);
    assert.equal(run.out, '');
  });

  it('rejects a bad --format and a missing file as usage errors', async () => {
    assert.equal(await runCli(['classify', '--format', 'xml'], io(dir)), 2);
    const missing = io(dir);
    assert.equal(await runCli(['classify', 'nope.txt'], missing), 2);
    assert.match(missing.err, /no such file: nope\.txt/);
  });
});
