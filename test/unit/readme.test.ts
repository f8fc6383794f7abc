import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { README, withGeneratedTable } from '../../scripts/rules-table';

describe('README', () => {
  it('has the rule table generated from the rules (run scripts/rules-table.ts --write)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    assert.equal(readme, withGeneratedTable(readme));
  });

  it('opens with the two commands that run the demo and every test', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    assert.match(firstBlock, /^npm run demo\b/m);
    assert.match(firstBlock, /^npm test\b/m);
  });
});
