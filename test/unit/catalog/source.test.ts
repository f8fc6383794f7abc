import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Catalog } from '../../../src/core/catalog';
import { CATALOG_SOURCE } from '../../../src/core/catalog/genai-prices';
import { cliListing, installedVersion, listedProviderIds } from '../../../scripts/build-catalog';

/** catalog-source.json is generated; these checks fail when the package moves on without it. */
describe('catalog source', () => {
  const listing = cliListing();

  it('was generated from the installed @pydantic/genai-prices', () => {
    assert.equal(CATALOG_SOURCE.version, installedVersion(), 'run: npx tsx scripts/build-catalog.ts');
    const locked = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(locked.dependencies[CATALOG_SOURCE.package], CATALOG_SOURCE.version);
  });

  it('lists every provider the package lists', () => {
    assert.deepEqual(CATALOG_SOURCE.providers, listedProviderIds(listing));
  });

  it('holds every model of the package', () => {
    const listed = new Set(new Catalog().list().map((model) => model.id));
    const cliModels = modelIds(listing);
    assert.ok(cliModels.length > 1000);
    for (const id of cliModels) assert.ok(listed.has(id), `${id} missing from the catalog`);
  });

  it('dates the catalog by the package version, not by today', () => {
    assert.match(CATALOG_SOURCE.publishedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(new Catalog().catalogDate, CATALOG_SOURCE.publishedOn);
  });
});

/** `provider/model` ids as the package's CLI lists them (its `  provider:model: Name` lines). */
function modelIds(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const match = /^ {2}([^:\s]+):(.+?)(?:: .*)?$/.exec(line);
    return match ? [`${match[1]}/${match[2]}`] : [];
  });
}
