/** The English rule set, in the order the rules run. */
import { BOILERPLATE_RULES } from './boilerplate';
import { CONTRACTION_RULES } from './contractions';
import { DUPLICATE_RULES } from './duplicates';
import { ELABORATION_RULES } from './elaboration';
import { FILLER_RULES } from './filler';
import { MARKDOWN_RULES } from './markdown';
import { POLITENESS_RULES } from './politeness';
import { PROTOCOL_RULES } from './protocol';
import type { CompressRule } from './rule';
import { sentenceCase } from './sentence-case';
import { TELEGRAPHIC_RULES } from './telegraphic';
import { CLEANUP_RULES, WHITESPACE_RULES } from './whitespace';
import { WORDY_RULES } from './wordy';

export type { CompressRule, RuleContext, RuleMatch } from './rule';

/**
 * Whitespace and markdown first (so phrases match across tidy text), then framing and politeness,
 * wordy phrases, filler, the aggressive telegraphic rules, duplicates (which compare sentences once
 * the framing is gone), and last the cleanup of what deletions leave behind.
 */
export const ENGLISH_RULES: readonly CompressRule[] = [
  ...WHITESPACE_RULES,
  ...MARKDOWN_RULES,
  ...POLITENESS_RULES,
  ...BOILERPLATE_RULES,
  ...PROTOCOL_RULES,
  ...WORDY_RULES,
  ...CONTRACTION_RULES,
  ...FILLER_RULES,
  ...ELABORATION_RULES,
  ...TELEGRAPHIC_RULES,
  ...DUPLICATE_RULES,
  ...CLEANUP_RULES,
  sentenceCase,
];
