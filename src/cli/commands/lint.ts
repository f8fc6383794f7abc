import * as fs from 'node:fs';
import { version } from '../../../package.json';
import type { PromptIndex } from '../../core/analysis/prompt-index';
import { applyFixes } from '../../core/rules/apply-fixes';
import { RULES } from '../../core/rules';
import { workspaceMonthlyUsd } from '../../core/report/monthly-total';
import { lintOutcome, type FailOn } from '../../core/report/lint-outcome';
import { analyseWorkspace, reanalyse, type AnalysedFile } from '../analyse-workspace';
import { UsageError, type Command, type CommandIo } from '../command';
import { countFindings, toLintJson } from '../format/lint-json';
import { toSarif } from '../format/lint-sarif';
import { formatLintText } from '../format/lint-text';
import type { Project } from '../project';
import { colorWanted, loadCheckedProject, resolvePaths } from './shared-options';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Run every rule over the code, with budgets; text, JSON or SARIF for CI',
  usage: [
    'Usage: promptcost lint [paths...] [--format text|json|sarif] [--max-warnings N] [--fail-on error|warning] [--fix]',
    '',
    'Runs every rule over the prompts and LLM calls under the paths (default: the current folder), with',
    'the severities of .promptcost.yaml and the inline promptcost-disable comments, as the editor does.',
    '',
    'Options:',
    '  --format text|json|sarif  stylish text (default), the JSON contract, or SARIF 2.1.0 for code scanning',
    '  --max-warnings N          fail when there are more than N warnings',
    '  --fail-on error|warning   the lowest severity that fails the run (default: error)',
    '  --fix                     apply the safe fixes to the files, then report what is left',
    '  --config FILE             the .promptcost.yaml to use (default: the nearest one above the first path)',
    '  --no-color                plain text output',
    '',
    'Exit codes: 0 clean; 1 findings at or above the fail level, more warnings than --max-warnings, or the',
    'workspace over budgets.monthlyUsd; 2 usage or configuration error.',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'text' },
    'max-warnings': { type: 'string' },
    'fail-on': { type: 'string', default: 'error' },
    fix: { type: 'boolean', default: false },
    config: { type: 'string' },
    'no-color': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'.`);
    const failOn = values['fail-on'] as string;
    if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on must be error or warning, not '${failOn}'.`);
    const maxWarnings = parseMaxWarnings(values['max-warnings'] as string | undefined);
    const paths = resolvePaths(positionals, io);
    const project = loadCheckedProject(paths[0], values.config as string | undefined, io);
    if (!project) return 2;

    const workspace = await analyseWorkspace(paths, project, io);
    let { files } = workspace;
    if (values.fix) files = await fixFiles(files, project, workspace.scan.promptIndex, io);

    const monthlyUsd = workspaceMonthlyUsd(files);
    const monthlyBudgetUsd = project.loaded.config.budgets.monthlyUsd ?? null;
    const outcome = lintOutcome(countFindings(files), monthlyUsd, { failOn: failOn as FailOn, maxWarnings, monthlyBudgetUsd });
    const json = toLintJson(files, { catalogDate: project.catalog.catalogDate, monthlyUsd, monthlyBudgetUsd, failures: outcome.reasons });
    if (format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(json, [...RULES.values()], version), null, 2)}\n`);
    else io.stdout(formatLintText(json, { color: colorWanted(values, io) }));
    // Machine-readable output keeps stdout clean; the reason for a failing exit code still reaches the CI log.
    if (format !== 'text') for (const reason of outcome.reasons) io.stderr(`promptcost lint: ${reason}\n`);
    return outcome.exitCode;
  },
};

function parseMaxWarnings(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings must be a whole number, not '${raw}'.`);
  return Number(raw);
}

/** Applies each file's safe, non-overlapping fixes, writes the file and lints it again once. */
async function fixFiles(files: AnalysedFile[], project: Project, index: PromptIndex, io: CommandIo): Promise<AnalysedFile[]> {
  let fixed = 0;
  let changedFiles = 0;
  const result: AnalysedFile[] = [];
  for (const file of files) {
    // Invalid bytes were replaced before analysis: writing the text back would change them too.
    if (file.notices.some((n) => n.kind === 'invalid-encoding')) {
      result.push(file);
      continue;
    }
    const { text, applied } = applyFixes(file.text, file.findings);
    if (applied === 0) {
      result.push(file);
      continue;
    }
    fs.writeFileSync(file.file, text);
    fixed += applied;
    changedFiles++;
    result.push(await reanalyse(file, text, project, index));
  }
  if (fixed > 0) io.stderr(`promptcost lint: fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}.\n`);
  return result;
}
