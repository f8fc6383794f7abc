/**
 * Measures the extractors against the labelled corpus in test/fixtures/extract.
 * Usage: npm run eval:extract [-- --json] [-- --corpus <dir>]
 * A report, not a gate: it exits 0 whatever the scores (the corpus test holds the floors),
 * and 1 only when the corpus itself cannot be read.
 */
import { formatReport } from './format';
import { runExtractEval } from './run';

function optionValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  try {
    const report = await runExtractEval(optionValue(args, '--corpus'));
    process.stdout.write(`${args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`extract-eval: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
