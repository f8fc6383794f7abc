/**
 * Savings of several strategies on the same call do not add up: routing makes every token cheaper,
 * compression sends fewer of them. Each strategy is taken to remove its share of what is left, so
 * the cost that remains is the product of the shares each leaves (never below zero).
 */
export function remainingAfter(baseUsd: number, savingsUsd: readonly number[]): number {
  if (baseUsd <= 0) return baseUsd;
  let remaining = baseUsd;
  for (const saved of savingsUsd) remaining *= 1 - Math.min(1, Math.max(0, saved / baseUsd));
  return remaining;
}
