import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanPaths } from '../../runtime/scan';
import { UsageError, type Command } from '../command';
import { formatScanText } from '../format/scan-text';
import { toScanJson } from '../format/scan-report';
import { loadProject, printConfigProblems } from '../project';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Find the prompts and LLM calls in code and print their tokens and costs',
  usage: [
    'Usage: promptcost scan [paths...] [--format text|json] [--model ID] [--config FILE]',
    '',
    'Scans the given files and folders (default: the current folder), honouring .gitignore.',
    '',
    'Options:',
    '  --format text|json  text tables (default) or the JSON contract (version 1)',
    '  --model ID          price every prompt at this model instead of its own, e.g. openai/gpt-4o-mini',
    '  --config FILE       the .promptcost.yaml to use (default: the nearest one above the first path)',
    '  --no-color          plain text output',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'text' },
    model: { type: 'string' },
    config: { type: 'string' },
    'no-color': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    const format = values.format as string;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'.`);
    const paths = (positionals.length > 0 ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
    const missing = paths.filter((p) => !fs.existsSync(p));
    if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.map((p) => path.relative(io.cwd, p) || p).join(', ')}`);

    const project = loadProject(paths[0], values.config as string | undefined, io.cwd);
    printConfigProblems(project.loaded, io);
    const modelOverride = values.model as string | undefined;
    if (modelOverride && !project.catalog.resolve(modelOverride)) {
      throw new UsageError(`--model '${modelOverride}' is not in the catalog. Use a provider/model id such as openai/gpt-4o-mini, or add it under models: in .promptcost.yaml.`);
    }

    const result = await scanPaths({ paths, root: project.root, config: project.loaded.config, catalog: project.catalog, modelOverride });
    const json = toScanJson(result, io.cwd, project.catalog.catalogDate);
    if (format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    else io.stdout(formatScanText(json, { color: !values['no-color'] && io.env.NO_COLOR === undefined && Boolean(io.env.FORCE_COLOR ?? process.stdout.isTTY) }));
    if (result.filesListed > 0 && result.filesRead === 0) {
      io.stderr('promptcost scan: none of the files could be read.\n');
      return 1;
    }
    return 0;
  },
};
