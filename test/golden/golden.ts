import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../package.json';

/**
 * Golden files: the expected output of a command, kept in test/golden/. Run the tests with
 * UPDATE_GOLDEN=1 to (re)write them after an intended change, then review the diff before committing.
 */
export const GOLDEN_DIR = __dirname;
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Output with what changes between releases and catalog updates replaced by placeholders. */
export function normalise(text: string, catalogDate: string): string {
  return text.split(catalogDate).join('<catalog-date>').split(`"${version}"`).join('"<version>"');
}

export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `${path.relative(REPO_ROOT, file)} is missing: run the test with UPDATE_GOLDEN=1 to write it`);
  const expected = fs.readFileSync(file, 'utf8');
  assert.ok(actual === expected, `${name} differs from its golden file; if the change is intended, run with UPDATE_GOLDEN=1 and review the diff.\n${firstDifference(expected, actual)}`);
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  expected: ${a[i] ?? '<end of file>'}\n  actual:   ${b[i] ?? '<end of file>'}`;
  }
  return '';
}
