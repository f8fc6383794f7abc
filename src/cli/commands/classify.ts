import * as path from 'node:path';
import { classifyPrompt, compileRoutingTable, localModelsAllowed, route } from '../../core/route';
import { countTokens } from '../../core/tokens';
import { UsageError, type Command } from '../command';
import { loadProject, printConfigProblems } from '../project';
import { readPromptInput } from '../prompt-input';

/** The JSON contract of `promptcost classify --format json`. */
export interface ClassifyJson {
  task: string;
  complexity: string;
  /** The model the routing table names for this prompt, or null when no rule matched. */
  model: string | null;
  why: string[];
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: "Classify a prompt's task and complexity and show the model the routing table picks",
  usage: [
    'Usage: promptcost classify [file|-] [--format text|json] [--model ID] [--local]',
    '',
    'Reads the whole prompt (system and user parts together) from the file, or from standard input',
    'when the file is - or missing, and prints its task, complexity, the routed model and why.',
    'The routing table is `routing:` of .promptcost.yaml, or the default table when it has none.',
    '',
    'Options:',
    '  --format text|json  readable lines (default), or {"task", "complexity", "model", "why"}',
    '  --model ID          the model the call uses now; its provider is the `provider` of conditions',
    '                      (default: defaultModel of .promptcost.yaml)',
    '  --local             allow local models even if no local provider is configured',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'text' },
    model: { type: 'string' },
    local: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    const format = values.format as string;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'.`);
    const { text, file } = await readPromptInput(positionals, io);

    const project = loadProject(file ?? io.cwd, undefined, io.cwd);
    // The routing table is the answer here: with the config broken there is none to give.
    printConfigProblems(project.loaded, io, { fallsBack: false });
    if (project.loaded.fellBack) return 2;
    const { config } = project.loaded;
    const { table } = compileRoutingTable(config.routing);
    const modelString = (values.model as string | undefined) ?? config.defaultModel;
    const current = project.catalog.resolve(modelString);
    const classification = classifyPrompt(text);
    const decision = route(classification, table, {
      tokens: countTokens(text, current?.tokenizer ?? 'o200k_base').tokens,
      path: file ? path.relative(project.root, file).split(path.sep).join('/') : undefined,
      provider: current?.provider ?? modelString.split('/')[0],
      local: (values.local as boolean) || localModelsAllowed(config.providers),
    });
    const json: ClassifyJson = {
      task: classification.task,
      complexity: classification.complexity,
      model: decision.model,
      why: [...classification.why, ...decision.why],
    };
    io.stdout(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : formatText(json));
    return 0;
  },
};

function formatText(json: ClassifyJson): string {
  return [
    `task:       ${json.task}`,
    `complexity: ${json.complexity}`,
    `model:      ${json.model ?? '(no routing rule matched)'}`,
    'why:',
    ...json.why.map((line) => `  - ${line}`),
    '',
  ].join('\n');
}
