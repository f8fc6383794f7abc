/** The model catalog: prices, context windows and tokenizer families, with user overrides. */
export { Catalog, type CatalogOptions, type ResolveOptions, type ComparableOptions } from './catalog';
export { costOf, type Usage, type Cost } from './pricing';
export type { ModelInfo, ModelOverride, ModelKind, ModelSource, PriceTier, PriceTiers } from './types';
