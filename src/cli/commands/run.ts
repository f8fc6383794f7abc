import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliDataDir } from '../../runtime/ledger';
import { openRuntime, type Runtime } from '../../runtime/optimizer';
import type { PipelineSettings, RunResult } from '../../runtime/optimizer';
import { ProviderError, type ChatMessage, type OpenAiApi } from '../../runtime/providers';
import { EnvKeySource, scrub } from '../../runtime/secrets';
import { UsageError, type Command, type CommandIo, type ParsedValues } from '../command';
import { loadProject, printConfigProblems, type Project } from '../project';

/** Options `run` and `batch` share: the steps' switches and where the cache and ledger live. */
export const OPTIMIZER_OPTIONS = {
  'no-trim': { type: 'boolean', default: false },
  'no-compress': { type: 'boolean', default: false },
  'no-route': { type: 'boolean', default: false },
  'no-length': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  'keep-turns': { type: 'string' },
  level: { type: 'string' },
  'length-instruction': { type: 'boolean', default: false },
  local: { type: 'boolean', default: false },
  'local-model': { type: 'string' },
  redis: { type: 'string' },
  'data-dir': { type: 'string' },
  timeout: { type: 'string' },
  config: { type: 'string' },
} as const;

export const OPTIMIZER_USAGE = [
  '  --no-trim, --no-compress, --no-route, --no-length, --no-cache',
  '                         switch a step of the optimizer off',
  '  --keep-turns N         exchanges kept before the message answered (default 6); older ones are summarised',
  '  --level safe|aggressive  compression level (default safe)',
  '  --length-instruction   also tell the model how long to answer',
  '  --local                allow local models (Ollama, LM Studio, ...) even if none is configured',
  '  --local-model ID       the local model that answers when the routed provider fails',
  '  --redis URL            keep the cache in Redis (default: PROMPTCOST_REDIS_URL, else a folder)',
  '  --data-dir DIR         folder of the ledger and the cache (default: PROMPTCOST_HOME, else ~/.local/share/promptcost)',
  '  --timeout SECONDS      give up when the provider sends nothing for this long (default 60)',
  '  --config FILE          the .promptcost.yaml to use (default: the nearest one above the current folder)',
].join('\n');

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a prompt through the optimizer and a real model; stream the answer, then its cost',
  usage: [
    'Usage: promptcost run --user TEXT [--model ID] [--system FILE] [options]',
    '',
    'Sends the prompt through context trimming, compression, routing, output length control and the',
    'response cache, then to the model. The answer streams to standard output; a cost line (tokens as',
    'the provider reported them, dollars, latency, cache, routing) goes to standard error, and the call',
    'to the ledger. Keys come from OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, OPENROUTER_API_KEY',
    '(or apiKeyEnv under providers: in .promptcost.yaml).',
    '',
    'Options:',
    '  --model ID             model id, e.g. openai/gpt-4o-mini (default: defaultModel of .promptcost.yaml)',
    '  --system FILE          the system prompt, from a file',
    '  --user TEXT            the user message; - reads it from standard input',
    '  --history FILE         earlier turns: a JSON array of {"role": "user"|"assistant", "content": "..."}',
    '  --max-tokens N         bound on the answer (default: expectedOutputTokens of .promptcost.yaml)',
    '  --temperature T',
    '  --api chat|responses   the OpenAI API to use (default chat)',
    '  --format text|json     streamed text (default), or one JSON result on standard output',
    OPTIMIZER_USAGE,
  ].join('\n'),
  options: {
    model: { type: 'string' },
    system: { type: 'string' },
    user: { type: 'string' },
    history: { type: 'string' },
    'max-tokens': { type: 'string' },
    temperature: { type: 'string' },
    api: { type: 'string', default: 'chat' },
    format: { type: 'string', default: 'text' },
    ...OPTIMIZER_OPTIONS,
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'; give the message with --user.`);
    const format = oneOf(values.format, ['text', 'json'], '--format');
    const api = oneOf(values.api, ['chat', 'responses'], '--api') as OpenAiApi;
    if (values.user === undefined) throw new UsageError('give the user message with --user TEXT (or --user - to read standard input).');
    const user = values.user === '-' ? await io.readStdin() : String(values.user);
    const messages: ChatMessage[] = [];
    if (values.system !== undefined) messages.push({ role: 'system', content: readFile(io, String(values.system), '--system') });
    if (values.history !== undefined) messages.push(...readHistory(io, String(values.history)));
    messages.push({ role: 'user', content: user });

    const project = loadProject(io.cwd, values.config as string | undefined, io.cwd);
    printConfigProblems(project.loaded, io);
    const runtime = await openCliRuntime(values, io, project);
    try {
      const result = await runtime.pipeline.run(
        {
          model: (values.model as string | undefined) ?? project.loaded.config.defaultModel,
          messages,
          maxOutputTokens: optionalNumber(values['max-tokens'], '--max-tokens', { integer: true, min: 1 }),
          temperature: optionalNumber(values.temperature, '--temperature', { min: 0 }),
          api,
        },
        { onText: format === 'text' ? (text) => io.stdout(text) : undefined },
      );
      if (format === 'json') io.stdout(`${JSON.stringify(resultJson(result), null, 2)}\n`);
      else {
        if (!result.text.endsWith('\n')) io.stdout('\n');
        io.stderr(`${costLine(result)}\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      io.stderr(`promptcost run: ${error.message}\n`);
      return 1;
    } finally {
      await runtime.close();
    }
  },
};

/** The runtime for a CLI command: keys from the environment, the data folder, the step switches. */
export async function openCliRuntime(values: ParsedValues, io: CommandIo, project: Project): Promise<Runtime> {
  const { config } = project.loaded;
  const keepTurns = optionalNumber(values['keep-turns'], '--keep-turns', { integer: true, min: 0 });
  const level = values.level === undefined ? undefined : (oneOf(values.level, ['safe', 'aggressive'], '--level') as 'safe' | 'aggressive');
  const timeout = optionalNumber(values.timeout, '--timeout', { min: 0.001 });
  const redisUrl = (values.redis as string | undefined) ?? io.env.PROMPTCOST_REDIS_URL;
  let runtime: Runtime;
  try {
    runtime = await openRuntime({
      config,
      catalog: project.catalog,
      keys: new EnvKeySource(io.env, config.providers),
      dataDir: values['data-dir'] ? path.resolve(io.cwd, String(values['data-dir'])) : cliDataDir(io.env),
      redisUrl: redisUrl || undefined,
      callOptions: timeout !== undefined ? { idleTimeoutMs: timeout * 1000 } : {},
      settings: (d): PipelineSettings => ({
        trim: { ...d.trim, enabled: !values['no-trim'], keepTurns: keepTurns ?? d.trim.keepTurns },
        compress: { ...d.compress, enabled: !values['no-compress'], level: level ?? d.compress.level },
        route: {
          enabled: !values['no-route'],
          allowLocal: d.route.allowLocal || values.local === true || values['local-model'] !== undefined,
          localModel: (values['local-model'] as string | undefined) ?? d.route.localModel,
        },
        length: { ...d.length, enabled: !values['no-length'], instruction: values['length-instruction'] === true },
        cache: { enabled: !values['no-cache'] },
      }),
    });
  } catch (error) {
    throw new UsageError(scrub((error as Error).message));
  }
  const where = project.loaded.file ? path.relative(io.cwd, project.loaded.file) || project.loaded.file : 'routing';
  for (const p of runtime.routingProblems) io.stderr(`${where}: error: routing rule ${p.ruleIndex + 1} is left out: ${p.message}\n`);
  return runtime;
}

/** `model · tokens · cost · latency · cache · routing`, the line printed after the answer. */
export function costLine(result: RunResult): string {
  const u = result.usage;
  const approx = u.reported ? '' : '≈';
  const parts = [
    result.model,
    `${approx}${fmt(u.inputTokens)} in${u.cachedInputTokens ? ` (${fmt(u.cachedInputTokens)} cached)` : ''}`,
    `${approx}${fmt(u.outputTokens)} out${u.reasoningTokens ? ` (${fmt(u.reasoningTokens)} reasoning)` : ''}`,
    result.costUsd === null ? 'no price known' : `$${dollars(result.costUsd)}`,
    `${result.latencyMs} ms`,
    result.cached ? 'cache hit' : 'cache miss',
  ];
  if (result.model !== result.requestedModel) parts.push(`${result.fallback ? 'fallback' : 'routed'} from ${result.requestedModel}`);
  const saved = result.steps.reduce((sum, s) => sum + s.savedUsd, 0);
  if (saved > 0) parts.push(`saved $${dollars(saved)}`);
  const lines = [parts.join(' · ')];
  if (result.fallback) lines.push(`fallback: ${result.fallback.from} failed: ${result.fallback.reason}`);
  if (result.finishReason === 'length') lines.push(`the answer stopped at the bound of ${result.maxOutputTokens} tokens`);
  return lines.join('\n');
}

function resultJson(result: RunResult) {
  const { text, model, provider, requestedModel, usage, costUsd, cached, finishReason, latencyMs, fallback, steps, maxOutputTokens } = result;
  return { text, model, provider, requestedModel, usage, costUsd, cached, finishReason, latencyMs, fallback: fallback ?? null, maxOutputTokens: maxOutputTokens ?? null, steps };
}

export function dollars(value: number): string {
  return value === 0 ? '0' : value < 0.01 ? value.toPrecision(3) : value.toFixed(4);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export function oneOf(value: unknown, allowed: readonly string[], flag: string): string {
  const text = String(value);
  if (!allowed.includes(text)) throw new UsageError(`${flag} must be ${allowed.join(' or ')}, not '${text}'.`);
  return text;
}

export function optionalNumber(value: unknown, flag: string, rule: { integer?: boolean; min?: number }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (rule.integer && !Number.isInteger(n)) || (rule.min !== undefined && n < rule.min)) {
    throw new UsageError(`${flag} must be ${rule.integer ? 'a whole number' : 'a number'}${rule.min !== undefined ? ` of at least ${rule.min}` : ''}, not '${String(value)}'.`);
  }
  return n;
}

function readFile(io: CommandIo, file: string, flag: string): string {
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full)) throw new UsageError(`${flag}: no such file: ${file}`);
  return fs.readFileSync(full, 'utf8');
}

function readHistory(io: CommandIo, file: string): ChatMessage[] {
  let value: unknown;
  try {
    value = JSON.parse(readFile(io, file, '--history'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--history: ${file} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value) || !value.every(isTurn)) throw new UsageError(`--history: ${file} must be a JSON array of {"role": "user"|"assistant", "content": "..."}.`);
  return value;
}

function isTurn(value: unknown): value is ChatMessage {
  const m = value as ChatMessage | null;
  return typeof m === 'object' && m !== null && (m.role === 'user' || m.role === 'assistant' || m.role === 'system') && typeof m.content === 'string';
}
