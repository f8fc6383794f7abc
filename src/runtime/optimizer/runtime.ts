/**
 * Everything a run needs, put together once: the provider registry, the cache (a folder, or Redis
 * when a URL is given), the ledger writer and the pipeline. The CLI passes its data folder and
 * environment keys; the extension passes its global storage path and a SecretStorage key source.
 */
import * as path from 'node:path';
import type { Catalog } from '../../core/catalog';
import type { PromptCostConfig } from '../../core/config';
import { compileRoutingTable, type RoutingProblem } from '../../core/route';
import { FileCache } from '../cache/file-cache';
import { RedisCache } from '../cache/redis-cache';
import type { CacheLimits, ResponseCache } from '../cache/types';
import { CACHE_DIR, LEDGER_FILE } from '../ledger/data-dir';
import { LedgerWriter } from '../ledger/ledger-file';
import type { CallOptions } from '../providers/call';
import { ProviderRegistry } from '../providers/registry';
import type { KeySource } from '../secrets';
import { Pipeline } from './pipeline';
import { cacheLimits, defaultSettings } from './settings';
import type { PipelineSettings } from './types';

export interface RuntimeOptions {
  config: PromptCostConfig;
  catalog: Catalog;
  keys: KeySource;
  /** Folder of the ledger (`ledger.jsonl`) and the folder cache (`cache/`). */
  dataDir: string;
  /** A Redis URL: the cache lives there instead of the folder. */
  redisUrl?: string;
  cacheLimits?: Partial<CacheLimits>;
  /** Changes to the default settings from the config (switches from the command line or the panel). */
  settings?: (defaults: PipelineSettings) => PipelineSettings;
  callOptions?: Omit<CallOptions, 'signal' | 'onText'>;
}

export interface Runtime {
  pipeline: Pipeline;
  registry: ProviderRegistry;
  cache: ResponseCache;
  ledger: LedgerWriter;
  settings: PipelineSettings;
  /** Bad routing conditions: those rules are left out of the table. */
  routingProblems: RoutingProblem[];
  close(): Promise<void>;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, catalog } = options;
  const registry = new ProviderRegistry({ catalog, providers: config.providers, keys: options.keys });
  const limits = { ...cacheLimits(config), ...options.cacheLimits };
  const redisUrl = options.redisUrl ?? config.cache.redis;
  const cache = redisUrl
    ? await RedisCache.connect({ url: redisUrl, limits })
    : FileCache.open(path.join(options.dataDir, CACHE_DIR), limits);
  const ledger = new LedgerWriter(path.join(options.dataDir, LEDGER_FILE));
  const { table, problems } = compileRoutingTable(config.routing);
  const defaults = defaultSettings(config);
  const settings = options.settings ? options.settings(defaults) : defaults;
  const pipeline = new Pipeline({ catalog, models: registry, routing: table, settings, cache, ledger, callOptions: options.callOptions });
  return {
    pipeline,
    registry,
    cache,
    ledger,
    settings,
    routingProblems: problems,
    async close() {
      ledger.close();
      await cache.close();
    },
  };
}
