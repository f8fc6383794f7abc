/**
 * Spans of a prompt that must reach the model byte for byte: code, JSON, quoted text, URLs and
 * template placeholders. The compressor masks them before any rule runs; the must-keep checker
 * requires each one to appear unchanged in the output.
 */

export type VerbatimKind = 'code' | 'json' | 'url' | 'quote' | 'placeholder';

export interface VerbatimSpan {
  kind: VerbatimKind;
  start: number;
  end: number;
}

const FENCE = /(```|~~~)[^\n]*\n?[\s\S]*?(?:\1|$)/g;
const INLINE_CODE = /`[^`\n]+`/g;
const MARKDOWN_LINK = /\[[^\]\n]{0,200}\]\([^)\s]+\)/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'“”‘’)\]]+[^\s<>"'“”‘’)\].,;:!?]/g;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

/** Template slots: `${x}`, `{{x}}`, `{% x %}`, `{x}`, `<<X>>`, `<tag>`, `[x]`, `%s`, `%(x)s`, `$name`. */
const PLACEHOLDERS: readonly RegExp[] = [
  /\$\{[^{}\n]*\}/g,
  /\{\{[^{}\n]*\}\}/g,
  /\{%[^\n]*?%\}/g,
  /\{[^{}\n]{0,120}\}/g,
  /<<[^<>\n]{1,60}>>/g,
  /<\/?[A-Za-z_][\w.-]*(?:\s[^<>\n]{0,60})?\/?>/g,
  /\[[^[\]\n]{1,80}\](?!\()/g,
  /%(?:\([A-Za-z_]\w*\))?[sdif]\b/g,
  /\$[A-Za-z_]\w*/g,
];

const DOUBLE_OPEN = new Set(['"', '“', '„', '«']);
/** Closers accepted for each opener, in order of preference (prompts mix straight and curly quotes). */
const DOUBLE_CLOSE: Record<string, string[]> = { '"': ['"', '”'], '“': ['”', '"'], '„': ['“', '”', '"'], '«': ['»'] };
const SINGLE_OPEN = /(?<=^|[\s([{:;,—–-])['‘](?=[^\s'‘’])/g;
const SINGLE_CLOSE = /(?<=[^\s'‘])['’](?=$|[\s.,;:!?)\]}])/g;
const MAX_QUOTE = 4000;
const MAX_SINGLE_QUOTE = 300;

/**
 * Every verbatim span of `text`, sorted and non-overlapping; an outer span (a quote holding a
 * placeholder) wins over what it contains. `extra` are literal placeholder texts to protect too.
 */
export function verbatimSpans(text: string, extra: readonly string[] = []): VerbatimSpan[] {
  const fences = matches(text, FENCE, 'code');
  // Later scanners must not see inside fences, so the fences are blanked to spaces first.
  const rest = blank(text, fences);
  const candidates: VerbatimSpan[] = [
    ...matches(rest, INLINE_CODE, 'code'),
    ...jsonSpans(rest),
    ...matches(rest, MARKDOWN_LINK, 'url'),
    ...matches(rest, URL, 'url'),
    ...matches(rest, EMAIL, 'url'),
    ...quoteSpans(rest),
    ...PLACEHOLDERS.flatMap((re) => matches(rest, re, 'placeholder')),
    ...literalSpans(rest, extra),
  ];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const accepted = [...fences];
  const fenceFree = (s: VerbatimSpan) => !fences.some((f) => s.start < f.end && f.start < s.end);
  let reach = -1;
  for (const span of candidates) {
    if (span.start < reach || !fenceFree(span)) continue;
    accepted.push(span);
    reach = span.end;
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function matches(text: string, re: RegExp, kind: VerbatimKind): VerbatimSpan[] {
  const spans: VerbatimSpan[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length > 0) spans.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function blank(text: string, spans: readonly VerbatimSpan[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

function literalSpans(text: string, literals: readonly string[]): VerbatimSpan[] {
  const spans: VerbatimSpan[] = [];
  for (const literal of literals) {
    if (!literal) continue;
    for (let i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + literal.length)) {
      spans.push({ kind: 'placeholder', start: i, end: i + literal.length });
    }
  }
  return spans;
}

/** Quoted text: double quotes (straight or typographic) within a paragraph, single quotes within a line. */
function quoteSpans(text: string): VerbatimSpan[] {
  const spans: VerbatimSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const open = text[i];
    if (!DOUBLE_OPEN.has(open)) continue;
    const close = closingQuote(text, i, DOUBLE_CLOSE[open]);
    spans.push({ kind: 'quote', start: i, end: close + 1 });
    i = close;
  }
  const closers = [...text.matchAll(SINGLE_CLOSE)].map((m) => m.index);
  let reach = 0;
  for (const m of text.matchAll(SINGLE_OPEN)) {
    if (m.index < reach) continue;
    const close = closers.find((c) => c > m.index);
    if (close === undefined || close - m.index > MAX_SINGLE_QUOTE || text.slice(m.index, close).includes('\n')) continue;
    spans.push({ kind: 'quote', start: m.index, end: close + 1 });
    reach = close + 1;
  }
  return spans;
}

/**
 * Index of the closing quote for the opener at `from`. A quote left open runs to the end of its
 * paragraph: what follows an opening quote is the user's text, not the prompt's framing.
 */
function closingQuote(text: string, from: number, closers: readonly string[]): number {
  const paragraphEnd = text.indexOf('\n\n', from);
  const limit = Math.min(paragraphEnd < 0 ? text.length : paragraphEnd, from + MAX_QUOTE);
  for (const closer of closers) {
    const at = text.indexOf(closer, from + 1);
    if (at >= 0 && at < limit) return at;
  }
  return limit - 1;
}

/** Balanced `{...}` or `[...]` blocks that hold `"key":` pairs or parse as JSON arrays/objects. */
function jsonSpans(text: string): VerbatimSpan[] {
  const spans: VerbatimSpan[] = [];
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"' || c === '\n') inString = false;
      continue;
    }
    if (c === '"' && stack.length > 0) inString = true;
    else if (c === '{' || c === '[') stack.push(i);
    else if ((c === '}' || c === ']') && stack.length > 0) {
      const start = stack.pop() as number;
      if ((text[start] === '{') !== (c === '}')) {
        stack.length = 0;
        continue;
      }
      if (stack.length === 0 && looksLikeJson(text.slice(start, i + 1))) spans.push({ kind: 'json', start, end: i + 1 });
    }
  }
  return spans;
}

function looksLikeJson(block: string): boolean {
  if (/"[^"\n]*"\s*:/.test(block)) return true;
  if (!block.includes(',') && !block.includes(':')) return false;
  try {
    JSON.parse(block);
    return true;
  } catch {
    return false;
  }
}
