/**
 * Is this prompt English? Only English has a rule set, and rewriting another language with
 * English rules would damage it, so the test leans towards "no": prose must be mostly Latin
 * script and a good share of its words must be common English function words (which French,
 * German or Spanish text rarely uses).
 */

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the and you your to of is are be will with that this for it as or not what my me i we our if can should would ' +
    'when which who how from by about their they them have has do does any all only each there these those than then'
  ).split(' '),
);

/** Share of function words at or above which a Latin-script text counts as English. */
const MIN_FUNCTION_SHARE = 0.22;
/** Share of letters outside the Latin script above which a text is not English. */
const MAX_NON_LATIN_SHARE = 0.1;

export function isEnglish(prose: string): boolean {
  const letters = prose.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const nonLatin = letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length;
  if (nonLatin / letters.length > MAX_NON_LATIN_SHARE) return false;
  const words = prose.toLowerCase().match(/\p{L}+/gu) ?? [];
  const functionWords = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return functionWords / words.length >= MIN_FUNCTION_SHARE;
}
