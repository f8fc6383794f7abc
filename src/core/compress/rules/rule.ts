import type { CompressLevel } from '../model';
import { opensSentence } from '../sentences';

/** What a rule may ask about the text besides reading it. */
export interface RuleContext {
  level: CompressLevel;
  /** True when an earlier edit's output touches [from, to] of the current text. */
  editTouches(from: number, to: number): boolean;
  /** The text with protected spans put back (masks hide quotes, code, placeholders). */
  unmask(text: string): string;
}

/** A proposed replacement of [start, end) of the current text. */
export interface RuleMatch {
  start: number;
  end: number;
  after: string;
}

/**
 * One named rewrite. Rules run in the order of the registry on the masked text: protected spans
 * are single private-use characters they cannot alter.
 */
export interface CompressRule {
  id: string;
  /** `safe` rules also run at the aggressive level. */
  level: CompressLevel;
  /** Why the change keeps what matters, shown with each edit. */
  reason: string;
  /** Merge each change with an edit it merely touches (used for restored capitals). */
  joinAdjacent?: boolean;
  find(text: string, ctx: RuleContext): RuleMatch[];
}

export interface PatternRuleSpec {
  id: string;
  level: CompressLevel;
  reason: string;
  /** Must carry the `g` flag. */
  pattern: RegExp;
  /** Replacement text (`$1`-style groups allowed) or a function of the match. */
  replace: string | ((match: RegExpMatchArray) => string);
}

/** A rule that replaces every match of a pattern; a replacement at a sentence start gets a capital. */
export function patternRule(spec: PatternRuleSpec): CompressRule {
  return {
    id: spec.id,
    level: spec.level,
    reason: spec.reason,
    find(text) {
      const found: RuleMatch[] = [];
      for (const m of text.matchAll(spec.pattern)) {
        const raw = typeof spec.replace === 'string' ? expand(spec.replace, m) : spec.replace(m);
        const after = opensSentence(text, m.index, false) ? capitalize(raw) : raw;
        found.push({ start: m.index, end: m.index + m[0].length, after });
      }
      return found;
    },
  };
}

/** `$1`..`$9` in a replacement, filled from the match (a missing group is empty). */
function expand(template: string, m: RegExpMatchArray): string {
  return template.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
}

export function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * A case-insensitive pattern for a phrase: spaces match any run of spaces, and the phrase must
 * start and (when it ends in a letter or digit) end on a word boundary. Regex syntax is kept.
 */
export function phrase(source: string, flags = 'giu'): RegExp {
  // A trailing space stays on its line, so a deletion never joins two lines.
  const body = source.replace(/ (?=.)/g, String.raw`\s+`).replace(/ $/, String.raw`[ \t]+`);
  const end = /[\p{L}\p{N}]$/u.test(source) ? String.raw`(?![\p{L}\p{N}])` : '';
  return new RegExp(String.raw`(?<![\p{L}\p{N}'’])` + body + end, flags);
}
