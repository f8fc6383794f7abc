/**
 * The playground's memory over 1,000 runs: the real PlaygroundPanel and PlaygroundRuntime with a
 * stub `vscode` (test/unit/playground/fake-vscode.ts), each run played through the panel's
 * message handler against a loopback OpenAI fake that streams, with the cache capped at 200
 * entries. Heap (after a full GC) and RSS are read at runs 100 and 1,000, in a child Node started
 * with --expose-gc; the goal is a flat heap, unchanged listener counts, and the cache at its cap.
 * `npx tsx bench/playground-memory.ts` runs it alone.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTokenCountCache } from '../src/core/tokens/count';
import { startPlaygroundHarness, type Retained } from '../test/unit/playground/playground-harness';
import { runStandalone, type BenchRow } from './bench-row';

const RUNS = 1_000;
const FIRST_MARK = 100;
const CACHE_CAP = 200;
const ROOT = path.resolve(__dirname, '..');
const MB = 1024 * 1024;

interface Mark {
  runs: number;
  heapUsed: number;
  rss: number;
  retained: Retained;
}

interface ChildReport {
  marks: [Mark, Mark];
  cache: { entries: number; cap: number };
  msPerRun: number;
}

/** Inside the child: 1,000 runs, with the heap measured after a full collection at the marks. */
async function measure(): Promise<ChildReport> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const harness = await startPlaygroundHarness({ maxEntries: CACHE_CAP });
  try {
    const marks: Mark[] = [];
    const started = performance.now();
    for (let n = 1; n <= RUNS; n++) {
      await harness.run(n);
      if (n === FIRST_MARK || n === RUNS) {
        // The token-count LRU fills with each distinct prompt up to its bound (5,000 texts): it is
        // emptied before each reading so that what is left is what the panel and runtime keep.
        clearTokenCountCache();
        // Twice: the first pass may only queue finalizers that free more on the second.
        gc();
        gc();
        const { heapUsed, rss } = process.memoryUsage();
        marks.push({ runs: n, heapUsed, rss, retained: harness.retained() });
      }
    }
    const msPerRun = (performance.now() - started) / RUNS;
    const cache = await harness.cache();
    if (!cache) throw new Error('the runs never opened the cache');
    return { marks: marks as [Mark, Mark], cache, msPerRun };
  } finally {
    await harness.close();
  }
}

function runChild(): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--child'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the memory bench child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ChildReport);
    });
  });
}

const listeners = (r: Retained) => r.pageListeners + r.disposeListeners + r.panelSubscriptions + r.pendingBuffers + r.panels;

export async function benchPlaygroundMemory(): Promise<BenchRow[]> {
  const { marks, cache, msPerRun } = await runChild();
  const [early, late] = marks;
  const growth = (late.heapUsed - early.heapUsed) / (late.runs - early.runs);
  const same = JSON.stringify(early.retained) === JSON.stringify(late.retained);
  return [
    { name: `heap used after ${early.runs} runs`, value: early.heapUsed / MB, unit: 'MB', note: 'after a full GC, token-count LRU emptied' },
    { name: `heap used after ${late.runs} runs`, value: late.heapUsed / MB, unit: 'MB', note: 'after a full GC, token-count LRU emptied' },
    { name: `heap growth per run, runs ${early.runs}-${late.runs}`, value: growth, unit: 'bytes', note: 'goal: flat; V8 code and feedback still warming up count here' },
    { name: `RSS after ${early.runs} / ${late.runs} runs`, value: late.rss / MB, unit: 'MB', note: `${(early.rss / MB).toFixed(1)} MB after ${early.runs}` },
    { name: `panels, listeners, subscriptions, buffers after ${late.runs} runs`, value: listeners(late.retained), unit: '', note: same ? `same as after ${early.runs}` : `GREW: ${JSON.stringify(early.retained)} -> ${JSON.stringify(late.retained)}` },
    { name: `cache entries after ${late.runs} distinct prompts`, value: cache.entries, unit: 'entries', note: `cap ${cache.cap}` },
    { name: 'playground run (loopback fake, streaming)', value: msPerRun, unit: 'ms', note: 'mean over the runs, ledger view included' },
  ];
}

if (require.main === module) {
  if (process.argv.includes('--child')) {
    measure().then(
      (report) => {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else {
    runStandalone('Playground memory (1,000 runs)', benchPlaygroundMemory);
  }
}
