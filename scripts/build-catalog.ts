/**
 * Regenerates src/core/catalog/catalog-source.json after @pydantic/genai-prices is upgraded.
 * The package bundles its price data but exports no list of providers and no data date, so this
 * records the provider ids (from the package's own `genai-prices list`) and the catalog date (the
 * day the installed version was published to npm). Run: npx tsx scripts/build-catalog.ts
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = '@pydantic/genai-prices';
const OUTPUT = path.join(__dirname, '..', 'src', 'core', 'catalog', 'catalog-source.json');
/** The package root (its exports map hides package.json and the CLI from require.resolve). */
const PACKAGE_DIR = path.dirname(path.dirname(require.resolve(PACKAGE)));

/** The lines of the package's `genai-prices list`: a `Name: (n models)` header, then `  provider:model: Name` per model. */
export function cliListing(): string[] {
  const cli = path.join(PACKAGE_DIR, 'dist', 'cli.js');
  // Through a file: the CLI calls process.exit() right after printing, which cuts a piped stdout short.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'genai-prices-'));
  const file = path.join(dir, 'list.txt');
  const fd = openSync(file, 'w');
  try {
    execFileSync(process.execPath, [cli, 'list'], { stdio: ['ignore', fd, 'inherit'] });
  } finally {
    closeSync(fd);
  }
  const output = readFileSync(file, 'utf8');
  rmSync(dir, { recursive: true });
  return output.split('\n');
}

/** Provider ids in the order the package lists them. */
export function listedProviderIds(lines = cliListing()): string[] {
  const ids: string[] = [];
  for (const line of lines) {
    const match = /^ {2}([^:\s]+):/.exec(line);
    if (match && !ids.includes(match[1])) ids.push(match[1]);
  }
  return ids;
}

export function installedVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The UTC day npm recorded for publishing `version` (the only date the package's data carries). */
function publishedOn(version: string): string {
  const times = JSON.parse(execFileSync('npm', ['view', `${PACKAGE}@${version}`, 'time', '--json'], { encoding: 'utf8' })) as Record<string, string>;
  const published = times[version];
  if (!published) throw new Error(`npm has no publish time for ${PACKAGE}@${version}`);
  return published.slice(0, 10);
}

function main(): void {
  const version = installedVersion();
  const source = { package: PACKAGE, version, publishedOn: publishedOn(version), providers: listedProviderIds() };
  writeFileSync(OUTPUT, `${JSON.stringify(source, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}: ${PACKAGE}@${version}, ${source.providers.length} providers, published ${source.publishedOn}`);
}

if (require.main === module) main();
