import type { PricedCall } from '../../analysis/model';
import { monthlyVolume } from '../../config/volume';
import type { RuleContext, Savings } from '../model';

/** Calls per month for the file being linted, at the configured volume. */
export function monthlyCallsOf(ctx: RuleContext): number {
  return monthlyVolume(ctx.config, ctx.file.path);
}

/** Savings of `usdPerCall` dollars and `tokens` tokens on every call, per 1,000 calls and per month. */
export function savingsPerCall(tokens: number, usdPerCall: number, monthlyCalls: number): Savings {
  return { tokens, per1kCallsUsd: usdPerCall * 1000, perMonthUsd: usdPerCall * monthlyCalls };
}

/** The model a priced call goes to, from the catalog; undefined when unknown. */
export function modelOfCall(ctx: RuleContext, call: PricedCall) {
  return call.modelId === null ? undefined : ctx.catalog.resolve(call.modelId);
}
