/**
 * Editor settings under `promptcost.*`, as the server receives them through workspace/configuration.
 * Values are never trusted raw: each has a `from()` that maps anything unexpected to a safe default.
 */
import type { SeveritySetting } from '../core/config/model';

export interface ServerSettings {
  /** Models every prompt hover compares against, as catalog ids or aliases. */
  compareModels: string[];
  /** Calls per month where .promptcost.yaml sets no default volume; null = the configuration's. */
  defaultVolume: number | null;
  /** Output tokens assumed where a call sets no bound and .promptcost.yaml sets none; null = the configuration's. */
  expectedOutputTokens: number | null;
  /** Rule ids that run; empty = every rule. */
  enabledRules: string[];
  /** Severity per rule id, over .promptcost.yaml; 'off' turns a rule off. */
  rules: Record<string, SeveritySetting>;
  /** Analyse the workspace in the background when the server starts. */
  scanOnStartup: boolean;
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  compareModels: [],
  defaultVolume: null,
  expectedOutputTokens: null,
  enabledRules: [],
  rules: {},
  scanOnStartup: true,
});

const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export namespace Severity {
  /** A known severity, else undefined (the entry is dropped). */
  export function from(value: unknown): SeveritySetting | undefined {
    return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value) ? (value as SeveritySetting) : undefined;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((s) => s.trim()) : [];
}

function positiveNumberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function severityMap(value: unknown): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [id, raw] of Object.entries(value)) {
    const severity = Severity.from(raw);
    if (severity) out[id] = severity;
  }
  return out;
}

export namespace ServerSettings {
  /** The settings from whatever the client sent (possibly null, partial or wrongly typed). */
  export function from(raw: unknown): ServerSettings {
    const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    return {
      compareModels: stringList(value.compareModels),
      defaultVolume: positiveNumberOrNull(value.defaultVolume),
      expectedOutputTokens: positiveNumberOrNull(value.expectedOutputTokens),
      enabledRules: stringList(value.enabledRules),
      rules: severityMap(value.rules),
      scanOnStartup: typeof value.scanOnStartup === 'boolean' ? value.scanOnStartup : DEFAULT_SETTINGS.scanOnStartup,
    };
  }
}
