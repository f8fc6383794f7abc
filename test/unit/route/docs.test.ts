import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { compileCondition, ConditionError, DEFAULT_ROUTING_TABLE, validateRouting } from '../../../src/core/route';

const page = fs.readFileSync(path.join(__dirname, '../../../docs/routing.md'), 'utf8');

describe('docs/routing.md', () => {
  it('every YAML routing example is a valid table', () => {
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as { routing: Array<{ when: string; model: string }> });
    assert.ok(blocks.length >= 2);
    for (const block of blocks) assert.deepEqual(validateRouting(block.routing), []);
  });

  it('shows the default table as it is', () => {
    const shown = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as { routing: Array<{ when: string; model: string }> }).at(-1);
    assert.deepEqual(shown?.routing, DEFAULT_ROUTING_TABLE.map(({ when, model }) => ({ when, model })));
  });

  it('every condition in the table of mistakes fails with the message shown', () => {
    const section = page.slice(page.indexOf('### Mistakes are config errors'), page.indexOf('### The default table'));
    const rows = [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)];
    assert.ok(rows.length >= 5);
    for (const [, condition, message] of rows) {
      const shown = message.split('…')[0].trim();
      assert.throws(
        () => compileCondition(condition),
        (error: unknown) => error instanceof ConditionError && error.message.startsWith(shown),
        `${condition}: ${shown}`,
      );
    }
  });
});
