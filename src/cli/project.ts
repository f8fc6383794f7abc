import * as path from 'node:path';
import { Catalog } from '../core/catalog';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../runtime/config-file';
import type { CommandIo } from './command';

/** What every command that analyses code needs: the config in force, its root and the catalog. */
export interface Project {
  loaded: LoadedConfig;
  /** The folder of the config file (volume globs are relative to it), else the cwd. */
  root: string;
  catalog: Catalog;
}

export function loadProject(firstPath: string, explicitConfig: string | undefined, cwd: string): Project {
  const file = explicitConfig ? path.resolve(cwd, explicitConfig) : findConfigFile(firstPath);
  const loaded = loadConfigFile(file);
  const root = loaded.file ? path.dirname(loaded.file) : cwd;
  return { loaded, root, catalog: new Catalog({ overrides: loaded.config.models }) };
}

/**
 * Config problems go to stderr as `file:line:column: severity: message`, like compilers print them.
 * `fallsBack`: the command goes on with the defaults when the file is broken, and says so.
 */
export function printConfigProblems(loaded: LoadedConfig, io: CommandIo, { fallsBack = true } = {}): void {
  if (!loaded.file) return;
  const rel = path.relative(io.cwd, loaded.file) || loaded.file;
  for (const p of loaded.problems) io.stderr(`${rel}:${p.line}:${p.column}: ${p.severity}: ${p.message}\n`);
  if (loaded.fellBack && fallsBack) io.stderr(`${rel}: the configuration has errors; using the defaults until they are fixed.\n`);
}
