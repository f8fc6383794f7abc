/**
 * The runtime behind the playground: the workspace's configuration, the catalog, the provider
 * registry with keys from SecretStorage, the response cache and the ledger in the extension's
 * global storage, and a Pipeline per request (it holds no state). One instance per extension
 * host; the project is reloaded only when .promptcost.yaml changes on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog } from '../../core/catalog';
import type { PromptCostConfig } from '../../core/config';
import { compileRoutingTable, type CompiledRule } from '../../core/route';
import { FileCache } from '../../runtime/cache';
import { findConfigFile, loadConfigFile } from '../../runtime/config-file';
import { CACHE_DIR, LEDGER_FILE, LedgerWriter, readLedger, recordsToCsv, summarizeLedger } from '../../runtime/ledger';
import type { BatchDeps } from '../../runtime/optimizer/batch';
import { Pipeline } from '../../runtime/optimizer/pipeline';
import { cacheLimits, defaultSettings } from '../../runtime/optimizer/settings';
import type { PipelineSettings } from '../../runtime/optimizer/types';
import { ProviderRegistry } from '../../runtime/providers/registry';
import type { KeySource } from '../../runtime/secrets';
import type { LedgerView, StepSwitch } from '../../shared/webview-messages';
import { ledgerView } from './view-model';

export interface Project {
  config: PromptCostConfig;
  /** The config file in force, or null for the defaults. */
  file: string | null;
  problems: string[];
  catalog: Catalog;
  routing: CompiledRule[];
  registry: ProviderRegistry;
}

export class PlaygroundRuntime {
  private project?: { key: string; value: Project };
  private cache?: FileCache;
  private cacheCap = 0;
  private ledger?: LedgerWriter;

  constructor(
    private readonly storageDir: string,
    private readonly keys: KeySource,
  ) {}

  get ledgerFile(): string {
    return path.join(this.storageDir, LEDGER_FILE);
  }

  /** The project of the nearest .promptcost.yaml above `start` (a workspace folder or a file). */
  projectFor(start: string | undefined): Project {
    const file = start ? findConfigFile(start) : null;
    const key = `${file ?? ''}\u0000${file ? statKey(file) : ''}`;
    if (this.project?.key === key) return this.project.value;
    const loaded = loadConfigFile(file);
    const catalog = new Catalog({ overrides: loaded.config.models });
    const { table, problems } = compileRoutingTable(loaded.config.routing);
    const value: Project = {
      config: loaded.config,
      file: loaded.file,
      problems: [...loaded.problems.map((p) => `${p.line}:${p.column} ${p.message}`), ...problems.map((p) => p.message)],
      catalog,
      routing: table,
      registry: new ProviderRegistry({ catalog, providers: loaded.config.providers, keys: this.keys }),
    };
    this.project = { key, value };
    return value;
  }

  /** A pipeline over the project with the steps the panel switched off turned off. */
  pipeline(project: Project, steps: Readonly<Record<StepSwitch, boolean>>): Pipeline {
    const settings = this.pipelineSettings(project);
    const switched: PipelineSettings = {
      trim: { ...settings.trim, enabled: steps.trim },
      compress: { ...settings.compress, enabled: steps.compress },
      route: { ...settings.route, enabled: steps.route },
      length: { ...settings.length, enabled: steps.length },
      cache: { enabled: steps.cache },
    };
    // One cache per extension host: the limits of the project that first needed it hold.
    if (!this.cache) {
      this.cacheCap = cacheLimits(project.config).maxEntries;
      this.cache = FileCache.open(path.join(this.storageDir, CACHE_DIR), cacheLimits(project.config));
    }
    this.ledger ??= new LedgerWriter(this.ledgerFile);
    return new Pipeline({ catalog: project.catalog, models: project.registry, routing: project.routing, settings: switched, cache: this.cache, ledger: this.ledger });
  }

  /** What runBatch needs: the pipeline (steps 1 to 5), the project's batch APIs, the cache and the ledger. */
  batchDeps(project: Project, steps: Readonly<Record<StepSwitch, boolean>>, pollIntervalMs: number): BatchDeps {
    const pipeline = this.pipeline(project, steps);
    return { pipeline, catalog: project.catalog, batches: project.registry, cache: steps.cache ? this.cache : undefined, ledger: this.ledger, pollIntervalMs };
  }

  /** Entries in the response cache against its cap (for the memory bench and tests). */
  async cacheEntries(): Promise<{ entries: number; cap: number } | undefined> {
    if (!this.cache) return undefined;
    return { entries: (await this.cache.stats()).entries, cap: this.cacheCap };
  }

  /** The pipeline's settings for the project, before the panel's switches. */
  pipelineSettings(project: Project): PipelineSettings {
    return defaultSettings(project.config);
  }

  ledgerView(now = new Date()): LedgerView {
    const { records } = readLedger(this.ledgerFile);
    return ledgerView(summarizeLedger(records, { now }), records, now);
  }

  ledgerCsv(): string {
    return recordsToCsv(readLedger(this.ledgerFile).records);
  }

  dispose(): void {
    this.ledger?.close();
    void this.cache?.close();
  }
}

function statKey(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}
