import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, type CommandIo } from './command';

/** A prompt given as `[file|-]`: its text, and the file (null for standard input). */
export async function readPromptInput(positionals: string[], io: CommandIo): Promise<{ text: string; file: string | null }> {
  if (positionals.length > 1) throw new UsageError('give one file (or - for standard input).');
  const source = positionals[0] ?? '-';
  const file = source === '-' ? null : path.resolve(io.cwd, source);
  if (file && !fs.existsSync(file)) throw new UsageError(`no such file: ${source}`);
  return { text: file ? fs.readFileSync(file, 'utf8') : await io.readStdin(), file };
}
