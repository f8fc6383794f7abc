import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintJson } from '../src/cli/format/lint-json';
import { percentiles, type BenchRow, runStandalone } from './bench-row';
import { generateWorkspace } from './generate-workspace';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const RUNS = 5;

/** One `promptcost lint` in a fresh process, timed from spawn to exit, as CI runs it. */
function lintOnce(root: string): { ms: number; json: LintJson } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'lint', root, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (run.status !== 0 && run.status !== 1) throw new Error(`promptcost lint exited ${run.status}: ${run.stderr}`);
  return { ms, json: JSON.parse(run.stdout) as LintJson };
}

/**
 * `promptcost lint` over the generated 2,000-file workspace, end to end from process start (Node
 * start-up, grammar loading, scan, rules, JSON out), after `npm run build`. The median of a few runs.
 */
export async function benchLint(): Promise<BenchRow[]> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does).`);
  const root = generateWorkspace();
  lintOnce(root);
  const runs = Array.from({ length: RUNS }, () => lintOnce(root));
  const { p50, p95 } = percentiles(runs.map((r) => r.ms));
  const { summary } = runs[0].json;
  const findings = summary.errors + summary.warnings + summary.infos;
  return [
    { name: 'files with prompts or calls', value: summary.filesLinted, unit: 'files', note: `${findings} findings` },
    { name: 'lint, process start to exit (p50)', value: p50 / 1000, unit: 's', note: `${RUNS} runs` },
    { name: 'lint, process start to exit (p95)', value: p95 / 1000, unit: 's' },
  ];
}

if (require.main === module) runStandalone('lint (2,000 generated files, from process start)', benchLint);
