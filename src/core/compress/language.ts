/**
 * Is this prompt English? Only English has a rule set, and rewriting another language with
 * English rules would damage it. The test counts function words that belong to English only and
 * those of the other common Latin-script prompt languages (French, German, Spanish, Italian,
 * Portuguese); English must clearly lead, and the letters must be mostly Latin script.
 * Short prompts ("Post daily.") may have no function word at all: with none of either kind, a
 * Latin-script text counts as English (the English rules find nothing to change in other text).
 */

const ENGLISH = new Set(
  (
    'the and you your is are be will with that this for of to it as or not what my we our if can should would ' +
    'when which who how from by about their they have has does any all only each there these those than then at please'
  ).split(' '),
);

const OTHER = new Set(
  (
    'le la les des est et une du que qui pour dans avec pas vous je tu ce sur au aux en il sont ' +
    'der das und ist nicht ein eine ich sie zu mit auf für dem wie sind werden bitte ' +
    'el los las y es un una para con por usted lo del se como su ' +
    'gli della di che non sono questo ' +
    'os não uma você em da'
  ).split(' '),
);

/** Share of letters outside the Latin script above which a text is not English. */
const MAX_NON_LATIN_SHARE = 0.1;

export function isEnglish(prose: string): boolean {
  const letters = prose.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const nonLatin = letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length;
  if (nonLatin / letters.length > MAX_NON_LATIN_SHARE) return false;
  let english = 0;
  let other = 0;
  for (const word of prose.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH.has(word)) english++;
    else if (OTHER.has(word)) other++;
  }
  return english >= 2 * other && (english > 0 || other === 0);
}
