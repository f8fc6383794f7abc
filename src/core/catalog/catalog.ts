/**
 * The model catalog: bundled genai-prices data plus the user's `models:` overrides, resolved from
 * strings as written in code. `resolve` returns undefined rather than a guess: a string resolves only
 * when the package's own match rules (or an override, or a local-server prefix) claim it.
 */
import { familyForModel } from '../tokens/model-families';
import { allProviders, CATALOG_SOURCE, matchModel, pricesAt, type PackageModel, type PriceValue, type Provider } from './genai-prices';
import { modelKind } from './model-kind';
import { parseLocal, parseModelString } from './model-string';
import type { ModelInfo, ModelOverride, PriceTier, PriceTiers } from './types';

/** Providers with a batch API at half the list price (OpenAI Batch, Anthropic Message Batches, Gemini/Vertex batch). */
const BATCH_PROVIDERS: ReadonlySet<string> = new Set(['openai', 'anthropic', 'google']);
const BATCH_DISCOUNT = 0.5;

/**
 * Model makers' own APIs, in the order an exact id is looked up when the string names no provider
 * and the package's provider rules claim none (e.g. `text-embedding-3-small`, which OpenAI's
 * `gpt-`-style rule misses). An exact id or alias match is a fact of the catalog, not a guess.
 */
const FIRST_PARTY = ['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'x-ai', 'cohere', 'moonshotai', 'zhipuai', 'minimax', 'perplexity', 'voyageai'];

export interface CatalogOptions {
  /** `models:` from .promptcost.yaml, keyed by `provider/model` (or a catalog model string). */
  overrides?: Readonly<Record<string, ModelOverride>>;
  /** Moment whose prices apply where the data has dated or time-of-day prices; defaults to now. */
  at?: Date;
}

export interface ResolveOptions {
  /** Provider known from the call site (e.g. the SDK client), used when the string has no prefix. */
  provider?: string;
}

export interface ComparableOptions {
  /** Smallest context window a candidate must have; defaults to the model's own window. */
  minContextWindow?: number;
  /** Look beyond the model's own provider (a swap then needs another SDK or key). */
  anyProvider?: boolean;
}

export class Catalog {
  /** YYYY-MM-DD on which the bundled price data was published. */
  readonly catalogDate = CATALOG_SOURCE.publishedOn;
  private readonly at: Date;
  private readonly overrides: ReadonlyMap<string, { key: string; fields: ModelOverride }>;
  private readonly resolved = new Map<string, ModelInfo | undefined>();
  private readonly built = new Map<string, ModelInfo>();
  private index?: ReadonlyMap<string, { provider: Provider; model: PackageModel }>;
  private targets?: ReadonlyMap<string, ModelOverride>;
  private all?: ModelInfo[];

  constructor(options: CatalogOptions = {}) {
    this.at = options.at ?? new Date();
    this.overrides = new Map(Object.entries(options.overrides ?? {}).map(([key, fields]) => [key.toLowerCase(), { key, fields }]));
  }

  /** The model a string names, or undefined when neither the catalog nor an override knows it. */
  resolve(modelString: string, options: ResolveOptions = {}): ModelInfo | undefined {
    const text = modelString.trim();
    const cacheKey = `${options.provider ?? ''}\u0000${text}`;
    if (this.resolved.has(cacheKey)) return this.resolved.get(cacheKey);
    const model = text ? this.resolveUncached(text, options.provider) : undefined;
    this.resolved.set(cacheKey, model);
    return model;
  }

  /** Every model: the bundled catalog with overrides applied, then models that only overrides define. */
  list(): readonly ModelInfo[] {
    if (!this.all) {
      const fromCatalog = [...this.catalogIndex().values()].map(({ provider, model }) => this.fromPackage(provider, model));
      const added = [...this.overrides.values()].filter(({ key }) => this.isNewModel(key)).map(({ key, fields }) => this.fromOverride(key, fields));
      this.all = [...fromCatalog, ...added];
    }
    return this.all;
  }

  /**
   * Up to `n` models cheaper than `model` that could take the same request. Rule: same kind (chat
   * with chat, embedding with embedding), same provider unless `anyProvider`, a known context window
   * at least `minContextWindow` (default: the model's own), not deprecated, not local, priced above
   * zero; ranked by blended price (3 input : 1 output tokens), cheapest first.
   */
  cheapestComparable(model: ModelInfo, n = 3, options: ComparableOptions = {}): ModelInfo[] {
    const needed = options.minContextWindow ?? model.contextWindow ?? 0;
    const ceiling = blendedPrice(model);
    if (ceiling === undefined) return [];
    const seen = new Set<string>();
    return this.list()
      .filter(
        (candidate) =>
          candidate.id !== model.id &&
          candidate.kind === model.kind &&
          (options.anyProvider || candidate.provider === model.provider) &&
          !candidate.deprecated &&
          !candidate.local &&
          candidate.contextWindow !== null &&
          candidate.contextWindow >= needed &&
          (blendedPrice(candidate) ?? Infinity) > 0 &&
          (blendedPrice(candidate) ?? Infinity) < ceiling,
      )
      .sort((a, b) => (blendedPrice(a) ?? 0) - (blendedPrice(b) ?? 0) || a.id.localeCompare(b.id))
      .filter((candidate) => {
        // Routers list one model under several ids; keep the first of each name and price.
        const key = `${candidate.name}\u0000${candidate.input}\u0000${candidate.output}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, n);
  }

  private resolveUncached(text: string, providerHint?: string): ModelInfo | undefined {
    const local = parseLocal(text, providerHint);
    if (local) return this.localModel(local.server, local.serverName, local.model);
    // A model that only the user defines wins over any looser catalog match of the same string.
    const override = this.overrides.get(text.toLowerCase()) ?? (providerHint ? this.overrides.get(`${providerHint}/${text}`.toLowerCase()) : undefined);
    if (override && this.isNewModel(override.key)) return this.fromOverride(override.key, override.fields);
    const match = this.matchCatalog(text, providerHint);
    return match ? this.fromPackage(match.provider, match.model) : undefined;
  }

  /** True when an override key names no catalog model, so it defines a new one. */
  private isNewModel(overrideKey: string): boolean {
    return this.matchCatalog(overrideKey) === undefined;
  }

  /** Override fields by the canonical id of the catalog model each override key resolves to. */
  private overrideTargets(): ReadonlyMap<string, ModelOverride> {
    if (!this.targets) {
      const targets = new Map<string, ModelOverride>();
      for (const { key, fields } of this.overrides.values()) {
        const target = this.matchCatalog(key);
        if (target) targets.set(`${target.provider.id}/${target.model.id}`, { ...targets.get(`${target.provider.id}/${target.model.id}`), ...fields });
      }
      this.targets = targets;
    }
    return this.targets;
  }

  private matchCatalog(text: string, providerHint?: string): { provider: Provider; model: PackageModel } | undefined {
    const index = this.catalogIndex();
    const query = parseModelString(text, new Set(CATALOG_SOURCE.providers), providerHint);
    for (const name of query.names) {
      const exact = query.provider ? index.get(`${query.provider}/${name}`.toLowerCase()) : index.get(name.toLowerCase());
      if (exact) return exact;
      const matched = matchModel(name, query.provider) ?? (query.provider ? undefined : this.firstPartyExact(name));
      if (matched) return matched;
    }
    return undefined;
  }

  private firstPartyExact(name: string): { provider: Provider; model: PackageModel } | undefined {
    const lower = name.toLowerCase();
    for (const providerId of FIRST_PARTY) {
      const hit = this.catalogIndex().get(`${providerId}/${lower}`);
      if (hit) return hit;
      const provider = allProviders().find((candidate) => candidate.id === providerId);
      const model = provider?.models.find((candidate) => aliasesOf(candidate).some((alias) => alias.toLowerCase() === lower));
      if (provider && model) return { provider, model };
    }
    return undefined;
  }

  /** Canonical `provider/model` ids (lower-cased) of the bundled data. */
  private catalogIndex(): ReadonlyMap<string, { provider: Provider; model: PackageModel }> {
    if (!this.index) {
      const index = new Map<string, { provider: Provider; model: PackageModel }>();
      for (const provider of allProviders()) {
        for (const model of provider.models) index.set(`${provider.id}/${model.id}`.toLowerCase(), { provider, model });
      }
      this.index = index;
    }
    return this.index;
  }

  private fromPackage(provider: Provider, model: PackageModel): ModelInfo {
    const id = `${provider.id}/${model.id}`;
    let info = this.built.get(id);
    if (!info) {
      const prices = pricesAt(provider, model, this.at);
      const input = basePrice(prices.input_mtok);
      const output = basePrice(prices.output_mtok);
      const tiers = tiersOf({
        input: prices.input_mtok,
        output: prices.output_mtok,
        cachedInput: prices.cache_read_mtok,
        cacheWrite: prices.cache_write_mtok,
      });
      const base: ModelInfo = {
        id,
        provider: provider.id,
        name: model.name ?? model.id,
        aliases: aliasesOf(model),
        kind: modelKind(model.id, input !== null, output !== null),
        input,
        output,
        cachedInput: basePrice(prices.cache_read_mtok),
        cacheWrite: basePrice(prices.cache_write_mtok),
        ...batchPrices(provider.id, input, output),
        ...(tiers ? { tiers } : {}),
        contextWindow: model.context_window ?? null,
        maxOutput: null,
        tokenizer: familyForModel(model.id) ?? 'other',
        local: false,
        deprecated: model.deprecated ?? false,
        catalogDate: this.catalogDate,
        source: 'genai-prices',
      };
      const fields = this.overrideTargets().get(id);
      info = fields ? withOverride(base, fields) : base;
      this.built.set(id, info);
    }
    return info;
  }

  private fromOverride(key: string, fields: ModelOverride): ModelInfo {
    const slash = key.indexOf('/');
    const provider = slash > 0 ? key.slice(0, slash) : 'custom';
    const id = slash > 0 ? key : `custom/${key}`;
    const base: ModelInfo = {
      id,
      provider,
      name: key.slice(slash + 1),
      aliases: [],
      kind: modelKind(key, fields.input !== undefined, fields.output !== undefined),
      input: null,
      output: null,
      cachedInput: null,
      cacheWrite: null,
      batchInput: null,
      batchOutput: null,
      contextWindow: null,
      maxOutput: null,
      tokenizer: familyForModel(key) ?? 'other',
      local: false,
      deprecated: false,
      catalogDate: this.catalogDate,
      source: 'override',
      note: 'defined in .promptcost.yaml (models:)',
    };
    return withOverride(base, fields);
  }

  private localModel(server: string, serverName: string, model: string): ModelInfo {
    return {
      id: `${server}/${model}`,
      provider: server,
      name: model,
      aliases: [],
      kind: 'chat',
      input: 0,
      output: 0,
      cachedInput: 0,
      cacheWrite: null,
      batchInput: null,
      batchOutput: null,
      contextWindow: null,
      maxOutput: null,
      tokenizer: familyForModel(model) ?? 'other',
      local: true,
      deprecated: false,
      catalogDate: this.catalogDate,
      source: 'local',
      note: `local model served by ${serverName}: no per-token price (hardware and power are not counted)`,
    };
  }
}

/**
 * `base` with the user's fields on top. Batch prices follow overridden list prices, and the
 * catalog's long-context tiers of an overridden price are dropped (they priced the old base).
 */
function withOverride(base: ModelInfo, fields: ModelOverride): ModelInfo {
  const input = fields.input ?? base.input;
  const output = fields.output ?? base.output;
  const batch = batchPrices(base.provider, input, output);
  const tiers = remainingTiers(base.tiers, fields);
  const { tiers: _replaced, ...rest } = base;
  return {
    ...rest,
    ...(tiers ? { tiers } : {}),
    name: fields.name ?? base.name,
    kind: base.source === 'override' ? modelKind(base.id, input !== null, output !== null) : base.kind,
    input,
    output,
    cachedInput: fields.cachedInput ?? base.cachedInput,
    cacheWrite: fields.cacheWrite ?? base.cacheWrite,
    batchInput: fields.batchInput ?? batch.batchInput,
    batchOutput: fields.batchOutput ?? batch.batchOutput,
    contextWindow: fields.contextWindow ?? base.contextWindow,
    maxOutput: fields.maxOutput ?? base.maxOutput,
    tokenizer: fields.tokenizer ?? base.tokenizer,
    deprecated: fields.deprecated ?? base.deprecated,
    source: 'override',
    note: base.source === 'override' ? base.note : 'catalog price overridden in .promptcost.yaml (models:)',
  };
}

function remainingTiers(tiers: PriceTiers | undefined, fields: ModelOverride): PriceTiers | undefined {
  if (!tiers) return undefined;
  const kept: PriceTiers = { ...tiers };
  for (const field of Object.keys(kept) as (keyof PriceTiers)[]) if (fields[field] !== undefined) delete kept[field];
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function batchPrices(provider: string, input: number | null, output: number | null): Pick<ModelInfo, 'batchInput' | 'batchOutput'> {
  if (!BATCH_PROVIDERS.has(provider)) return { batchInput: null, batchOutput: null };
  return { batchInput: input === null ? null : input * BATCH_DISCOUNT, batchOutput: output === null ? null : output * BATCH_DISCOUNT };
}

function basePrice(value: PriceValue): number | null {
  if (value === undefined) return null;
  return typeof value === 'number' ? value : value.base;
}

function tiersOf(values: Record<keyof PriceTiers, PriceValue>): PriceTiers | undefined {
  const tiers: PriceTiers = {};
  for (const [field, value] of Object.entries(values) as [keyof PriceTiers, PriceValue][]) {
    if (typeof value === 'object') tiers[field] = value.tiers.map((tier): PriceTier => ({ aboveInputTokens: tier.start, price: tier.price }));
  }
  return Object.keys(tiers).length > 0 ? tiers : undefined;
}

/** Exact ids the package matches to this model (its `equals` rules), besides the model's own id. */
function aliasesOf(model: PackageModel): string[] {
  const found = new Set<string>();
  const visit = (logic: PackageModel['match']): void => {
    if ('equals' in logic) found.add(logic.equals);
    else if ('or' in logic) logic.or.forEach(visit);
  };
  visit(model.match);
  found.delete(model.id);
  return [...found];
}

/** $ per 1M tokens for a 3:1 input:output mix; undefined when either price is unknown. */
function blendedPrice(model: ModelInfo): number | undefined {
  if (model.input === null || model.output === null) return undefined;
  return (3 * model.input + model.output) / 4;
}
