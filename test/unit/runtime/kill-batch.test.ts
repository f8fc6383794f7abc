/**
 * kill -9 in the middle of `promptcost batch`: the CLI (tsx src/cli/main.ts) reads batch results
 * from a fake that sends two of four and then stalls; once the ledger holds those two records the
 * process is killed. The ledger and the cache must read back whole, and a new run must append to them.
 * Ctrl-C instead cancels the batch at the provider before the CLI exits.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileCache } from '../../../src/runtime/cache/file-cache';
import { LedgerWriter, readLedger } from '../../../src/runtime/ledger/ledger-file';
import { startOpenAiFake, type OpenAiFake } from '../../fakes/openai-fake';
import { KEYS, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

describe('kill -9 during promptcost batch', function () {
  this.timeout(60_000);
  let fake: OpenAiFake;
  let dir: string;

  before(async () => {
    fake = await startOpenAiFake({ key: KEYS.openai, batchPollsUntilDone: 1, batchResultsBeforeStall: 2 });
    dir = tempDir('kill');
    fs.writeFileSync(path.join(dir, '.promptcost.yaml'), `defaultModel: openai/gpt-4o-mini\nproviders:\n  openai: { baseUrl: "${fake.baseUrl}" }\n`);
    fs.writeFileSync(path.join(dir, 'inputs.jsonl'), ['alpha', 'beta', 'gamma', 'delta'].map((w) => JSON.stringify({ id: w, user: `Say ${w}` })).join('\n'));
  });
  after(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the ledger and the cache readable and appendable', async () => {
    const home = path.join(dir, 'home');
    const ledgerFile = path.join(home, 'ledger.jsonl');
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli/main.ts'), 'batch', 'inputs.jsonl', '--poll', '0', '--no-route'], {
      cwd: dir,
      env: { PATH: process.env.PATH, OPENAI_API_KEY: KEYS.openai, PROMPTCOST_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    // Wait for the two results the fake sends before it stalls, or for an early exit (a failure).
    let early = false;
    void exited.then(() => (early = true));
    while (!early && readLedger(ledgerFile).records.length < 2) await new Promise((r) => setTimeout(r, 25));
    assert.equal(early, false, `the batch ended before it was killed: ${stderr}`);
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');

    const { records, skipped } = readLedger(ledgerFile);
    assert.equal(skipped, 0);
    assert.deepEqual(records.map((r) => [r.batch, r.outcome]), [[true, 'ok'], [true, 'ok']]);
    assert.equal(stdout.trim().split('\n').length, 2);
    const cache = FileCache.open(path.join(home, 'cache'));
    assert.equal((await cache.stats()).entries, 2);
    await cache.close();

    // A kill in the middle of a write would leave a torn line; the next writer fences it off.
    fs.appendFileSync(ledgerFile, '{"v":1,"time":"2026-');
    const writer = new LedgerWriter(ledgerFile);
    writer.append({ ...records[0], time: new Date().toISOString() });
    writer.close();
    const after = readLedger(ledgerFile);
    assert.equal(after.records.length, 3);
    assert.equal(after.skipped, 1);
  });
});

describe('Ctrl-C during promptcost batch', function () {
  this.timeout(60_000);
  let fake: OpenAiFake;
  let dir: string;

  before(async () => {
    fake = await startOpenAiFake({ key: KEYS.openai, batchPollsUntilDone: 1000 });
    dir = tempDir('interrupt');
    fs.writeFileSync(path.join(dir, '.promptcost.yaml'), `defaultModel: openai/gpt-4o-mini\nproviders:\n  openai: { baseUrl: "${fake.baseUrl}" }\n`);
    fs.writeFileSync(path.join(dir, 'inputs.jsonl'), JSON.stringify({ id: 'one', user: 'Say one' }));
  });
  after(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cancels the batch at the provider and exits with 130', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli/main.ts'), 'batch', 'inputs.jsonl', '--poll', '1', '--no-route'], {
      cwd: dir,
      env: { PATH: process.env.PATH, OPENAI_API_KEY: KEYS.openai, PROMPTCOST_HOME: path.join(dir, 'home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let early = false;
    void exited.then(() => (early = true));
    while (!early && !stderr.includes('submitted 1 requests')) await new Promise((r) => setTimeout(r, 25));
    assert.equal(early, false, `the batch ended before it was interrupted: ${stderr}`);
    child.kill('SIGINT');
    assert.equal(await exited, 130, stderr);
    assert.match(stderr, /promptcost batch: Cancelled batch batch_\d+ at OpenAI; requests it finished before the cancel are still billed\./);
    assert.ok([...fake.batches.values()].every((b) => b.cancelled));
  });
});
