/**
 * Where a text leaves the Latin script. Tokenizers differ most on non-Latin text (CJK, Cyrillic,
 * Arabic, Devanagari, ...), so estimates apply a separate factor to the tokens of those runs.
 */

/** A run of letters from scripts other than Latin, with the spaces between such words. */
const NON_LATIN_RUN = /[^\p{sc=Latin}\p{sc=Common}\p{sc=Inherited}]+(?:\s+[^\p{sc=Latin}\p{sc=Common}\p{sc=Inherited}]+)*/gu;

/** The non-Latin runs of `text`, joined by single spaces; empty when the text has none. */
export function nonLatinText(text: string): string {
  const runs = text.match(NON_LATIN_RUN);
  return runs ? runs.join(' ') : '';
}
