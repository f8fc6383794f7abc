import type { PricedCall } from '../../analysis/model';
import { monthlyVolume } from '../../config/volume';
import type { RuleContext, Savings } from '../model';

/**
 * Calls per month at the configured volume: for a call site of the file being linted, or for an LLM
 * call that runs through wrapper calls, once for each of them (it is made whenever they are).
 */
export function monthlyCallsOf(ctx: RuleContext, call?: PricedCall | null): number {
  const volume = monthlyVolume(ctx.config, ctx.file.path);
  return call && call.relayedBy.length > 0 ? volume * call.relayedBy.length : volume;
}

/** Savings of `usdPerCall` dollars and `tokens` tokens on every call, per 1,000 calls and per month. */
export function savingsPerCall(tokens: number, usdPerCall: number, monthlyCalls: number): Savings {
  return { tokens, per1kCallsUsd: usdPerCall * 1000, perMonthUsd: usdPerCall * monthlyCalls };
}

/** The model a priced call goes to, from the catalog; undefined when unknown. */
export function modelOfCall(ctx: RuleContext, call: PricedCall) {
  return call.modelId === null ? undefined : ctx.catalog.resolve(call.modelId);
}
