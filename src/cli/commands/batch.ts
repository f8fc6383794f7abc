import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBatch, type BatchItem, type BatchItemResult } from '../../runtime/optimizer';
import { ProviderError, type ChatMessage } from '../../runtime/providers';
import { UsageError, type Command } from '../command';
import { loadProject, printConfigProblems } from '../project';
import { dollars, OPTIMIZER_OPTIONS, OPTIMIZER_USAGE, openCliRuntime, optionalNumber } from './run';

/** One line of the input file. */
interface InputLine {
  id?: string | number;
  model?: string;
  system?: string;
  user?: string;
  messages?: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  source?: { file: string; line?: number };
}

export const batchCommand: Command = {
  name: 'batch',
  summary: "Run many prompts through the providers' batch APIs at the batch price",
  usage: [
    'Usage: promptcost batch INPUTS.jsonl [--model ID] [--out FILE] [--poll SECONDS] [options]',
    '',
    'Each line of INPUTS.jsonl is one request:',
    '  {"id": "a1", "model": "openai/gpt-4o-mini", "system": "...", "user": "...", "maxTokens": 200}',
    '  ("messages": [{"role", "content"}, ...] may stand in for system and user; id defaults to the line number)',
    'Each request goes through the optimizer; answers already in the cache are served at once, the rest',
    'are submitted through the OpenAI, Anthropic or Gemini batch API, polled until done, and priced at the batch',
    'rate. Results are written as JSON Lines as they arrive, each call to the ledger; a summary goes to',
    'standard error. Ctrl-C cancels the running batch at the provider (exit code 130); a second one quits.',
    '',
    'Options:',
    '  --model ID             model for lines that name none (default: defaultModel of .promptcost.yaml)',
    '  --out FILE             write the results there instead of standard output',
    '  --poll SECONDS         time between status checks (default 30)',
    OPTIMIZER_USAGE,
  ].join('\n'),
  options: {
    model: { type: 'string' },
    out: { type: 'string' },
    poll: { type: 'string', default: '30' },
    ...OPTIMIZER_OPTIONS,
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('give one input file of JSON Lines.');
    const file = path.resolve(io.cwd, positionals[0]);
    if (!fs.existsSync(file)) throw new UsageError(`no such file: ${positionals[0]}`);
    const pollSeconds = optionalNumber(values.poll, '--poll', { min: 0 }) ?? 30;
    const project = loadProject(io.cwd, values.config as string | undefined, io.cwd);
    printConfigProblems(project.loaded, io);
    const defaultModel = (values.model as string | undefined) ?? project.loaded.config.defaultModel;
    const items = parseInputs(fs.readFileSync(file, 'utf8'), positionals[0], defaultModel);

    const out = values.out ? fs.openSync(path.resolve(io.cwd, String(values.out)), 'a') : undefined;
    const write = (result: BatchItemResult) => {
      const line = `${JSON.stringify(result)}\n`;
      if (out === undefined) io.stdout(line);
      else fs.writeSync(out, line);
    };
    const runtime = await openCliRuntime(values, io, project);
    try {
      const results = await runBatch(
        items,
        { pipeline: runtime.pipeline, catalog: project.catalog, batches: runtime.registry, cache: runtime.cache, ledger: runtime.ledger, pollIntervalMs: pollSeconds * 1000 },
        { onResult: write, onStatus: (message) => io.stderr(`${message}\n`) },
        io.watchInterrupt?.(),
      );
      io.stderr(`${summaryLine(results)}\n`);
      return results.some((r) => r.error) ? 1 : 0;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      io.stderr(`promptcost batch: ${error.message}\n`);
      return error.kind === 'cancelled' ? 130 : 1;
    } finally {
      if (out !== undefined) fs.closeSync(out);
      await runtime.close();
    }
  },
};

function parseInputs(text: string, name: string, defaultModel: string): BatchItem[] {
  const items: BatchItem[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const where = `${name}:${index + 1}`;
    let line: InputLine;
    try {
      line = JSON.parse(raw) as InputLine;
    } catch (error) {
      throw new UsageError(`${where}: not JSON: ${(error as Error).message}`);
    }
    const messages: ChatMessage[] = Array.isArray(line.messages)
      ? line.messages
      : [...(line.system ? [{ role: 'system' as const, content: line.system }] : []), ...(line.user !== undefined ? [{ role: 'user' as const, content: line.user }] : [])];
    if (!messages.some((m) => m.role === 'user' && typeof m.content === 'string')) throw new UsageError(`${where}: needs "user" (or "messages" with a user message).`);
    const id = String(line.id ?? index + 1);
    if (ids.has(id)) throw new UsageError(`${where}: the id '${id}' is used twice.`);
    ids.add(id);
    items.push({
      id,
      request: { model: line.model ?? defaultModel, messages, maxOutputTokens: line.maxTokens, temperature: line.temperature, ...(line.source ? { source: line.source } : {}) },
    });
  });
  if (items.length === 0) throw new UsageError(`${name} has no requests.`);
  return items;
}

function summaryLine(results: readonly BatchItemResult[]): string {
  const failed = results.filter((r) => r.error).length;
  const cached = results.filter((r) => r.cached).length;
  const cost = results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
  return `${results.length} results (${cached} from the cache, ${failed} failed), $${dollars(cost)} at the batch rate`;
}
