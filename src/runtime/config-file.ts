import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type ConfigProblem, type PromptCostConfig } from '../core/config';

export const CONFIG_FILE_NAME = '.promptcost.yaml';

export interface LoadedConfig {
  config: PromptCostConfig;
  /** The file read, or null when none was found and defaults apply. */
  file: string | null;
  problems: ConfigProblem[];
  /** True when errors made the file unusable and the defaults stand in for it. */
  fellBack: boolean;
}

/** The nearest .promptcost.yaml at or above `start` (a folder or a file). */
export function findConfigFile(start: string): string | null {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Loads a config file; a missing file means defaults, a broken one means defaults plus its problems. */
export function loadConfigFile(file: string | null): LoadedConfig {
  if (!file) return { config: DEFAULT_CONFIG, file: null, problems: [], fellBack: false };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const problem: ConfigProblem = {
      severity: 'error',
      message: `Cannot read the configuration: ${(error as Error).message}`,
      start: 0,
      end: 0,
      line: 1,
      column: 1,
    };
    return { config: DEFAULT_CONFIG, file, problems: [problem], fellBack: true };
  }
  const parsed = parseConfig(text);
  return { config: parsed.config ?? DEFAULT_CONFIG, file, problems: parsed.problems, fellBack: parsed.config === null };
}
