/**
 * Deterministic prompt compression: mask what must pass verbatim, run the English rules over the
 * rest while guarding every must-keep item, and report each edit against the original text.
 */
import { EditBuffer } from './edit-buffer';
import { isEnglish } from './language';
import { mask, unmask } from './mask';
import type { CompressEdit, CompressOptions, CompressResult } from './model';
import { isVerbatim, mustKeepItems } from './must-keep';
import { ENGLISH_RULES } from './rules';
import { runRules, type GuardedItem } from './run-rules';

export function compress(text: string, options: CompressOptions = {}): CompressResult {
  const level = options.level ?? 'safe';
  const unchanged: CompressResult = { text, edits: [], level, language: 'other' };

  const items = mustKeepItems(text, options.placeholders);
  const masked = mask(text, items.filter(isVerbatim));
  if (!masked || !isEnglish(masked.text.replace(/[\ue000-\uf8ff]/g, ' '))) return unchanged;

  const guarded: GuardedItem[] = items
    .filter((item) => !isVerbatim(item))
    .map((item) => ({ item, start: masked.toMasked(item.start), end: masked.toMasked(item.end) }));
  const restore = (s: string) => unmask(s, masked.originals);
  const rules = ENGLISH_RULES.filter((r) => level === 'aggressive' || r.level === 'safe');

  const buffer = new EditBuffer(masked.text);
  runRules(buffer, rules, guarded, restore, level);

  const edits: CompressEdit[] = buffer.edits.map((e) => {
    const start = masked.toOriginal(e.start);
    const end = masked.toOriginal(e.end);
    return { rule: e.rules.join('+'), reason: e.reasons.join('; '), before: text.slice(start, end), after: restore(e.after), start, end };
  });
  return { text: restore(buffer.text), edits, level, language: 'en' };
}
