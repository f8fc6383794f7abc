/** Token counts: exact for OpenAI encodings, calibrated and marked estimates for other families. */
export { countTokens, clearTokenCountCache, type TokenCount } from './count';
export { chatOverhead, countChatTokens, CHAT_OVERHEAD, type ChatMessageText, type ChatOverheadRule } from './chat';
export { FAMILY_FACTORS, type FamilyFactor } from './factors';
export {
  TOKENIZER_FAMILIES,
  EXACT_FAMILIES,
  ESTIMATED_FAMILIES,
  isTokenizerFamily,
  isExactFamily,
  type TokenizerFamily,
  type ExactFamily,
  type EstimatedFamily,
} from './families';
export { familyForModel } from './model-families';
export { encode } from './encodings';
