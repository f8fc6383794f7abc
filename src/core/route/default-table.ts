import type { RouteRule } from './model';

/**
 * The routing table used when .promptcost.yaml has no `routing:` section, written as it would be
 * in YAML. Model ids are canonical `provider/model` ids of the bundled price catalog; rules keep
 * the provider the call already uses (same SDK, same key) and fall back to OpenAI's models.
 * Local models come first but only apply when local models are allowed.
 */
export const DEFAULT_ROUTING_TABLE: readonly RouteRule[] = Object.freeze([
  // Local models, only when a local provider is configured (or --local is given).
  { when: 'local and complexity == "low" and task not in ["reason", "code"]', model: 'ollama/qwen2.5:7b' },
  { when: 'local and task == "code" and complexity != "high"', model: 'ollama/qwen2.5-coder:7b' },
  // Strong models for hard reasoning and code.
  { when: 'complexity == "high" and task in ["reason", "code"] and provider == "anthropic"', model: 'anthropic/claude-sonnet-4-5' },
  { when: 'complexity == "high" and task in ["reason", "code"] and provider == "google"', model: 'google/gemini-2.5-pro' },
  { when: 'complexity == "high" and task in ["reason", "code"]', model: 'openai/gpt-5' },
  // Cheap models for easy classify, extract, translate, rewrite, summarize, draft and qa.
  { when: 'complexity == "low" and task not in ["reason", "code"] and provider == "anthropic"', model: 'anthropic/claude-haiku-4-5' },
  { when: 'complexity == "low" and task not in ["reason", "code"] and provider == "google"', model: 'google/gemini-2.5-flash-lite' },
  { when: 'complexity == "low" and task in ["classify", "extract"]', model: 'openai/gpt-4.1-nano' },
  { when: 'complexity == "low" and task not in ["reason", "code"]', model: 'openai/gpt-4o-mini' },
  // Other high-complexity work.
  { when: 'complexity == "high" and provider == "anthropic"', model: 'anthropic/claude-sonnet-4-5' },
  { when: 'complexity == "high" and provider == "google"', model: 'google/gemini-2.5-pro' },
  { when: 'complexity == "high"', model: 'openai/gpt-4.1' },
  // Everything else: medium work, and easy reasoning or code.
  { when: 'provider == "anthropic"', model: 'anthropic/claude-haiku-4-5' },
  { when: 'provider == "google"', model: 'google/gemini-2.5-flash' },
  { when: 'true', model: 'openai/gpt-4.1-mini' },
]);
