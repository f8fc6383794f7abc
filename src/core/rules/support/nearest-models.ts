/**
 * Known model ids closest to a model string the catalog does not know, for "did you mean"
 * suggestions: edit distance on the model name (provider prefix removed), candidates from the
 * same provider when the string or the SDK names one, else from the first-party providers.
 */
import { distance } from 'fastest-levenshtein';
import type { Catalog, ModelInfo } from '../../catalog';
import { parseModelString } from '../../catalog/model-string';
import type { CallApi } from '../../extract/model';

/** Providers that make their own models; router and reseller copies would only repeat their names. */
const FIRST_PARTY: ReadonlySet<string> = new Set(['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'x-ai', 'cohere', 'moonshotai', 'zai']);

/** The provider an SDK surface talks to, when it talks to one only. */
export function providerOfApi(api: CallApi): string | undefined {
  if (api.startsWith('openai.')) return 'openai';
  if (api.startsWith('anthropic.')) return 'anthropic';
  if (api.startsWith('google.')) return 'google';
  return undefined;
}

/** The part of a catalog id after the provider (`openai/gpt-4o` -> `gpt-4o`). */
export function modelName(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}

export function nearestModels(catalog: Catalog, written: string, api: CallApi, max: number): ModelInfo[] {
  const providers = new Set(catalog.list().map((model) => model.provider));
  const query = parseModelString(written, providers);
  const name = (query.names.at(-1) ?? written).toLowerCase();
  const provider = query.provider ?? providerOfApi(api);
  // Small typos only: two edits, or a third of the name for long names.
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored = new Map<string, { model: ModelInfo; score: number }>();
  for (const model of catalog.list()) {
    if (model.kind !== 'chat' || model.deprecated || model.local) continue;
    if (provider ? model.provider !== provider : !FIRST_PARTY.has(model.provider)) continue;
    const score = Math.min(...[modelName(model.id), ...model.aliases.map(modelName)].map((candidate) => distance(name, candidate.toLowerCase())));
    if (score > limit) continue;
    const previous = scored.get(model.id);
    if (!previous || score < previous.score) scored.set(model.id, { model, score });
  }
  return [...scored.values()]
    .sort((a, b) => a.score - b.score || a.model.id.localeCompare(b.model.id))
    .slice(0, max)
    .map(({ model }) => model);
}
