import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LedgerWriter, readLedger } from '../../../src/runtime/ledger/ledger-file';
import { recordsToCsv, summaryToCsv } from '../../../src/runtime/ledger/csv';
import { noSavings, type LedgerRecord } from '../../../src/runtime/ledger/record';
import { summarizeLedger } from '../../../src/runtime/ledger/summary';
import { tempDir } from './helpers';

export function record(fields: Partial<LedgerRecord> & { time: string }): LedgerRecord {
  return {
    v: 1,
    provider: 'openai',
    model: 'openai/gpt-4o-mini',
    tokens: { input: 100, output: 50, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
    estimated: false,
    costUsd: 0.01,
    cached: false,
    batch: false,
    latencyMs: 20,
    outcome: 'ok',
    savings: noSavings(),
    ...fields,
  };
}

describe('ledger file', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('ledger')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends records and reads them back', () => {
    const file = path.join(dir, 'nested', 'ledger.jsonl');
    const writer = new LedgerWriter(file);
    writer.append(record({ time: '2026-01-01T10:00:00.000Z' }));
    writer.append(record({ time: '2026-01-01T11:00:00.000Z', source: { file: 'src/a.py', line: 3 } }));
    writer.close();
    const { records, skipped } = readLedger(file);
    assert.equal(records.length, 2);
    assert.equal(skipped, 0);
    assert.deepEqual(records[1].source, { file: 'src/a.py', line: 3 });
  });

  it('reads a missing ledger as empty', () => {
    assert.deepEqual(readLedger(path.join(dir, 'none.jsonl')), { records: [], skipped: 0 });
  });

  it('skips a torn last line, and the next append starts on a line of its own', () => {
    const file = path.join(dir, 'ledger.jsonl');
    const first = new LedgerWriter(file);
    first.append(record({ time: '2026-01-01T10:00:00.000Z' }));
    first.close();
    fs.appendFileSync(file, JSON.stringify(record({ time: '2026-01-01T10:30:00.000Z' })).slice(0, 40));
    assert.deepEqual(
      (({ records, skipped }) => [records.length, skipped])(readLedger(file)),
      [1, 1],
    );
    const second = new LedgerWriter(file);
    second.append(record({ time: '2026-01-01T11:00:00.000Z' }));
    second.close();
    const { records, skipped } = readLedger(file);
    assert.deepEqual(records.map((r) => r.time), ['2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00.000Z']);
    assert.equal(skipped, 1);
  });

  it('skips lines that are JSON but not records', () => {
    const file = path.join(dir, 'ledger.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ v: 1, time: 'yesterday' })}\n${JSON.stringify(record({ time: '2026-01-01T10:00:00.000Z' }))}\n`);
    assert.equal(readLedger(file).records.length, 1);
    assert.equal(readLedger(file).skipped, 1);
  });
});

describe('ledger summary', () => {
  const now = new Date(2026, 2, 15, 12, 0, 0);
  const at = (month: number, day: number, hour = 9) => new Date(2026, month, day, hour).toISOString();
  const records = [
    record({ time: at(1, 20), costUsd: 1 }),
    record({ time: at(2, 2), costUsd: 0.5, model: 'anthropic/claude-haiku-4-5', provider: 'anthropic' }),
    record({ time: at(2, 15), costUsd: 0.25, savings: { ...noSavings(), routing: 0.1, compression: 0.02 } }),
    record({ time: at(2, 15, 10), costUsd: 0, cached: true, tokens: { input: 0, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0 }, savings: { ...noSavings(), cache: 0.25 } }),
    record({ time: at(2, 15, 11), costUsd: 0, outcome: 'error', error: 'rate-limited', tokens: { input: 0, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0 } }),
    record({ time: at(2, 15, 11), costUsd: 0.05, batch: true, savings: { ...noSavings(), batching: 0.05 } }),
    record({ time: at(2, 15, 11), costUsd: null, model: 'acme/x', provider: 'acme' }),
  ];

  it('totals today, this month and all, by model and by provider', () => {
    const s = summarizeLedger(records, { now });
    assert.equal(s.all.calls, 7);
    assert.equal(s.today.calls, 5);
    assert.equal(s.month.calls, 6);
    assert.equal(s.all.costUsd, 1.8);
    assert.equal(s.today.cacheHits, 1);
    assert.equal(s.today.errors, 1);
    assert.equal(s.today.batchCalls, 1);
    assert.equal(s.all.unpriced, 1);
    assert.deepEqual(s.byModel.map((g) => [g.name, g.calls]), [['openai/gpt-4o-mini', 5], ['anthropic/claude-haiku-4-5', 1], ['acme/x', 1]]);
    assert.deepEqual(s.byProvider.map((g) => g.name), ['openai', 'anthropic', 'acme']);
  });

  it('adds up the savings of each strategy', () => {
    const s = summarizeLedger(records, { now });
    assert.deepEqual(
      { cache: s.savings.cache, routing: s.savings.routing, compression: s.savings.compression, batching: s.savings.batching },
      { cache: 0.25, routing: 0.1, compression: 0.02, batching: 0.05 },
    );
    assert.ok(Math.abs(s.savings.total - 0.42) < 1e-12);
  });

  it('counts only records since a moment', () => {
    const s = summarizeLedger(records, { now, since: new Date(2026, 2, 10) });
    assert.equal(s.all.calls, 5);
    assert.equal(s.range.first, at(2, 15));
  });

  it('writes CSV with quoting, one row per record and per summary group', () => {
    const csv = recordsToCsv([record({ time: at(2, 15), source: { file: 'src/a, "b".py', line: 2 } })]);
    const [header, row] = csv.trim().split('\n');
    assert.match(header, /^time,source_file,source_line,provider,model/);
    assert.ok(row.includes('"src/a, ""b"".py",2,openai'));
    const summary = summaryToCsv(summarizeLedger(records, { now }));
    assert.match(summary, /^period,today,5,1,1,1,/m);
    assert.match(summary, /^saving,cache,0\.25$/m);
  });
});
