/**
 * Prints the README's rule table, generated from each rule's meta so the two never disagree.
 * Usage: npx tsx scripts/rules-table.ts
 */
import { RULES } from '../src/core/rules';

const FIX_LABELS: Record<string, string> = { safe: '🔧 safe', unsafe: '💡 suggestion', mixed: '🔧 / 💡' };

const rows = [...RULES.values()].map(({ meta }) => {
  const fix = meta.fixable ? FIX_LABELS[meta.fixable] : '';
  return `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.description} | ${meta.kind} | ${meta.defaultSeverity} | ${fix} |`;
});

process.stdout.write(['| Rule | Description | Kind | Default | Fix |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
