/**
 * Tokens a chat API adds around the messages: role markers per message and the priming of the
 * reply. OpenAI's rule is published (openai-cookbook, "How to count tokens with tiktoken": 3 per
 * message, 1 more when a message has a name, 3 to prime the reply). The other providers publish no
 * rule, so theirs are read off each family's open chat template and marked as estimates.
 */
import { countTokens, type TokenCount } from './count';
import { FAMILY_FACTORS } from './factors';
import { isExactFamily, type TokenizerFamily } from './families';

export interface ChatOverheadRule {
  /** Format tokens per message, not counting the role's own text. */
  perMessage: number;
  /** Whether the role's text ("user", "system") is encoded into the prompt. */
  countsRoleText: boolean;
  perName: number;
  replyPriming: number;
  source: string;
}

const OPENAI: ChatOverheadRule = {
  perMessage: 3,
  countsRoleText: true,
  perName: 1,
  replyPriming: 3,
  source: 'openai-cookbook "How to count tokens with tiktoken": 3 tokens per message plus its role, +1 per name, +3 reply priming',
};

const CLAUDE: ChatOverheadRule = {
  perMessage: 3,
  countsRoleText: false,
  perName: 0,
  replyPriming: 3,
  source: 'no published rule; Claude\'s turn markers ("\\n\\nHuman:", "\\n\\nAssistant:") are about 3 tokens each (assumption)',
};

/** Per-family rules; exact families share OpenAI's published rule. */
export const CHAT_OVERHEAD: Readonly<Record<TokenizerFamily, ChatOverheadRule>> = {
  o200k_base: OPENAI,
  cl100k_base: OPENAI,
  'claude-legacy': CLAUDE,
  'claude-2025': CLAUDE,
  'claude-opus-4.7': CLAUDE,
  gemini: {
    perMessage: 4,
    countsRoleText: true,
    perName: 0,
    replyPriming: 3,
    source: 'Gemma chat template: <start_of_turn>role\\n ... <end_of_turn>\\n = 4 per message plus its role, <start_of_turn>model\\n = 3 (assumed for Gemini)',
  },
  llama: {
    perMessage: 4,
    countsRoleText: true,
    perName: 0,
    replyPriming: 5,
    source: 'Llama 3 chat template: <|start_header_id|>role<|end_header_id|>\\n\\n ... <|eot_id|> = 4 per message plus its role; <|begin_of_text|> + assistant header = 5',
  },
  mistral: {
    perMessage: 2,
    countsRoleText: false,
    perName: 0,
    replyPriming: 1,
    source: 'Mistral instruct template: [INST] ... [/INST] = 2 per turn, <s> = 1',
  },
  deepseek: {
    perMessage: 1,
    countsRoleText: false,
    perName: 0,
    replyPriming: 2,
    source: 'DeepSeek-V3 chat template: one role token per message (<｜User｜>), <｜begin▁of▁sentence｜> + <｜Assistant｜> = 2',
  },
  qwen: {
    perMessage: 4,
    countsRoleText: true,
    perName: 0,
    replyPriming: 3,
    source: 'Qwen ChatML template: <|im_start|>role\\n ... <|im_end|>\\n = 4 per message plus its role, <|im_start|>assistant\\n = 3',
  },
  other: { ...OPENAI, source: `no known template: OpenAI's rule assumed (${OPENAI.source})` },
};

export interface ChatMessageText {
  role: string;
  content: string;
  name?: string;
}

/** Tokens added around `messages` by the chat format alone (no message content). */
export function chatOverhead(messages: readonly Pick<ChatMessageText, 'name'>[], family: TokenizerFamily): number {
  const rule = CHAT_OVERHEAD[family];
  const named = messages.filter((message) => message.name !== undefined).length;
  return messages.length * rule.perMessage + named * rule.perName + rule.replyPriming;
}

/** Tokens of a whole chat request: each message's content, name and role text where the format encodes it, plus the format's overhead. */
export function countChatTokens(messages: readonly ChatMessageText[], family: TokenizerFamily): TokenCount {
  const rule = CHAT_OVERHEAD[family];
  let tokens = chatOverhead(messages, family);
  for (const message of messages) {
    tokens += countTokens(message.content, family).tokens;
    if (rule.countsRoleText) tokens += countTokens(message.role, family).tokens;
    if (message.name !== undefined) tokens += countTokens(message.name, family).tokens;
  }
  if (isExactFamily(family)) return { tokens, estimate: false, family };
  return { tokens, estimate: true, family, factorSource: `${FAMILY_FACTORS[family].source}; chat format: ${rule.source}` };
}
