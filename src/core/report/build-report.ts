import type { PricedCall } from '../analysis/model';
import { SentElsewhere } from '../analysis/sent-elsewhere';
import type { Catalog } from '../catalog';
import type { PromptCostConfig } from '../config/model';
import type { TextSpan } from '../extract/model';
import type { Finding } from '../rules/model';
import { remainingAfter } from './combine-savings';
import { routedMonthlyUsd } from './routing';
import { routableCall } from '../analysis/route-call';
import type { CostReport, CostTotal, RankedItem, ReportSource, RuleSavings, ScenarioRow, Strategy, StrategySavings } from './model';
import { STRATEGY_LABELS, strategyOfRule } from './strategies';

/** What one counted item costs and the savings the findings on it would bring. */
interface Unit {
  baseUsd: number;
  /** Monthly cost at the model the routing table picks, when that is cheaper. */
  routedUsd: number | null;
  savings: Array<{ ruleId: string; usd: number }>;
}

export interface ReportContext {
  catalogDate: string;
  config: PromptCostConfig;
  catalog: Catalog;
}

const contains = (span: TextSpan | null | undefined, offset: number) => !!span && span.start <= offset && offset < span.end;

/** The spans that belong to a call: a finding on any of them is about that call (the model may be a constant above it). */
function callSpans(call: PricedCall): Array<TextSpan | null | undefined> {
  return [call.site.span, call.site.modelSpan, call.site.messagesSpan, call.site.outputBound?.span];
}

/**
 * The unit a finding's saving belongs to: the call it sits in or points at, else the prompt (its
 * call when a call sends it). When two calls share a model constant, each takes the next finding.
 */
function unitIndexOf(finding: Finding, source: ReportSource, callUnits: readonly (number | null)[], promptUnits: readonly (number | null)[], units: readonly Unit[]): number | null {
  const { calls, prompts } = source.costs;
  const at = finding.span.start;
  const candidates: number[] = [];
  calls.forEach((call, i) => {
    if (callUnits[i] !== null && callSpans(call).some((span) => contains(span, at))) candidates.push(callUnits[i]!);
  });
  prompts.forEach((prompt, i) => {
    if (!contains(prompt.site.span, at)) return;
    const unit = prompt.site.callIndex !== null ? callUnits[prompt.site.callIndex] : promptUnits[i];
    if (unit !== null && unit !== undefined) candidates.push(unit);
  });
  if (candidates.length === 0) return null;
  return candidates.find((u) => !units[u].savings.some((s) => s.ruleId === finding.ruleId)) ?? candidates[0];
}

function totalsBy(items: readonly RankedItem[], keysOf: (item: RankedItem) => string[], total: number): CostTotal[] {
  const byKey = new Map<string, CostTotal>();
  for (const item of items) {
    if (!item.counted) continue;
    for (const key of keysOf(item)) {
      const entry = byKey.get(key) ?? { key, perMonthUsd: 0, percent: 0, calls: 0, prompts: 0 };
      entry.perMonthUsd += item.perMonthUsd;
      if (item.kind === 'call') entry.calls++;
      else entry.prompts++;
      byKey.set(key, entry);
    }
  }
  const rows = [...byKey.values()];
  for (const row of rows) row.percent = total > 0 ? (100 * row.perMonthUsd) / total : 0;
  return rows.sort((a, b) => b.perMonthUsd - a.perMonthUsd || a.key.localeCompare(b.key));
}

/** Every folder above a path: `a/b/c.py` -> `a`, `a/b`. */
function foldersOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/')).filter((folder) => folder !== '..' && !folder.endsWith('/..'));
}

const percentOf = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

function scenario(label: string, perMonthUsd: number, baseline: number): ScenarioRow {
  const saved = Math.max(0, baseline - perMonthUsd);
  return { label, perMonthUsd, savedUsd: saved, savedPercent: percentOf(saved, baseline) };
}

/**
 * The workspace cost report: every priced prompt and call ranked by monthly cost, totals by model,
 * file and folder, what each rule's findings would save, and the monthly cost with routing alone and
 * with every strategy applied. Routing is the configured table applied to every item; the other
 * strategies' savings come from the rules' findings (`cheaper-model` findings are routing, already
 * counted, so they are not applied twice).
 */
export function buildReport(sources: readonly ReportSource[], context: ReportContext): CostReport {
  const ranking: RankedItem[] = [];
  const units: Unit[] = [];
  const ruleTally = new Map<string, { findings: number; usd: number }>();
  let unpriced = 0;
  let estimated = false;
  let unattributedUsd = 0;
  const sentElsewhere = new SentElsewhere(sources.map((s) => s.costs));

  for (const source of sources) {
    const { costs, lines } = source;
    const locate = (span: TextSpan) => {
      const start = lines.position(span.start);
      return { path: source.path, line: start.line + 1, column: start.character + 1, endLine: lines.lineOf(Math.max(span.start, span.end - 1)) };
    };
    const callUnits = costs.calls.map((call) => {
      if (!call.cost) {
        unpriced++;
        return null;
      }
      estimated ||= call.inputTokens.estimate;
      ranking.push({
        kind: 'call',
        location: locate(call.site.span),
        label: call.site.callee,
        detail: call.site.api,
        model: call.modelId,
        tokens: call.inputTokens.tokens,
        estimate: call.inputTokens.estimate,
        perCallUsd: call.cost.perCallUsd,
        perMonthUsd: call.cost.perMonthUsd,
        monthlyCalls: call.cost.monthlyCalls,
        sentBy: null,
        counted: true,
      });
      units.push({ baseUsd: call.cost.perMonthUsd, routedUsd: routedMonthlyUsd(routableCall(costs, call), call.cost, context), savings: [] });
      return units.length - 1;
    });
    const promptUnits = costs.prompts.map((prompt) => {
      if (!prompt.cost) {
        unpriced++;
        return null;
      }
      estimated ||= prompt.tokens.estimate;
      const call = prompt.site.callIndex === null ? null : costs.calls[prompt.site.callIndex];
      // A prompt some call sends is inside that call's cost, whether the call is in this file or imports it.
      const sender = call ? `line ${lines.lineOf(call.site.span.start)}` : sentElsewhere.sender(costs, prompt);
      const counted = sender === null;
      ranking.push({
        kind: 'prompt',
        location: locate(prompt.site.span),
        label: prompt.site.name ?? prompt.site.role,
        detail: prompt.site.role,
        model: prompt.modelId,
        tokens: prompt.tokens.tokens,
        estimate: prompt.tokens.estimate,
        perCallUsd: prompt.cost.perCallUsd,
        perMonthUsd: prompt.cost.perMonthUsd,
        monthlyCalls: prompt.cost.monthlyCalls,
        sentBy: sender,
        counted,
      });
      if (!counted) return null;
      const routable = { sites: [prompt], inputTokens: prompt.tokens.tokens, outputTokens: 0, modelId: prompt.modelId, path: costs.path };
      units.push({ baseUsd: prompt.cost.perMonthUsd, routedUsd: routedMonthlyUsd(routable, prompt.cost, context), savings: [] });
      return units.length - 1;
    });

    for (const finding of source.findings) {
      const usd = finding.savings?.perMonthUsd ?? 0;
      if (usd <= 0) continue;
      const tally = ruleTally.get(finding.ruleId) ?? { findings: 0, usd: 0 };
      tally.findings++;
      tally.usd += usd;
      ruleTally.set(finding.ruleId, tally);
      if (strategyOfRule(finding.ruleId) === 'routing') continue;
      const unit = unitIndexOf(finding, source, callUnits, promptUnits, units);
      if (unit !== null) units[unit].savings.push({ ruleId: finding.ruleId, usd });
      else unattributedUsd += usd;
    }
  }

  ranking.sort(
    (a, b) =>
      b.perMonthUsd - a.perMonthUsd ||
      a.location.path.localeCompare(b.location.path) ||
      a.location.line - b.location.line ||
      a.kind.localeCompare(b.kind),
  );
  const baseline = units.reduce((sum, u) => sum + u.baseUsd, 0);
  const routingSaving = (u: Unit) => (u.routedUsd === null ? 0 : u.baseUsd - u.routedUsd);
  const withRouting = units.reduce((sum, u) => sum + u.baseUsd - routingSaving(u), 0);
  const withAll = units.reduce((sum, u) => sum + remainingAfter(u.baseUsd, [routingSaving(u), ...u.savings.map((s) => s.usd)]), 0);

  const savingsByRule: RuleSavings[] = [...ruleTally.entries()]
    .map(([ruleId, t]) => ({ ruleId, strategy: strategyOfRule(ruleId), findings: t.findings, perMonthUsd: t.usd, percent: percentOf(t.usd, baseline) }))
    .sort((a, b) => b.perMonthUsd - a.perMonthUsd || a.ruleId.localeCompare(b.ruleId));
  const savingsByStrategy: StrategySavings[] = (Object.keys(STRATEGY_LABELS) as Strategy[])
    .map((strategy) => {
      const usd =
        strategy === 'routing'
          ? units.reduce((sum, u) => sum + routingSaving(u), 0)
          : savingsByRule.filter((r) => r.strategy === strategy).reduce((sum, r) => sum + r.perMonthUsd, 0);
      return { strategy, label: STRATEGY_LABELS[strategy], perMonthUsd: usd, percent: percentOf(usd, baseline) };
    })
    .sort((a, b) => b.perMonthUsd - a.perMonthUsd);

  const counted = ranking.filter((item) => item.counted);
  return {
    version: 1,
    catalogDate: context.catalogDate,
    totals: {
      perMonthUsd: baseline,
      files: new Set(counted.map((item) => item.location.path)).size,
      prompts: ranking.filter((item) => item.kind === 'prompt').length,
      calls: ranking.filter((item) => item.kind === 'call').length,
      unpriced,
      estimated,
    },
    ranking,
    byModel: totalsBy(ranking, (item) => [item.model ?? 'unknown'], baseline),
    byFile: totalsBy(ranking, (item) => [item.location.path], baseline),
    byFolder: totalsBy(ranking, (item) => foldersOf(item.location.path), baseline),
    savingsByRule,
    savingsByStrategy,
    scenarios: [
      scenario('Baseline', baseline, baseline),
      scenario('With routing', withRouting, baseline),
      scenario('With all strategies', Math.max(0, withAll - unattributedUsd), baseline),
    ],
  };
}
