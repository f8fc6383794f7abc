import { runCli } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as a user would from `cwd`. */
export function cli(cwd: string, ...argv: string[]): Promise<CliRun> {
  return cliWithStdin('', cwd, ...argv);
}

/** The same, with `stdin` as standard input. */
export async function cliWithStdin(stdin: string, cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => stdin,
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}
