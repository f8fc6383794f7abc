/** Where sentences start, shared by the must-keep checker (names) and the rules (capitals). */

/** Lookbehind that holds at a sentence start: text start, a new line (after any list mark), or `.!?` and a space. */
export const SENTENCE_START = String.raw`(?<=^|\n[ \t]*(?:[-*•][ \t]+|\d+[.)][ \t]+)?|[.!?]["'”’)]?[ \t]+)`;

const OPENERS = /[\s"'“‘(\[*#>_-]/;

/**
 * True when only spaces, quotes, brackets or list marks stand between `index` and the start of
 * the text, a line break, or a sentence end (`.!?`, and `:` when `afterColon`).
 */
export function opensSentence(text: string, index: number, afterColon = true): boolean {
  let i = index - 1;
  while (i >= 0 && text[i] !== '\n' && OPENERS.test(text[i])) i--;
  if (i < 0 || text[i] === '\n') return true;
  if (/\d/.test(text[i]) && /^\s*\d+[.)]\s*$/.test(text.slice(text.lastIndexOf('\n', i) + 1, index))) return true;
  return (afterColon ? /[.!?:…]/ : /[.!?…]/).test(text[i]);
}
