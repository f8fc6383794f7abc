/**
 * tiktoken's split patterns run in Rust, where `\s` is Unicode White_Space. In JavaScript `\s`
 * also matches U+FEFF (BOM) and misses U+0085 (NEL), so gpt-tokenizer's copy of the patterns
 * splits text containing those two characters differently from tiktoken (tiktoken's own test
 * " \x850" -> [220, 126, 227, 15]). This rewrites a pattern's `\s`/`\S` to the Rust set.
 */

/** Unicode White_Space, as Rust's regex crate defines `\s` (no U+FEFF, with U+0085). */
const WHITE_SPACE = String.raw`\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;

/** The same pattern with `\s` and `\S` meaning Unicode White_Space, inside and outside classes. */
export function withUnicodeWhiteSpace(pattern: RegExp): RegExp {
  const source = pattern.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1];
      i++;
      if (next === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (next === 'S') {
        if (inClass) throw new Error(`\\S inside a character class is not supported: ${source}`);
        out += `[^${WHITE_SPACE}]`;
      } else out += char + next;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return new RegExp(out, pattern.flags);
}
