/**
 * Wordy constructions with a shorter equivalent. Each row is its own rule: an id, the phrase (a
 * case-insensitive pattern, see `phrase`), and what replaces it.
 */
import type { CompressLevel } from '../model';
import { patternRule, phrase, type CompressRule } from './rule';

interface WordyRow {
  id: string;
  phrase: string;
  replace: string;
  level?: CompressLevel;
}

const ROWS: readonly WordyRow[] = [
  { id: 'in-order-to', phrase: 'in order to', replace: 'to' },
  { id: 'in-order-for', phrase: 'in order for', replace: 'for' },
  { id: 'so-as-to', phrase: 'so as to', replace: 'to' },
  { id: 'due-to-the-fact-that', phrase: '(?:due|owing) to the fact that|on account of the fact that|in light of the fact that|given the fact that', replace: 'because' },
  { id: 'despite-the-fact-that', phrase: '(?:despite|in spite of|regardless of) the fact that', replace: 'although' },
  { id: 'in-the-event-that', phrase: 'in the (?:event|case) that', replace: 'if' },
  { id: 'for-the-purpose-of', phrase: 'for the (?:purpose|sake) of', replace: 'for' },
  { id: 'with-regard-to', phrase: '(?:with regard|with respect|in regard|in relation|in reference) to', replace: 'about' },
  { id: 'a-large-number-of', phrase: 'an? (?:large|great|huge|significant) number of', replace: 'many' },
  { id: 'a-wide-range-of', phrase: 'an? (?:wide|broad|diverse) (?:range|variety|array) of|an? variety of', replace: 'various' },
  { id: 'the-majority-of', phrase: 'the (?:vast )?majority of', replace: 'most' },
  { id: 'is-able-to', phrase: '(?:is|are|will be|would be) able to|(?:has|have) the (?:ability|capacity) to', replace: 'can' },
  { id: 'in-the-process-of', phrase: 'in the process of ', replace: '' },
  { id: 'at-this-point-in-time', phrase: 'at this point in time|at the (?:present|current) time|at this moment in time', replace: 'now' },
  { id: 'prior-to', phrase: 'prior to', replace: 'before' },
  { id: 'subsequent-to', phrase: 'subsequent to', replace: 'after' },
  { id: 'in-close-proximity-to', phrase: 'in (?:close )?proximity to', replace: 'near' },
  { id: 'on-a-daily-basis', phrase: 'on an? (daily|weekly|monthly|yearly|regular) basis', replace: '$1' },
  { id: 'at-all-times', phrase: 'at all times', replace: 'always' },
  { id: 'in-the-near-future', phrase: 'in the near future', replace: 'soon' },
  { id: 'take-into-account', phrase: 'take into (?:account|consideration)', replace: 'consider' },
  { id: 'taking-into-account', phrase: 'taking into (?:account|consideration)', replace: 'considering' },
  { id: 'make-sure', phrase: 'make sure(?: that)?', replace: 'ensure' },
  { id: 'ensure-that', phrase: 'ensure that', replace: 'ensure' },
  { id: 'come-up-with', phrase: 'come up with', replace: 'devise' },
  { id: 'coming-up-with', phrase: 'coming up with', replace: 'devising' },
  { id: 'each-and-every', phrase: 'each and every', replace: 'every' },
  { id: 'any-and-all', phrase: 'any and all', replace: 'all' },
  { id: 'first-and-foremost', phrase: 'first and foremost', replace: 'first' },
  { id: 'whether-or-not', phrase: 'whether or not', replace: 'whether' },
  { id: 'provide-you-with', phrase: '(provide|provides) (you|me|us|them|him|her) with', replace: 'give $2' },
  { id: 'providing-you-with', phrase: 'providing (you|me|us|them|him|her) with', replace: 'giving $1' },
  { id: 'with-the-help-of', phrase: 'with the (?:help|aid|use) of', replace: 'with' },
  { id: 'make-use-of', phrase: 'make use of', replace: 'use' },
  { id: 'utilize', phrase: 'utili[sz]e', replace: 'use' },
  { id: 'utilizing', phrase: 'utili[sz]ing', replace: 'using' },
  { id: 'in-the-form-of', phrase: 'in the form of', replace: 'as' },
  { id: 'all-of-the', phrase: '(all|both) of (the|my|your|our|their|these|those)', replace: '$1 $2' },
  { id: 'the-way-in-which', phrase: 'the (?:way|manner) in which', replace: 'how' },
  { id: 'in-such-a-way-that', phrase: 'in such a way that', replace: 'so that' },
  { id: 'going-to', phrase: '(?:am|are|is) going to (?=\\p{L})', replace: 'will ' },
  { id: 'would-like-to', phrase: '(?:would|\'d|’d) like to', replace: 'want to' },
  { id: 'as-well-as', phrase: 'as well as(?! possible| (?:you|I|we|they|he|she|it|one|can|could|expected)\\b)', replace: 'and' },
  { id: 'along-with', phrase: 'along with', replace: 'with' },
  { id: 'and-so-on', phrase: 'and so on|and so forth|et cetera', replace: 'etc.' },
  { id: 'it-is-important-to', phrase: 'it is (?:important|essential|crucial|vital) (?:that you |to )(?=\\p{L})', replace: '' },
  { id: 'a-lot-of', phrase: '(?:a lot of|lots of|plenty of) (?=\\p{Ll}+s\\b)', replace: 'many ' },
  { id: 'provide-an-explanation', phrase: '(?:provide|give|offer) (?:an? |the )?explanations? (?:of|for)', replace: 'explain' },
  { id: 'give-a-description', phrase: '(?:provide|give|write|offer) (?:an? |the )?descriptions? of', replace: 'describe' },
  { id: 'provide-a-summary', phrase: '(?:provide|give|write|offer) (?:an? |the )?summary of', replace: 'summarize' },
  { id: 'conduct-an-analysis', phrase: '(?:conduct|perform|do|carry out) (?:an? )?analysis of', replace: 'analyze' },
  { id: 'make-a-decision', phrase: 'make (?:a )?decisions? (?:about|on)', replace: 'decide' },
  { id: 'give-consideration', phrase: 'give consideration to', replace: 'consider' },
  { id: 'has-the-potential', phrase: '(?:has|have) the potential to', replace: 'can' },
  { id: 'in-a-timely-manner', phrase: 'in a timely (?:manner|fashion)', replace: 'promptly' },
  { id: 'on-the-basis-of', phrase: 'on the basis of', replace: 'based on' },
  { id: 'a-number-of', phrase: 'a (?:certain |small )?number of', replace: 'some' },
  { id: 'in-addition-to', phrase: 'in addition to', replace: 'besides' },
  { id: 'with-the-exception-of', phrase: 'with the exception of', replace: 'except' },
  { id: 'for-the-most-part', phrase: 'for the most part', replace: 'mostly' },
  { id: 'i-will', phrase: 'I will(?![\\p{L}\\p{N}]| not| never)', replace: "I'll" },
];

function toRule(row: WordyRow): CompressRule {
  const reason = row.replace.trim()
    ? `"${row.phrase.replace(/\(\?[:=!][^)]*\)|[()?|\\]/g, '')}" says the same as "${row.replace.replace(/\$\d/g, '…').trim()}"`
    : 'a wordy lead-in; the instruction stays';
  return patternRule({ id: `wordy/${row.id}`, level: row.level ?? 'safe', reason, pattern: phrase(row.phrase), replace: row.replace });
}

export const WORDY_RULES: readonly CompressRule[] = ROWS.map(toRule);
