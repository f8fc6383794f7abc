import * as assert from 'node:assert/strict';
import { priceFile } from '../../../src/core/analysis/price-file';
import { PromptIndex } from '../../../src/core/analysis/prompt-index';
import { Catalog } from '../../../src/core/catalog';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { analyzeSource, type FileAnalysis } from '../../../src/core/extract';
import { Grammars } from '../../../src/core/extract/parser';
import { fileGrammarSource } from '../../../src/runtime/grammar-files';

const grammars = new Grammars(fileGrammarSource);
const catalog = new Catalog({});

const PROMPTS_PY = `SUPPORT_SYSTEM_PROMPT = """You are the support assistant for Acme. Answer in at most three sentences.
Never promise refunds; hand refunds to a human agent."""
`;

const BOT_PY = `from openai import OpenAI
from .prompts import SUPPORT_SYSTEM_PROMPT

client = OpenAI()

def reply(message: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=200,
        messages=[{"role": "system", "content": SUPPORT_SYSTEM_PROMPT}, {"role": "user", "content": message}],
    )
    return response.choices[0].message.content
`;

/** The bot's analysis, checked to carry the imported reference the linker follows. */
async function analyzeBot(): Promise<FileAnalysis> {
  const bot = await analyzeSource(grammars, BOT_PY, 'python', { force: true });
  const at = BOT_PY.indexOf('"content": SUPPORT_SYSTEM_PROMPT') + '"content": '.length;
  assert.deepEqual(bot.calls[0].promptRefs, [{ name: 'SUPPORT_SYSTEM_PROMPT', module: '.prompts', role: 'system', span: { start: at, end: at + 'SUPPORT_SYSTEM_PROMPT'.length } }]);
  return bot;
}

describe('prompts linked across files', () => {
  it('prices a call with the prompt its imported constant names', async () => {
    const prompts = await analyzeSource(grammars, PROMPTS_PY, 'python', { force: true });
    const bot = await analyzeBot();
    const index = new PromptIndex();
    index.set('support/prompts.py', prompts);
    index.set('support/bot.py', bot);

    const unlinked = priceFile(bot, { relativePath: 'support/bot.py', config: DEFAULT_CONFIG, catalog });
    const linked = priceFile(bot, {
      relativePath: 'support/bot.py',
      config: DEFAULT_CONFIG,
      catalog,
      linkPrompt: (ref) => index.resolve('support/bot.py', 'python', ref),
    });
    const [call] = linked.calls;
    assert.equal(call.linkedPrompts.length, 1);
    assert.equal(call.linkedPrompts[0].path, 'support/prompts.py');
    assert.equal(call.linkedPrompts[0].site.name, 'SUPPORT_SYSTEM_PROMPT');
    const promptTokens = call.linkedPrompts[0].tokens.tokens;
    assert.ok(promptTokens > 20, `tokens ${promptTokens}`);
    // One more message: its tokens plus the per-message overhead of the chat format.
    assert.ok(call.inputTokens.tokens > unlinked.calls[0].inputTokens.tokens + promptTokens);
    assert.ok(call.cost!.perCallUsd > unlinked.calls[0].cost!.perCallUsd);
  });

  it('links nothing when the module or the name is not in the index', async () => {
    const bot = await analyzeBot();
    const index = new PromptIndex();
    index.set('elsewhere/prompts.py', await analyzeSource(grammars, PROMPTS_PY, 'python', { force: true }));
    const costs = priceFile(bot, { relativePath: 'support/bot.py', config: DEFAULT_CONFIG, catalog, linkPrompt: (ref) => index.resolve('support/bot.py', 'python', ref) });
    assert.deepEqual(costs.calls[0].linkedPrompts, []);
  });
});
