/** Number formats shared by hovers, code lenses, the CLI and reports, so every surface shows the same figure. */

const grouped = new Intl.NumberFormat('en-US');

/** `1,234`, prefixed with ≈ when the count is an estimate. */
export function formatTokens(tokens: number, estimate = false): string {
  return `${estimate ? '≈' : ''}${grouped.format(Math.round(tokens))}`;
}

/**
 * Dollars with enough digits to tell small per-call costs apart: `$0.00103`, `$1.03`, `$1,234`.
 * Four significant digits below one cent, cents from $0.01, whole dollars from $1,000.
 */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  const abs = Math.abs(usd);
  if (abs >= 1000) return `$${grouped.format(Math.round(usd))}`;
  if (abs >= 0.01) return `$${usd.toFixed(2)}`;
  // Three significant digits, written out in full (never 1.2e-7).
  const decimals = Math.min(20, 2 - Math.floor(Math.log10(abs)));
  return `$${usd.toFixed(decimals).replace(/0+$/, '')}`;
}

/** Dollars per 1M tokens as catalogs write them: `$2.50`, `$0.075`. */
export function formatPerMillion(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '—';
  if (usd === 0) return '$0';
  return usd >= 0.1 ? `$${usd.toFixed(2)}` : `$${Number(usd.toPrecision(2))}`;
}

/** `12.5%` of a context window, or `<0.1%`. */
export function formatShare(part: number, whole: number): string {
  const share = (part / whole) * 100;
  if (share > 0 && share < 0.1) return '<0.1%';
  return `${share.toFixed(share < 10 ? 1 : 0)}%`;
}
