import * as fs from 'node:fs';
import { Catalog } from '../src/core/catalog';
import { DEFAULT_CONFIG } from '../src/core/config';
import { languageOfPath } from '../src/core/extract';
import { listSourceFiles } from '../src/runtime/workspace-files';
import { defaultGrammars, scanPaths } from '../src/runtime/scan';
import { runStandalone, type BenchRow } from './bench-row';
import { generateWorkspace } from './generate-workspace';

/** Parse-only time over the files: the floor any tree-sitter based scan stands on. */
async function parseFloor(files: string[]): Promise<number> {
  const grammars = defaultGrammars();
  const t0 = performance.now();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const parser = await grammars.parser(languageOfPath(file)!);
    parser.parse(text)?.delete();
  }
  return performance.now() - t0;
}

/**
 * Scan throughput over the generated 2,000-file workspace beside the parse-only floor.
 * Grammars are loaded before timing both, so neither pays the one-off WASM start-up.
 */
export async function benchScan(): Promise<BenchRow[]> {
  const root = generateWorkspace();
  const files = (await listSourceFiles([root])).map((f) => f.path);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const catalog = new Catalog({});
  for (const lang of ['python', 'typescript'] as const) await defaultGrammars().parser(lang);
  await scanPaths({ paths: [files[0]], root, config: DEFAULT_CONFIG, catalog });

  const t0 = performance.now();
  const result = await scanPaths({ paths: [root], root, config: DEFAULT_CONFIG, catalog });
  const scanMs = performance.now() - t0;
  const floorMs = await parseFloor(files);
  const prompts = result.files.reduce((n, f) => n + (f.costs?.prompts.length ?? 0), 0);
  return [
    { name: 'files', value: files.length, unit: 'files', note: `${(bytes / 1e6).toFixed(1)} MB, ${prompts} prompts found` },
    { name: 'scan', value: scanMs / 1000, unit: 's' },
    { name: 'scan throughput', value: files.length / (scanMs / 1000), unit: 'files/s' },
    { name: 'scan throughput (bytes)', value: bytes / 1e6 / (scanMs / 1000), unit: 'MB/s' },
    { name: 'parse-only floor', value: floorMs / 1000, unit: 's', note: `${(bytes / 1e6 / (floorMs / 1000)).toFixed(2)} MB/s` },
    { name: 'scan / floor', value: scanMs / floorMs, unit: 'x', note: 'goal ≤ 1.3' },
  ];
}

if (require.main === module) runStandalone('Workspace scan (2,000 generated files)', benchScan);
