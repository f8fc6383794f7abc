import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass buffers, main passes the process streams. */
export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads standard input to the end (for `-` file arguments). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  /**
   * Opts in to a clean stop: from this call on, the first Ctrl-C aborts the returned signal instead
   * of ending the process, and a second one quits at once. Commands that never call it keep the
   * default Ctrl-C.
   */
  watchInterrupt?: () => AbortSignal;
}

export type ParsedValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/**
 * One `promptcost <name>` subcommand: its options in node:util parseArgs form, a usage text,
 * and a run function returning the exit code (0 ok, 1 findings/failure, 2 usage or config error).
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: ParsedValues, positionals: string[], io: CommandIo): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
