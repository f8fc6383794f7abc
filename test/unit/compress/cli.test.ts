import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompressJson } from '../../../src/cli/commands/compress';
import { cliWithStdin } from '../cli/run-cli';

const run = (argv: string[], stdin = '', cwd = os.tmpdir()) => cliWithStdin(stdin, cwd, ...argv);

const PROMPT = 'I want you to act as a poet. Please do not use rhymes. I would like you to write 3 stanzas.';

describe('promptcost compress', () => {
  it('reads standard input and prints the text, the token figures and each edit', async () => {
    const { code, stdout } = await run(['compress', '-'], PROMPT);
    assert.equal(code, 0);
    const [text, blank, summary, ...edits] = stdout.trimEnd().split('\n');
    assert.equal(text, "Act as a poet. Don't use rhymes. Write 3 stanzas.");
    assert.equal(blank, '');
    assert.match(summary, /^safe: 27 -> 16 tokens \(openai\/gpt-4o\), 11 saved \(40\.7%\), 4 edits$/);
    assert.equal(edits.length, 4);
    assert.match(edits[1], /"Please " -> ""  politeness does not change what the model is asked to do \(politeness\/please\)/);
  });

  it('prints the JSON contract for a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-compress-'));
    fs.writeFileSync(path.join(dir, 'prompt.txt'), PROMPT);
    const { code, stdout } = await run(['compress', 'prompt.txt', '--format', 'json', '--level', 'aggressive'], '', dir);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as CompressJson;
    assert.equal(json.level, 'aggressive');
    assert.equal(json.text, "Act as poet. Don't use rhymes. Write 3 stanzas.");
    assert.equal(json.originalTokens, 27);
    assert.equal(json.compressedTokens, 15);
    assert.ok(json.edits.every((e) => PROMPT.slice(e.start, e.end) === e.before));
  });

  it('counts with the tokenizer of --model and marks estimates', async () => {
    const { stdout } = await run(['compress', '--format', 'json', '--model', 'anthropic/claude-sonnet-4-5'], PROMPT);
    const json = JSON.parse(stdout) as CompressJson;
    assert.equal(json.model, 'anthropic/claude-sonnet-4-5');
    assert.equal(json.exact, false);
  });

  it('says when a prompt is left alone because it is not English', async () => {
    const { code, stdout } = await run(['compress'], 'Bitte übersetze den folgenden Text und gib keine Erklärungen.');
    assert.equal(code, 0);
    assert.match(stdout, /not in English/);
  });

  it('rejects a bad level, format, model or file with exit code 2', async () => {
    for (const argv of [
      ['compress', '--level', 'extreme'],
      ['compress', '--format', 'xml'],
      ['compress', '--model', 'no/such-model'],
      ['compress', 'missing-file.txt'],
    ]) {
      const { code, stderr } = await run(argv, PROMPT);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /Usage: promptcost compress/);
    }
  });
});
