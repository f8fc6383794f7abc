import { formatUsd } from '../../core/analysis/format';
import type { LintJson } from './lint-json';

export interface TextStyle {
  color: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The stylish-like form of a lint run: each file's path, then `line:col  severity  message  rule-id`
 * with the columns aligned within the file, then a summary, the monthly cost and why the run fails.
 */
export function formatLintText(json: LintJson, style: TextStyle): string {
  const paint = (code: number, close: number) => (t: string) => (style.color ? `\u001b[${code}m${t}\u001b[${close}m` : t);
  const bold = paint(1, 22);
  const dim = paint(2, 22);
  const underline = paint(4, 24);
  const bySeverity = { error: paint(31, 39), warning: paint(33, 39), info: paint(36, 39) };

  const out: string[] = [];
  for (const file of json.files) {
    out.push(underline(file.path));
    const where = file.findings.map((f) => `${f.line}:${f.column}`);
    const whereWidth = Math.max(...where.map((w) => w.length));
    const severityWidth = Math.max(...file.findings.map((f) => f.severity.length));
    const messageWidth = Math.max(...file.findings.map((f) => f.message.length));
    file.findings.forEach((f, i) => {
      const severity = bySeverity[f.severity](f.severity.padEnd(severityWidth));
      out.push(`  ${dim(where[i].padEnd(whereWidth))}  ${severity}  ${f.message.padEnd(messageWidth)}  ${dim(f.ruleId)}`);
    });
    out.push('');
  }

  const { errors, warnings, infos, fixable, filesLinted, monthlyUsd, monthlyBudgetUsd, failures } = json.summary;
  const problems = errors + warnings + infos;
  if (problems === 0) out.push(bold(`No problems in ${plural(filesLinted, 'file')} with prompts or LLM calls.`));
  else {
    const mark = errors > 0 ? bySeverity.error('✖') : warnings > 0 ? bySeverity.warning('✖') : bySeverity.info('ℹ');
    out.push(bold(`${mark} ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`));
    if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} fixable with the --fix option.`);
  }
  const budget = monthlyBudgetUsd === null ? '' : `; budget ${formatUsd(monthlyBudgetUsd)}/month`;
  out.push(dim(`Monthly cost at the configured volumes: ${formatUsd(monthlyUsd)}${budget}. Prices from the catalog of ${json.catalogDate}.`));
  for (const reason of failures) out.push(bySeverity.error(reason));
  return `${out.join('\n')}\n`;
}
