/**
 * Runs the rules over an EditBuffer, one batch of changes per rule, and refuses any change that
 * would make a must-keep item disappear from the text.
 */
import type { Change, EditBuffer } from './edit-buffer';
import { isMask } from './mask';
import { itemSurvives, normalizeForCheck, type MustKeepItem } from './must-keep';
import type { CompressRule, RuleContext, RuleMatch } from './rules/rule';

/** A must-keep item with its position in the buffer's base (masked) text. */
export interface GuardedItem {
  item: MustKeepItem;
  start: number;
  end: number;
}

export function runRules(
  buffer: EditBuffer,
  rules: readonly CompressRule[],
  guarded: readonly GuardedItem[],
  unmask: (text: string) => string,
  level: RuleContext['level'],
): void {
  const ctx: RuleContext = { level, unmask, editTouches: (from, to) => buffer.editTouches(from, to) };
  for (const rule of rules) {
    const text = buffer.text;
    const proposed = nonOverlapping(rule.find(text, ctx)).filter((m) => m.after !== text.slice(m.start, m.end));
    const accepted: Change[] = [];
    for (const m of proposed) {
      const change: Change = { ...m, rule: rule.id, reason: rule.reason };
      if (keepsMasks(text, change) && keepsItems(buffer, guarded, unmask, accepted, change)) accepted.push(change);
    }
    buffer.apply(accepted, rule.joinAdjacent);
  }
}

/** Sorted by start; a match overlapping an earlier one is dropped. */
function nonOverlapping(matches: readonly RuleMatch[]): RuleMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: RuleMatch[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
  return out;
}

/** A masked span (quote, code, placeholder) is one character; a change may move it but never drop it. */
function keepsMasks(text: string, change: Change): boolean {
  const masks = [...text.slice(change.start, change.end)].filter(isMask);
  return masks.every((m) => change.after.includes(m));
}

/**
 * True when applying `change` (after the changes already accepted in this batch) leaves every
 * must-keep item it touches findable in the text; changes that touch none pass without a check.
 */
function keepsItems(
  buffer: EditBuffer,
  guarded: readonly GuardedItem[],
  unmask: (text: string) => string,
  accepted: readonly Change[],
  change: Change,
): boolean {
  const span = buffer.baseSpan(change.start, change.end);
  const touched = guarded.filter((g) => g.start < span.end && g.end > span.start);
  if (touched.length === 0) return true;
  const text = unmask(applyChanges(buffer.text, [...accepted, change]));
  const normalized = normalizeForCheck(text);
  return touched.every((g) => itemSurvives(g.item, text, normalized));
}

function applyChanges(text: string, changes: readonly Change[]): string {
  let out = '';
  let from = 0;
  for (const c of changes) {
    out += text.slice(from, c.start) + c.after;
    from = c.end;
  }
  return out + text.slice(from);
}
