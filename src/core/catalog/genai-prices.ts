/**
 * The one module that talks to @pydantic/genai-prices. Its data is bundled in the package (and
 * by esbuild into ours), so the catalog works offline. Model matching and the choice among dated
 * or time-of-day prices are the package's own logic, reached through `calcPrice`.
 */
import { calcPrice, findProvider, type ModelInfo as PackageModel, type ModelPrice, type Provider, type TieredPrices } from '@pydantic/genai-prices';
import source from './catalog-source.json';

export type { PackageModel, ModelPrice, Provider };

/** Package version, its publication day (the catalog date) and its provider ids; see scripts/build-catalog.ts. */
export const CATALOG_SOURCE: { package: string; version: string; publishedOn: string; providers: string[] } = source;

let providers: Provider[] | undefined;

/** Every provider in the bundled data, in the package's order. */
export function allProviders(): Provider[] {
  providers ??= CATALOG_SOURCE.providers.map((id) => {
    const provider = findProvider({ providerId: id });
    if (!provider) throw new Error(`${CATALOG_SOURCE.package} has no provider '${id}': run scripts/build-catalog.ts`);
    return provider;
  });
  return providers;
}

export interface PackageMatch {
  provider: Provider;
  model: PackageModel;
}

/** The model the package matches for `modelName` (under `providerId` when given), or undefined. */
export function matchModel(modelName: string, providerId?: string): PackageMatch | undefined {
  const result = calcPrice({ input_tokens: 0 }, modelName, providerId ? { providerId } : undefined);
  return result ? { provider: result.provider, model: result.model } : undefined;
}

/** The prices of `model` in force at `at`, chosen by the package's own rule for conditional prices. */
export function pricesAt(provider: Provider, model: PackageModel, at: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices;
  // A one-model provider whose only model matches its own id: calcPrice then selects the price only.
  const single: Provider = { ...provider, models: [{ ...model, match: { equals: model.id } }] };
  const result = calcPrice({ input_tokens: 0 }, model.id, { provider: single, timestamp: at });
  if (!result) throw new Error(`${CATALOG_SOURCE.package} priced no entry for ${provider.id}/${model.id}`);
  return result.model_price;
}

/** A price value as the package stores it: a number, tiers, or absent. */
export type PriceValue = number | TieredPrices | undefined;
