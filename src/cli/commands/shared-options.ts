import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, type CommandIo, type ParsedValues } from '../command';
import { loadProject, printConfigProblems, type Project } from '../project';

/** The positional paths, resolved against the cwd (default: the cwd); a missing one is a usage error. */
export function resolvePaths(positionals: readonly string[], io: Pick<CommandIo, 'cwd'>): string[] {
  const paths = (positionals.length > 0 ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
  const missing = paths.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.map((p) => path.relative(io.cwd, p) || p).join(', ')}`);
  return paths;
}

/**
 * Loads the configuration for a command whose exit code CI reads: problems are printed, and an error
 * in .promptcost.yaml returns null so the command exits 2 rather than judging the code by defaults
 * nobody chose.
 */
export function loadCheckedProject(firstPath: string, explicitConfig: string | undefined, io: CommandIo): Project | null {
  if (explicitConfig && !fs.existsSync(path.resolve(io.cwd, explicitConfig))) throw new UsageError(`no such configuration file: ${explicitConfig}`);
  const project = loadProject(firstPath, explicitConfig, io.cwd);
  printConfigProblems(project.loaded, io);
  if (project.loaded.problems.some((p) => p.severity === 'error')) {
    const where = path.relative(io.cwd, project.loaded.file!) || project.loaded.file;
    io.stderr(`promptcost: fix the configuration errors in ${where} first.\n`);
    return null;
  }
  return project;
}

/** Colour when writing to a terminal, unless --no-color or NO_COLOR says otherwise (FORCE_COLOR forces it). */
export function colorWanted(values: ParsedValues, io: CommandIo): boolean {
  return !values['no-color'] && io.env.NO_COLOR === undefined && Boolean(io.env.FORCE_COLOR ?? process.stdout.isTTY);
}
