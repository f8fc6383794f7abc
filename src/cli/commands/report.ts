import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../core/report';
import { analyseWorkspace } from '../analyse-workspace';
import { UsageError, type Command } from '../command';
import { loadCheckedProject, resolvePaths } from './shared-options';

const FORMATS = ['md', 'html', 'json'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the workspace cost report: ranking, totals, savings per rule and strategy',
  usage: [
    'Usage: promptcost report [paths...] [--format md|html|json] [--out FILE]',
    '',
    'Ranks every prompt and LLM call under the paths (default: the current folder) by monthly cost at the',
    'configured volumes; totals by model, file and folder; the savings each rule would bring; and the',
    'monthly cost at baseline, with routing and with all strategies.',
    '',
    'Options:',
    '  --format md|html|json  markdown (default), one self-contained HTML page, or the JSON contract',
    '  --out FILE             write the report to FILE instead of standard output',
    '  --config FILE          the .promptcost.yaml to use (default: the nearest one above the first path)',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'md' },
    out: { type: 'string' },
    config: { type: 'string' },
  },
  async run(values, positionals, io) {
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be md, html or json, not '${format}'.`);
    const paths = resolvePaths(positionals, io);
    const project = loadCheckedProject(paths[0], values.config as string | undefined, io);
    if (!project) return 2;

    const { files } = await analyseWorkspace(paths, project, io);
    const report = buildReport(files, { catalogDate: project.catalog.catalogDate, config: project.loaded.config, catalog: project.catalog });
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report);
    const out = values.out as string | undefined;
    if (out === undefined) io.stdout(text);
    else {
      const target = path.resolve(io.cwd, out);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      io.stderr(`promptcost report: wrote ${path.relative(io.cwd, target) || target}\n`);
    }
    return 0;
  },
};
