import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_CONFIG, parseConfig, type ConfigProblem, type PromptCostConfig } from '../core/config';
import { CONFIG_FILE_NAME, findConfigFile } from '../runtime/config-file';
import type { ServerSettings } from './settings';

/** The configuration in force for one .promptcost.yaml, and what is wrong with its current text. */
export interface ConfigState {
  /** Absolute path of the file; null for "no file", where defaults apply. */
  file: string | null;
  /** The text last read, for locating problems. */
  text: string;
  /** The last configuration that parsed; defaults until one does. */
  config: PromptCostConfig;
  problems: ConfigProblem[];
  /** True when the current text is broken and an older good configuration stands in for it. */
  stale: boolean;
  /** Top-level settings the file writes itself; editor settings do not override those. */
  writes: { volumeDefault: boolean; expectedOutputTokens: boolean; compareModels: boolean };
}

const NO_FILE: ConfigState = {
  file: null,
  text: '',
  config: DEFAULT_CONFIG,
  problems: [],
  stale: false,
  writes: { volumeDefault: false, expectedOutputTokens: false, compareModels: false },
};

function writtenKeys(text: string): ConfigState['writes'] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    data = null;
  }
  const top = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const volume = top.volume;
  return {
    volumeDefault: typeof volume === 'number' || (!!volume && typeof volume === 'object' && 'default' in volume),
    expectedOutputTokens: 'expectedOutputTokens' in top,
    compareModels: 'compareModels' in top,
  };
}

/**
 * Keeps one state per configuration file. A broken file keeps the last good configuration in
 * force; a deleted one falls back to defaults. Which file governs a document is the nearest one at
 * or above it, looked up once per folder until files are created or deleted.
 */
export class ConfigStore {
  private readonly states = new Map<string, ConfigState>();
  private readonly lookups = new Map<string, string | null>();

  /** The state for the file governing `documentPath`, loading it from disk on first use. */
  forDocument(documentPath: string): ConfigState {
    return this.forFolder(path.dirname(documentPath));
  }

  /** The state for the file governing a folder. */
  forFolder(dir: string): ConfigState {
    let file = this.lookups.get(dir);
    if (file === undefined) {
      file = findConfigFile(dir);
      this.lookups.set(dir, file);
    }
    if (!file) return NO_FILE;
    return this.states.get(file) ?? this.load(file);
  }

  /** Re-reads a configuration file from `text` (an open editor buffer) or from disk. */
  load(file: string, text?: string): ConfigState {
    let source = text;
    if (source === undefined) {
      try {
        source = fs.readFileSync(file, 'utf8');
      } catch {
        this.forget(file);
        return NO_FILE;
      }
    }
    const previous = this.states.get(file);
    const parsed = parseConfig(source);
    const state: ConfigState = parsed.config
      ? { file, text: source, config: parsed.config, problems: parsed.problems, stale: false, writes: writtenKeys(source) }
      : {
          file,
          text: source,
          config: previous?.config ?? DEFAULT_CONFIG,
          problems: parsed.problems,
          stale: true,
          writes: previous?.writes ?? NO_FILE.writes,
        };
    this.states.set(file, state);
    return state;
  }

  /** A file was deleted: documents under it fall back to the next file up, or defaults. */
  forget(file: string): void {
    this.states.delete(file);
    this.lookups.clear();
  }

  /** Files were created or deleted somewhere: look the governing files up again. */
  clearLookups(): void {
    this.lookups.clear();
  }
}

export function isConfigFile(filePath: string): boolean {
  return path.basename(filePath) === CONFIG_FILE_NAME;
}

/** The configuration a document is analysed with: the file's, with editor settings where the file is silent. */
export function effectiveConfig(state: ConfigState, settings: ServerSettings): PromptCostConfig {
  const config = state.config;
  const volumeDefault = !state.writes.volumeDefault && settings.defaultVolume !== null ? settings.defaultVolume : config.volume.default;
  const expectedOutputTokens =
    !state.writes.expectedOutputTokens && settings.expectedOutputTokens !== null ? settings.expectedOutputTokens : config.expectedOutputTokens;
  const compareModels = state.writes.compareModels || settings.compareModels.length === 0 ? config.compareModels : settings.compareModels;
  if (volumeDefault === config.volume.default && expectedOutputTokens === config.expectedOutputTokens && compareModels === config.compareModels) {
    return config;
  }
  return { ...config, volume: { ...config.volume, default: volumeDefault }, expectedOutputTokens, compareModels };
}
