/** Redundant whitespace and the punctuation debris that deletions leave behind. */
import { SENTENCE_START } from '../sentences';
import { patternRule, type CompressRule } from './rule';

const WHITESPACE_REASON = 'redundant whitespace carries no meaning';
const DEBRIS_REASON = 'punctuation left without words around it';

export const trailingSpaces = patternRule({ id: 'whitespace/trailing', level: 'safe', reason: WHITESPACE_REASON, pattern: /[ \t]+(?=\n|$)/g, replace: '' });

/** Runs of spaces inside a line become one; indentation at the start of a line is left alone. */
export const repeatedSpaces = patternRule({ id: 'whitespace/repeated', level: 'safe', reason: WHITESPACE_REASON, pattern: /(?<=\S)[ \t]{2,}(?=\S)/g, replace: ' ' });

export const blankLines = patternRule({ id: 'whitespace/blank-lines', level: 'safe', reason: 'one blank line separates paragraphs as well as several', pattern: /\n[ \t]*\n(?:[ \t]*\n)+/g, replace: '\n\n' });

export const paragraphBreaks = patternRule({ id: 'whitespace/paragraph-breaks', level: 'aggressive', reason: 'a line break separates paragraphs as well as a blank line', pattern: /\n[ \t]*\n/g, replace: '\n' });

export const spaceBeforePunctuation = patternRule({ id: 'whitespace/before-punctuation', level: 'safe', reason: WHITESPACE_REASON, pattern: /(?<=[\p{L}\p{N}\ue000-\uf8ff)])[ \t]+(?=[,.;:!?](?:\s|$))/gu, replace: '' });

/** `, .` and `,,` keep only the stronger mark; a sentence may not open with a comma. */
export const orphanPunctuation = patternRule({ id: 'cleanup/orphan-punctuation', level: 'safe', reason: DEBRIS_REASON, pattern: /[,;:][ \t]*(?=[.!?,;])|(?<=[.!?][ \t]+)[,;:][ \t]*/g, replace: '' });

export const leadingPunctuation = patternRule({ id: 'cleanup/leading-punctuation', level: 'safe', reason: DEBRIS_REASON, pattern: new RegExp(`${SENTENCE_START}[,;:][ \\t]*`, 'gu'), replace: '' });

export const emptyBrackets = patternRule({ id: 'cleanup/empty-brackets', level: 'safe', reason: DEBRIS_REASON, pattern: /[ \t]*\([ \t]*\)/g, replace: '' });

export const WHITESPACE_RULES: readonly CompressRule[] = [trailingSpaces, repeatedSpaces, blankLines, paragraphBreaks, spaceBeforePunctuation];
export const CLEANUP_RULES: readonly CompressRule[] = [emptyBrackets, repeatedSpaces, spaceBeforePunctuation, orphanPunctuation, leadingPunctuation, trailingSpaces];
