/**
 * Which tokenizer a model uses, decided once here from its id, never guessed at call sites.
 * Patterns run against the lower-cased id with any provider prefix left in place, so Bedrock
 * (`anthropic.claude-3-haiku-20240307-v1:0`), Vertex and OpenRouter ids match too. First match wins:
 * the specific Claude generations come before the catch-all for Claude.
 */
import type { TokenizerFamily } from './families';

/** Start of a model name: the string start or a separator (`/`, `.`, `:`, `@`, ...). */
const START = '(?:^|[^a-z0-9])';

const FAMILY_PATTERNS: ReadonlyArray<readonly [RegExp, TokenizerFamily]> = [
  // Anthropic: "Opus 4.7 and later use a new tokenizer" (Anthropic pricing page); Claude 5 models are later.
  [/claude-(?:opus-4[-.][7-9]|(?:opus|sonnet|haiku)-[5-9]|fable)/, 'claude-opus-4.7'],
  // Sonnet 4.6 and Haiku 4.5 are measured; Opus 4.5/4.6 belong to the same release generation (assumption).
  [/claude-(?:sonnet-4[-.]6|haiku-4[-.]5|opus-4[-.][56])/, 'claude-2025'],
  [/claude/, 'claude-legacy'],
  // OpenAI: the encodings tiktoken assigns to each model line (gpt-oss uses o200k_harmony, o200k plus chat specials).
  [
    new RegExp(
      `${START}(?:gpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|chatgpt-4o|gpt-chat-latest|o[134](?:-|$)|gpt-oss|codex-mini|computer-use|omni-moderation|gpt-realtime|gpt-audio)`,
    ),
    'o200k_base',
  ],
  [new RegExp(`${START}(?:gpt-4(?![o.0-9])|gpt-3\\.5|gpt-35|text-embedding-3|text-embedding-ada-002)`), 'cl100k_base'],
  // Gemma 3 shares the Gemini 2.0 vocabulary (Gemma 3 technical report).
  [/gemini|gemma/, 'gemini'],
  [/llama/, 'llama'],
  [/mistral|mixtral|codestral|devstral|magistral|ministral|pixtral|voxtral/, 'mistral'],
  [/deepseek/, 'deepseek'],
  [/qwen|qwq/, 'qwen'],
];

/** The tokenizer family for a model id, or undefined when no pattern knows the model. */
export function familyForModel(modelId: string): TokenizerFamily | undefined {
  const id = modelId.toLowerCase();
  for (const [pattern, family] of FAMILY_PATTERNS) if (pattern.test(id)) return family;
  return undefined;
}
