import { compress, COMPRESS_LEVELS, type CompressLevel, type CompressResult } from '../../core/compress';
import { countTokens } from '../../core/tokens';
import { UsageError, type Command } from '../command';
import { loadProject, printConfigProblems } from '../project';
import { readPromptInput } from '../prompt-input';

/** The JSON contract of `promptcost compress --format json`. */
export interface CompressJson {
  model: string;
  level: CompressLevel;
  /** False when the count is a calibrated estimate (non-OpenAI tokenizers). */
  exact: boolean;
  originalTokens: number;
  compressedTokens: number;
  text: string;
  edits: Array<{ rule: string; reason: string; before: string; after: string; start: number; end: number }>;
}

export const compressCommand: Command = {
  name: 'compress',
  summary: 'Compress a prompt and list each edit with its reason',
  usage: [
    'Usage: promptcost compress [file|-] [--level safe|aggressive] [--format text|json] [--model ID]',
    '',
    'Reads the prompt from the file, or from standard input when the file is - or missing,',
    'and prints the compressed prompt and the edits made. Non-English prompts are left unchanged.',
    '',
    'Options:',
    '  --level safe|aggressive  safe (default) keeps the meaning and tone; aggressive also drops style',
    '  --format text|json       the text and a list of edits (default), or the JSON contract',
    '  --model ID               count tokens with this model\'s tokenizer (default: defaultModel of .promptcost.yaml)',
  ].join('\n'),
  options: {
    level: { type: 'string', default: 'safe' },
    format: { type: 'string', default: 'text' },
    model: { type: 'string' },
  },
  async run(values, positionals, io) {
    const level = values.level as string;
    if (!(COMPRESS_LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level must be safe or aggressive, not '${level}'.`);
    const format = values.format as string;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'.`);
    const { text, file } = await readPromptInput(positionals, io);

    const project = loadProject(file ?? io.cwd, undefined, io.cwd);
    printConfigProblems(project.loaded, io);
    const modelString = (values.model as string | undefined) ?? project.loaded.config.defaultModel;
    const model = project.catalog.resolve(modelString);
    if (!model) {
      throw new UsageError(`--model '${modelString}' is not in the catalog. Use a provider/model id such as openai/gpt-4o-mini, or add it under models: in .promptcost.yaml.`);
    }

    const result = compress(text, { level: level as CompressLevel });
    const json = toJson(text, result, model.id, model.tokenizer);
    io.stdout(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : formatText(json, result));
    return 0;
  },
};

function toJson(original: string, result: CompressResult, modelId: string, family: Parameters<typeof countTokens>[1]): CompressJson {
  const before = countTokens(original, family);
  const after = countTokens(result.text, family);
  return {
    model: modelId,
    level: result.level,
    exact: !before.estimate,
    originalTokens: before.tokens,
    compressedTokens: after.tokens,
    text: result.text,
    edits: result.edits.map(({ rule, reason, before: b, after: a, start, end }) => ({ rule, reason, before: b, after: a, start, end })),
  };
}

/** The compressed prompt, then a summary line, then one line per edit. */
function formatText(json: CompressJson, result: CompressResult): string {
  const approx = json.exact ? '' : '≈';
  const saved = json.originalTokens - json.compressedTokens;
  const share = json.originalTokens === 0 ? 0 : (100 * saved) / json.originalTokens;
  const lines = [
    json.text.replace(/\n+$/, ''),
    '',
    `${json.level}: ${approx}${json.originalTokens} -> ${approx}${json.compressedTokens} tokens (${json.model}), ${saved} saved (${share.toFixed(1)}%), ${json.edits.length} edit${json.edits.length === 1 ? '' : 's'}`,
  ];
  if (result.language === 'other') lines.push('The prompt is not in English; only English has a rule set, so it was left unchanged.');
  for (const e of json.edits) lines.push(`  ${e.start}-${e.end}  ${JSON.stringify(e.before)} -> ${JSON.stringify(e.after)}  ${e.reason} (${e.rule})`);
  return `${lines.join('\n')}\n`;
}
