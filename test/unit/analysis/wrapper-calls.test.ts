/**
 * Calls of the file's own wrapper functions (`ask("...")` around `client...create(...)`): found by
 * the Python and JS/TS extractors as call sites of their own, priced with what the wrapped call
 * always sends plus what they pass, and judged by the rules without counting anything twice.
 */
import * as assert from 'node:assert/strict';
import { priceFile } from '../../../src/core/analysis/price-file';
import { Catalog } from '../../../src/core/catalog';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { analyzeSource, type FileAnalysis, type SourceLanguage } from '../../../src/core/extract';
import { Grammars } from '../../../src/core/extract/parser';
import { lintFile } from '../../../src/core/rules';
import { fileGrammarSource } from '../../../src/runtime/grammar-files';
import { PYTHON, TYPESCRIPT } from '../../fixtures/wrapper-sources';

const grammars = new Grammars(fileGrammarSource);
const catalog = new Catalog({});
/** 1,000 calls a month for every call site. */
const config = DEFAULT_CONFIG;

const SOURCES: Array<[SourceLanguage, string]> = [
  ['python', PYTHON],
  ['typescript', TYPESCRIPT],
];

const lineOf = (code: string, offset: number) => code.slice(0, offset).split('\n').length;

for (const [language, code] of SOURCES) {
  describe(`wrapper calls (${language})`, () => {
    let analysis: FileAnalysis;
    before(async () => {
      analysis = await analyzeSource(grammars, code, language, { force: true });
    });

    it('makes each call of a wrapper a call site that relays to the LLM call inside it', () => {
      const wrapped = analysis.calls.findIndex((c) => c.callee.endsWith('create') && lineOf(code, c.span.start) < 12);
      const relays = analysis.calls.filter((c) => c.relayOf === wrapped);
      assert.deepEqual(
        relays.map((c) => [c.callee, c.model, c.inLoop, c.api]),
        [
          ['ask', 'gpt-4o', false, 'openai.chat'],
          ['ask', 'gpt-4o-mini', true, 'openai.chat'],
        ],
      );
      // The model passed at the call is the one to fix there; the default stays with the wrapper.
      assert.equal(relays[0].modelSpan, null);
      const span = relays[1].modelSpan;
      assert.ok(span);
      assert.match(code.slice(span.start, span.end), /^['"]gpt-4o-mini['"]$/);
    });

    it('links the text each call passes to that call, with the role the wrapper gives it', () => {
      for (const [contains, callee] of [
        ['Summarize this invoice', 'ask'],
        ['Is this invoice overdue', 'ask'],
        ['Greet the customer', 'reply'],
      ]) {
        const prompt = analysis.prompts.find((p) => p.text.includes(contains));
        assert.ok(prompt && prompt.callIndex !== null, contains);
        const call = analysis.calls[prompt.callIndex];
        assert.ok(call.relayOf !== undefined && call.callee.endsWith(callee), `${contains} -> ${call.callee}`);
        assert.equal(prompt.role, 'user');
      }
    });

    it('leaves builder functions called inside an LLM call alone', () => {
      const built = analysis.prompts.find((p) => p.text.includes('short note about'));
      assert.ok(built && built.callIndex !== null);
      assert.equal(analysis.calls[built.callIndex].relayOf, undefined);
      assert.ok(!analysis.calls.some((c) => c.callee === 'build'));
    });

    it('prices a wrapper call with the wrapped call’s prompts and its own, and moves the volume to it', () => {
      const costs = priceFile(analysis, { relativePath: `app.${language === 'python' ? 'py' : 'ts'}`, config, catalog });
      const wrapped = costs.calls.find((c) => c.relayedBy.length === 2);
      assert.ok(wrapped?.cost);
      assert.equal(wrapped.cost.perMonthUsd, 0);
      const [summarize, classify] = wrapped.relayedBy.map((i) => costs.calls[i]);
      const system = costs.prompts.find((p) => p.site.role === 'system');
      const own = costs.prompts.find((p) => p.site.text.includes('Summarize this invoice'));
      assert.ok(system && own && summarize.cost && classify.cost);
      assert.deepEqual(summarize.promptIndexes, [costs.prompts.indexOf(system), costs.prompts.indexOf(own)]);
      assert.ok(summarize.inputTokens.tokens > system.tokens.tokens + own.tokens.tokens, 'both prompts and the message overhead');
      assert.equal(summarize.cost.perMonthUsd, summarize.cost.perCallUsd * config.volume.default);
      assert.equal(classify.modelId, 'openai/gpt-4o-mini');
      assert.ok(classify.cost.perCallUsd < summarize.cost.perCallUsd);
    });

    it('offers to pass the routed model to a wrapper call that takes the wrapper’s default', () => {
      const costs = priceFile(analysis, { relativePath: 'app', config, catalog });
      const findings = lintFile({ file: costs, text: code, config, catalog }, {});
      const at = code.indexOf('Summarize this invoice');
      const finding = findings.find((f) => f.ruleId === 'cheaper-model' && f.span.start <= at && at <= f.span.end + 200);
      const edit = finding?.fixes[0]?.edits[0];
      assert.ok(edit, JSON.stringify(findings.map((f) => [f.ruleId, lineOf(code, f.span.start)])));
      const fixed = code.slice(0, edit.span.start) + edit.newText + code.slice(edit.span.end);
      const line = fixed.split('\n').find((l) => l.includes('Summarize this invoice')) ?? '';
      assert.match(line, language === 'python' ? /\{invoice\}", model="gpt-4o-mini"\)$/ : /\{invoice\}`, "gpt-4o-mini"\);$/);
    });

    it('reports the missing bound once, at the wrapped call, and routing at the wrapper calls', () => {
      const costs = priceFile(analysis, { relativePath: 'app', config, catalog });
      const findings = lintFile({ file: costs, text: code, config, catalog }, {});
      const lines = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => lineOf(code, f.span.start));
      const wrappedLine = lineOf(code, costs.calls.find((c) => c.relayedBy.length === 2)!.site.span.start);
      assert.deepEqual(lines('unbounded-output'), [wrappedLine]);
      const routed = lines('cheaper-model');
      assert.ok(!routed.includes(wrappedLine), 'the wrapped call is judged at its callers');
      const summarizeLine = code.split('\n').findIndex((l) => l.includes('Summarize this invoice')) + 1;
      assert.ok(routed.includes(summarizeLine), `routing findings at ${routed.join(', ')}`);
    });
  });
}

describe('wrapper calls and the length a prompt asks for', () => {
  it('needs no bound on the wrapped call when every call of the wrapper asks for a length', async () => {
    const code = `from openai import OpenAI
client = OpenAI()
def ask(q):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])
ask("Name the capital of France in one word.")
ask("Describe Paris in at most two sentences.")
`;
    const costs = priceFile(await analyzeSource(grammars, code, 'python', { force: true }), { relativePath: 'a.py', config, catalog });
    const findings = lintFile({ file: costs, text: code, config, catalog }, {});
    assert.deepEqual(findings.filter((f) => f.ruleId === 'unbounded-output'), []);
  });
});

describe('what is not a wrapper call', () => {
  it('does not follow arguments into a destructured options object or past *args', async () => {
    const ts = `import OpenAI from 'openai';
const openai = new OpenAI();
async function ask({ prompt }: { prompt: string }) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}
ask({ prompt: 'Summarize the quarterly report in three bullet points.' });
`;
    const py = `from openai import OpenAI
client = OpenAI()
def ask(*parts, question=""):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
ask("Summarize the quarterly report in three bullet points.")
`;
    for (const [language, code] of [['typescript', ts], ['python', py]] as const) {
      const analysis = await analyzeSource(grammars, code, language, { force: true });
      assert.deepEqual(analysis.calls.filter((c) => c.relayOf !== undefined), [], language);
    }
  });

  it('does not count a wrapper calling itself', async () => {
    const code = `from openai import OpenAI
client = OpenAI()
def ask(q, retries=2):
    try:
        return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])
    except Exception:
        return ask(q, retries - 1) if retries else None
`;
    const analysis = await analyzeSource(grammars, code, 'python', { force: true });
    assert.equal(analysis.calls.length, 1);
  });
});

describe('which function a wrapper call runs', () => {
  it('takes the definition in scope at the call when a name is defined twice (Python)', async () => {
    const code = `from openai import OpenAI
client = OpenAI()
def ask(q):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])
ask("Translate the menu into French for the Paris shop.")
def ask(q):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": q}])
ask("Translate the menu into German for the Berlin shop.")
`;
    const analysis = await analyzeSource(grammars, code, 'python', { force: true });
    const relays = analysis.calls.filter((c) => c.relayOf !== undefined);
    assert.deepEqual(
      relays.map((c) => [lineOf(code, c.span.start), analysis.calls[c.relayOf!].model]),
      [
        [5, 'gpt-4o'],
        [8, 'gpt-4o-mini'],
      ],
    );
  });

  it('takes the function the name is bound to at the call (TypeScript)', async () => {
    const code = `import OpenAI from 'openai';
const openai = new OpenAI();
function outer() {
  const ask = (q: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });
  return ask('Translate the menu into French for the Paris shop.');
}
async function ask(q: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
ask('Translate the menu into German for the Berlin shop.');
`;
    const analysis = await analyzeSource(grammars, code, 'typescript', { force: true });
    const relays = analysis.calls.filter((c) => c.relayOf !== undefined);
    assert.deepEqual(
      relays.map((c) => [lineOf(code, c.span.start), analysis.calls[c.relayOf!].model]),
      [
        [5, 'gpt-4o-mini'],
        [10, 'gpt-4o'],
      ],
    );
  });
});

describe('passing the routed model to a wrapper call', () => {
  it('adds the keyword after a trailing comma without doubling it', async () => {
    const code = `from openai import OpenAI
client = OpenAI()
def ask(q, model="gpt-4o"):
    return client.chat.completions.create(model=model, max_tokens=20, messages=[{"role": "user", "content": q}])
ask(
    "Is this sentence about billing or about shipping? Reply with one word: billing or shipping.",
)
`;
    const costs = priceFile(await analyzeSource(grammars, code, 'python', { force: true }), { relativePath: 'a.py', config, catalog });
    const edit = lintFile({ file: costs, text: code, config, catalog }, {}).find((f) => f.ruleId === 'cheaper-model')?.fixes[0]?.edits[0];
    assert.ok(edit);
    const fixed = code.slice(0, edit.span.start) + edit.newText + code.slice(edit.span.end);
    assert.match(fixed, /shipping\.", model="gpt-4\.1-nano",?\n\)/);
  });
});
