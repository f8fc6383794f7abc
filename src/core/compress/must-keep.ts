/**
 * What a compressed prompt must still say. The compressor guards these spans while it edits, and
 * the tests and the eval check them independently on its output with `checkPreserved`.
 *
 * Extracted items (docs/compression.md lists them with examples):
 * - verbatim: placeholders (`{x}`, `{{x}}`, `${x}`, `[x]`, `<x>`, `%s`, `$x`), code fences and inline
 *   code, JSON blocks, quoted spans, URLs and e-mail addresses. They must appear byte for byte.
 * - number: a figure (`2,000`, `$100`, `18-30`, `0.8+`, `10%`) or a spelled number (`three`), with the
 *   unit word after it (`2,000 words`, `three tables`).
 * - negation: a negation or limit word (`not`, `never`, `no`, `only`, `without`, `avoid`, `at most`,
 *   `max`, `under`, ...) with up to two following words as its object (`only reply with`).
 * - name: a capitalised word that is not the first word of a sentence, or any word with two or more
 *   capitals (`Istanbul`, `GitHub`, `SEO`); `I` and its contractions are not names.
 * - format: in a sentence that says how to answer (a verb such as reply, respond, output, format,
 *   write, give, include), each format term it names (`JSON`, `table`, `code block`, `bullet points`).
 * Verbatim items and names compare exactly; numbers, negations and format terms compare after
 * normalising case, typographic quotes, contractions (`don't` = `do not`) and punctuation.
 */
import { opensSentence } from './sentences';
import { verbatimSpans, type VerbatimKind } from './verbatim-spans';

export type MustKeepKind = VerbatimKind | 'number' | 'negation' | 'name' | 'format';

export interface MustKeepItem {
  kind: MustKeepKind;
  /** The item as written in the original text. */
  text: string;
  start: number;
  end: number;
}

export interface PreservationReport {
  items: MustKeepItem[];
  lost: MustKeepItem[];
}

const VERBATIM_KINDS: ReadonlySet<MustKeepKind> = new Set(['code', 'json', 'url', 'quote', 'placeholder']);

export function isVerbatim(item: MustKeepItem): boolean {
  return VERBATIM_KINDS.has(item.kind);
}

const WORD = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}'’]|[-.](?=[\p{L}\p{N}]))*`;
const STOP_WORDS = new Set(
  'a an the and or nor but of to in on at by for from with as is are was were be been it its this that these those than then so if into per each every any all my your our their his her'.split(' '),
);

const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])([$€£¥]?\d+(?:[.,:/x×+*^–-]?\d+)*(?:%|\+|st|nd|rd|th|[kKmM]|x)?)(?![\p{L}\p{N}])(?:[- ]+(${WORD}))?`,
  'gu',
);
const SPELLED = new RegExp(
  String.raw`\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|million|dozen)\b(?:[- ]+(${WORD}))?`,
  'giu',
);
/** After `one`, these words mean a pronoun or an idiom, not a count. */
const ONE_IDIOMS = new Set(['another', 'by', 'of', 'or', 'and', 'to', 'who', 'that', 'which', 'more', 'is', 'day', 'can', 'should', 'will', 'would', 'might', 'must', 'the', 'a']);

const NEGATION = new RegExp(
  String.raw`\b(?:no more than|no less than|more than|less than|fewer than|at most|at least|up to|limited to|limit to|(?<!whether or )not|never|no|nothing|none|nobody|nowhere|neither|nor|without|only|avoid|except|unless|max|maximum|min|minimum|under|within|exactly)\b|\b(?:do|does|did|is|are|was|were|has|have|had|should|would|could|must|need|ca|wo|ai)n['’]?t\b`,
  'giu',
);

const NAME_EXCLUDED = new Set(['I', "I'm", "I'll", "I've", "I'd", 'I’m', 'I’ll', 'I’ve', 'I’d']);

const FORMAT_VERB = /\b(?:reply|replies|respond|response|answer|output|return|format|formatted|write|give|provide|include|structure|present|send|print|list|use)\b/i;
const FORMAT_TERM =
  /\b(?:json|yaml|xml|csv|html|markdown|tables?|code blocks?|bullet(?: points?)?s?|numbered list|lists?|headings?|subheadings?|paragraphs?|sentences?|words?|lines?|columns?|rows?|tags?|emojis?|one word|plain text)\b/giu;

/** Every must-keep item of `text`, in order of position (verbatim items first where they nest). */
export function mustKeepItems(text: string, extraPlaceholders: readonly string[] = []): MustKeepItem[] {
  const verbatim = verbatimSpans(text, extraPlaceholders);
  const items: MustKeepItem[] = verbatim.map((s) => ({ kind: s.kind, text: text.slice(s.start, s.end), start: s.start, end: s.end }));
  // The other kinds are read from prose only: verbatim spans are blanked so their words do not count twice.
  // A control character (not a space) so that no word, object or unit reaches across a blanked span.
  let prose = text;
  for (const s of verbatim) prose = prose.slice(0, s.start) + '\u0000'.repeat(s.end - s.start) + prose.slice(s.end);
  items.push(...numbers(prose), ...negations(prose), ...names(prose, text), ...formatTerms(prose));
  return items.sort((a, b) => a.start - b.start || b.end - a.end);
}

function item(kind: MustKeepKind, prose: string, start: number, end: number): MustKeepItem {
  return { kind, text: prose.slice(start, end), start, end };
}

/** A count with its unit: the unit word is kept only when it is not a stop word. */
function numbers(prose: string): MustKeepItem[] {
  const found: MustKeepItem[] = [];
  for (const re of [NUMBER, SPELLED]) {
    for (const m of prose.matchAll(re)) {
      const [whole, figure, unit] = m;
      if (re === SPELLED && figure.toLowerCase() === 'one' && (!unit || ONE_IDIOMS.has(unit.toLowerCase()))) continue;
      const withUnit = unit !== undefined && !STOP_WORDS.has(unit.toLowerCase());
      found.push(item('number', prose, m.index, m.index + (withUnit ? whole.length : figure.length)));
    }
  }
  return found;
}

/** A negation or limit word and up to two words after it, stopping at punctuation. */
function negations(prose: string): MustKeepItem[] {
  const found: MustKeepItem[] = [];
  const object = new RegExp(String.raw`^(?:\s+${WORD}){0,2}`, 'u');
  for (const m of prose.matchAll(NEGATION)) {
    const after = m.index + m[0].length;
    const tail = object.exec(prose.slice(after, after + 120));
    found.push(item('negation', prose, m.index, after + (tail ? tail[0].length : 0)));
  }
  return found;
}

/** Capitalised words that are not sentence openers, and words with two or more capitals anywhere. */
function names(prose: string, text: string): MustKeepItem[] {
  const found: MustKeepItem[] = [];
  for (const m of prose.matchAll(new RegExp(WORD, 'gu'))) {
    const word = m[0];
    if (NAME_EXCLUDED.has(word) || !/\p{Lu}/u.test(word)) continue;
    const capitals = word.match(/\p{Lu}/gu)?.length ?? 0;
    if (capitals >= 2 || !opensSentence(text, m.index)) found.push(item('name', prose, m.index, m.index + word.length));
  }
  return found;
}

/** Format terms inside sentences that tell the model how to shape its answer. */
function formatTerms(prose: string): MustKeepItem[] {
  const found: MustKeepItem[] = [];
  for (const s of prose.matchAll(/[^.!?\n]+/g)) {
    if (!FORMAT_VERB.test(s[0])) continue;
    for (const m of s[0].matchAll(FORMAT_TERM)) found.push(item('format', prose, s.index + m.index, s.index + m.index + m[0].length));
  }
  return found;
}

/** Lower case, straight quotes, contractions spelled out, punctuation as spaces (decimal points kept). */
export function normalizeForCheck(text: string): string {
  const t = text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/\bcan'?t\b|\bcannot\b/g, 'can not')
    .replace(/\bshan'?t\b/g, 'shall not')
    .replace(/\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must|need|ai)n'?t\b/g, '$1 not')
    .replace(/[^\p{L}\p{N}$%+.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ');
  return ` ${t.replace(/\s+/g, ' ').trim()} `;
}

/** True when `item` can be found in `text` (already normalised with normalizeForCheck when it is not verbatim). */
export function itemSurvives(item: MustKeepItem, text: string, normalized: string): boolean {
  if (isVerbatim(item)) return text.includes(item.text);
  if (item.kind === 'name') {
    const escaped = item.text.replace(/[’]/g, "'").replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text.replace(/[’]/g, "'"));
  }
  const needle = normalizeForCheck(item.text);
  return needle.trim() === '' || normalized.includes(needle);
}

/** Which must-keep items of `original` are missing from `compressed`. */
export function checkPreserved(original: string, compressed: string, extraPlaceholders: readonly string[] = []): PreservationReport {
  const items = mustKeepItems(original, extraPlaceholders);
  const normalized = normalizeForCheck(compressed);
  return { items, lost: items.filter((i) => !itemSurvives(i, compressed, normalized)) };
}
